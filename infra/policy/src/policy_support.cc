#include "policy_support.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string_view>

namespace apex::policy {
namespace {

// The value inside secrets and known output values.
pulumi::PropertyValue const* Unwrap(pulumi::PropertyValue const* v) {
  while (v != nullptr && (v->is_secret() || v->is_output())) {
    v = v->is_secret() ? &v->SecretElement() : v->AsOutput().value.get();
  }
  return v;  // null for an unknown output value
}

bool IsUnknown(pulumi::PropertyValue const* v) { return v == nullptr || v->is_computed(); }

// Steps through the raw inputs (secrets and known output values unwrapped) as Properties does, but hands back
// the value at the end of the path as it is, unknown or not: Properties refuses a list that holds one unknown
// element, and the policies often need only the list's length or whether a field is present.
pulumi::PropertyValue const* RawAt(pp::Properties const& properties, std::string const& path) {
  pulumi::PropertyValue const* current = nullptr;
  bool first = true;
  std::size_t i = 0;
  while (i < path.size()) {
    std::string key;
    std::optional<std::size_t> index;
    if (path[i] == '[') {
      auto close = path.find(']', i);
      index = std::stoul(path.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      auto end = path.find_first_of(".[", i);
      if (end == std::string::npos) end = path.size();
      key = path.substr(i, end - i);
      i = end;
    }
    if (i < path.size() && path[i] == '.') ++i;
    if (first) {
      first = false;
      auto it = properties.raw().find(key);
      if (index || it == properties.raw().end()) return nullptr;
      current = &it->second;
      continue;
    }
    auto const* u = Unwrap(current);
    if (IsUnknown(u)) throw pp::UnknownValueError(path);
    if (index) {
      if (!u->is_array() || *index >= u->AsArray().size()) return nullptr;
      current = &u->AsArray()[*index];
    } else {
      if (!u->is_object() || !u->AsObject().contains(key)) return nullptr;
      current = &u->AsObject().at(key);
    }
  }
  return current;
}

// The text of every scalar inside a secret (or secret output value) of `v`.
void SecretTexts(pulumi::PropertyValue const& v, bool inside_secret, std::vector<std::string>& out) {
  if (v.is_secret()) return SecretTexts(v.SecretElement(), true, out);
  if (v.is_output()) {
    if (v.AsOutput().value) SecretTexts(*v.AsOutput().value, inside_secret || v.AsOutput().secret, out);
    return;
  }
  if (v.is_array()) {
    for (auto const& e : v.AsArray()) SecretTexts(e, inside_secret, out);
  } else if (v.is_object()) {
    for (auto const& [k, e] : v.AsObject()) SecretTexts(e, inside_secret, out);
  } else if (inside_secret && v.is_string() && !v.AsString().empty()) {
    out.push_back(v.AsString());
  } else if (inside_secret && v.is_number()) {
    out.push_back(v.ToString());
  }
}

std::string Redact(std::string message, std::vector<std::string> const& secrets) {
  for (auto const& secret : secrets) {
    for (auto at = message.find(secret); at != std::string::npos; at = message.find(secret, at + 8)) {
      message.replace(at, secret.size(), "[secret]");
    }
  }
  return message;
}

}  // namespace

pp::ResourceValidationPolicy ForTypes(std::string name, std::string description, std::vector<std::string> types,
                                      std::function<void(pp::ResourceValidationArgs const&)> validate,
                                      std::optional<pp::ConfigSchema> config_schema) {
  return pp::ResourceValidationPolicy{
      .name = std::move(name),
      .description = std::move(description),
      .enforcement_level = std::nullopt,
      .config_schema = std::move(config_schema),
      .validate = [types = std::move(types), validate = std::move(validate)](pp::ResourceValidationArgs const& args) {
        if (!Contains(types, args.resource.type)) return;
        // Messages quote the values they judge; one that is a secret shows as [secret].
        std::vector<std::string> secrets;
        for (auto const& [key, value] : args.resource.properties.raw()) SecretTexts(value, false, secrets);
        if (secrets.empty()) return validate(args);
        pp::ViolationReporter redacting = [&](std::string const& message, std::string const& urn) {
          args.report(Redact(message, secrets), urn);
        };
        validate({.resource = args.resource, .config = args.config, .stack = args.stack, .report = redacting});
      }};
}

std::size_t ListSize(pp::Properties const& properties, std::string const& path) {
  auto const* raw = RawAt(properties, path);
  if (raw == nullptr) return 0;
  auto const* u = Unwrap(raw);
  if (IsUnknown(u)) throw pp::UnknownValueError(path);
  return u->is_array() ? u->AsArray().size() : 0;
}

bool IsSet(pp::Properties const& properties, std::string const& path) {
  auto const* raw = RawAt(properties, path);
  if (raw == nullptr) return false;
  auto const* u = Unwrap(raw);
  return IsUnknown(u) || !u->is_null();
}

std::optional<std::string> ScalarText(pp::Properties const& properties, std::string const& path) {
  auto v = properties.Get(path);
  if (!v) return std::nullopt;
  if (v->is_string()) return v->AsString();
  if (v->is_bool()) return v->AsBool() ? "true" : "false";
  if (v->is_number()) {
    double n = v->AsNumber();
    if (std::trunc(n) == n && std::abs(n) < 1e15) return std::to_string(static_cast<long long>(n));
    return std::to_string(n);
  }
  return v->ToString();
}

std::string Describe(pp::Properties const& properties, std::string const& path) {
  try {
    auto v = ScalarText(properties, path);
    return v ? *v : "(not set)";
  } catch (pp::UnknownValueError const&) {
    return "(not known yet)";
  }
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

bool Contains(std::vector<std::string> const& list, std::string const& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string Join(std::vector<std::string> const& list, std::string const& separator) {
  std::string out;
  for (auto const& s : list) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::string LastSegment(std::string const& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool IsWholeInternet(std::string const& cidr) {
  std::string_view c = cidr;
  return c == "0.0.0.0" || c == "*" || (c.size() >= 2 && c.substr(c.size() - 2) == "/0");
}

std::vector<std::string> ConfigStrings(nlohmann::json const& config, std::string const& key,
                                       std::vector<std::string> const& fallback) {
  auto it = config.find(key);
  if (it == config.end() || !it->is_array()) return fallback;
  std::vector<std::string> out;
  for (auto const& e : *it) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

nlohmann::json StringListSchema(std::string const& description, std::vector<std::string> const& fallback) {
  return {{"type", "array"}, {"items", {{"type", "string"}}}, {"description", description}, {"default", fallback}};
}

nlohmann::json StringSchema(std::string const& description) {
  return {{"type", "string"}, {"description", description}};
}

nlohmann::json NumberSchema(std::string const& description, double fallback, double minimum) {
  return {{"type", "number"}, {"description", description}, {"default", fallback}, {"minimum", minimum}};
}

}  // namespace apex::policy
