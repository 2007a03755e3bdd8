// Property values as the JSON of the test engines' recordings: plain values as JSON, the special kinds as
// one-key objects: {"$secret": v}, {"$unknown": true}, {"$resource": {urn, id, packageVersion}},
// {"$output": {value, secret, dependencies}}, {"$asset": {...}}, {"$archive": {...}}. Whole numbers are
// integers.
#ifndef PULUMI_SRC_TEST_ENGINE_PROPERTY_JSON_H
#define PULUMI_SRC_TEST_ENGINE_PROPERTY_JSON_H

#include "pulumi/property_value.h"

#include <nlohmann/json.hpp>

namespace pulumi::test_engine {

nlohmann::json ToJson(PropertyValue const& v);
nlohmann::json ToJson(PropertyMap const& m);
/// The inverse of ToJson for plain values, secrets, unknowns and resource references; throws
/// std::runtime_error on any other "$" key.
PropertyValue FromJson(nlohmann::json const& j);

}  // namespace pulumi::test_engine

#endif  // PULUMI_SRC_TEST_ENGINE_PROPERTY_JSON_H
