// Run with the real engine: `pulumi up` in this directory (runtime: cpp).
#include "database.h"

#include "pulumi/run.h"

int main() { return pulumi::Run(example::Program); }
