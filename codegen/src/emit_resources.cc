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
                       std::vector<Property> const& properties, bool all_optional, std::string const& ns, Uses& uses) {
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

/// The function turning an args struct into a resource's inputs; `defaults` fills schema defaults in.
std::string InputsFunction(std::string const& fn, std::string const& args, std::vector<Property> const& properties,
                           bool defaults) {
  auto members = MemberNames(properties);
  std::string s = "::pulumi::PropertyInputs " + fn + "(" + args + " const& args) {\n  ::pulumi::gen::ArgsBuilder b;\n";
  for (std::size_t i = 0; i < properties.size(); ++i) {
    std::string member = "args." + members[i];
    s += AddMember(properties[i], defaults ? WithSchemaDefault(properties[i], member) : member, Form::kInput);
  }
  return s + "  return std::move(b).Inputs();\n}\n\n";
}

/// The C++ pieces of a resource's methods: declarations in the class, types before it, definitions.
struct MethodCode {
  std::string types;                ///< args and result structs, before the class
  std::string declarations;         ///< member functions
  std::string decoders;             ///< PropertyDecoder specializations, after the namespace
  std::string definitions;          ///< member function definitions
  std::string decoder_definitions;  ///< in namespace pulumi
};

MethodCode Methods(Context const& ctx, Resource const& resource, Entity const& e, std::set<std::string> taken,
                   Uses& uses) {
  MethodCode c;
  std::string const& ns = e.ns;
  for (auto const& m : resource.methods) {
    auto const& f = m.function;
    std::string pascal = TypeName(m.name);
    std::string args = e.name + pascal + "Args";
    std::string result = e.name + pascal + "Result";
    std::string fn = MemberName(m.name);
    while (taken.count(fn)) fn += "_";
    taken.insert(fn);
    std::vector<Property> inputs = f.inputs.value_or(std::vector<Property>{});
    std::vector<Property> outputs = f.outputs.value_or(std::vector<Property>{});
    bool any_required = AnyRequired(inputs);
    if (!inputs.empty()) {
      c.types += ArgsStruct(ctx, args, "/// The arguments of " + e.name + "::" + fn + ".\n", inputs, false, ns, uses);
    }
    std::string q = "::" + ns + "::" + result;
    std::string decode;
    if (f.return_type) {
      c.types += "using " + result + " = " + TypeOf(ctx, *f.return_type, Form::kOutput, ns, "", uses) + ";\n\n";
      decode = "[](::pulumi::PropertyMap const& m) { return ::pulumi::FromPropertyValue<" + result +
               ">(m.empty() ? ::pulumi::PropertyValue() : m.begin()->second); }";
    } else {
      auto members = MemberNames(outputs);
      c.types += "/// The result of " + e.name + "::" + fn + ".\nstruct " + result + " {\n";
      for (std::size_t i = 0; i < outputs.size(); ++i) {
        c.types += DocComment(outputs[i].description, "  ") + DeprecatedComment(outputs[i].deprecation, "  ");
        c.types += "  " + MemberTypeOf(ctx, outputs[i], outputs[i].required, Form::kOutput, ns, "", uses) + " " +
                   members[i] + "{};\n";
      }
      c.types += "};\n\n";
      c.decoders += "template <>\nstruct PropertyDecoder<" + q + "> {\n  static " + q +
                    " Decode(PropertyValue const& value);\n};\n";
      std::string dec = q + " PropertyDecoder<" + q + ">::Decode(PropertyValue const& value) {\n";
      dec += "  auto const& object = gen::ObjectOf(value, " + Quote("an object (" + f.token + " result)") + ");\n";
      dec += "  " + q + " out{};\n";
      for (std::size_t i = 0; i < outputs.size(); ++i) {
        dec += "  gen::DecodeMember(object, " + Quote(outputs[i].name) + ", out." + members[i] + ");\n";
      }
      c.decoder_definitions += dec + "  return out;\n}\n";
      decode = "[](::pulumi::PropertyMap const& m) { return ::pulumi::FromPropertyValue<" + result +
               ">(::pulumi::PropertyValue(m)); }";
    }
    std::string params = inputs.empty() ? "" : args + " const& args" + std::string(any_required ? "" : " = {}");
    std::string def_params = inputs.empty() ? "" : args + " const& args";
    c.declarations += DocComment(f.description, "  ") + "  " + DeprecatedAttribute(f.deprecation) +
                      "::pulumi::Output<" + result + "> " + fn + "(" + params + ") const;\n";
    auto in_members = MemberNames(inputs);
    c.definitions += "\n::pulumi::Output<" + result + "> " + e.name + "::" + fn + "(" + def_params + ") const {\n";
    c.definitions += "  ::pulumi::gen::ArgsBuilder b;\n";
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      c.definitions += AddMember(inputs[i], "args." + in_members[i], Form::kInput);
    }
    c.definitions += "  return ::pulumi::Call(" + Quote(f.token) + ", std::move(b).Inputs(), *this)\n      .Apply(" +
                     decode + ");\n}\n";
  }
  return c;
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
  bool component = !provider && resource.is_component;
  bool has_state = !provider && !component && resource.state_inputs.has_value();
  if (has_state) {
    body += ArgsStruct(ctx, state, "/// The known state of an existing " + e.name + ", for " + e.name + "::Get.\n",
                       *resource.state_inputs, true, ns, uses);
  }
  std::string base = provider ? "::pulumi::ProviderResource"
                              : (component ? "::pulumi::ComponentResource" : "::pulumi::CustomResource");
  std::set<std::string> member_names;
  for (auto const& m : MemberNames(resource.properties)) member_names.insert(AccessorName(m));
  MethodCode methods = Methods(ctx, resource, e, member_names, uses);
  if (!resource.methods.empty()) uses.headers.insert("pulumi/call.h");
  body += methods.types;
  body += DocComment(resource.description, "");
  body += "class " + DeprecatedAttribute(resource.deprecation) + e.name + " : public " + base + " {\n public:\n";
  body += "  static constexpr char kType[] = " + Quote(resource.token) + ";\n\n";
  body += "  " + e.name + "(::pulumi::Context& ctx, std::string name, " + e.args + " const& args" +
          (args_required ? "" : " = {}") + ", ::pulumi::ResourceOptions const& opts = {});\n";
  if (!provider && !component) {
    body += "  /// Reads the existing " + e.name + " with the given id.\n";
    body += "  static " + e.name + " Get(::pulumi::Context& ctx, std::string name, ::pulumi::Input<std::string> id, " +
            (has_state ? state + " const& state = {}, " : std::string()) +
            "::pulumi::ResourceOptions const& opts = {});\n";
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
  if (!methods.declarations.empty()) body += "\n" + methods.declarations;
  if (!provider && !component) {
    body += "\n private:\n  explicit " + e.name +
            "(::pulumi::CustomResource resource)\n      : ::pulumi::CustomResource(std::move(resource)) {}\n";
  }
  body += "};\n\n}  // namespace " + ns + "\n";
  if (!methods.decoders.empty()) body += "\nnamespace pulumi {\n" + methods.decoders + "}  // namespace pulumi\n";
  out.headers[e.header] = Header(ctx, e.header, uses, body, e.header);

  // Definitions: inputs, options (package version, aliases, replaceOnChanges, secret outputs), accessors.
  std::string code;
  std::string inputs_fn = e.name + "Inputs";
  std::string options_fn = e.name + "Options";
  code += "namespace {\n\n";
  code += InputsFunction(inputs_fn, e.args, resource.input_properties, /*defaults=*/true);
  if (has_state) code += InputsFunction(e.name + "StateInputs", state, *resource.state_inputs, /*defaults=*/false);
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
  // A parameterized package's resources carry its package reference.
  std::string package_ref =
      ctx.package().parameterization ? ", " + ctx.package_ns() + "::internal::PackageRef(ctx)" : std::string();
  if (component) {
    code += e.name + "::" + e.name + "(::pulumi::Context& ctx, std::string name, " + e.args +
            " const& args, ::pulumi::ResourceOptions const& opts)\n    : "
            "::pulumi::ComponentResource(::pulumi::ComponentResource::Remote(ctx, kType, std::move(name), " +
            inputs_fn + "(args), " + options_fn + "(opts)" + package_ref + ")) {}\n\n";
  } else if (provider) {
    code += e.name + "::" + e.name + "(::pulumi::Context& ctx, std::string name, " + e.args +
            " const& args, ::pulumi::ResourceOptions const& opts)\n    : ::pulumi::ProviderResource(ctx, " +
            Quote(ctx.package().name) + ", std::move(name), " + inputs_fn + "(args), " + options_fn + "(opts)" +
            package_ref + ") {}\n\n";
  } else {
    code += e.name + "::" + e.name + "(::pulumi::Context& ctx, std::string name, " + e.args +
            " const& args, ::pulumi::ResourceOptions const& opts)\n    : ::pulumi::CustomResource(ctx, kType, "
            "std::move(name), " +
            inputs_fn + "(args), " + options_fn + "(opts)" + package_ref + ") {}\n\n";
    code += e.name + " " + e.name +
            "::Get(::pulumi::Context& ctx, std::string name, ::pulumi::Input<std::string> id, " +
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
  code += methods.definitions;
  std::size_t weight = 10 + 2 * resource.input_properties.size() + resource.properties.size() +
                       (resource.state_inputs ? resource.state_inputs->size() : 0) + 5 * resource.methods.size();
  out.definitions.push_back({.code = code, .header = e.header, .weight = weight, .ns = ns, .uses = uses});
  if (!methods.decoder_definitions.empty()) {
    out.definitions.push_back(
        {.code = methods.decoder_definitions, .header = e.header, .weight = resource.methods.size(), .ns = "pulumi"});
  }
}

}  // namespace pulumi::codegen::emit
