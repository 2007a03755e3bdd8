// What Cloud Run workloads (services, jobs, worker pools) run with: credentials from Secret Manager rather
// than plain env values, and Direct VPC egress for those that reach the data tier (APEX-9, APEX-10). Only env
// names are read, never their values.
#include "apex/gcp_types.h"
#include "policies.h"
#include "policy_support.h"

namespace apex::policy {
namespace {

// Parts of env names that say the value is a credential (the programs refuse the same, cloud_run_service_identity).
std::vector<std::string> const kSecretWords = {"PASSWORD",    "PASSWD",      "TOKEN",      "API_KEY", "APIKEY",
                                               "PRIVATE_KEY", "AUTH_STRING", "CREDENTIAL", "_SECRET"};

// Prefixes of the env names by which a workload is given a data store: Postgres, Redis, Neo4j, Qdrant.
std::vector<std::string> const kDataTierPrefixes = {"POSTGRES_", "PG", "DATABASE_URL", "REDIS_", "NEO4J_", "QDRANT_"};

/// Where the revision template sits: a job's is one level deeper.
std::string TemplateOf(std::string const& type) { return type == gcp::kRunJob ? "template.template" : "template"; }

/// Calls `visit(path, name)` for every env entry of every container.
template <typename Visit>
void ForEachEnv(pp::Properties const& p, std::string const& tmpl, Visit visit) {
  std::string const containers = tmpl + ".containers";
  for (std::size_t c = 0, nc = ListSize(p, containers); c < nc; ++c) {
    std::string const envs = containers + "[" + std::to_string(c) + "].envs";
    for (std::size_t e = 0, ne = ListSize(p, envs); e < ne; ++e) {
      std::string const at = envs + "[" + std::to_string(e) + "]";
      visit(at, p.GetString(at + ".name").value_or(""));
    }
  }
}

void SecretsFromSecretManager(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  auto words = ConfigStrings(args.config, "secretEnvWords", kSecretWords);
  ForEachEnv(p, TemplateOf(args.resource.type), [&](std::string const& at, std::string const& name) {
    if (!IsSet(p, at + ".value")) return;
    std::string const upper = Upper(name);
    for (auto const& word : words) {
      if (upper.find(Upper(word)) != std::string::npos) {
        args.ReportViolation("env " + name + " (" + at + ") names a credential (" + word +
                             ") but has a plain value; read it from Secret Manager with valueSource.secretKeyRef");
        return;
      }
    }
    if (p.IsSecret(at + ".value")) {
      args.ReportViolation("env " + name + " (" + at +
                           ") is a Pulumi secret set as a plain value, readable in the "
                           "revision's configuration; read it from Secret Manager with valueSource.secretKeyRef");
    }
  });
}

void VpcEgress(pp::ResourceValidationArgs const& args) {
  auto const& p = args.resource.properties;
  std::string const tmpl = TemplateOf(args.resource.type);
  auto prefixes = ConfigStrings(args.config, "dataTierEnvPrefixes", kDataTierPrefixes);
  std::string reason;
  ForEachEnv(p, tmpl, [&](std::string const&, std::string const& name) {
    for (auto const& prefix : prefixes) {
      if (reason.empty() && name.rfind(prefix, 0) == 0) reason = "env " + name;
    }
  });
  for (std::size_t v = 0, nv = ListSize(p, tmpl + ".volumes"); v < nv && reason.empty(); ++v) {
    if (IsSet(p, tmpl + ".volumes[" + std::to_string(v) + "].cloudSqlInstance")) reason = "a Cloud SQL volume";
  }
  if (reason.empty()) return;
  if (ListSize(p, tmpl + ".vpcAccess.networkInterfaces") > 0 || IsSet(p, tmpl + ".vpcAccess.connector")) return;
  args.ReportViolation(LastSegment(p.GetString("name").value_or(args.resource.name)) + " reaches the data tier (" +
                       reason + ") but " + tmpl +
                       ".vpcAccess has neither networkInterfaces nor a connector: its private IPs are out of reach");
}

}  // namespace

Policies CloudRunEnvPolicies() {
  std::vector<std::string> const workloads = {gcp::kRunService, gcp::kRunJob, gcp::kRunWorkerPool};
  return {
      ForTypes("cloud-run-secrets-from-secret-manager",
               "Cloud Run credentials come from Secret Manager (valueSource.secretKeyRef), never as plain env values "
               "(APEX-9)",
               workloads, SecretsFromSecretManager,
               pp::ConfigSchema{
                   .properties = {{"secretEnvWords",
                                   StringListSchema("parts of env names that mark a credential", kSecretWords)}}}),
      ForTypes("cloud-run-vpc-egress",
               "Cloud Run workloads that reach the data tier have VPC egress: template.vpcAccess (APEX-10)", workloads,
               VpcEgress,
               pp::ConfigSchema{.properties = {{"dataTierEnvPrefixes",
                                                StringListSchema("prefixes of env names that give a data store",
                                                                 kDataTierPrefixes)}}}),
  };
}

}  // namespace apex::policy
