#include "pulumi/args.h"

namespace pulumi {

Output<PropertyValue> ObjectOutput(std::vector<std::pair<std::string, MaybeOutputValue>> members) {
  std::vector<std::string> names;
  std::vector<Output<PropertyValue>> values;
  for (auto& [name, value] : members) {
    if (!value) continue;
    names.push_back(std::move(name));
    values.push_back(std::move(*value));
  }
  return All(values).Apply([names = std::move(names)](std::vector<PropertyValue> const& v) {
    PropertyMap object;
    for (std::size_t i = 0; i < names.size(); ++i) object.insert_or_assign(names[i], v[i]);
    return PropertyValue(std::move(object));
  });
}

Output<PropertyValue> ArrayOutput(std::vector<Output<PropertyValue>> elements) {
  return All(elements).Apply([](std::vector<PropertyValue> const& v) { return PropertyValue(PropertyArray(v)); });
}

}  // namespace pulumi
