// The database service account: the identity the Apex services run as to reach the data tier. It gets
// exactly what that takes and no basic role: Cloud SQL connections, the two password secrets, and invoking
// the internal Qdrant service.
#include "apex/database_cluster.h"

#include "pulumi/gcp/cloudrunv2/service_iam_member.h"
#include "pulumi/gcp/projects/iam_member.h"
#include "pulumi/gcp/secretmanager/secret_iam_member.h"
#include "pulumi/gcp/serviceaccount/account.h"

namespace apex {

void DatabaseCluster::CreateDatabaseAccess(pulumi::Context& ctx, std::string const& name,
                                           DatabaseClusterArgs const& args) {
  pulumi::ResourceOptions child{.parent = *this};
  std::string const account_name = name + "-access";

  pulumi::gcp::serviceaccount::Account account(
      ctx, name + "-sa",
      {.account_id = account_name,
       .description = "The Apex services' access to Cloud SQL, Redis, Neo4j and Qdrant",
       .display_name = "Apex database access"},
      child);

  pulumi::gcp::projects::IAMMember(
      ctx, name + "-sa-cloudsql-client",
      {.member = account.member(), .project = args.common.gcp_project, .role = "roles/cloudsql.client"}, child);
  for (auto const& [suffix, secret] : std::vector<std::pair<std::string, pulumi::Output<std::string>>>{
           {"password", db_password_secret_id}, {"neo4j-password", neo4j_password_secret_id}}) {
    pulumi::gcp::secretmanager::SecretIamMember(
        ctx, name + "-sa-" + suffix + "-accessor",
        {.member = account.member(), .role = "roles/secretmanager.secretAccessor", .secret_id = secret}, child);
  }
  // Qdrant's ingress is internal and IAM-checked: the services call it as this account.
  pulumi::gcp::cloudrunv2::ServiceIamMember(ctx, name + "-sa-qdrant-invoker",
                                            {.location = args.common.region,
                                             .member = account.member(),
                                             .name = qdrant_service_name,
                                             .role = "roles/run.invoker"},
                                            child);

  service_account_email = account.email();
}

}  // namespace apex
