// l1-builtin-project-root-main: with `main: subdir`, rootDirectory() is the directory of Pulumi.yaml and
// cwd() is the program directory.
#include "pulumi/pulumi.h"

#include <filesystem>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    ctx.Export("rootDirectoryOutput", ctx.root_directory());
    ctx.Export("workingDirectoryOutput", std::filesystem::current_path().string());
  });
}
