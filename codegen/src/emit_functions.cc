// Functions (invokes): an output form taking inputs and a plain form taking values, with a typed result.
#include "emit.h"

namespace pulumi::codegen::emit {

void EmitFunction(Context const& ctx, Function const& function, ModuleOutput& out) {
  auto const& e = ctx.entity(function.token);
  auto const& names = ctx.names(e.module);
  std::string const& ns = e.ns;
  std::string const& result = names.results.at(function.token);
  std::string const& plain_fn = names.plain_functions.at(function.token);
  std::string const& plain_args = names.plain_args.at(function.token);
  Uses uses;
  uses.headers.insert(ctx.package_dir() + "/internal/package.h");
  std::vector<Property> inputs = function.inputs.value_or(std::vector<Property>{});
  auto in_members = MemberNames(inputs);
  bool any_required = false;
  for (auto const& p : inputs) any_required = any_required || p.required;
  std::string dflt = any_required ? "" : " = {}";

  std::string body = "namespace " + ns + " {\n\n";
  body += "/// The arguments of " + e.name + ".\nstruct " + e.args + " {\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    body += DocComment(inputs[i].description, "  ");
    body += "  " + MemberTypeOf(ctx, inputs[i], inputs[i].required, Form::kInput, ns, "", uses) + " " + in_members[i] +
            Initializer(inputs[i].required) + ";\n";
  }
  body += "};\n\n/// The arguments of " + plain_fn + ": values, not outputs.\nstruct " + plain_args + " {\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    body += "  " + MemberTypeOf(ctx, inputs[i], inputs[i].required, Form::kPlain, ns, "", uses) + " " +
            in_members[i] + Initializer(inputs[i].required) + ";\n";
  }
  body += "};\n\n";

  // The result: an object's properties, or a single value of another type.
  std::string result_type = result;
  std::vector<Property> outputs = function.outputs.value_or(std::vector<Property>{});
  auto out_members = MemberNames(outputs);
  if (function.return_type) {
    result_type = TypeOf(ctx, *function.return_type, Form::kOutput, ns, "", uses);
    body += "using " + result + " = " + result_type + ";\n\n";
  } else {
    body += "/// The result of " + e.name + ".\nstruct " + result + " {\n";
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      body += DocComment(outputs[i].description, "  ") + DeprecatedComment(outputs[i].deprecation, "  ");
      body += "  " + MemberTypeOf(ctx, outputs[i], outputs[i].required, Form::kOutput, ns, "", uses) + " " +
              out_members[i] + "{};\n";
    }
    body += "};\n\n";
  }
  std::string deprecated = DeprecatedAttribute(function.deprecation);
  body += DocComment(function.description, "");
  body += "/// Output form: waits for output arguments; the result is secret if an argument is.\n";
  body += deprecated + "::pulumi::Output<" + result + "> " + e.name + "(::pulumi::Context& ctx, " + e.args +
          " const& args" + dflt + ", ::pulumi::InvokeOptions const& opts = {});\n";
  body += "/// Plain form: blocks until the provider answers; throws pulumi::InvokeError if it fails.\n";
  body += deprecated + result + " " + plain_fn + "(::pulumi::Context& ctx, " + plain_args + " const& args" + dflt +
          ", ::pulumi::InvokeOptions const& opts = {});\n\n";
  body += "}  // namespace " + ns + "\n";
  if (!function.return_type) {
    std::string q = "::" + ns + "::" + result;
    body += "\nnamespace pulumi {\ntemplate <>\nstruct PropertyDecoder<" + q + "> {\n  static " + q +
            " Decode(PropertyValue const& value);\n};\n}  // namespace pulumi\n";
  }
  out.headers[e.header] = Header(ctx, e.header, uses, body, e.header);

  std::string code;
  std::string options = ctx.package_ns() + "::internal::WithPackageDefaults(opts)";
  std::string decode = function.return_type
                           ? "[](::pulumi::PropertyMap const& m) { return ::pulumi::FromPropertyValue<" + result +
                                 ">(m.empty() ? ::pulumi::PropertyValue() : m.begin()->second); }"
                           : "[](::pulumi::PropertyMap const& m) { return ::pulumi::FromPropertyValue<" + result +
                                 ">(::pulumi::PropertyValue(m)); }";
  code += "::pulumi::Output<" + result + "> " + e.name + "(::pulumi::Context& ctx, " + e.args +
          " const& args, ::pulumi::InvokeOptions const& opts) {\n";
  code += "  ::pulumi::ArgsBuilder b;\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) code += AddMember(inputs[i], "args." + in_members[i], Form::kInput);
  if (inputs.empty()) code += "  static_cast<void>(args);\n";
  code += "  auto inputs = std::move(b).Inputs();\n";
  code += "  return ::pulumi::Invoke(ctx, " + Quote(function.token) + ", std::move(inputs), " + options +
          ")\n      .Apply(" + decode + ");\n}\n\n";
  code += result + " " + plain_fn + "(::pulumi::Context& ctx, " + plain_args +
          " const& args, ::pulumi::InvokeOptions const& opts) {\n";
  code += "  ::pulumi::PropertyMap inputs;\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    code += "  ::pulumi::EncodeMember(inputs, " + Quote(inputs[i].name) + ", args." + in_members[i] + ");\n";
  }
  if (inputs.empty()) code += "  static_cast<void>(args);\n";
  code += "  auto m = ::pulumi::InvokePlain(ctx, " + Quote(function.token) + ", std::move(inputs), " + options + ");\n";
  code += "  return (" + decode + ")(m);\n}\n";
  out.definitions.push_back({.code = code, .header = e.header, .weight = 10 + 3 * inputs.size(), .ns = ns, .uses = uses});

  if (!function.return_type) {
    std::string q = "::" + ns + "::" + result;
    std::string dec = q + " PropertyDecoder<" + q + ">::Decode(PropertyValue const& value) {\n";
    dec += "  auto const& object = ObjectOf(value, " + Quote("an object (" + function.token + " result)") + ");\n";
    dec += "  " + q + " out{};\n";
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      dec += "  DecodeMember(object, " + Quote(outputs[i].name) + ", out." + out_members[i] + ");\n";
    }
    dec += "  return out;\n}\n";
    out.definitions.push_back({.code = dec, .header = e.header, .weight = 1 + outputs.size(), .ns = "pulumi"});
  }
}

}  // namespace pulumi::codegen::emit
