// Functions (invokes): an output form taking inputs and a plain form taking values, with a typed result.
// A function with `multiArgumentInputs` takes its inputs as positional parameters instead of an args struct;
// one with `plain: false` has only the output form. Optional inputs with a schema default get that default
// when the caller leaves them out.
#include "emit.h"

#include <algorithm>

namespace pulumi::codegen::emit {
namespace {

/// A parameter name that cannot clash with the generated function's own (ctx, opts and locals).
std::string ParameterName(std::string name) {
  static char const* const kReserved[] = {"ctx", "opts", "b", "inputs", "m", "args"};
  while (std::find(std::begin(kReserved), std::end(kReserved), name) != std::end(kReserved)) name += '_';
  return name;
}

}  // namespace

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
  bool positional = !function.multi_argument_inputs.empty();
  bool plain_form = function.plain_form;

  // Positional parameters: the inputs in `multiArgumentInputs` order. An optional one defaults to "not
  // given" only when every parameter after it is optional too.
  std::vector<std::size_t> order;
  for (auto const& name : function.multi_argument_inputs) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (inputs[i].name == name) order.push_back(i);
    }
  }
  std::vector<std::string> param_names(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) param_names[i] = ParameterName(in_members[i]);
  std::vector<bool> param_defaulted(order.size(), false);
  for (std::size_t k = order.size(); k-- > 0;) {
    if (inputs[order[k]].required) break;
    param_defaulted[k] = true;
  }
  // "T1 first, std::optional<T2> second = {}, " for the declaration (with defaults) or definition.
  auto parameters = [&](Form form, bool declaration) {
    std::string s;
    for (std::size_t k = 0; k < order.size(); ++k) {
      auto const& p = inputs[order[k]];
      s += MemberTypeOf(ctx, p, p.required, form, ns, "", uses) + " " + param_names[order[k]];
      if (declaration && param_defaulted[k]) s += " = {}";
      s += ", ";
    }
    return s;
  };

  std::string body = "namespace " + ns + " {\n\n";
  if (!positional) {
    body += "/// The arguments of " + e.name + ".\nstruct " + e.args + " {\n";
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      body += DocComment(inputs[i].description, "  ");
      body += "  " + MemberTypeOf(ctx, inputs[i], inputs[i].required, Form::kInput, ns, "", uses) + " " +
              in_members[i] + Initializer(inputs[i].required) + ";\n";
    }
    body += "};\n\n";
    if (plain_form) {
      body += "/// The arguments of " + plain_fn + ": values, not outputs.\nstruct " + plain_args + " {\n";
      for (std::size_t i = 0; i < inputs.size(); ++i) {
        body += "  " + MemberTypeOf(ctx, inputs[i], inputs[i].required, Form::kPlain, ns, "", uses) + " " +
                in_members[i] + Initializer(inputs[i].required) + ";\n";
      }
      body += "};\n\n";
    }
  }

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
  if (positional) {
    body += "/// Output form: waits for output arguments; the result is secret if an argument is.\n";
    body += deprecated + "::pulumi::Output<" + result + "> " + e.name + "(::pulumi::Context& ctx, " +
            parameters(Form::kInput, true) + "::pulumi::InvokeOptions const& opts = {});\n";
    if (plain_form) {
      body += "/// Plain form: blocks until the provider answers; throws pulumi::InvokeError if it fails.\n";
      body += deprecated + result + " " + plain_fn + "(::pulumi::Context& ctx, " + parameters(Form::kPlain, true) +
              "::pulumi::InvokeOptions const& opts = {});\n";
    }
  } else {
    body += "/// Output form: waits for output arguments; the result is secret if an argument is.\n";
    body += deprecated + "::pulumi::Output<" + result + "> " + e.name + "(::pulumi::Context& ctx, " + e.args +
            " const& args" + dflt + ", ::pulumi::InvokeOptions const& opts = {});\n";
    if (plain_form) {
      body += "/// Plain form: blocks until the provider answers; throws pulumi::InvokeError if it fails.\n";
      body += deprecated + result + " " + plain_fn + "(::pulumi::Context& ctx, " + plain_args + " const& args" + dflt +
              ", ::pulumi::InvokeOptions const& opts = {});\n";
    }
  }
  body += "\n}  // namespace " + ns + "\n";
  if (!function.return_type) {
    std::string q = "::" + ns + "::" + result;
    body += "\nnamespace pulumi {\ntemplate <>\nstruct PropertyDecoder<" + q + "> {\n  static " + q +
            " Decode(PropertyValue const& value);\n};\n}  // namespace pulumi\n";
  }
  out.headers[e.header] = Header(ctx, e.header, uses, body, e.header);

  std::string code;
  std::string options = ctx.package().parameterization ? ctx.package_ns() + "::internal::WithPackageRef(ctx, opts)"
                                                       : ctx.package_ns() + "::internal::WithPackageDefaults(opts)";
  std::string decode = function.return_type
                           ? "[](::pulumi::PropertyMap const& m) { return ::pulumi::FromPropertyValue<" + result +
                                 ">(m.empty() ? ::pulumi::PropertyValue() : m.begin()->second); }"
                           : "[](::pulumi::PropertyMap const& m) { return ::pulumi::FromPropertyValue<" + result +
                                 ">(::pulumi::PropertyValue(m)); }";
  // How the definitions name input i: a parameter, or a member of `args`.
  auto input_expr = [&](std::size_t i) { return positional ? param_names[i] : "args." + in_members[i]; };
  std::string output_params = positional ? parameters(Form::kInput, false) : e.args + " const& args, ";
  code += "::pulumi::Output<" + result + "> " + e.name + "(::pulumi::Context& ctx, " + output_params +
          "::pulumi::InvokeOptions const& opts) {\n";
  code += "  ::pulumi::gen::ArgsBuilder b;\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    code += AddMember(inputs[i], WithSchemaDefault(inputs[i], input_expr(i)), Form::kInput);
  }
  if (inputs.empty()) code += "  static_cast<void>(args);\n";
  code += "  auto inputs = std::move(b).Inputs();\n";
  code += "  return ::pulumi::Invoke(ctx, " + Quote(function.token) + ", std::move(inputs), " + options +
          ")\n      .Apply(" + decode + ");\n}\n";
  if (plain_form) {
    std::string plain_params = positional ? parameters(Form::kPlain, false) : plain_args + " const& args, ";
    code += "\n" + result + " " + plain_fn + "(::pulumi::Context& ctx, " + plain_params +
            "::pulumi::InvokeOptions const& opts) {\n";
    code += "  ::pulumi::PropertyMap inputs;\n";
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      code += "  ::pulumi::gen::EncodeMember(inputs, " + Quote(inputs[i].name) + ", " +
              WithSchemaDefault(inputs[i], input_expr(i)) + ");\n";
    }
    if (inputs.empty()) code += "  static_cast<void>(args);\n";
    code +=
        "  auto m = ::pulumi::InvokePlain(ctx, " + Quote(function.token) + ", std::move(inputs), " + options + ");\n";
    code += "  return (" + decode + ")(m);\n}\n";
  }
  out.definitions.push_back(
      {.code = code, .header = e.header, .weight = 10 + 3 * inputs.size(), .ns = ns, .uses = uses});

  if (!function.return_type) {
    std::string q = "::" + ns + "::" + result;
    std::string dec = q + " PropertyDecoder<" + q + ">::Decode(PropertyValue const& value) {\n";
    dec += "  auto const& object = gen::ObjectOf(value, " + Quote("an object (" + function.token + " result)") + ");\n";
    dec += "  " + q + " out{};\n";
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      dec += "  gen::DecodeMember(object, " + Quote(outputs[i].name) + ", out." + out_members[i] + ");\n";
    }
    dec += "  return out;\n}\n";
    out.definitions.push_back({.code = dec, .header = e.header, .weight = 1 + outputs.size(), .ns = "pulumi"});
  }
}

}  // namespace pulumi::codegen::emit
