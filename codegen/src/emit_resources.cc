// Resources (and the provider): the Args and State structs, and the class with typed outputs.
#include "emit.h"

namespace pulumi::codegen::emit {
namespace {

// Accessors that would hide the members of CustomResource that a program needs get a trailing '_'.
// `name()` and `type()` are left to the schema's properties (gcp names hundreds of them `name`); the
// resource's own name and type stay reachable as `pulumi::Resource::name()`.
std::string AccessorName(std::string const& member) {
  static std::set<std::string> const kTaken = {"id", "urn", "outputs", "custom", "internal_state", "package"};
  return kTaken.count(member) ? member + "_" : member;
}

bool AnyRequired(std::vector<Property> const& properties) {
  for (auto const& p : properties) {
    if (p.required) return true;
  }
  return false;
}

std::string ArgsStruct(Context const& ctx, std::string const& name, std::string const& doc,
                       std::vector<Property> const& properties, bool all_optional, std::string const& ns,
                       Uses& uses) {
  auto members = MemberNames(properties);
  std::string s = doc + "struct " + name + " {\n";
  for (std::size_t i = 0; i < properties.size(); ++i) {
    auto const& p = properties[i];
    bool required = p.required && !all_optional;
    s += DocComment(p.description, "  ") + DeprecatedComment(p.deprecation, "  ");
    s += "  " + MemberTypeOf(ctx, p, required, Form::kInput, ns, "", uses) + " " + members[i] + Initializer(required) +
         ";\n";
  }
  return s + "};\n\n";
}

std::string InputsFunction(std::string const& fn, std::string const& args, std::vector<Property> const& properties) {
  auto members = MemberNames(properties);
  std::string s = "::pulumi::PropertyInputs " + fn + "(" + args + " const& args) {\n  ::pulumi::ArgsBuilder b;\n";
  for (std::size_t i = 0; i < properties.size(); ++i) s += AddMember(properties[i], "args." + members[i], Form::kInput);
  return s + "  return std::move(b).Inputs();\n}\n\n";
}

}  // namespace

void EmitResource(Context const& ctx, Resource const& resource, bool provider, ModuleOutput& out) {
  auto const& e = ctx.entity(resource.token);
  auto const& names = ctx.names(e.module);
  std::string state = provider ? "" : names.states.at(resource.token);
  Uses uses;
  uses.headers.insert(ctx.package_dir() + "/internal/package.h");
  std::string const& ns = e.ns;
  bool args_required = AnyRequired(resource.input_properties);

  std::string body = "namespace " + ns + " {\n\n";
  body += ArgsStruct(ctx, e.args, "/// The arguments of " + e.name + ".\n", resource.input_properties, false, ns, uses);
  bool has_state = !provider && resource.state_inputs.has_value();
  if (has_state) {
    body += ArgsStruct(ctx, state, "/// The known state of an existing " + e.name + ", for " + e.name + "::Get.\n",
                       *resource.state_inputs, true, ns, uses);
  }
  body += DocComment(resource.description, "");
  std::string base = provider ? "::pulumi::ProviderResource" : "::pulumi::CustomResource";
  body += "class " + DeprecatedAttribute(resource.deprecation) + e.name + " : public " + base + " {\n public:\n";
  body += "  static constexpr char kType[] = " + Quote(resource.token) + ";\n\n";
  body += "  " + e.name + "(::pulumi::Context& ctx, std::string name, " + e.args + " const& args" +
          (args_required ? "" : " = {}") + ", ::pulumi::ResourceOptions const& opts = {});\n";
  if (!provider) {
    body += "  /// Reads the existing " + e.name + " with the given id.\n";
    body += "  static " + e.name + " Get(::pulumi::Context& ctx, std::string name, ::pulumi::Input<std::string> id, " +
            (has_state ? state + " const& state = {}, " : std::string()) + "::pulumi::ResourceOptions const& opts = {});\n";
  }
  body += "\n";
  auto members = MemberNames(resource.properties);
  std::vector<std::string> accessors;
  for (std::size_t i = 0; i < resource.properties.size(); ++i) {
    auto const& p = resource.properties[i];
    accessors.push_back(AccessorName(members[i]));
    body += DocComment(p.description, "  ");
    body += "  " + DeprecatedAttribute(p.deprecation) + "::pulumi::Output<" +
            MemberTypeOf(ctx, p, p.required, Form::kOutput, ns, "", uses) + "> " + accessors.back() + "() const;\n";
  }
  if (!provider) {
    body += "\n private:\n  explicit " + e.name + "(::pulumi::CustomResource resource)\n      : ::pulumi::CustomResource(std::move(resource)) {}\n";
  }
  body += "};\n\n}  // namespace " + ns + "\n";
  out.headers[e.header] = Header(ctx, e.header, uses, body, e.header);

  // Definitions: inputs, options (package version, aliases, replaceOnChanges, secret outputs), accessors.
  std::string code;
  std::string inputs_fn = e.name + "Inputs";
  std::string options_fn = e.name + "Options";
  code += "namespace {\n\n";
  code += InputsFunction(inputs_fn, e.args, resource.input_properties);
  if (has_state) code += InputsFunction(e.name + "StateInputs", state, *resource.state_inputs);
  code += "::pulumi::ResourceOptions " + options_fn + "(::pulumi::ResourceOptions opts) {\n";
  code += "  opts = " + ctx.package_ns() + "::internal::WithPackageDefaults(std::move(opts));\n";
  for (auto const& alias : resource.aliases) {
    code += "  opts.aliases.push_back({.type = std::string(" + Quote(alias) + ")});\n";
  }
  for (auto const& path : resource.replace_on_changes) {
    code += "  opts.replace_on_changes.push_back(" + Quote(path) + ");\n";
  }
  for (auto const& p : resource.properties) {
    if (p.secret) code += "  opts.additional_secret_outputs.push_back(" + Quote(p.name) + ");\n";
  }
  code += "  return opts;\n}\n\n}  // namespace\n\n";
  if (provider) {
    code += e.name + "::" + e.name + "(::pulumi::Context& ctx, std::string name, " + e.args +
            " const& args, ::pulumi::ResourceOptions const& opts)\n    : ::pulumi::ProviderResource(ctx, " +
            Quote(ctx.package().name) + ", std::move(name), " + inputs_fn + "(args), " + options_fn + "(opts)) {}\n\n";
  } else {
    code += e.name + "::" + e.name + "(::pulumi::Context& ctx, std::string name, " + e.args +
            " const& args, ::pulumi::ResourceOptions const& opts)\n    : ::pulumi::CustomResource(ctx, kType, std::move(name), " +
            inputs_fn + "(args), " + options_fn + "(opts)) {}\n\n";
    code += e.name + " " + e.name + "::Get(::pulumi::Context& ctx, std::string name, ::pulumi::Input<std::string> id, " +
            (has_state ? state + " const& state, " : std::string()) + "::pulumi::ResourceOptions const& opts) {\n";
    code += "  return " + e.name + "(::pulumi::CustomResource::Get(ctx, kType, std::move(name), std::move(id), " +
            (has_state ? e.name + "StateInputs(state)" : std::string("{}")) + ", " + options_fn + "(opts)));\n}\n\n";
  }
  for (std::size_t i = 0; i < resource.properties.size(); ++i) {
    auto const& p = resource.properties[i];
    Uses ignored;
    std::string t = MemberTypeOf(ctx, p, p.required, Form::kOutput, ns, "", ignored);
    code += "::pulumi::Output<" + t + "> " + e.name + "::" + accessors[i] + "() const {\n  return GetOutput<" + t +
            ">(" + Quote(p.name) + ");\n}\n";
  }
  std::size_t weight = 10 + 2 * resource.input_properties.size() + resource.properties.size() +
                       (resource.state_inputs ? resource.state_inputs->size() : 0);
  out.definitions.push_back({.code = code, .header = e.header, .weight = weight, .ns = ns, .uses = uses});
}

}  // namespace pulumi::codegen::emit
