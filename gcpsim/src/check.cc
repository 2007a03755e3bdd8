#include "check.h"

#include "pulumi/gcpsim/model.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace pulumi::gcpsim {
namespace {

using codegen::Property;
using codegen::TypeKind;
using codegen::TypeRef;

std::string Join(std::string const& path, std::string const& key) { return path.empty() ? key : path + "." + key; }

char const* KindName(PropertyValue const& v) {
  switch (v.kind()) {
    case PropertyValue::Kind::kBool: return "a boolean";
    case PropertyValue::Kind::kNumber: return "a number";
    case PropertyValue::Kind::kString: return "a string";
    case PropertyValue::Kind::kArray: return "a list";
    case PropertyValue::Kind::kObject: return "an object";
    case PropertyValue::Kind::kAsset: return "an asset";
    case PropertyValue::Kind::kArchive: return "an archive";
    case PropertyValue::Kind::kResourceReference: return "a resource reference";
    default: return "a value";
  }
}

std::size_t EditDistance(std::string const& a, std::string const& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      bool same =
          std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

class Checker {
 public:
  Checker(Catalog const& catalog, std::string owner, std::vector<Failure>& failures)
      : catalog_(catalog), owner_(std::move(owner)), failures_(failures) {}

  /// Checks `values` against `props` (the members of one object), filling defaults when `fill_defaults`.
  void Properties(std::vector<Property> const& props, PropertyMap& values, std::string const& path,
                  std::string const& where, bool fill_defaults, std::set<std::string> const& not_required = {}) {
    for (auto const& [key, value] : values) {
      if (key.starts_with("__")) continue;  // the provider's reserved keys (__defaults, __meta)
      auto it = std::find_if(props.begin(), props.end(), [&](Property const& p) { return p.name == key; });
      if (it != props.end()) continue;
      std::string reason = "'" + Join(path, key) + "' is not a property of " + where;
      if (auto const* close = Closest(props, key)) reason += " (did you mean '" + Join(path, close->name) + "'?)";
      Fail(Join(path, key), reason);
    }
    for (auto const& p : props) {
      auto it = values.find(p.name);
      bool const absent = it == values.end() || it->second.is_null();
      if (absent) {
        if (fill_defaults) {
          if (auto d = DefaultValue(p)) {
            values[p.name] = *d;
            continue;
          }
        }
        if (p.required && !not_required.contains(p.name)) {
          std::string reason = "Missing required property '" + Join(path, p.name) + "'";
          if (auto first = FirstSentence(p.description); !first.empty()) reason += ": " + first;
          Fail(Join(path, p.name), reason);
        }
        continue;
      }
      Value(p.type, it->second, Join(path, p.name), &p, fill_defaults, false);
    }
  }

  void Value(TypeRef const& t, PropertyValue& v, std::string const& path, Property const* prop, bool fill_defaults,
             bool secret) {
    if (v.is_computed() || v.is_null()) return;
    if (v.is_output()) return;  // output values carry their own knownness; the engine resolved their dependencies
    if (v.is_secret()) {
      PropertyValue inner = v.SecretElement();
      Value(t, inner, path, prop, fill_defaults, true);
      v = PropertyValue::MakeSecret(std::move(inner));
      return;
    }
    auto const* what = secret ? "a secret " : "";
    auto mismatch = [&](char const* expected) {
      Fail(path, "'" + path + "' must be " + expected + ", not " + what + KindName(v));
    };
    switch (t.kind) {
      case TypeKind::kString:
        if (!v.is_string()) {
          // The provider converts numbers and booleans given for strings, as the bridge does.
          if (v.is_number() || v.is_bool()) return;
          return mismatch("a string");
        }
        if (prop) AllowedValue(DocumentedValues(*prop), v.AsString(), path, secret);
        return;
      case TypeKind::kInteger:
        if (!v.is_number()) return mismatch("an integer");
        if (std::floor(v.AsNumber()) != v.AsNumber()) Fail(path, "'" + path + "' must be a whole number");
        return;
      case TypeKind::kNumber:
        if (!v.is_number()) return mismatch("a number");
        return;
      case TypeKind::kBoolean:
        if (!v.is_bool()) return mismatch("a boolean");
        return;
      case TypeKind::kArray: {
        if (!v.is_array()) return mismatch("a list");
        PropertyArray items = v.AsArray();
        for (std::size_t i = 0; i < items.size(); ++i) {
          Value(*t.element, items[i], path + "[" + std::to_string(i) + "]", nullptr, fill_defaults, secret);
        }
        v = PropertyValue(std::move(items));
        return;
      }
      case TypeKind::kMap: {
        if (!v.is_object()) return mismatch("a map");
        PropertyMap entries = v.AsObject();
        for (auto& [k, e] : entries) Value(*t.element, e, path + "[\"" + k + "\"]", nullptr, fill_defaults, secret);
        v = PropertyValue(std::move(entries));
        return;
      }
      case TypeKind::kObject: {
        if (!v.is_object()) return mismatch("an object");
        auto const* type = catalog_.FindObjectType(t.token);
        if (!type) return;
        PropertyMap members = v.AsObject();
        Properties(type->properties, members, path, "'" + path + "' (" + type->name + ")", fill_defaults);
        v = PropertyValue(std::move(members));
        return;
      }
      case TypeKind::kEnum: {
        auto const* e = catalog_.FindEnumType(t.token);
        if (!e) return;
        std::vector<std::string> allowed;
        bool found = false;
        for (auto const& ev : e->values) {
          allowed.push_back(ev.value.is_string() ? ev.value.get<std::string>() : ev.value.dump());
          if ((ev.value.is_string() && v.is_string() && ev.value.get<std::string>() == v.AsString()) ||
              (ev.value.is_number() && v.is_number() && ev.value.get<double>() == v.AsNumber()) ||
              (ev.value.is_boolean() && v.is_bool() && ev.value.get<bool>() == v.AsBool())) {
            found = true;
          }
        }
        if (!found) {
          if (v.is_string()) return AllowedValue(allowed, v.AsString(), path, secret);
          Fail(path, "'" + path + "' must be one of " + List(allowed) + ", not " + what + KindName(v));
        }
        return;
      }
      case TypeKind::kResource:
        if (!v.is_string() && !v.is_resource_reference()) mismatch("a resource id");
        return;
      case TypeKind::kAsset:
      case TypeKind::kArchive:
        if (!v.is_asset() && !v.is_archive()) mismatch(t.kind == TypeKind::kAsset ? "an asset" : "an archive");
        return;
      case TypeKind::kUnion: {
        // Valid when some alternative accepts it.
        for (auto const& alt : t.one_of) {
          std::vector<Failure> trial;
          Checker probe(catalog_, owner_, trial);
          PropertyValue copy = v;
          probe.Value(alt, copy, path, prop, fill_defaults, secret);
          if (trial.empty()) return;
        }
        Fail(path, "'" + path + "' does not match any of the types it may take");
        return;
      }
      case TypeKind::kAny:
      case TypeKind::kJson: return;
    }
  }

 private:
  void Fail(std::string property, std::string reason) { failures_.push_back({std::move(property), std::move(reason)}); }

  static std::string List(std::vector<std::string> const& values) {
    std::string out;
    for (auto const& a : values) out += (out.empty() ? "" : ", ") + a;
    return out;
  }

  void AllowedValue(std::vector<std::string> const& allowed, std::string const& value, std::string const& path,
                    bool secret) {
    // The provider's enums accept the empty string (unset).
    if (allowed.empty() || value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    std::string shown = secret ? "a secret value" : "\"" + value + "\"";
    Fail(path, "'" + path + "' is " + shown + ", which is not one of " + List(allowed));
  }

  static Property const* Closest(std::vector<Property> const& props, std::string const& key) {
    Property const* best = nullptr;
    std::size_t best_distance = 4;
    for (auto const& p : props) {
      auto d = EditDistance(p.name, key);
      if (d < best_distance) {
        best_distance = d;
        best = &p;
      }
    }
    return best;
  }

  static std::string FirstSentence(std::string const& text) {
    auto end = text.find_first_of(".\n");
    if (end == std::string::npos || end > 160) return "";
    return text.substr(0, end);
  }

  Catalog const& catalog_;
  std::string owner_;
  std::vector<Failure>& failures_;
};

bool AutonamesName(codegen::Resource const& r) {
  for (auto const& p : r.input_properties) {
    if (p.name == "name" && p.type.kind == TypeKind::kString) return true;
  }
  return false;
}

}  // namespace

std::string AutoName(std::string const& urn_name, std::string const& random_seed) {
  return urn_name + "-" + StableHex("seed:" + random_seed, 7);
}

CheckResult CheckResource(Catalog const& catalog, codegen::Resource const& resource, PropertyMap const& news,
                          CheckOptions const& options) {
  CheckResult result;
  result.inputs = news;
  std::set<std::string> autonamed;
  if (AutonamesName(resource)) {
    auto name = result.inputs.find("name");
    if (name == result.inputs.end() || name->second.is_null()) {
      PropertyValue const* old = nullptr;
      if (options.olds) {
        if (auto it = options.olds->find("name"); it != options.olds->end() && it->second.is_string())
          old = &it->second;
      }
      switch (options.autonaming) {
        case Autonaming::kPropose:
        case Autonaming::kEnforce: result.inputs["name"] = options.proposed_name; break;
        case Autonaming::kDisable: break;  // then `name` is required where the schema says so
        case Autonaming::kDefault:
          result.inputs["name"] = old ? *old : PropertyValue(AutoName(options.urn_name, options.random_seed));
          break;
      }
    }
    if (options.autonaming != Autonaming::kDisable) autonamed.insert("name");
  }
  Checker checker(catalog, resource.token, result.failures);
  checker.Properties(resource.input_properties, result.inputs, "", resource.token, true, autonamed);
  return result;
}

std::vector<Failure> CheckFunctionArgs(Catalog const& catalog, codegen::Function const& function,
                                       PropertyMap const& args) {
  std::vector<Failure> failures;
  if (!function.inputs) return failures;
  PropertyMap copy = args;
  Checker checker(catalog, function.token, failures);
  checker.Properties(*function.inputs, copy, "", function.token, false);
  return failures;
}

}  // namespace pulumi::gcpsim
