// The database migration job: extensions and grants, run by the deploy after `pulumi up`.
#include "apex/cloud_run_service.h"

#include "pulumi/gcp/cloudrunv2/job.h"

#include <stdexcept>

namespace apex {
namespace {

namespace run = pulumi::gcp::cloudrunv2;

constexpr char kSqlEnv[] = "APEX_MIGRATION_SQL";

// The login is an OAuth access token of the job's service account (IAM database authentication), from the
// metadata server; busybox wget and sed come with the Alpine postgres images. The SQL runs in one transaction.
constexpr char kScript[] = R"sh(set -eu
token_url=http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token
PGPASSWORD="$(wget -q -O - --header 'Metadata-Flavor: Google' "$token_url" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
[ -n "$PGPASSWORD" ] || { echo 'apex-db-migrate: no access token from the metadata server' >&2; exit 1; }
export PGPASSWORD
printf '%s\n' "$APEX_MIGRATION_SQL" | psql -X -v ON_ERROR_STOP=1 --single-transaction -f -
)sh";

std::string Quoted(std::string const& identifier) {
  std::string out = "\"";
  for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string MigrationSql(std::string const& database, std::vector<std::string> const& grantees) {
  std::string sql = "CREATE EXTENSION IF NOT EXISTS vector;\nCREATE EXTENSION IF NOT EXISTS pgaudit;\n";
  for (auto const& g : grantees) {
    auto user = Quoted(g);
    sql += "GRANT CONNECT ON DATABASE " + Quoted(database) + " TO " + user + ";\n";
    sql += "GRANT USAGE, CREATE ON SCHEMA public TO " + user + ";\n";
    sql += "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + user + ";\n";
    sql += "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + user + ";\n";
    // Tables and sequences the migration user creates later, too.
    sql +=
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + user + ";\n";
    sql += "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + user + ";\n";
  }
  return sql;
}

DatabaseMigrationJob::DatabaseMigrationJob(pulumi::Context& ctx, std::string const& name,
                                           DatabaseMigrationArgs const& args, pulumi::ResourceOptions const& opts)
    : pulumi::ComponentResource(ctx, kType, name, opts) {
  CloudRunWorkload w{
      .name = args.name,
      .image = args.image,
      .env = {{"PGHOST", args.host},
              {"PGPORT", std::string("5432")},
              {"PGDATABASE", args.database},
              {"PGSSLMODE", std::string("verify-ca")},
              {"PGSSLROOTCERT", args.server_ca.path},
              {kSqlEnv, pulumi::All(args.grantees).Apply([database = args.database](std::vector<std::string> const& g) {
                 return MigrationSql(database, g);
               })}},
      .secret_files = {args.server_ca},
      .database_user =
          CloudSqlIamUser{.instance = args.instance, .database_roles = {"cloudsqlsuperuser"}, .user_env = "PGUSER"},
      .vpc_egress = args.vpc_egress,
      .deletion_protection = args.deletion_protection};
  internal::ValidateWorkload(w);
  auto identity = internal::CreateWorkloadIdentity(ctx, name, args.common, w, *this, opts.depends_on);
  auto [volumes, mounts] =
      internal::SecretVolumes<run::JobTemplateTemplateVolumeArgs, run::JobTemplateTemplateVolumeSecretArgs,
                              run::JobTemplateTemplateVolumeSecretItemArgs,
                              run::JobTemplateTemplateContainerVolumeMountArgs>(w.secret_files);
  run::Job job(
      ctx, name + "-job",
      {.deletion_protection = w.deletion_protection,
       .labels = args.labels,
       .location = args.common.region,
       .name = w.name,
       .project = args.common.gcp_project,
       .template_ =
           run::JobTemplateArgs{
               .parallelism = 1,
               .task_count = 1,
               .template_ =
                   run::JobTemplateTemplateArgs{.containers =
                                                    std::vector<run::JobTemplateTemplateContainerArgs>{
                                                        {.args = std::vector<std::string>{kScript},
                                                         .commands = std::vector<std::string>{"/bin/sh", "-c"},
                                                         .envs = internal::ContainerEnv<
                                                             run::JobTemplateTemplateContainerEnvArgs,
                                                             run::JobTemplateTemplateContainerEnvValueSourceArgs,
                                                             run::JobTemplateTemplateContainerEnvValueSourceSecretKeyRefArgs>(
                                                             w, identity),
                                                         .image = w
                                                                      .image,
                                                         .name = "migrate",
                                                         .resources = run::JobTemplateTemplateContainerResourcesArgs{.limits =
                                                                                                                         std::map<std::string, std::string>{{"cpu",
                                                                                                                                                             "1"},
                                                                                                                                                            {"memory",
                                                                                                                                                             "512Mi"}}},
                                                         .volume_mounts = mounts}},
                                                .execution_environment = "EXECUTION_ENVIRONMENT_GEN2",
                                                // Idempotent: one retry covers a transient failure (a token or a
                                                // connection).
                                                .max_retries = 1,
                                                .service_account = identity.email,
                                                .timeout = "600s",
                                                .volumes = volumes,
                                                .vpc_access =
                                                    run::JobTemplateTemplateVpcAccessArgs{
                                                        .egress = args.vpc_egress.egress,
                                                        .network_interfaces =
                                                            std::vector<
                                                                run::JobTemplateTemplateVpcAccessNetworkInterfaceArgs>{
                                                                {.network = args.vpc_egress.network,
                                                                 .subnetwork = args.vpc_egress.subnetwork}}}}}},
      internal::ChildOf(*this, opts.depends_on, identity.grants));

  job_name = job.name();
  service_account_email = identity.email;
  RegisterOutputs({{"name", job_name}, {"serviceAccountEmail", service_account_email}});
}

}  // namespace apex
