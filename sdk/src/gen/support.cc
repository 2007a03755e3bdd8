#include "pulumi/gen/support.h"

#include "pulumi/convert.h"

namespace pulumi::gen {

void ArgsBuilder::Put(char const* name, MaybeOutputValue value, bool secret) {
  if (!value) return;
  members_.emplace_back(name, secret ? SecretValue(std::move(value)) : std::move(value));
}

Output<PropertyValue> ArgsBuilder::Object() && { return ObjectOutput(std::move(members_)); }

PropertyInputs ArgsBuilder::Inputs() && {
  PropertyInputs inputs;
  for (auto& [name, value] : members_) inputs.emplace(std::move(name), Input<PropertyValue>(std::move(*value)));
  return inputs;
}

PropertyMap const& ObjectOf(PropertyValue const& value, char const* type) {
  if (!value.is_object()) internal::ThrowPropertyTypeError(type, value);
  return value.AsObject();
}

}  // namespace pulumi::gen
