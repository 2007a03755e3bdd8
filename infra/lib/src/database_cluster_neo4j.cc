// Neo4j on a data VM (database_cluster_vm.cc): a pinned Neo4j package from Neo4j's Debian repository, its
// graph on the data disk, Bolt (7687) and HTTP (7474) reachable from the VPC only; its initial password is
// the VM's generated secret.
#include "apex/database_cluster.h"

namespace apex {
namespace {

// Appended to the data VM's common script, which has mounted $DATA and read $APP_SECRET.
constexpr char kNeo4jScript[] = R"script(if ! dpkg -s neo4j >/dev/null 2>&1; then
  apt-get update
  apt-get install -y gnupg curl openjdk-17-jre-headless
  curl -fsSL https://debian.neo4j.com/neotechnology.gpg.key | gpg --dearmor -o /usr/share/keyrings/neo4j.gpg
  echo "deb [signed-by=/usr/share/keyrings/neo4j.gpg] https://debian.neo4j.com stable 5" > /etc/apt/sources.list.d/neo4j.list
  apt-get update
  apt-get install -y "neo4j=1:@VERSION@"
  apt-mark hold neo4j
fi
chown -R neo4j:neo4j "$DATA"
CONF=/etc/neo4j/neo4j.conf
sed -i '/^server.directories.data=/d;/^server.default_listen_address=/d' "$CONF"
echo "server.directories.data=$DATA" >> "$CONF"
echo "server.default_listen_address=0.0.0.0" >> "$CONF"
if [ ! -f "$DATA/.apex-initialized" ]; then
  sudo -u neo4j neo4j-admin dbms set-initial-password "$APP_SECRET"
  touch "$DATA/.apex-initialized"
fi
systemctl enable neo4j
systemctl restart neo4j
)script";

}  // namespace

void DatabaseCluster::CreateNeo4j(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                                  DatabaseNetwork const& network) {
  neo4j_password_secret_id = CreateSecret(ctx, name + "-neo4j-password", args, "neo4j");
  DataVm vm = CreateDataVm(ctx, name, args, network,
                           {.component = "neo4j",
                            .description = "Neo4j knowledge graph of the Apex Memory System",
                            .config = args.neo4j.vm,
                            .secret_id = neo4j_password_secret_id,
                            .app_script = kNeo4jScript,
                            .placeholders = {{"@VERSION@", args.neo4j.version}}});
  neo4j_internal_ip = vm.internal_ip;
  neo4j_instance_id = vm.instance_id;
  neo4j_instance_name = vm.instance_name;
}

}  // namespace apex
