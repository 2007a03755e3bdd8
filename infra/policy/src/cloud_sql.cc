// Cloud SQL instances: network exposure, TLS, backups, version, and the prod rules (policy-checks rows 1-5, 14;
// APEX-1..3). Absent inputs are judged by the provider's defaults.
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

bool IsPostgres(pp::Properties const& p) {
  return p.GetString("databaseVersion").value_or("").rfind("POSTGRES", 0) == 0;
}

// A read replica follows its primary's backups (google-sql-enable-backup skips replicas too).
bool IsReplica(pp::Properties const& p) { return IsSet(p, "masterInstanceName"); }

// "POSTGRES_17" -> 17; 0 when there is no number.
int MajorVersion(std::string const& version) {
  auto underscore = version.rfind('_');
  if (underscore == std::string::npos) return 0;
  try {
    return std::stoi(version.substr(underscore + 1));
  } catch (std::exception const&) {
    return 0;
  }
}

void NoPublicIp(pp::ResourceValidationArgs const& args) {
  auto ipv4 = args.resource.properties.GetBool("settings.ipConfiguration.ipv4Enabled");
  if (!ipv4) {
    args.ReportViolation(
        "settings.ipConfiguration.ipv4Enabled is not set, and the provider's default (true) gives the instance a "
        "public IPv4 address; set it to false and connect through privateNetwork");
  } else if (*ipv4) {
    args.ReportViolation("settings.ipConfiguration.ipv4Enabled is true: the instance has a public IPv4 address");
  }
}

void NoOpenAuthorizedNetworks(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  std::string const list = "settings.ipConfiguration.authorizedNetworks";
  for (std::size_t i = 0, n = ListSize(p, list); i < n; ++i) {
    std::string const at = list + "[" + std::to_string(i) + "]";
    auto value = p.GetString(at + ".value").value_or("");
    if (IsWholeInternet(value)) {
      args.ReportViolation(at + " (" + p.GetString(at + ".name").value_or("unnamed") + ") is " + value +
                           ": the whole internet may connect");
    }
  }
}

void RequireTls(pp::ResourceValidationArgs const& args) {
  auto mode = args.resource.properties.GetString("settings.ipConfiguration.sslMode");
  if (!mode) {
    args.ReportViolation(
        "settings.ipConfiguration.sslMode is not set, and Cloud SQL's default ALLOW_UNENCRYPTED_AND_ENCRYPTED accepts "
        "unencrypted connections; set ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED");
  } else if (*mode != "ENCRYPTED_ONLY" && *mode != "TRUSTED_CLIENT_CERTIFICATE_REQUIRED") {
    args.ReportViolation("settings.ipConfiguration.sslMode is " + *mode +
                         "; set ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED");
  }
}

void BackupsEnabled(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (IsReplica(p)) return;
  auto enabled = p.GetBool("settings.backupConfiguration.enabled");
  if (!enabled.value_or(false)) {
    args.ReportViolation(std::string("settings.backupConfiguration.enabled is ") +
                         (enabled ? "false" : "not set (the provider's default is false)") +
                         ": the instance has no automated backups");
  }
}

void PointInTimeRecovery(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (!IsPostgres(p) || IsReplica(p)) return;
  auto enabled = p.GetBool("settings.backupConfiguration.pointInTimeRecoveryEnabled");
  if (!enabled.value_or(false)) {
    args.ReportViolation(std::string("settings.backupConfiguration.pointInTimeRecoveryEnabled is ") +
                         (enabled ? "false" : "not set (the provider's default is false)") +
                         ": the database cannot be restored to a point in time");
  }
}

constexpr char kLatestPostgres[] = "POSTGRES_18";

void LatestPostgres(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  if (!IsPostgres(p)) return;
  std::string latest = args.config.value("latestVersion", std::string(kLatestPostgres));
  std::string version = p.GetString("databaseVersion").value_or("");
  if (MajorVersion(version) < MajorVersion(latest)) {
    args.ReportViolation("databaseVersion is " + version + "; the newest major version Cloud SQL offers is " + latest);
  }
}

