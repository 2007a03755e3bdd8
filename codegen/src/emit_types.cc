// Object types (an output struct, an Args struct unless only function results have the type, and their
// conversions) and enums.
#include "emit.h"

namespace pulumi::codegen::emit {
namespace {

std::string EnumMemberName(std::string const& name_or_value, std::set<std::string>& taken) {
  std::string snake = ToSnakeCase(name_or_value);
  std::string name = "k";
  bool upper = true;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  if (name == "k") name = "kValue";
  std::string claimed = name;
  for (int i = 2; !taken.insert(claimed).second; ++i) claimed = name + std::to_string(i);
  return claimed;
}

std::string WireValue(nlohmann::json const& value) {
  if (value.is_string()) return "::pulumi::PropertyValue(std::string(" + Quote(value.get<std::string>()) + "))";
  if (value.is_boolean()) return std::string("::pulumi::PropertyValue(") + (value.get<bool>() ? "true" : "false") + ")";
  // Integers and numbers are doubles on the wire; nlohmann dumps a float with its '.' or exponent ("0.1").
  if (value.is_number_integer()) return "::pulumi::PropertyValue(" + value.dump() + ".0)";
  return "::pulumi::PropertyValue(" + value.dump() + ")";
}

}  // namespace

void EmitObjectType(Context const& ctx, ObjectType const& type, ModuleOutput& out) {
  auto const& e = ctx.entity(TypeKey(type.token));
  Uses uses;
  auto members = MemberNames(type.properties);
  std::string body = "namespace " + e.ns + " {\n\n";

  // The output struct: what a provider returns and what plain invokes take.
  body += DocComment(type.description, "");
  body += "struct " + e.name + " {\n";
  for (std::size_t i = 0; i < type.properties.size(); ++i) {
    auto const& p = type.properties[i];
    body += DocComment(p.description, "  ") + DeprecatedComment(p.deprecation, "  ");
    body += "  " + MemberTypeOf(ctx, p, p.required, Form::kOutput, e.ns, type.token, uses) + " " + members[i] + "{};\n";
  }
  body += "};\n\n";

  // The Args struct: the same members as inputs, for resource and function arguments, and the encoders.
  // A type only in function results has neither: no program builds one.
  bool input_form = ctx.HasInputForm(type.token);
  if (input_form) {
    body += "/// The input form of " + e.name + ".\n";
    body += "struct " + e.args + " {\n";
    for (std::size_t i = 0; i < type.properties.size(); ++i) {
      auto const& p = type.properties[i];
      body += DeprecatedComment(p.deprecation, "  ");
      body += "  " + MemberTypeOf(ctx, p, p.required, Form::kInput, e.ns, type.token, uses) + " " + members[i] +
              Initializer(p.required) + ";\n";
    }
    body += "};\n\n";
    body += "::pulumi::Output<::pulumi::PropertyValue> ToOutputValue(" + e.args + " const& args);\n";
    body += "::pulumi::PropertyValue ToPropertyValue(" + e.name + " const& value);\n\n";
  }
  body += "}  // namespace " + e.ns + "\n\n";
  body += "namespace pulumi {\ntemplate <>\nstruct PropertyDecoder<::" + e.ns + "::" + e.name + "> {\n";
  body += "  static ::" + e.ns + "::" + e.name + " Decode(PropertyValue const& value);\n};\n}  // namespace pulumi\n";
  out.headers[e.header] = Header(ctx, e.header, uses, body, e.header);

  // Definitions.
  if (input_form) {
    std::string code;
    code += "::pulumi::Output<::pulumi::PropertyValue> ToOutputValue(" + e.args + " const& args) {\n";
    code += "  ::pulumi::gen::ArgsBuilder b;\n";
    for (std::size_t i = 0; i < type.properties.size(); ++i) {
      code += AddMember(type.properties[i], "args." + members[i], Form::kInput);
    }
    code += "  return std::move(b).Object();\n}\n\n";
    code += "::pulumi::PropertyValue ToPropertyValue(" + e.name + " const& value) {\n  ::pulumi::PropertyMap object;\n";
    for (std::size_t i = 0; i < type.properties.size(); ++i) {
      code +=
          "  ::pulumi::gen::EncodeMember(object, " + Quote(type.properties[i].name) + ", value." + members[i] + ");\n";
    }
    code += "  return object;\n}\n";
    out.definitions.push_back(
        {.code = code, .header = e.header, .weight = 2 + type.properties.size(), .ns = e.ns, .uses = uses});
  }

  std::string decode;
  std::string q = "::" + e.ns + "::" + e.name;
  decode += q + " PropertyDecoder<" + q + ">::Decode(PropertyValue const& value) {\n";
  decode += "  auto const& object = gen::ObjectOf(value, " + Quote("an object (" + type.token + ")") + ");\n";
  decode += "  " + q + " out{};\n";
  for (std::size_t i = 0; i < type.properties.size(); ++i) {
    decode += "  gen::DecodeMember(object, " + Quote(type.properties[i].name) + ", out." + members[i] + ");\n";
  }
  decode += "  return out;\n}\n";
  out.definitions.push_back(
      {.code = decode, .header = e.header, .weight = 1 + type.properties.size(), .ns = "pulumi", .uses = uses});
}

void EmitEnum(Context const& ctx, EnumType const& type, ModuleOutput& out) {
  auto const& e = ctx.entity(TypeKey(type.token));
  std::set<std::string> taken;
  std::vector<std::string> names;
  for (auto const& v : type.values) {
    names.push_back(EnumMemberName(!v.name.empty()       ? v.name
                                   : v.value.is_string() ? v.value.get<std::string>()
                                                         : v.value.dump(),
                                   taken));
  }
  std::string body = "namespace " + e.ns + " {\n\n" + DocComment(type.description, "");
  body += "enum class " + e.name + " {\n";
  for (std::size_t i = 0; i < type.values.size(); ++i) {
    auto const& v = type.values[i];
    body += DocComment(v.description, "  ");
    body += "  " + names[i] + (v.deprecation.empty() ? "" : " " + DeprecatedAttribute(v.deprecation)) + ",\n";
  }
  body += "};\n\n";
  body += "/// The value sent to the provider: " + ToString(type.underlying) + ".\n";
  body += "::pulumi::PropertyValue ToPropertyValue(" + e.name + " value);\n\n";
  body += "}  // namespace " + e.ns + "\n\n";
  std::string q = "::" + e.ns + "::" + e.name;
  body += "namespace pulumi {\ntemplate <>\nstruct PropertyDecoder<" + q + "> {\n";
  body += "  static " + q + " Decode(PropertyValue const& value);\n};\n}  // namespace pulumi\n";
  out.headers[e.header] = Header(ctx, e.header, {}, body, e.header);

  std::string code = "::pulumi::PropertyValue ToPropertyValue(" + e.name + " value) {\n  switch (value) {\n";
  for (std::size_t i = 0; i < type.values.size(); ++i) {
    code += "    case " + e.name + "::" + names[i] + ": return " + WireValue(type.values[i].value) + ";\n";
  }
  code += "  }\n  return ::pulumi::PropertyValue();\n}\n";
  out.definitions.push_back({.code = code, .header = e.header, .weight = 1 + type.values.size(), .ns = e.ns});

  std::string decode = q + " PropertyDecoder<" + q + ">::Decode(PropertyValue const& value) {\n";
  for (std::size_t i = 0; i < type.values.size(); ++i) {
    decode += "  if (value == " + WireValue(type.values[i].value) + ") return " + q + "::" + names[i] + ";\n";
  }
  decode += "  internal::ThrowPropertyTypeError(" + Quote("a value of " + type.token) + ", value);\n}\n";
  out.definitions.push_back({.code = decode, .header = e.header, .weight = 1 + type.values.size(), .ns = "pulumi"});
}

}  // namespace pulumi::codegen::emit
