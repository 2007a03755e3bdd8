// What the services and monitoring tests feed in as apex-databases' stack outputs, so that those projects are
// tested on their own (the offline plan runs all four together).
#ifndef APEX_TESTS_SUPPORT_DATABASE_OUTPUTS_H
#define APEX_TESTS_SUPPORT_DATABASE_OUTPUTS_H

#include "apex/stack_graph.h"
#include "apex/stack_outputs.h"
#include "pulumi/property_value.h"

#include <string>

namespace apex::test_support {

/// The gcp:project of each stack file.
inline std::string ProjectOf(std::string const& stack) {
  return stack == "dev" ? "apex-dev-123456" : stack == "staging" ? "apex-staging-345678" : "apex-prod-789012";
}

/// The name the other projects read apex-databases' stack `stack` by (no apex:stackOrganization in the stack files).
inline std::string DatabasesStack(std::string const& stack) {
  return QualifiedStackName(kDefaultStackOrganization, "apex-databases", stack);
}

/// apex-databases' outputs for `stack`, by the names of apex/stack_outputs.h. The keys
/// that predate issue #11 keep the short values the services and monitoring tests assert; apex-databases'
/// own run gives full secret names (projects/<p>/secrets/<id>) and instances/apex-db-redis.
inline pulumi::PropertyMap DatabaseOutputs(std::string const& stack) {
  std::string project = ProjectOf(stack);
  std::string secrets = "projects/" + project + "/secrets/";
  return {{outputs::kPostgresConnectionName, project + ":us-central1:apex-db-postgres"},
          {outputs::kPostgresPrivateIp, "10.100.0.3"},
          {outputs::kPostgresInstanceName, "apex-db-postgres"},
          {outputs::kDatabaseName, "vectors"},
          {outputs::kPostgresCaSecretId, secrets + "apex-db-postgres-ca"},
          {outputs::kRedisHost, "10.100.1.4"},
          {outputs::kRedisPort, 6379},
          {outputs::kRedisInstanceId, "projects/" + project + "/locations/us-central1/instances/apex-redis"},
          {outputs::kRedisAuthSecretId, "apex-db-redis-auth"},
          {outputs::kRedisCaSecretId, secrets + "apex-db-redis-ca"},
          {outputs::kNeo4jInternalIp, "10.10.0.5"},
          {outputs::kNeo4jPasswordSecretId, "apex-neo4j-password"},
          {outputs::kNeo4jInstanceId, "4815162342108815234"},
          {outputs::kNeo4jInstanceName, "apex-db-neo4j"},
          {outputs::kQdrantUrl, "http://10.10.0.6:6333"},
          {outputs::kQdrantApiKeySecretId, secrets + "apex-db-qdrant-api-key"},
          {outputs::kQdrantInstanceId, "2718281828459045235"},
          {outputs::kQdrantInstanceName, "apex-db-qdrant"}};
}

}  // namespace apex::test_support

#endif  // APEX_TESTS_SUPPORT_DATABASE_OUTPUTS_H
