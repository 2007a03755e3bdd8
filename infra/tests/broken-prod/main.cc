// apex-broken-prod: three slips a prod stack must never ship, each behind a flag so that a test can make one at a
// time: a Cloud SQL instance reachable on a public IP (policy-checks row 1), an internal Cloud Run service that
// allUsers may invoke (row 17), and a secret without the cost-center label.
#include "pulumi/config.h"
#include "pulumi/gcp/cloudrunv2/service.h"
#include "pulumi/gcp/cloudrunv2/service_iam_member.h"
#include "pulumi/gcp/secretmanager/secret.h"
#include "pulumi/gcp/sql/database_instance.h"
#include "pulumi/pulumi.h"

namespace sql = pulumi::gcp::sql;
namespace run = pulumi::gcp::cloudrunv2;
namespace secretmanager = pulumi::gcp::secretmanager;

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    pulumi::Config broken(ctx, "broken");
    std::map<std::string, std::string> labels{
        {"environment", "prod"}, {"project", "apex"}, {"managed-by", "pulumi"}, {"cost-center", "apex-memory"}};
    if (broken.GetBool("publicSql").value_or(false)) {
      sql::DatabaseInstance db(
          ctx, "public-sql",
          {.database_version = "POSTGRES_18",
           .deletion_protection = true,
           .settings = sql::DatabaseInstanceSettingsArgs{
               .availability_type = "REGIONAL",
               .backup_configuration =
                   sql::DatabaseInstanceSettingsBackupConfigurationArgs{.enabled = true,
                                                                        .point_in_time_recovery_enabled = true},
               .deletion_protection_enabled = true,
               .ip_configuration =
                   sql::DatabaseInstanceSettingsIpConfigurationArgs{.ipv4_enabled = true, .ssl_mode = "ENCRYPTED_ONLY"},
               .tier = "db-custom-1-3840",
               .user_labels = labels}});
    }
    if (broken.GetBool("publicInvoker").value_or(false)) {
      run::Service service(
          ctx, "internal-api",
          {.deletion_protection = false,
           .ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY",
           .labels = labels,
           .location = "us-central1",
           .name = "internal-api",
           .template_ = run::ServiceTemplateArgs{
               .containers = std::vector<run::ServiceTemplateContainerArgs>{
                   {.image = "us-central1-docker.pkg.dev/apex-prod-789012/apex/query-router:1.0.0"}}}});
      run::ServiceIamMember public_invoker(
          ctx, "internal-api-public",
          {.location = "us-central1", .member = "allUsers", .name = service.name(), .role = "roles/run.invoker"});
    }
    if (broken.GetBool("unlabeledSecret").value_or(false)) {
      auto partial = labels;
      partial.erase("cost-center");
      secretmanager::Secret secret(
          ctx, "unlabeled-secret",
          {.deletion_protection = true,
           .labels = partial,
           .replication = secretmanager::SecretReplicationArgs{.auto_ = secretmanager::SecretReplicationAutoArgs{}},
           .secret_id = "apex-unlabeled"});
    }
  });
}
