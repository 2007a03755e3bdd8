// Qdrant on a data VM (database_cluster_vm.cc): block storage, as Qdrant requires (no object storage, no
// network file system). The pinned image runs under Docker from Debian with the data disk as its storage,
// REST on 6333 and gRPC on 6334 (reachable from the VPC only), and the VM's generated secret as its API key,
// read again at every boot.
#include "apex/database_cluster.h"

namespace apex {
namespace {

constexpr int kQdrantHttpPort = 6333;

// Appended to the data VM's common script, which has mounted $DATA and read $APP_SECRET. The key reaches the
// container through a root-only env file on tmpfs, not the docker command line.
constexpr char kQdrantScript[] = R"script(if ! command -v docker >/dev/null 2>&1; then
  apt-get update
  apt-get install -y docker.io
fi
systemctl enable --now docker
install -m 600 /dev/null /run/qdrant.env
printf 'QDRANT__SERVICE__API_KEY=%s\nQDRANT__TELEMETRY_DISABLED=true\n' "$APP_SECRET" > /run/qdrant.env
docker pull "@IMAGE@"
docker rm -f qdrant >/dev/null 2>&1 || true
docker run -d --name qdrant --restart=unless-stopped --env-file /run/qdrant.env \
  -p 6333:6333 -p 6334:6334 -v "$DATA":/qdrant/storage "@IMAGE@"
rm -f /run/qdrant.env
)script";

}  // namespace

void DatabaseCluster::CreateQdrant(pulumi::Context& ctx, std::string const& name, DatabaseClusterArgs const& args,
                                   DatabaseNetwork const& network) {
  qdrant_api_key_secret_id = CreateSecret(ctx, name + "-qdrant-api-key", args, "qdrant");
  DataVm vm = CreateDataVm(ctx, name, args, network,
                           {.component = "qdrant",
                            .description = "Qdrant vector search of the Apex Memory System",
                            .config = args.qdrant.vm,
                            .secret_id = qdrant_api_key_secret_id,
                            .app_script = kQdrantScript,
                            .placeholders = {{"@IMAGE@", args.qdrant.image}}});
  qdrant_url = vm.internal_ip.Apply(
      [](std::string const& ip) { return "http://" + ip + ":" + std::to_string(kQdrantHttpPort); });
  qdrant_instance_id = vm.instance_id;
  qdrant_instance_name = vm.instance_name;
}

}  // namespace apex
