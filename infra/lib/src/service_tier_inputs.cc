// ReadServiceTierInputs: what the compute tier reads from the stacks of apex-network and apex-databases.
#include "apex/service_tier.h"

#include "apex/stack_outputs.h"

#include <cmath>

namespace apex {
namespace {

// A stack output as env text: a port may arrive as a number.
pulumi::Output<std::string> Text(StackReads const& stacks, char const* key) {
  return stacks.RequireValue("apex-databases", key).Apply([](pulumi::PropertyValue const& v) {
    if (v.is_number() && std::floor(v.AsNumber()) == v.AsNumber()) {
      return std::to_string(static_cast<long long>(v.AsNumber()));
    }
    return v.is_string() ? v.AsString() : v.ToString();
  });
}

}  // namespace

ServiceTierInputs ReadServiceTierInputs(StackReads const& stacks) {
  DataTier data{.postgres_private_ip = Text(stacks, outputs::kPostgresPrivateIp),
                .postgres_instance = Text(stacks, outputs::kPostgresInstanceName),
                .database_name = Text(stacks, outputs::kDatabaseName),
                .postgres_ca_secret = Text(stacks, outputs::kPostgresCaSecretId),
                .redis_host = Text(stacks, outputs::kRedisHost),
                .redis_port = Text(stacks, outputs::kRedisPort),
                .redis_auth_secret = Text(stacks, outputs::kRedisAuthSecretId),
                .redis_ca_secret = Text(stacks, outputs::kRedisCaSecretId),
                .neo4j_ip = Text(stacks, outputs::kNeo4jInternalIp),
                .neo4j_password_secret = Text(stacks, outputs::kNeo4jPasswordSecretId),
                .qdrant_url = Text(stacks, outputs::kQdrantUrl),
                .qdrant_api_key_secret = Text(stacks, outputs::kQdrantApiKeySecretId)};
  return {.network_id = stacks.Require("apex-network", outputs::kNetworkId),
          .subnet_id = stacks.Require("apex-network", outputs::kSubnetId),
          .image_registry = stacks.Require("apex-network", outputs::kImageRegistry),
          .data = std::move(data)};
}

}  // namespace apex
