// l2-keywords: properties, modules and resources named like keywords of other languages (lambda, property,
// builtins, module).
#include "pulumi/keywords/lambda/some_resource.h"
#include "pulumi/keywords/module_/lambda.h"
#include "pulumi/keywords/some_resource.h"
#include "pulumi/pulumi.h"

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::keywords::SomeResource first_resource(ctx, "firstResource",
                                                  {.builtins = "builtins", .lambda = "lambda", .property = "property"});
    pulumi::keywords::SomeResource second_resource(ctx, "secondResource",
                                                   {.builtins = first_resource.builtins(),
                                                    .lambda = first_resource.lambda(),
                                                    .property = first_resource.property()});
    pulumi::keywords::lambda::SomeResource lambda_module_resource(
        ctx, "lambdaModuleResource", {.builtins = "builtins", .lambda = "lambda", .property = "property"});
    pulumi::keywords::module_::Lambda lambda_resource(
        ctx, "lambdaResource", {.builtins = "builtins", .lambda = "lambda", .property = "property"});
  });
}
