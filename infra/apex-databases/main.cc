#include "apex_databases/program.h"

int main() { return pulumi::Run(apex::databases::Program); }
