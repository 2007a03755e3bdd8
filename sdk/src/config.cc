#include "pulumi/config.h"

#include "internal/runtime.h"

#include <cerrno>
#include <cstdlib>

namespace pulumi {
namespace {

std::string StackFile(std::string const& stack) {
  auto slash = stack.rfind('/');
  return "Pulumi." + (slash == std::string::npos ? stack : stack.substr(slash + 1)) + ".yaml";
}

std::optional<bool> ParseBool(std::string const& s) {
  // The spellings Go's strconv.ParseBool accepts, as `pulumi config set` users expect.
  for (auto t : {"true", "True", "TRUE", "t", "T", "1"}) {
    if (s == t) return true;
  }
  for (auto f : {"false", "False", "FALSE", "f", "F", "0"}) {
    if (s == f) return false;
  }
  return std::nullopt;
}

std::optional<int> ParseInt(std::string const& s) {
  if (s.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || v < INT32_MIN || v > INT32_MAX) return std::nullopt;
  return static_cast<int>(v);
}

std::optional<double> ParseDouble(std::string const& s) {
  if (s.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (errno != 0 || *end != '\0') return std::nullopt;
  return v;
}

}  // namespace

PropertyValue PropertyValueFromJson(nlohmann::json const& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::boolean: return j.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return j.get<double>();
    case nlohmann::json::value_t::string: return j.get<std::string>();
    case nlohmann::json::value_t::array: {
      PropertyArray out;
      for (auto const& e : j) out.push_back(PropertyValueFromJson(e));
      return out;
    }
    case nlohmann::json::value_t::object: {
      PropertyMap out;
      for (auto it = j.begin(); it != j.end(); ++it) out.emplace(it.key(), PropertyValueFromJson(it.value()));
      return out;
    }
    default: return nullptr;  // null, discarded, binary
  }
}

Config::Config(Context& ctx) : Config(ctx, ctx.project()) {}
Config::Config(Context& ctx, std::string name) : ctx_(&ctx), name_(std::move(name)) {}

std::string Config::FullKey(std::string const& key) const {
  return key.find(':') == std::string::npos ? name_ + ":" + key : key;
}

bool Config::IsSecret(std::string const& key) const {
  return internal::RuntimeOf(*ctx_)->info().config_secret_keys.contains(FullKey(key));
}

std::optional<std::string> Config::Raw(std::string const& key) const {
  auto const& config = internal::RuntimeOf(*ctx_)->info().config;
  auto it = config.find(FullKey(key));
  if (it == config.end()) return std::nullopt;
  return it->second;
}

std::string Config::RawRequire(std::string const& key, bool secret) const {
  auto v = Raw(key);
  if (!v) {
    auto full = FullKey(key);
    throw ConfigError("Missing required configuration variable '" + full +
                      "'\n\tplease set a value using the command `pulumi config set " +
                      (secret || IsSecret(key) ? "--secret " : "") + full + " <value>` (it belongs in " +
                      StackFile(ctx_->stack()) + ")");
  }
  return *v;
}

void Config::ThrowWrongType(std::string const& key, char const* expected, std::string const& detail) const {
  std::string message = "Configuration '" + FullKey(key) + "' is not valid: expected " + expected;
  if (!detail.empty()) message += " (" + detail + ")";
  message += "; check its value in " + StackFile(ctx_->stack());
  throw ConfigError(message);
}

void Config::WarnIfSecret(std::string const& key) const {
  if (IsSecret(key)) {
    ctx_->log().Warn("Configuration '" + FullKey(key) +
                     "' is a secret but was read as a plain value; use GetSecret or RequireSecret to keep it secret");
  }
}

std::optional<std::string> Config::Get(std::string const& key) const {
  auto v = Raw(key);
  if (v) WarnIfSecret(key);
  return v;
}

std::string Config::Require(std::string const& key) const {
  auto v = RawRequire(key);
  WarnIfSecret(key);
  return v;
}

std::optional<bool> Config::GetBool(std::string const& key) const {
  auto v = Raw(key);
  if (!v) return std::nullopt;
  auto b = ParseBool(*v);
  // The value itself is never part of the message: it may be a secret.
  if (!b) ThrowWrongType(key, "a bool (true or false)", "");
  return b;
}
bool Config::RequireBool(std::string const& key) const {
  RawRequire(key);
  return *GetBool(key);
}

std::optional<int> Config::GetInt(std::string const& key) const {
  auto v = Raw(key);
  if (!v) return std::nullopt;
  auto n = ParseInt(*v);
  if (!n) ThrowWrongType(key, "an integer", "");
  return n;
}
int Config::RequireInt(std::string const& key) const {
  RawRequire(key);
  return *GetInt(key);
}

std::optional<double> Config::GetDouble(std::string const& key) const {
  auto v = Raw(key);
  if (!v) return std::nullopt;
  auto n = ParseDouble(*v);
  if (!n) ThrowWrongType(key, "a number", "");
  return n;
}
double Config::RequireDouble(std::string const& key) const {
  RawRequire(key);
  return *GetDouble(key);
}

nlohmann::json Config::ParseJson(std::string const& key, std::string const& raw) const {
  auto j = nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) ThrowWrongType(key, "a JSON value", "");
  return j;
}

std::optional<nlohmann::json> Config::GetJson(std::string const& key) const {
  auto v = Raw(key);
  if (!v) return std::nullopt;
  return ParseJson(key, *v);
}
nlohmann::json Config::RequireJson(std::string const& key) const { return ParseJson(key, RawRequire(key)); }

std::optional<Output<std::string>> Config::GetSecret(std::string const& key) const {
  auto v = Raw(key);
  if (!v) return std::nullopt;
  return MakeSecret(Output<std::string>(*v));
}

Output<std::string> Config::RequireSecret(std::string const& key) const {
  return MakeSecret(Output<std::string>(RawRequire(key, /*secret=*/true)));
}

}  // namespace pulumi