void RegionalAvailability(PackOptions const& options, pp::ResourceValidationArgs const& args) {
  if (!options.prod) return;
  auto const& p = args.resource.properties;
  if (IsReplica(p)) return;
  auto availability = p.GetString("settings.availabilityType");
  if (availability.value_or("ZONAL") != "REGIONAL") {
    args.ReportViolation("settings.availabilityType is " +
                         (availability ? *availability : std::string("not set (the provider's default is ZONAL)")) +
                         ": prod needs REGIONAL, a standby in a second zone");
  }
}

void ProdDeletionProtection(PackOptions const& options, pp::ResourceValidationArgs const& args) {
  if (!options.prod || options.decommission) return;
  auto const& p = args.resource.properties;
  // Pulumi's guard defaults to true; Google's own (all surfaces: console, gcloud, API) defaults to false.
  if (!p.GetBool("deletionProtection").value_or(true)) {
    args.ReportViolation("deletionProtection is false: Pulumi may delete the prod instance");
  }
  auto api = p.GetBool("settings.deletionProtectionEnabled");
  if (!api.value_or(false)) {
    args.ReportViolation(std::string("settings.deletionProtectionEnabled is ") +
                         (api ? "false" : "not set (the provider's default is false)") +
                         ": the prod instance can be deleted from the console, gcloud or the API");
  }
}

}  // namespace

Policies CloudSqlPolicies(PackOptions const& options) {
  std::vector<std::string> const sql = {gcp::kSqlInstance};
  return {
      ForTypes("sql-no-public-ip",
               "Cloud SQL has no public IP (CKV_GCP_60, google-sql-no-public-access / AVD-GCP-0017)", sql, NoPublicIp),
      ForTypes("sql-no-open-authorized-networks",
               "Cloud SQL authorized networks do not include 0.0.0.0/0 (CKV_GCP_11, google-sql-no-public-access / "
               "AVD-GCP-0017)",
               sql, NoOpenAuthorizedNetworks),
      ForTypes("sql-require-tls",
               "Cloud SQL accepts only encrypted connections: sslMode ENCRYPTED_ONLY or "
               "TRUSTED_CLIENT_CERTIFICATE_REQUIRED (CKV_GCP_6, google-sql-encrypt-in-transit-data / AVD-GCP-0015)",
               sql, RequireTls),
      ForTypes("sql-backups-enabled",
               "Cloud SQL automated backups are on, replicas excepted (CKV_GCP_14, google-sql-enable-backup / "
               "AVD-GCP-0024; APEX-2 in prod)",
               sql, BackupsEnabled),
      ForTypes("sql-pg-point-in-time-recovery",
               "Cloud SQL PostgreSQL has point-in-time recovery on (policy row 5: no tool checks it for PostgreSQL, "
               "CKV2_GCP_20 is MySQL's; APEX-2 in prod)",
               sql, PointInTimeRecovery),
      ForTypes("sql-pg-latest-version", "Cloud SQL PostgreSQL runs the newest major version (CKV_GCP_79)", sql,
               LatestPostgres,
               pp::ConfigSchema{.properties = {{"latestVersion",
                                                {{"type", "string"},
                                                 {"description", "the newest major version Cloud SQL offers at GA"},
                                                 {"default", kLatestPostgres}}}}}),
      ForTypes("sql-prod-regional-availability",
               "prod Cloud SQL is highly available: settings.availabilityType REGIONAL (APEX-3)", sql,
               [options](pp::ResourceValidationArgs const& args) { RegionalAvailability(options, args); }),
      ForTypes("sql-prod-deletion-protection",
               "prod Cloud SQL is protected from deletion: deletionProtection and "
               "settings.deletionProtectionEnabled (APEX-1)",
               sql, [options](pp::ResourceValidationArgs const& args) { ProdDeletionProtection(options, args); }),
  };
}

}  // namespace apex::policy
