// l2-recover-invoke: invokes that fail, their errors recovered into values. C++ recovers with try/catch
// around the plain form of the invoke, called once its argument (an output) is known.
#include "pulumi/fail_on_create/fail.h"
#include "pulumi/pulumi.h"
#include "pulumi/simple/resource.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    namespace foc = pulumi::fail_on_create;
    pulumi::simple::Resource independent(ctx, "independent", {.value = true});
    auto recovered = independent.value().Apply([&ctx](bool value) -> std::string {
      try {
        return foc::FailPlain(ctx, {.value = value}).message;
      } catch (pulumi::InvokeError const& error) {
        return std::string("recovered: ") + error.what();
      }
    });
    ctx.Export("recovered", recovered);
    auto recovered_value = independent.value().Apply([&ctx](bool value) -> bool {
      try {
        return foc::FailPlain(ctx, {.value = value}).value;
      } catch (pulumi::InvokeError const& error) {
        return std::string(error.what()) != "";
      }
    });
    pulumi::simple::Resource recovered_value_resource(ctx, "recovered_value", {.value = recovered_value});
  });
}
