#include "rules.h"

#include "values.h"

#include <functional>

namespace pulumi::gcpsim {
namespace {

constexpr char kNetwork[] = "gcp:compute/network:Network";
constexpr char kSubnetwork[] = "gcp:compute/subnetwork:Subnetwork";
constexpr char kRouter[] = "gcp:compute/router:Router";
constexpr char kGlobalAddress[] = "gcp:compute/globalAddress:GlobalAddress";
constexpr char kConnection[] = "gcp:servicenetworking/connection:Connection";
constexpr char kSqlInstance[] = "gcp:sql/databaseInstance:DatabaseInstance";
constexpr char kRedis[] = "gcp:redis/instance:Instance";
constexpr char kSecret[] = "gcp:secretmanager/secret:Secret";
constexpr char kAccount[] = "gcp:serviceaccount/account:Account";
constexpr char kBucket[] = "gcp:storage/bucket:Bucket";
constexpr char kRunService[] = "gcp:cloudrunv2/service:Service";
constexpr char kWorkerPool[] = "gcp:cloudrunv2/workerPool:WorkerPool";
constexpr char kInstance[] = "gcp:compute/instance:Instance";
constexpr char kDisk[] = "gcp:compute/disk:Disk";
constexpr char kResourcePolicy[] = "gcp:compute/resourcePolicy:ResourcePolicy";

/// The name Google knows a stored resource by (the last part of its id for most types).
std::string NameOf(StoredResource const& r) {
  if (r.type == kSecret) return StringAt(r.inputs, "secretId");
  if (r.type == kAccount) return StringAt(r.outputs, "email");
  auto name = StringAt(r.inputs, "name");
  return name.empty() ? LastSegment(r.id) : name;
}

absl::Status NotFound(std::string const& what) {
  return absl::NotFoundError("googleapi: Error 404: The resource '" + what + "' was not found, notFound");
}

/// Requires the resource of `type` that `reference` names; `what` is how the error shows it.
absl::Status Require(Store& store, std::string const& type, std::string const& reference, std::string const& what,
                     std::optional<StoredResource>* found = nullptr) {
  if (reference.empty()) return absl::OkStatus();
  auto r = FindReferenced(store, type, reference);
  if (!r.ok()) return r.status();
  if (!*r) return NotFound(what);
  if (found) *found = *std::move(*r);
  return absl::OkStatus();
}

std::string NetworkPath(std::string const& project, std::string const& network) {
  return "projects/" + project + "/global/networks/" + LastSegment(network);
}

/// The servicenetworking connection on `network`, if any.
absl::StatusOr<std::optional<StoredResource>> ConnectionOn(Store& store, std::string const& network) {
  auto all = store.List(kConnection);
  if (!all.ok()) return all.status();
  for (auto& c : *all) {
    if (LastSegment(StringAt(c.inputs, "network")) == LastSegment(network))
      return std::optional<StoredResource>(std::move(c));
  }
  return std::optional<StoredResource>();
}

/// Every element of the list at `key` (an empty list when absent).
PropertyArray ListAt(PropertyMap const& m, std::string const& key) {
  auto const* v = Lookup(m, key);
  return v && v->is_array() ? v->AsArray() : PropertyArray{};
}

/// A network with private services access: its servicenetworking connection, and the allocated ranges that
/// connection reserved still there (addresses come from them).
absl::Status RequirePrivateServiceAccess(Store& store, std::string const& network, std::string const& project,
                                         std::string const& refusal) {
  if (auto s = Require(store, kNetwork, network, NetworkPath(project, network)); !s.ok()) return s;
  auto connection = ConnectionOn(store, network);
  if (!connection.ok()) return connection.status();
  if (!*connection) return absl::FailedPreconditionError(refusal);
  for (auto const& range : ListAt((*connection)->inputs, "reservedPeeringRanges")) {
    if (!range.is_string()) continue;
    auto found = FindReferenced(store, kGlobalAddress, range.AsString());
    if (!found.ok()) return found.status();
    if (!*found) {
      return absl::FailedPreconditionError("googleapi: Error 400: Allocated IP range '" + range.AsString() +
                                           "' not found in network " + NetworkPath(project, network) +
                                           "., failedPrecondition");
    }
  }
  return absl::OkStatus();
}

/// The service account an IAM member names, when it is one of the project's own (user-managed) accounts.
absl::Status RequireMemberAccount(Store& store, std::string const& member) {
  constexpr std::string_view kPrefix = "serviceAccount:";
  if (!member.starts_with(kPrefix)) return absl::OkStatus();
  auto email = member.substr(kPrefix.size());
  auto at = email.find('@');
  if (at == std::string::npos || !email.ends_with(".iam.gserviceaccount.com") ||
      email.substr(at + 1).starts_with("gcp-sa-")) {
    return absl::OkStatus();  // Google's service agents exist without being created
  }
  auto r = FindReferenced(store, kAccount, email);
  if (!r.ok()) return r.status();
  if (!*r)
    return absl::InvalidArgumentError("googleapi: Error 400: Service account " + email +
                                      " does not exist., badRequest");
  return absl::OkStatus();
}

PropertyMap ObjectOf(PropertyValue const& v) {
  PropertyValue const* p = &v;
  while (p->is_secret()) p = &p->SecretElement();
  return p->is_object() ? p->AsObject() : PropertyMap{};
}

/// Cloud Run resolves a secret reference when it creates a revision: the secret must exist and have the version
/// (for "latest": any enabled one). `field` is the request field the error names.
absl::Status RequireSecretVersion(Store& store, std::string const& secret, std::string const& version,
                                  std::string const& field, std::string const& project) {
  if (secret.empty()) return absl::OkStatus();
  auto missing = [&] {
    return absl::InvalidArgumentError("googleapi: Error 400: " + field + ": Secret projects/" + ProjectNumber(project) +
                                      "/secrets/" + LastSegment(secret) + "/versions/" + version +
                                      " was not found, badRequest");
  };
  auto found = FindReferenced(store, kSecret, secret);
  if (!found.ok()) return found.status();
  if (!*found) return missing();
  auto versions = store.List("gcp:secretmanager/secretVersion:SecretVersion");
  if (!versions.ok()) return versions.status();
  for (auto const& v : *versions) {
    if (LastSegment(StringAt(v.inputs, "secret")) != NameOf(**found)) continue;
    if (auto const* enabled = Lookup(v.inputs, "enabled"); enabled && enabled->is_bool() && !enabled->AsBool())
      continue;
    if (version == "latest" || version.empty() || LastSegment(v.id) == version) return absl::OkStatus();
  }
  return missing();
}

absl::Status CloudRunReferences(Store& store, PropertyMap const& inputs, std::string const& project) {
  auto const* template_value = Lookup(inputs, "template");
  if (!template_value) return absl::OkStatus();
  auto tmpl = ObjectOf(*template_value);
  // A job's containers sit one level deeper: template.template.containers.
  if (auto const* task = Lookup(tmpl, "template"); task && !Lookup(tmpl, "containers")) tmpl = ObjectOf(*task);
  if (auto sa = StringAt(tmpl, "serviceAccount"); !sa.empty()) {
    if (auto s = RequireMemberAccount(store, "serviceAccount:" + sa); !s.ok()) return s;
  }
  auto containers = ListAt(tmpl, "containers");
  for (std::size_t c = 0; c < containers.size(); ++c) {
    auto envs = ListAt(ObjectOf(containers[c]), "envs");
    for (std::size_t e = 0; e < envs.size(); ++e) {
      auto ref = ObjectOf(envs[e]);
      auto field = "template.containers[" + std::to_string(c) + "].env[" + std::to_string(e) +
                   "].value_source.secret_key_ref.secret";
      auto version = StringAt(ref, "valueSource.secretKeyRef.version");
      if (auto st =
              RequireSecretVersion(store, StringAt(ref, "valueSource.secretKeyRef.secret"), version, field, project);
          !st.ok()) {
        return st;
      }
    }
  }
  auto volumes = ListAt(tmpl, "volumes");
  for (std::size_t v = 0; v < volumes.size(); ++v) {
    auto volume = ObjectOf(volumes[v]);
    auto items = ListAt(volume, "secret.items");
    auto version = items.empty() ? std::string("latest") : StringAt(ObjectOf(items[0]), "version");
    if (auto st = RequireSecretVersion(store, StringAt(volume, "secret.secret"), version.empty() ? "latest" : version,
                                       "template.volumes[" + std::to_string(v) + "].secret.secret", project);
        !st.ok()) {
      return st;
    }
  }
  for (auto const& ni : ListAt(ObjectOf(Lookup(tmpl, "vpcAccess") ? *Lookup(tmpl, "vpcAccess") : PropertyValue()),
                               "networkInterfaces")) {
    auto network = StringAt(ObjectOf(ni), "network");
    if (auto s = Require(store, kNetwork, network, NetworkPath(project, network)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status InstanceReferences(Store& store, PropertyMap const& inputs, std::string const& project,
                                std::string const& zone) {
  auto disk_in_zone = [&](std::string const& source, std::string const& field) -> absl::Status {
    if (source.empty()) return absl::OkStatus();
    std::optional<StoredResource> disk;
    if (auto s = Require(store, kDisk, source, source, &disk); !s.ok()) return s;
    auto disk_zone = StringAt(disk->inputs, "zone");
    if (!disk_zone.empty() && disk_zone != zone) {
      return absl::InvalidArgumentError("googleapi: Error 400: Invalid value for field '" + field + "': '" + source +
                                        "'. Disk must be in the same zone as the instance (" + zone + ", not " +
                                        disk_zone + ")., invalid");
    }
    return absl::OkStatus();
  };
  auto const* boot = Lookup(inputs, "bootDisk");
  if (boot) {
    if (auto s = disk_in_zone(StringAt(ObjectOf(*boot), "source"), "resource.disks[0].source"); !s.ok()) return s;
  }
  auto attached = ListAt(inputs, "attachedDisks");
  for (std::size_t i = 0; i < attached.size(); ++i) {
    auto field = "resource.disks[" + std::to_string(i + 1) + "].source";
    if (auto s = disk_in_zone(StringAt(ObjectOf(attached[i]), "source"), field); !s.ok()) return s;
  }
  for (auto const& nic : ListAt(inputs, "networkInterfaces")) {
    auto n = ObjectOf(nic);
    auto network = StringAt(n, "network");
    if (auto s = Require(store, kNetwork, network, NetworkPath(project, network)); !s.ok()) return s;
    auto subnetwork = StringAt(n, "subnetwork");
    if (auto s = Require(store, kSubnetwork, subnetwork, subnetwork); !s.ok()) return s;
  }
  if (auto sa = StringAt(inputs, "serviceAccount.email"); !sa.empty()) {
    if (auto s = RequireMemberAccount(store, "serviceAccount:" + sa); !s.ok()) return s;
  }
  return absl::OkStatus();
}

bool Flag(PropertyMap const& m, std::string const& path, bool absent) {
  auto const* v = Lookup(m, path);
  return v && v->is_bool() ? v->AsBool() : absent;
}

}  // namespace

absl::StatusOr<std::optional<StoredResource>> FindReferenced(Store& store, std::string const& type,
                                                             std::string const& reference) {
  auto all = store.List(type);
  if (!all.ok()) return all.status();
  for (auto& r : *all) {
    if (r.id == reference || StringAt(r.outputs, "selfLink") == reference || StringAt(r.outputs, "name") == reference) {
      return std::optional<StoredResource>(std::move(r));
    }
  }
  auto leaf = LastSegment(reference);
  for (auto& r : *all) {
    if (NameOf(r) == leaf || NameOf(r) == reference) return std::optional<StoredResource>(std::move(r));
  }
  return std::optional<StoredResource>();
}

absl::Status CheckReferences(Store& store, std::string const& type, PropertyMap const& inputs,
                             Placement const& placement) {
  auto project = StringAt(inputs, "project");
  if (project.empty()) project = placement.project;
  auto zone = StringAt(inputs, "zone");
  if (zone.empty()) zone = placement.zone;
  auto network = StringAt(inputs, "network");
  auto require_network = [&](std::string const& n) { return Require(store, kNetwork, n, NetworkPath(project, n)); };

  if (type == kSubnetwork || type == kRouter || type == "gcp:compute/firewall:Firewall" || type == kGlobalAddress) {
    return require_network(network);
  }
  if (type == "gcp:compute/routerNat:RouterNat") {
    auto router = StringAt(inputs, "router");
    return Require(store, kRouter, router,
                   "projects/" + project + "/regions/" + StringAt(inputs, "region") + "/routers/" + router);
  }
  if (type == kConnection) {
    if (auto s = require_network(network); !s.ok()) return s;
    for (auto const& range : ListAt(inputs, "reservedPeeringRanges")) {
      if (!range.is_string()) continue;
      auto found = FindReferenced(store, kGlobalAddress, range.AsString());
      if (!found.ok()) return found.status();
      if (!*found || StringAt((*found)->inputs, "purpose") != "VPC_PEERING") {
        return absl::FailedPreconditionError("googleapi: Error 400: Allocated IP range '" + range.AsString() +
                                             "' not found in network., failedPrecondition");
      }
    }
    return absl::OkStatus();
  }
  if (type == kSqlInstance) {
    auto private_network = StringAt(inputs, "settings.ipConfiguration.privateNetwork");
    if (private_network.empty()) return absl::OkStatus();
    auto name = StringAt(inputs, "name");
    return RequirePrivateServiceAccess(store, private_network, project,
                                       "googleapi: Error 400: Invalid request: Incorrect Service Networking config for "
                                       "instance: " +
                                           project + ":" + name + ":SERVICE_NETWORKING_NOT_ENABLED., invalid");
  }
  if (type == kRedis) {
    auto authorized = StringAt(inputs, "authorizedNetwork");
    if (StringAt(inputs, "connectMode") != "PRIVATE_SERVICE_ACCESS") return require_network(authorized);
    return RequirePrivateServiceAccess(store, authorized, project,
                                       "googleapi: Error 400: Private service access is not enabled for network '" +
                                           NetworkPath(project, authorized) +
                                           "': create a servicenetworking connection first., failedPrecondition");
  }
  if (type == "gcp:sql/database:Database" || type == "gcp:sql/user:User") {
    auto instance = StringAt(inputs, "instance");
    auto found = FindReferenced(store, kSqlInstance, instance);
    if (!found.ok()) return found.status();
    if (!*found)
      return absl::NotFoundError("googleapi: Error 404: The Cloud SQL instance does not exist., instanceDoesNotExist");
    return absl::OkStatus();
  }
  if (type == "gcp:secretmanager/secretVersion:SecretVersion") {
    auto secret = StringAt(inputs, "secret");
    auto found = FindReferenced(store, kSecret, secret);
    if (!found.ok()) return found.status();
    if (!*found) return absl::NotFoundError("googleapi: Error 404: Secret [" + secret + "] not found., notFound");
    return absl::OkStatus();
  }
  if (type == "gcp:secretmanager/secretIamMember:SecretIamMember") {
    auto secret = StringAt(inputs, "secretId");
    auto found = FindReferenced(store, kSecret, secret);
    if (!found.ok()) return found.status();
    if (!*found) return absl::NotFoundError("googleapi: Error 404: Secret [" + secret + "] not found., notFound");
    return RequireMemberAccount(store, StringAt(inputs, "member"));
  }
  if (type == "gcp:storage/bucketIAMMember:BucketIAMMember") {
    auto bucket = StringAt(inputs, "bucket");
    auto found = FindReferenced(store, kBucket, bucket);
    if (!found.ok()) return found.status();
    if (!*found) return absl::NotFoundError("googleapi: Error 404: The specified bucket does not exist., notFound");
    return RequireMemberAccount(store, StringAt(inputs, "member"));
  }
  if (type == "gcp:cloudrunv2/serviceIamMember:ServiceIamMember") {
    auto service = StringAt(inputs, "name");
    auto found = FindReferenced(store, kRunService, service);
    if (!found.ok()) return found.status();
    if (!*found) {
      return absl::NotFoundError("googleapi: Error 404: Resource '" + LastSegment(service) +
                                 "' of kind 'SERVICE' in region '" + StringAt(inputs, "location") + "' in project '" +
                                 project + "' does not exist., notFound");
    }
    return RequireMemberAccount(store, StringAt(inputs, "member"));
  }
  if (type == "gcp:projects/iAMMember:IAMMember") return RequireMemberAccount(store, StringAt(inputs, "member"));
  if (type == kRunService || type == kWorkerPool || type == "gcp:cloudrunv2/job:Job") {
    return CloudRunReferences(store, inputs, project);
  }
  if (type == kInstance) return InstanceReferences(store, inputs, project, zone);
  if (type == "gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment") {
    auto disk = StringAt(inputs, "disk");
    if (auto s = Require(store, kDisk, disk, "projects/" + project + "/zones/" + zone + "/disks/" + disk); !s.ok())
      return s;
    auto policy = StringAt(inputs, "name");
    return Require(store, kResourcePolicy, policy, "resourcePolicies/" + policy);
  }
  return absl::OkStatus();
}

absl::Status CheckDelete(Store& store, StoredResource const& stored, PropertyMap const& state) {
  auto const& type = stored.type;
  if (type == kSqlInstance &&
      (Flag(state, "deletionProtection", true) || Flag(stored.inputs, "settings.deletionProtectionEnabled", false))) {
    if (Flag(stored.inputs, "settings.deletionProtectionEnabled", false)) {
      return absl::FailedPreconditionError(
          "googleapi: Error 400: The instance is protected. Please disable the deletion protection and try again. To "
          "disable deletion protection, update the instance settings with deletionProtectionEnabled set to false., "
          "protectedInstance");
    }
    return absl::FailedPreconditionError(
        "Error, failed to delete instance because deletion_protection is set to true. Set it to false to proceed with "
        "instance deletion");
  }
  if ((type == kRedis || type == kSecret) && Flag(state, "deletionProtection", false)) {
    auto what = type == kRedis ? "instance" : "secret";
    return absl::FailedPreconditionError(std::string("cannot destroy ") + what +
                                         " without setting deletion_protection=false and running `pulumi up`");
  }
  if ((type == kRunService || type == kWorkerPool) && Flag(state, "deletionProtection", true)) {
    auto what = type == kRunService ? "service" : "worker pool";
    return absl::FailedPreconditionError(std::string("cannot destroy ") + what +
                                         " without setting deletion_protection=false and running `pulumi up`");
  }
  if (type == kInstance && Flag(stored.inputs, "deletionProtection", false)) {
    return absl::FailedPreconditionError(
        "googleapi: Error 400: Invalid resource usage: 'Resource cannot be deleted if it's protected against "
        "deletion.'., resourceInUseByAnotherResource");
  }
  if (type == kConnection && StringAt(state, "deletionPolicy") != "ABANDON") {
    auto producers = store.Producers(LastSegment(StringAt(stored.inputs, "network")));
    if (!producers.ok()) return producers.status();
    if (!producers->empty()) {
      return absl::FailedPreconditionError(
          "googleapi: Error 400: Failed to delete connection; Producer services (e.g. CloudSQL, Cloud Memstore, "
          "etc.) are still using this connection., failedPrecondition");
    }
  }
  if (type == kNetwork) {
    auto subnetworks = store.List(kSubnetwork);
    if (!subnetworks.ok()) return subnetworks.status();
    for (auto const& s : *subnetworks) {
      if (LastSegment(StringAt(s.inputs, "network")) == NameOf(stored)) {
        return absl::FailedPreconditionError("googleapi: Error 400: The network resource '" + stored.id +
                                             "' is already being used by '" + s.id +
                                             "', resourceInUseByAnotherResource");
      }
    }
  }
  return absl::OkStatus();
}

absl::Status RemoveDependents(Store& store, StoredResource const& deleted) {
  auto const& type = deleted.type;
  if (type == kNetwork) {
    // The peering of an abandoned connection goes with its network, and so does what the producers held.
    auto connections = store.List(kConnection);
    if (!connections.ok()) return connections.status();
    for (auto const& c : *connections) {
      if (LastSegment(StringAt(c.inputs, "network")) != NameOf(deleted)) continue;
      if (auto s = store.Remove(c.type, c.id); !s.ok()) return s;
    }
    if (auto s = store.ForgetProducers(NameOf(deleted)); !s.ok()) return s;
  }
  if (type == kSqlInstance) {
    // Databases and users go with their instance (an abandoned one is still in the cloud until then).
    for (auto const* child : {"gcp:sql/database:Database", "gcp:sql/user:User"}) {
      auto children = store.List(child);
      if (!children.ok()) return children.status();
      for (auto const& c : *children) {
        if (LastSegment(StringAt(c.inputs, "instance")) != NameOf(deleted)) continue;
        if (auto s = store.Remove(c.type, c.id); !s.ok()) return s;
      }
    }
  }
  if (type == kSecret) {
    // Versions go with their secret, as in Secret Manager.
    auto versions = store.List("gcp:secretmanager/secretVersion:SecretVersion");
    if (!versions.ok()) return versions.status();
    for (auto const& v : *versions) {
      if (LastSegment(StringAt(v.inputs, "secret")) == NameOf(deleted)) {
        if (auto s = store.Remove(v.type, v.id); !s.ok()) return s;
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace pulumi::gcpsim
