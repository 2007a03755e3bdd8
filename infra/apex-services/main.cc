#include "apex_services/program.h"

int main() { return pulumi::Run(apex::services::Program); }
