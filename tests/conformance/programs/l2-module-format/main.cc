// l2-module-format: a package whose tokens carry a moduleFormat suffix ("mod_Resource", "mod/nested_Resource",
// "index_Resource"); the generated SDK names each module once (mod, mod::nested, the package namespace), so
// the PCL's full and short spellings of a token are the same C++ class or function. Each resource's text
// comes from an invoke and each resource's method `call` is exported.
#include "pulumi/module_format/concat_world.h"
#include "pulumi/module_format/mod/concat_world.h"
#include "pulumi/module_format/mod/nested/concat_world.h"
#include "pulumi/module_format/mod/nested/resource.h"
#include "pulumi/module_format/mod/resource.h"
#include "pulumi/module_format/resource.h"
#include "pulumi/pulumi.h"

#include <string>

namespace mf = pulumi::module_format;

namespace {

// The text of a resource: `value` through the module's concatWorld function.
template <typename Result, typename Fn>
pulumi::Output<std::string> Concat(pulumi::Context& ctx, Fn fn, std::string value) {
  return fn(ctx, {.value = std::move(value)}, {}).Apply([](Result const& r) { return r.result; });
}

// Exports the `output` of the resource's method `call` with `input`.
template <typename Res>
void ExportCall(pulumi::Context& ctx, std::string const& name, Res const& res, std::string input) {
  ctx.Export(name, res.call({.input = std::move(input)}).Apply([](auto const& r) { return r.output; }));
}

}  // namespace

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    // module-format:mod_Resource:Resource, then module-format:mod:Resource
    mf::mod::Resource res1(ctx, "res1",
                           {.text = Concat<mf::mod::ConcatWorldResult>(ctx, mf::mod::ConcatWorld, "hello")});
    ExportCall(ctx, "out1", res1, "x");
    mf::mod::Resource res2(ctx, "res2",
                           {.text = Concat<mf::mod::ConcatWorldResult>(ctx, mf::mod::ConcatWorld, "goodbye")});
    ExportCall(ctx, "out2", res2, "xx");

    // module-format:mod/nested_Resource:Resource, then module-format:mod/nested:Resource
    mf::mod::nested::Resource res3(
        ctx, "res3", {.text = Concat<mf::mod::nested::ConcatWorldResult>(ctx, mf::mod::nested::ConcatWorld, "hello")});
    ExportCall(ctx, "out3", res3, "x");
    mf::mod::nested::Resource res4(
        ctx, "res4",
        {.text = Concat<mf::mod::nested::ConcatWorldResult>(ctx, mf::mod::nested::ConcatWorld, "goodbye")});
    ExportCall(ctx, "out4", res4, "xx");

    // module-format:index_Resource:Resource, module-format:index:Resource and module-format:Resource
    mf::Resource res5(ctx, "res5", {.text = Concat<mf::ConcatWorldResult>(ctx, mf::ConcatWorld, "bonjour")});
    ExportCall(ctx, "out5", res5, "x");
    mf::Resource res6(ctx, "res6", {.text = Concat<mf::ConcatWorldResult>(ctx, mf::ConcatWorld, "youkoso")});
    ExportCall(ctx, "out6", res6, "xx");
    mf::Resource res7(ctx, "res7", {.text = Concat<mf::ConcatWorldResult>(ctx, mf::ConcatWorld, "guten tag")});
    ExportCall(ctx, "out7", res7, "xxx");
  });
}
