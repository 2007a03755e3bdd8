#include "managed_secret.h"

int main() { return pulumi::Run(infra::Program); }
