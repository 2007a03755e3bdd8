// Cloud SQL PostgreSQL database flags: logging and pgAudit (policy-checks rows 6-13). An unset flag has
// PostgreSQL's default on Cloud SQL, so a flag whose default is already good needs no entry.
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

#include <algorithm>
#include <functional>

namespace apex::policy {
namespace {

// PostgreSQL's message levels, most verbose first.
std::vector<std::string> const kLevels = {"debug5", "debug4",  "debug3", "debug2", "debug1", "info",
                                          "notice", "warning", "error",  "log",    "fatal",  "panic"};

bool IsOn(std::string const& value) {
  auto v = Lower(value);
  return v == "on" || v == "true" || v == "yes" || v == "1";
}

// A level at least as verbose as ERROR, so that errors are logged.
bool LogsErrors(std::string const& value) {
  auto it = std::find(kLevels.begin(), kLevels.end(), Lower(value));
  return it != kLevels.end() && it <= std::find(kLevels.begin(), kLevels.end(), "error");
}

struct Instance {
  pp::Properties const& properties;
  int major_version;  // 0 when unknown

  /// The value of database flag `name`, nullopt when the instance does not set it.
  std::optional<std::string> Flag(std::string const& name) const {
    std::string const list = "settings.databaseFlags";
    for (std::size_t i = 0, n = ListSize(properties, list); i < n; ++i) {
      std::string const at = list + "[" + std::to_string(i) + "]";
      if (properties.GetString(at + ".name") == name) return ScalarText(properties, at + ".value").value_or("");
    }
    return std::nullopt;
  }
};

/// A flag rule: given the flag's value (nullopt: unset) returns what is wrong, or nullopt when it is fine.
using FlagCheck = std::function<std::optional<std::string>(Instance const&, std::optional<std::string> const&)>;

/// The flag must be on; `default_on` says whether PostgreSQL's default is on for the instance's version.
FlagCheck MustBeOn(
    std::string flag, std::function<bool(int)> default_on = [](int) { return false; }) {
  return [flag, default_on](Instance const& instance,
                            std::optional<std::string> const& value) -> std::optional<std::string> {
    if (!value) {
      if (default_on(instance.major_version)) return std::nullopt;
      return "database flag " + flag + " is not set (its default is off); set it to on";
    }
    if (!IsOn(*value)) return "database flag " + flag + " is " + *value + "; set it to on";
    return std::nullopt;
  };
}

/// The flag must be `wanted`; `default_value` is PostgreSQL's default.
FlagCheck MustEqual(std::string flag, std::string wanted, std::string default_value) {
  return [flag, wanted, default_value](Instance const&,
                                       std::optional<std::string> const& value) -> std::optional<std::string> {
    std::string const actual = value.value_or(default_value);
    if (actual == wanted) return std::nullopt;
    return "database flag " + flag + " is " + (value ? *value : "not set (its default is " + default_value + ")") +
           "; set it to " + wanted;
  };
}

struct FlagRule {
  std::string name;
  std::string description;
  std::string flag;
  FlagCheck check;
};

pp::Policy FlagPolicy(FlagRule rule) {
  return ForTypes(rule.name, rule.description, {gcp::kSqlInstance}, [rule](pp::ResourceValidationArgs const& args) {
    auto const& p = args.resource.properties;
    std::string version = p.GetString("databaseVersion").value_or("");
    if (version.rfind("POSTGRES_", 0) != 0) return;
    int major = 0;
    try {
      major = std::stoi(version.substr(9));
    } catch (std::exception const&) {
    }
    Instance instance{.properties = p, .major_version = major};
    if (auto problem = rule.check(instance, instance.Flag(rule.flag))) args.ReportViolation(*problem);
  });
}

void LogErrorLevels(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (p.GetString("databaseVersion").value_or("").rfind("POSTGRES", 0) != 0) return;
  Instance instance{.properties = p, .major_version = 0};
  // Unset, they are WARNING and ERROR: both log errors.
  for (char const* flag : {"log_min_messages", "log_min_error_statement"}) {
    auto value = instance.Flag(flag);
    if (!value || LogsErrors(*value)) continue;
    bool valid = Contains(kLevels, Lower(*value));
    args.ReportViolation("database flag " + std::string(flag) + " is " + *value +
                         (valid ? ": errors are not logged; set it to error or a more verbose level"
                                : ", not a PostgreSQL message level (" + Join(kLevels) + ")"));
  }
}

}  // namespace

Policies CloudSqlFlagPolicies() {
  Policies policies;
  for (auto& rule : std::vector<FlagRule>{
           {"sql-pg-log-connections",
            "Cloud SQL PostgreSQL logs connections: log_connections on (CKV_GCP_52, google-sql-pg-log-connections)",
            "log_connections", MustBeOn("log_connections")},
           {"sql-pg-log-disconnections",
            "Cloud SQL PostgreSQL logs disconnections: log_disconnections on (CKV_GCP_53, "
            "google-sql-pg-log-disconnections)",
            "log_disconnections", MustBeOn("log_disconnections")},
           {"sql-pg-log-lock-waits",
            "Cloud SQL PostgreSQL logs lock waits: log_lock_waits on (CKV_GCP_54, google-sql-pg-log-lock-waits)",
            "log_lock_waits", MustBeOn("log_lock_waits")},
           {"sql-pg-log-checkpoints",
            "Cloud SQL PostgreSQL logs checkpoints: log_checkpoints on, the default from PostgreSQL 15 (CKV_GCP_51, "
            "google-sql-pg-log-checkpoints)",
            "log_checkpoints", MustBeOn("log_checkpoints", [](int major) { return major >= 15; })},
           {"sql-pg-log-temp-files",
            "Cloud SQL PostgreSQL logs every temporary file: log_temp_files 0 (CKV_GCP_56, "
            "google-sql-enable-pg-temp-file-logging)",
            "log_temp_files", MustEqual("log_temp_files", "0", "-1")},
           {"sql-pg-no-statement-duration-logging",
            "Cloud SQL PostgreSQL does not log statements by duration, which would log their parameters: "
            "log_min_duration_statement -1 (CKV_GCP_57, google-sql-pg-no-min-statement-logging)",
            "log_min_duration_statement", MustEqual("log_min_duration_statement", "-1", "-1")},
           {"sql-pg-audit", "Cloud SQL PostgreSQL has pgAudit: cloudsql.enable_pgaudit on (CKV_GCP_110)",
            "cloudsql.enable_pgaudit", MustBeOn("cloudsql.enable_pgaudit")},
       }) {
    policies.push_back(FlagPolicy(std::move(rule)));
  }
  policies.push_back(ForTypes("sql-pg-log-error-levels",
                              "Cloud SQL PostgreSQL logs errors: log_min_messages and log_min_error_statement are "
                              "valid levels no less verbose than ERROR (CKV_GCP_55, CKV_GCP_109, "
                              "google-sql-pg-log-errors)",
                              {gcp::kSqlInstance}, LogErrorLevels));
  return policies;
}

}  // namespace apex::policy
