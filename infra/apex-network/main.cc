#include "apex_network/program.h"

int main() { return pulumi::Run(apex::network::Program); }
