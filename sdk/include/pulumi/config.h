// Config: typed access to the stack's configuration (Pulumi.<stack>.yaml).
//
//   pulumi::Config config(ctx);                       // namespace = project name
//   std::string tier = config.Require("dbTier");
//   int min = config.GetInt("minInstances").value_or(0);
//   pulumi::Output<std::string> password = config.RequireSecret("dbPassword");
//   auto db = config.RequireObject<DatabaseConfig>("database");   // nlohmann::json from_json
//
// A missing required key throws ConfigError naming the key and the stack file; a value of the wrong type
// names the key and the expected type (never a secret's value). Thrown inside the program body, these end
// the program with the message logged and exit code 32.
#ifndef PULUMI_CONFIG_H
#define PULUMI_CONFIG_H

#include "pulumi/context.h"
#include "pulumi/output.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace pulumi {

/// A JSON value (e.g. an untyped config object) as a PropertyValue.
PropertyValue PropertyValueFromJson(nlohmann::json const& j);

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Config {
 public:
  /// Config in the project's namespace.
  explicit Config(Context& ctx);
  /// Config in another namespace, e.g. "gcp".
  Config(Context& ctx, std::string name);

  std::string const& name() const { return name_; }

  std::optional<std::string> Get(std::string const& key) const;
  std::string Require(std::string const& key) const;
  std::optional<bool> GetBool(std::string const& key) const;
  bool RequireBool(std::string const& key) const;
  std::optional<int> GetInt(std::string const& key) const;
  int RequireInt(std::string const& key) const;
  std::optional<double> GetDouble(std::string const& key) const;
  double RequireDouble(std::string const& key) const;
  std::optional<nlohmann::json> GetJson(std::string const& key) const;
  nlohmann::json RequireJson(std::string const& key) const;

  /// Parses a JSON object value into T through nlohmann::json's from_json.
  template <typename T>
  std::optional<T> GetObject(std::string const& key) const {
    auto j = GetJson(key);
    if (!j) return std::nullopt;
    return Convert<T>(key, *j);
  }
  template <typename T>
  T RequireObject(std::string const& key) const {
    return Convert<T>(key, RequireJson(key));
  }

  // Secret values come back as secret outputs, never as plain values.
  std::optional<Output<std::string>> GetSecret(std::string const& key) const;
  Output<std::string> RequireSecret(std::string const& key) const;
  template <typename T>
  Output<T> RequireSecretObject(std::string const& key) const {
    return MakeSecret(Output<T>(Convert<T>(key, ParseJson(key, RawRequire(key, /*secret=*/true)))));
  }

  /// The full key, "<namespace>:<key>".
  std::string FullKey(std::string const& key) const;
  bool IsSecret(std::string const& key) const;

 private:
  std::optional<std::string> Raw(std::string const& key) const;
  std::string RawRequire(std::string const& key, bool secret = false) const;
  nlohmann::json ParseJson(std::string const& key, std::string const& raw) const;
  [[noreturn]] void ThrowWrongType(std::string const& key, char const* expected, std::string const& detail) const;
  void WarnIfSecret(std::string const& key) const;

  template <typename T>
  T Convert(std::string const& key, nlohmann::json const& j) const {
    try {
      return j.get<T>();
    } catch (nlohmann::json::exception const& e) {
      // nlohmann's messages name the field and type, not the value.
      ThrowWrongType(key, "an object of the configured shape", e.what());
    }
  }

  Context* ctx_;
  std::string name_;
};

}  // namespace pulumi

#endif  // PULUMI_CONFIG_H
