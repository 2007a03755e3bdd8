// l1-builtin-project-root: rootDirectory() is the directory of Pulumi.yaml.
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { ctx.Export("rootDirectoryOutput", ctx.root_directory()); });
}
