// l1-keyword-overlap: names that are keywords in some languages (class, export, import, mod, object, self,
// this, if) as locals and stack outputs.
#include "pulumi/pulumi.h"

#include <string>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    // `class`, `export` and `this` are C++ keywords; the locals get a trailing underscore.
    std::string class_ = "class_output_string";
    std::string export_ = "export_output_string";
    std::string import = "import_output_string";
    std::string mod = "mod_output_string";
    pulumi::PropertyMap object{{"object", "object_output_string"}};
    std::string self = "self_output_string";
    std::string this_ = "this_output_string";
    std::string if_ = "if_output_string";
    ctx.Export("class", class_);
    ctx.Export("export", export_);
    ctx.Export("import", import);
    ctx.Export("mod", mod);
    ctx.Export("object", object);
    ctx.Export("self", self);
    ctx.Export("this", this_);
    ctx.Export("if", if_);
  });
}
