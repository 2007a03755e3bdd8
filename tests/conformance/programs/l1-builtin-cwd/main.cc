// l1-builtin-cwd: cwd() is the program's working directory.
#include "pulumi/pulumi.h"

#include <filesystem>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) { ctx.Export("cwdOutput", std::filesystem::current_path().string()); });
}
