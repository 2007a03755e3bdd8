#include "plan_json.h"

#include "property_text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace apex::plan {
namespace {

// Insertion order, so each object reads "project", "stack", ... as documented above.
using json = nlohmann::ordered_json;
using pulumi::PropertyValue;

json ToJson(PropertyValue const& v);

json ToJson(pulumi::PropertyMap const& map) {
  json object = json::object();
  for (auto const& [key, value] : map) object[key] = ToJson(value);
  return object;
}

json ToJson(PropertyValue const& v) {
  using Kind = PropertyValue::Kind;
  switch (v.kind()) {
    case Kind::kNull: return nullptr;
    case Kind::kBool: return v.AsBool();
    case Kind::kNumber: {
      double n = v.AsNumber();
      if (std::floor(n) == n && std::fabs(n) < 9e15) return static_cast<std::int64_t>(n);
      return n;
    }
    case Kind::kString: return v.AsString();
    case Kind::kSecret: return kSecretText;
    case Kind::kComputed: return kComputedText;
    case Kind::kOutput: {
      auto const& out = v.AsOutput();
      if (out.secret) return kSecretText;
      return out.value ? ToJson(*out.value) : json(kComputedText);
    }
    case Kind::kResourceReference: return json{{"urn", v.AsResourceReference().urn}};
    case Kind::kAsset: return json{{"asset", v.AsAsset().value}};
    case Kind::kArchive: return json{{"archive", v.AsArchive().value}};
    case Kind::kArray: {
      json array = json::array();
      for (auto const& item : v.AsArray()) array.push_back(ToJson(item));
      return array;
    }
    case Kind::kObject: return ToJson(v.AsObject());
  }
  return nullptr;
}

json Summary(int creates, int reads) { return {{"create", creates}, {"read", reads}}; }

json ProjectJson(ProjectPlan const& p) {
  json resources = json::array();
  for (auto const& r : p.resources) {
    resources.push_back({{"urn", r.urn},
                         {"type", r.type},
                         {"name", r.name},
                         {"parent", r.parent_urn},
                         {"custom", r.custom},
                         {"op", r.read ? "read" : "create"},
                         {"inputs", ToJson(r.inputs)}});
  }
  json references = json::array();
  for (auto const& ref : p.references) {
    references.push_back({{"stack", ref.stack}, {"project", ref.project}, {"outputs", ref.outputs}});
  }
  return {{"project", p.project},   {"stack", p.qualified_name},    {"summary", Summary(p.Creates(), p.Reads())},
          {"resources", resources}, {"outputs", ToJson(p.outputs)}, {"stackReferences", references},
          {"warnings", p.warnings}};
}

}  // namespace

std::string PlanJson(Plan const& plan) {
  json projects = json::array();
  for (auto const& p : plan.projects) projects.push_back(ProjectJson(p));
  json doc = {{"stack", plan.stack},
              {"mode", "preview, offline, simulated Google Cloud"},
              {"summary", Summary(plan.Creates(), plan.Reads())},
              {"projects", projects}};
  return doc.dump(2) + "\n";
}

}  // namespace apex::plan
