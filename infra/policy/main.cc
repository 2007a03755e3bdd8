#include "apex_policy/pack.h"

int main(int argc, char** argv) {
  return pulumi::policy::Main(
      argc, argv, [](pulumi::Context& ctx) { return apex::policy::MakeApexPolicyPack(apex::policy::OptionsFor(ctx)); });
}
