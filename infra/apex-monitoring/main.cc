#include "apex_monitoring/program.h"

int main() { return pulumi::Run(apex::monitoring::Program); }
