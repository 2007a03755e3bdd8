#include "pulumi/stack_reference.h"

#include "internal/resource_state.h"
#include "internal/runtime.h"
#include "internal/stubs.h"

namespace pulumi {
namespace {

constexpr char kStackReferenceType[] = "pulumi:pulumi:StackReference";

bool IsSecretName(PropertyMap const& props, std::string const& name) {
  auto it = props.find("secretOutputNames");
  if (it == props.end()) return false;
  auto const& v = it->second.is_secret() ? it->second.SecretElement() : it->second;
  if (!v.is_array()) return false;
  for (auto const& e : v.AsArray()) {
    if (e.is_string() && e.AsString() == name) return true;
  }
  return false;
}

}  // namespace

StackReference::StackReference(Context& ctx, std::string const& resource_name, StackReferenceArgs const& args,
                               ResourceOptions const& opts)
    : CustomResource(CustomResource::Get(ctx, kStackReferenceType, resource_name, args.name.value_or(resource_name),
                                         {{"name", args.name.value_or(resource_name)}}, opts)),
      stack_name_(args.name.value_or(resource_name)) {}

Output<PropertyValue> StackReference::GetOutput(std::string const& name) const {
  auto const& rt = internal::StateOf(*this)->outputs->runtime();
  if (rt) rt->monitor().NoteStackReferenceRead(stack_name_, name);
  auto stack_outputs = outputs();
  return stack_outputs.Apply([name](PropertyMap const& props) {
    auto it = props.find("outputs");
    PropertyValue value;
    if (it != props.end()) {
      auto const& all = it->second.is_secret() ? it->second.SecretElement() : it->second;
      if (all.is_object()) {
        if (auto o = all.AsObject().find(name); o != all.AsObject().end()) value = o->second;
      }
    }
    bool secret = value.ContainsSecrets() || IsSecretName(props, name);
    Output<PropertyValue> out(value.WithoutSecrets());
    return secret ? MakeSecret(out) : out;
  });
}

Output<PropertyValue> StackReference::RequireOutput(std::string const& name) const {
  auto stack = stack_name_;
  return GetOutput(name).Apply([name, stack](PropertyValue const& v) {
    if (v.is_null()) {
      throw std::runtime_error("stack reference '" + stack + "' has no output named '" + name +
                               "'; check the referenced stack's outputs with `pulumi stack output --stack " + stack +
                               "`");
    }
    return v;
  });
}

}  // namespace pulumi
