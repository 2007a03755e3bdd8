// What the architecture reads from a plan: every planned resource of every project, found by type, by cloud
// name or by the references other resources hold to it (ids, self links, resource paths); the workloads (Cloud
// Run services, worker pools and jobs) with their environment, secret volumes, service account and VPC egress;
// and host:port parsing of environment values.
#ifndef APEX_PLAN_ARCHITECTURE_INDEX_H
#define APEX_PLAN_ARCHITECTURE_INDEX_H

#include "plan_model.h"

#include <map>
#include <string>
#include <vector>

namespace apex::plan::arch {

inline constexpr char kCloudRunService[] = "gcp:cloudrunv2/service:Service";
inline constexpr char kCloudRunWorkerPool[] = "gcp:cloudrunv2/workerPool:WorkerPool";
inline constexpr char kCloudRunJob[] = "gcp:cloudrunv2/job:Job";

struct Res {
  PlannedResource const* r = nullptr;
  std::string project;

  std::string const& Type() const { return r->type; }
  /// The cloud name: the `name` input, else the logical name.
  std::string Name() const;
  /// The string at a dotted path of the inputs ("settings.ipConfiguration.privateNetwork"); "" when absent
  /// or not a string (numbers print without a fraction, booleans as true/false).
  std::string In(std::string const& path) const;
  std::string Out(std::string const& path) const;
  /// The strings at an array path of the inputs or outputs: "backends[].group", "managed.domains[]".
  std::vector<std::string> InList(std::string const& path) const;
  std::vector<std::string> OutList(std::string const& path) const;
  bool HasIn(std::string const& path) const;
  /// The objects at an array path of the inputs: "rules[]".
  std::vector<pulumi::PropertyMap const*> InObjects(std::string const& path) const;
};

/// The string at a dotted path of any map, as Res::In reads it.
std::string TextAt(pulumi::PropertyMap const& map, std::string const& path);

class ResourceIndex {
 public:
  explicit ResourceIndex(Plan const& plan);

  std::vector<Res> const& All() const { return all_; }
  std::vector<Res> OfType(std::string const& type) const;
  /// The resource a reference names: its id, its self link, or its path with the API's host stripped.
  Res const* Resolve(std::string const& reference) const;
  /// The resource of `type` whose cloud name is `name` (or the last segment of a path to it).
  Res const* Named(std::string const& type, std::string const& name) const;

 private:
  std::vector<Res> all_;
  std::map<std::string, std::size_t> by_reference_;
};

struct EnvVar {
  std::string name;
  std::string value;   ///< a plain value ("" when it comes from a secret)
  std::string secret;  ///< valueSource.secretKeyRef.secret, when it comes from one
};

struct Workload {
  Res res;
  std::string node;  ///< "run:<name>"
  std::string kind;  ///< "Cloud Run service", "Cloud Run worker pool", "Cloud Run job"
  std::vector<EnvVar> env;
  std::vector<std::string> secret_volumes;  ///< the secrets mounted as files
  std::string service_account;              ///< email
  std::string image;
  std::string egress;      ///< vpcAccess.egress, "" without Direct VPC egress
  std::string subnetwork;  ///< vpcAccess.networkInterfaces[0].subnetwork
};

/// Every Cloud Run service, worker pool and job of the plan, in plan order.
std::vector<Workload> Workloads(ResourceIndex const& index);

struct Endpoint {
  std::string scheme;  ///< "bolt", "https", "" for a bare host
  std::string host;
  std::string port;  ///< "" when the value has none
};

/// An environment value read as an endpoint: "bolt://10.1.2.3:7687", "https://x.run.app", "10.1.2.3",
/// "host.example.com:7233". Empty host when it is not one (a path, a word, free text).
Endpoint EndpointOf(std::string const& value);

/// "projects/p/secrets/apex-db-redis-auth" -> "apex-db-redis-auth"; a bare secret id stays as it is.
std::string SecretIdOf(std::string const& reference);

/// "serviceAccount:a@b" -> "a@b"; other members ("allUsers", "user:...") as they are.
std::string MemberEmail(std::string const& member);

}  // namespace apex::plan::arch

#endif  // APEX_PLAN_ARCHITECTURE_INDEX_H
