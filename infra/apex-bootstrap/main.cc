#include "apex_bootstrap/program.h"

int main() { return pulumi::Run(apex::bootstrap::Program); }
