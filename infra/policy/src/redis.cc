// Memorystore for Redis: AUTH, TLS, and the prod rules for availability and persistence (policy-checks rows
// 15-16; APEX-4, APEX-6). Absent inputs are judged by the provider's defaults.
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

std::string Found(std::optional<std::string> const& value, std::string const& fallback) {
  return value ? *value : "not set (the provider's default is " + fallback + ")";
}

void AuthEnabled(pp::ResourceValidationArgs const& args) {
  auto auth = args.resource.properties.GetBool("authEnabled");
  if (!auth.value_or(false)) {
    args.ReportViolation(std::string("authEnabled is ") +
                         (auth ? "false" : "not set (the provider's default is false)") +
                         ": any client on the network may use the instance without the AUTH string");
  }
}

void TransitEncryption(pp::ResourceValidationArgs const& args) {
  auto mode = args.resource.properties.GetString("transitEncryptionMode");
  if (mode.value_or("DISABLED") != "SERVER_AUTHENTICATION") {
    args.ReportViolation("transitEncryptionMode is " + Found(mode, "DISABLED") +
                         ": traffic to the instance is not encrypted; set SERVER_AUTHENTICATION");
  }
}

void ProdHighAvailability(PackOptions const& options, pp::ResourceValidationArgs const& args) {
  if (!options.prod) return;
  auto tier = args.resource.properties.GetString("tier");
  if (tier.value_or("BASIC") != "STANDARD_HA") {
    args.ReportViolation("tier is " + Found(tier, "BASIC") + ": prod needs STANDARD_HA, a replica that takes over");
  }
}

void ProdPersistence(PackOptions const& options, pp::ResourceValidationArgs const& args) {
  if (!options.prod) return;
  auto mode = args.resource.properties.GetString("persistenceConfig.persistenceMode");
  if (mode.value_or("DISABLED") != "RDB" && mode.value_or("DISABLED") != "AOF") {
    args.ReportViolation("persistenceConfig.persistenceMode is " + Found(mode, "DISABLED") +
                         ": prod's cache and sessions are lost on a restart; set RDB or AOF");
  }
}

}  // namespace

Policies RedisPolicies(PackOptions const& options) {
  std::vector<std::string> const redis = {gcp::kRedisInstance};
  return {
      ForTypes("redis-auth-enabled", "Memorystore Redis requires AUTH: authEnabled (CKV_GCP_95; APEX-5 in prod)", redis,
               AuthEnabled),
      ForTypes("redis-transit-encryption",
               "Memorystore Redis encrypts in transit: transitEncryptionMode SERVER_AUTHENTICATION (CKV_GCP_97; APEX-5 "
               "in prod)",
               redis, TransitEncryption),
      ForTypes("redis-prod-high-availability", "prod Memorystore Redis is highly available: tier STANDARD_HA (APEX-4)",
               redis, [options](pp::ResourceValidationArgs const& args) { ProdHighAvailability(options, args); }),
      ForTypes("redis-prod-persistence",
               "prod Memorystore Redis persists its data: persistenceConfig.persistenceMode RDB or AOF (APEX-6)", redis,
               [options](pp::ResourceValidationArgs const& args) { ProdPersistence(options, args); }),
  };
}

}  // namespace apex::policy
