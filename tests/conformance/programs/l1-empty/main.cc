// l1-empty: a program with no resources and no outputs (only the Stack is registered).
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context&) {});
}
