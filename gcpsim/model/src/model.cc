#include "pulumi/gcpsim/model.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>

namespace pulumi::gcpsim {
namespace {

using Fill = void (*)(ModelInput const&, AddressSpace&, std::string&, PropertyMap&);

constexpr char kCompute[] = "https://www.googleapis.com/compute/v1/";

std::uint64_t Fnv1a(std::string const& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string Digits(std::string const& text, int n) {
  std::string out;
  std::uint64_t h = Fnv1a(text);
  for (int i = 0; i < n; ++i) {
    if (h == 0) h = Fnv1a(text + std::to_string(i));
    out += static_cast<char>('0' + (i == 0 ? 1 + h % 9 : h % 10));
    h /= 10;
  }
  return out;
}

PropertyValue const* Find(PropertyMap const& m, std::string const& key) {
  auto it = m.find(key);
  if (it == m.end()) return nullptr;
  PropertyValue const* v = &it->second;
  while (v->is_secret()) v = &v->SecretElement();
  return v->is_null() ? nullptr : v;
}

std::string Str(PropertyMap const& m, std::string const& key, std::string const& fallback = "") {
  auto const* v = Find(m, key);
  return v && v->is_string() ? v->AsString() : fallback;
}

bool Bool(PropertyMap const& m, std::string const& key, bool fallback = false) {
  auto const* v = Find(m, key);
  return v && v->is_bool() ? v->AsBool() : fallback;
}

PropertyMap Object(PropertyMap const& m, std::string const& key) {
  auto const* v = Find(m, key);
  return v && v->is_object() ? v->AsObject() : PropertyMap{};
}

/// A value Google computes; unknown in a preview.
PropertyValue Computed(ModelInput const& in, PropertyValue v) {
  return in.preview ? PropertyValue::MakeComputed() : std::move(v);
}

std::string LowerCase(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Project(ModelInput const& in) { return Str(in.inputs, "project", in.placement.project); }
std::string Region(ModelInput const& in) { return Str(in.inputs, "region", in.placement.region); }
std::string Zone(ModelInput const& in) { return Str(in.inputs, "zone", in.placement.zone); }
std::string Location(ModelInput const& in) { return Str(in.inputs, "location", Region(in)); }
std::string Name(ModelInput const& in) { return Str(in.inputs, "name", in.name); }

/// A PEM-shaped certificate for a CA that Google runs for one instance.
PropertyMap CaCert(std::string const& common_name, std::string const& create_time) {
  std::string body;
  for (int line = 0; line < 4; ++line) body += "MII" + StableHex(common_name + std::to_string(line), 61) + "\n";
  return {{"cert", "-----BEGIN CERTIFICATE-----\n" + body + "-----END CERTIFICATE-----\n"},
          {"commonName", common_name},
          {"createTime", create_time},
          {"expirationTime", "2036-01-01T00:00:00Z"},
          {"sha1Fingerprint", StableHex("sha1:" + common_name, 40)}};
}

// --- compute ---------------------------------------------------------------------------------------------------

void GlobalComputeResource(ModelInput const& in, std::string const& collection, std::string& id, PropertyMap& s) {
  auto path = "projects/" + Project(in) + "/global/" + collection + "/" + Name(in);
  id = path;
  s["selfLink"] = kCompute + path;
  s["creationTimestamp"] = Computed(in, in.create_time);
}

void RegionalComputeResource(ModelInput const& in, std::string const& collection, std::string& id, PropertyMap& s) {
  auto path = "projects/" + Project(in) + "/regions/" + Region(in) + "/" + collection + "/" + Name(in);
  id = path;
  s["region"] = Region(in);
  s["selfLink"] = kCompute + path;
  s["creationTimestamp"] = Computed(in, in.create_time);
}

void Network(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "networks", id, s);
  s["numericId"] = Computed(in, Digits(id, 19));
}

void Subnetwork(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  RegionalComputeResource(in, "subnetworks", id, s);
  auto range = Str(in.inputs, "ipCidrRange");
  auto base = range.substr(0, range.find('/'));
  auto dot = base.rfind('.');
  if (dot != std::string::npos)
    s["gatewayAddress"] = base.substr(0, dot) + "." + std::to_string(std::stoi(base.substr(dot + 1)) + 1);
  s["fingerprint"] = Computed(in, StableHex(id, 12));
  s["subnetworkId"] = Computed(in, static_cast<double>(std::stoull(Digits(id, 15))));
}

void Router(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  RegionalComputeResource(in, "routers", id, s);
}

void RouterNat(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  id = Project(in) + "/" + Region(in) + "/" + LastSegment(Str(in.inputs, "router")) + "/" + Name(in);
  s["region"] = Region(in);
}

void Firewall(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "firewalls", id, s);
}

void GlobalAddress(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "addresses", id, s);
  if (!Find(in.inputs, "address")) {
    // Google picks a free block for a VPC_PEERING range; this one is stable per network and range name. An
    // external address (the default type) is a public one from Google's pool.
    auto h = Fnv1a(Str(in.inputs, "network") + "/" + Name(in));
    bool internal = Str(in.inputs, "addressType") == "INTERNAL" || Str(in.inputs, "purpose") == "VPC_PEERING";
    s["address"] = Computed(in, internal ? "10." + std::to_string(100 + h % 100) + ".0.0"
                                         : "34." + std::to_string(64 + h % 64) + "." + std::to_string((h >> 8) % 256) +
                                               "." + std::to_string(1 + (h >> 16) % 254));
  }
  s["labelFingerprint"] = Computed(in, StableHex(id + "labels", 16));
}

// The HTTPS load balancer's parts: global resources with a self link, a fingerprint where Google keeps one.
void BackendService(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "backendServices", id, s);
  s["fingerprint"] = Computed(in, StableHex(id + in.create_time, 12));
  s["generatedId"] = Computed(in, static_cast<double>(std::stoull(Digits(id, 15))));
}
void UrlMap(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "urlMaps", id, s);
  s["fingerprint"] = Computed(in, StableHex(id + in.create_time, 12));
  s["mapId"] = Computed(in, static_cast<double>(std::stoull(Digits(id, 15))));
}
void TargetHttpsProxy(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "targetHttpsProxies", id, s);
  s["proxyId"] = Computed(in, static_cast<double>(std::stoull(Digits(id, 15))));
}
void TargetHttpProxy(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "targetHttpProxies", id, s);
  s["proxyId"] = Computed(in, static_cast<double>(std::stoull(Digits(id, 15))));
}
void SslPolicy(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "sslPolicies", id, s);
  s["fingerprint"] = Computed(in, StableHex(id + in.create_time, 12));
}
void SecurityPolicy(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "securityPolicies", id, s);
  s["fingerprint"] = Computed(in, StableHex(id + in.create_time, 12));
}
void ManagedSslCertificate(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "sslCertificates", id, s);
  s["certificateId"] = Computed(in, static_cast<double>(std::stoull(Digits(id, 15))));
  s["subjectAlternativeNames"] = Computed(in, Object(in.inputs, "managed")["domains"]);
  s["expireTime"] = Computed(in, "2027-03-01T00:00:00Z");
}
void GlobalForwardingRule(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  GlobalComputeResource(in, "forwardingRules", id, s);
  s["forwardingRuleId"] = Computed(in, static_cast<double>(std::stoull(Digits(id, 15))));
  s["labelFingerprint"] = Computed(in, StableHex(id + "labels", 16));
}
void RegionNetworkEndpointGroup(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  RegionalComputeResource(in, "networkEndpointGroups", id, s);
}

void Instance(ModelInput const& in, AddressSpace& addresses, std::string& id, PropertyMap& s) {
  auto path = "projects/" + Project(in) + "/zones/" + Zone(in) + "/instances/" + Name(in);
  id = path;
  s["zone"] = Zone(in);
  s["selfLink"] = kCompute + path;
  s["instanceId"] = Computed(in, Digits(path, 19));
  s["currentStatus"] = Computed(in, "RUNNING");
  s["cpuPlatform"] = Computed(in, "Intel Cascade Lake");
  s["labelFingerprint"] = Computed(in, StableHex(path + "labels", 16));
  s["metadataFingerprint"] = Computed(in, StableHex(path + "metadata", 16));
  s["tagsFingerprint"] = Computed(in, StableHex(path + "tags", 16));
  if (auto const* nics = Find(in.inputs, "networkInterfaces"); nics && nics->is_array()) {
    PropertyArray list;
    int index = 0;
    for (auto const& nic : nics->AsArray()) {
      PropertyMap n = nic.is_object() ? nic.AsObject() : PropertyMap{};
      auto owner = path + "/nic" + std::to_string(index);
      if (!Find(n, "networkIp")) {
        n["networkIp"] = in.preview ? PropertyValue::MakeComputed()
                                    : PropertyValue(addresses.SubnetworkAddress(Str(n, "subnetwork"), owner));
      }
      n["name"] = "nic" + std::to_string(index++);
      list.push_back(std::move(n));
    }
    s["networkInterfaces"] = std::move(list);
  }
}

void Disk(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto path = "projects/" + Project(in) + "/zones/" + Zone(in) + "/disks/" + Name(in);
  id = path;
  s["zone"] = Zone(in);
  s["selfLink"] = kCompute + path;
  s["diskId"] = Computed(in, Digits(path, 19));
  s["creationTimestamp"] = Computed(in, in.create_time);
  s["labelFingerprint"] = Computed(in, StableHex(path + "labels", 16));
}

void ResourcePolicy(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto path = "projects/" + Project(in) + "/regions/" + Region(in) + "/resourcePolicies/" + Name(in);
  id = path;
  s["region"] = Region(in);
  s["selfLink"] = kCompute + path;
}

void DiskResourcePolicyAttachment(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  id = Project(in) + "/" + Zone(in) + "/" + LastSegment(Str(in.inputs, "disk")) + "/" + Name(in);
  s["zone"] = Zone(in);
}

// --- service networking, Cloud SQL, Memorystore ----------------------------------------------------------------

void Connection(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  id = Str(in.inputs, "network") + ":" + Str(in.inputs, "service", "servicenetworking.googleapis.com");
  s["peering"] = "servicenetworking-googleapis-com";
}

void DatabaseInstance(ModelInput const& in, AddressSpace& addresses, std::string& id, PropertyMap& s) {
  auto const project = Project(in);
  auto const name = Name(in);
  id = name;  // the provider stores the bare instance name
  s["name"] = name;
  s["region"] = Region(in);
  s["connectionName"] = project + ":" + Region(in) + ":" + name;
  s["selfLink"] = "https://sqladmin.googleapis.com/sql/v1beta4/projects/" + project + "/instances/" + name;
  s["serviceAccountEmailAddress"] = Computed(
      in, "p" + ProjectNumber(project) + "-" + StableHex(name, 6) + "@gcp-sa-cloud-sql.iam.gserviceaccount.com");
  s["dnsName"] = Computed(in, StableHex(project + name, 12) + "." + Region(in) + ".sql.goog.");
  auto network = Str(Object(Object(in.inputs, "settings"), "ipConfiguration"), "privateNetwork");
  PropertyArray ips;
  if (!network.empty()) {
    if (in.preview) {
      s["privateIpAddress"] = PropertyValue::MakeComputed();
      s["firstIpAddress"] = PropertyValue::MakeComputed();
    } else {
      auto ip = addresses.PrivateServiceAddress(network, in.type + " " + id);
      s["privateIpAddress"] = ip;
      s["firstIpAddress"] = ip;
      ips.push_back(PropertyMap{{"ipAddress", ip}, {"type", "PRIVATE"}});
    }
  }
  if (!in.preview) s["ipAddresses"] = ips;
  s["publicIpAddress"] = "";
  s["serverCaCerts"] =
      Computed(in, PropertyArray{CaCert("C=US,O=Google\\, Inc,CN=Google Cloud SQL Server CA,dnQualifier=" +
                                            StableHex(project + name, 32),
                                        in.create_time)});
}

void SqlDatabase(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto instance = LastSegment(Str(in.inputs, "instance"));
  id = "projects/" + Project(in) + "/instances/" + instance + "/databases/" + Name(in);
  s["selfLink"] = "https://sqladmin.googleapis.com/sql/v1beta4/" + id;
}

void SqlUser(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap&) {
  id = Name(in) + "/" + Str(in.inputs, "host") + "/" + LastSegment(Str(in.inputs, "instance"));
}

void RedisInstance(ModelInput const& in, AddressSpace& addresses, std::string& id, PropertyMap& s) {
  auto const project = Project(in);
  id = "projects/" + project + "/locations/" + Region(in) + "/instances/" + Name(in);
  s["region"] = Region(in);
  s["locationId"] = Str(in.inputs, "locationId", Region(in) + "-a");
  s["currentLocationId"] = s["locationId"];
  if (Str(in.inputs, "tier") == "STANDARD_HA")
    s["alternativeLocationId"] = Str(in.inputs, "alternativeLocationId", Region(in) + "-b");
  s["createTime"] = Computed(in, in.create_time);
  s["port"] = Computed(in, 6379.0);
  s["persistenceIamIdentity"] =
      Computed(in, "serviceAccount:service-" + ProjectNumber(project) + "@cloud-redis.iam.gserviceaccount.com");
  auto network = Str(in.inputs, "authorizedNetwork");
  s["host"] = in.preview ? PropertyValue::MakeComputed()
                         : PropertyValue(addresses.PrivateServiceAddress(network, in.type + " " + id));
  if (Bool(in.inputs, "authEnabled")) {
    s["authString"] = in.preview ? PropertyValue::MakeSecret(PropertyValue::MakeComputed())
                                 : PropertyValue::MakeSecret(StableHex("auth:" + id + in.create_time, 32));
  }
  if (Str(in.inputs, "transitEncryptionMode") == "SERVER_AUTHENTICATION") {
    s["serverCaCerts"] = Computed(
        in, PropertyArray{CaCert("C=US,O=Google\\, Inc,CN=Google Cloud Memorystore Redis Server CA," + StableHex(id, 8),
                                 in.create_time)});
  }
}

// --- Cloud Run, IAM, secrets, storage, monitoring ------------------------------------------------------------

void CloudRunService(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto const project = Project(in);
  id = "projects/" + project + "/locations/" + Location(in) + "/services/" + Name(in);
  s["location"] = Location(in);
  s["uid"] = Computed(in, StableHex(id + in.create_time, 32));
  s["generation"] = Computed(in, "1");
  s["createTime"] = Computed(in, in.create_time);
  s["uri"] = Computed(in, "https://" + Name(in) + "-" + ProjectNumber(project) + "." + Location(in) + ".run.app");
  s["urls"] = Computed(in, PropertyArray{PropertyValue("https://" + Name(in) + "-" + ProjectNumber(project) + "." +
                                                       Location(in) + ".run.app")});
  s["latestReadyRevision"] = Computed(in, id + "/revisions/" + Name(in) + "-00001-" + StableHex(id, 3));
  s["latestCreatedRevision"] = s["latestReadyRevision"];
  s["reconciling"] = Computed(in, false);
  s["etag"] = Computed(in, "\"" + StableHex(id + in.create_time + "etag", 27) + "\"");
}

void CloudRunWorkerPool(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  id = "projects/" + Project(in) + "/locations/" + Location(in) + "/workerPools/" + Name(in);
  s["location"] = Location(in);
  s["uid"] = Computed(in, StableHex(id + in.create_time, 32));
  s["generation"] = Computed(in, "1");
  s["createTime"] = Computed(in, in.create_time);
  s["reconciling"] = Computed(in, false);
}

void CloudRunJob(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  id = "projects/" + Project(in) + "/locations/" + Location(in) + "/jobs/" + Name(in);
  s["location"] = Location(in);
  s["uid"] = Computed(in, StableHex(id + in.create_time, 32));
  s["generation"] = Computed(in, "1");
  s["createTime"] = Computed(in, in.create_time);
  s["executionCount"] = Computed(in, 0.0);
  s["reconciling"] = Computed(in, false);
  s["etag"] = Computed(in, "\"" + StableHex(id + in.create_time + "etag", 27) + "\"");
}

void ArtifactRepository(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto const repository = Str(in.inputs, "repositoryId", in.name);
  id = "projects/" + Project(in) + "/locations/" + Location(in) + "/repositories/" + repository;
  s["name"] = repository;
  s["createTime"] = Computed(in, in.create_time);
  s["updateTime"] = Computed(in, in.create_time);
  // Docker repositories are addressed by host; the others by their REST path.
  s["registryUri"] =
      Str(in.inputs, "format") == "DOCKER"
          ? Location(in) + "-docker.pkg.dev/" + Project(in) + "/" + repository
          : Location(in) + "-" + LowerCase(Str(in.inputs, "format")) + ".pkg.dev/" + Project(in) + "/" + repository;
}

void ProjectService(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap&) {
  id = Project(in) + "/" + Str(in.inputs, "service");
}

void ServiceAccount(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto const project = Project(in);
  auto email = Str(in.inputs, "accountId", in.name) + "@" + project + ".iam.gserviceaccount.com";
  id = "projects/" + project + "/serviceAccounts/" + email;
  s["email"] = email;
  s["member"] = "serviceAccount:" + email;
  s["name"] = id;
  s["uniqueId"] = Computed(in, Digits(email, 21));
}

void Secret(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto const project = Project(in);
  auto secret_id = Str(in.inputs, "secretId", in.name);
  id = "projects/" + project + "/secrets/" + secret_id;
  s["name"] = "projects/" + ProjectNumber(project) + "/secrets/" + secret_id;
  s["createTime"] = Computed(in, in.create_time);
}

void SecretVersion(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto secret = Str(in.inputs, "secret");
  // The secret's resource name with the project number, as the API returns it.
  auto pos = secret.find("/secrets/");
  if (pos != std::string::npos && secret.rfind("projects/", 0) == 0) {
    secret = "projects/" + ProjectNumber(secret.substr(9, pos - 9)) + secret.substr(pos);
  }
  id = secret + "/versions/1";
  s["name"] = id;
  s["version"] = "1";
  s["createTime"] = Computed(in, in.create_time);
}

void IamMember(std::string const& on, ModelInput const& in, std::string& id, PropertyMap& s) {
  id = on + "/" + Str(in.inputs, "role") + "/" + Str(in.inputs, "member");
  s["etag"] = Computed(in, "BwY" + StableHex(id, 9));
}

void ProjectIamMember(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  IamMember(Project(in), in, id, s);
}
void SecretIamMember(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  IamMember(Str(in.inputs, "secretId"), in, id, s);
}
void BucketIamMember(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  IamMember("b/" + LastSegment(Str(in.inputs, "bucket")), in, id, s);
}
void ServiceIamMember(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto name = Str(in.inputs, "name");
  if (name.rfind("projects/", 0) != 0) {
    name = "projects/" + Project(in) + "/locations/" + Location(in) + "/services/" + name;
  }
  IamMember(name, in, id, s);
}

void CryptoKeyIamMember(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  IamMember(Str(in.inputs, "cryptoKeyId"), in, id, s);
}
void ServiceAccountIamMember(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  IamMember(Str(in.inputs, "serviceAccountId"), in, id, s);
}

// --- KMS and workload identity federation (the bootstrap) -------------------------------------------------------

void KeyRing(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap&) {
  id = "projects/" + Project(in) + "/locations/" + Location(in) + "/keyRings/" + Name(in);
}
void CryptoKey(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  id = Str(in.inputs, "keyRing") + "/cryptoKeys/" + Name(in);
  s["primaries"] =
      Computed(in, PropertyArray{PropertyMap{{"name", id + "/cryptoKeyVersions/1"}, {"state", "ENABLED"}}});
}
void WorkloadIdentityPool(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto const pool = "/locations/global/workloadIdentityPools/" + Str(in.inputs, "workloadIdentityPoolId", in.name);
  id = "projects/" + Project(in) + pool;
  s["name"] = "projects/" + ProjectNumber(Project(in)) + pool;
  s["state"] = Computed(in, "ACTIVE");
}
void WorkloadIdentityPoolProvider(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  auto const provider = "/locations/global/workloadIdentityPools/" + Str(in.inputs, "workloadIdentityPoolId") +
                        "/providers/" + Str(in.inputs, "workloadIdentityPoolProviderId", in.name);
  id = "projects/" + Project(in) + provider;
  s["name"] = "projects/" + ProjectNumber(Project(in)) + provider;
  s["state"] = Computed(in, "ACTIVE");
}

void Bucket(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  id = Name(in);
  s["url"] = "gs://" + id;
  s["selfLink"] = "https://www.googleapis.com/storage/v1/b/" + id;
  s["project"] = Project(in);
}

void Monitoring(ModelInput const& in, std::string const& collection, std::string& id, PropertyMap& s) {
  auto number = Digits(in.type + "/" + in.name + in.create_time, 19);
  id = in.preview ? "" : "projects/" + Project(in) + "/" + collection + "/" + number;
  s["name"] = Computed(in, id);
}
void AlertPolicy(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  Monitoring(in, "alertPolicies", id, s);
  s["creationRecords"] =
      Computed(in, PropertyArray{PropertyMap{{"mutateTime", in.create_time}, {"mutatedBy", "gcpsim"}}});
}
void NotificationChannel(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  Monitoring(in, "notificationChannels", id, s);
  s["verificationStatus"] = Computed(in, "VERIFIED");
}
void UptimeCheckConfig(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap& s) {
  Monitoring(in, "uptimeCheckConfigs", id, s);
  s["uptimeCheckId"] = Computed(in, LastSegment(id));
}
void Dashboard(ModelInput const& in, AddressSpace&, std::string& id, PropertyMap&) {
  id = "projects/" + ProjectNumber(Project(in)) + "/dashboards/" + StableHex(in.name, 8) + "-" +
       StableHex(in.name + "b", 4) + "-" + StableHex(in.name + "c", 4) + "-" + StableHex(in.name + "d", 12);
}

std::map<std::string, Fill> const& Models() {
  static std::map<std::string, Fill> const models = {
      {"gcp:compute/network:Network", Network},
      {"gcp:compute/subnetwork:Subnetwork", Subnetwork},
      {"gcp:compute/router:Router", Router},
      {"gcp:compute/routerNat:RouterNat", RouterNat},
      {"gcp:compute/firewall:Firewall", Firewall},
      {"gcp:compute/globalAddress:GlobalAddress", GlobalAddress},
      {"gcp:compute/instance:Instance", Instance},
      {"gcp:compute/backendService:BackendService", BackendService},
      {"gcp:compute/uRLMap:URLMap", UrlMap},
      {"gcp:compute/targetHttpsProxy:TargetHttpsProxy", TargetHttpsProxy},
      {"gcp:compute/targetHttpProxy:TargetHttpProxy", TargetHttpProxy},
      {"gcp:compute/sSLPolicy:SSLPolicy", SslPolicy},
      {"gcp:compute/securityPolicy:SecurityPolicy", SecurityPolicy},
      {"gcp:compute/managedSslCertificate:ManagedSslCertificate", ManagedSslCertificate},
      {"gcp:compute/globalForwardingRule:GlobalForwardingRule", GlobalForwardingRule},
      {"gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup", RegionNetworkEndpointGroup},
      {"gcp:cloudrunv2/job:Job", CloudRunJob},
      {"gcp:artifactregistry/repository:Repository", ArtifactRepository},
      {"gcp:projects/service:Service", ProjectService},
      {"gcp:compute/disk:Disk", Disk},
      {"gcp:compute/resourcePolicy:ResourcePolicy", ResourcePolicy},
      {"gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment", DiskResourcePolicyAttachment},
      {"gcp:servicenetworking/connection:Connection", Connection},
      {"gcp:sql/databaseInstance:DatabaseInstance", DatabaseInstance},
      {"gcp:sql/database:Database", SqlDatabase},
      {"gcp:sql/user:User", SqlUser},
      {"gcp:redis/instance:Instance", RedisInstance},
      {"gcp:cloudrunv2/service:Service", CloudRunService},
      {"gcp:cloudrunv2/workerPool:WorkerPool", CloudRunWorkerPool},
      {"gcp:serviceaccount/account:Account", ServiceAccount},
      {"gcp:secretmanager/secret:Secret", Secret},
      {"gcp:secretmanager/secretVersion:SecretVersion", SecretVersion},
      {"gcp:projects/iAMMember:IAMMember", ProjectIamMember},
      {"gcp:secretmanager/secretIamMember:SecretIamMember", SecretIamMember},
      {"gcp:storage/bucketIAMMember:BucketIAMMember", BucketIamMember},
      {"gcp:cloudrunv2/serviceIamMember:ServiceIamMember", ServiceIamMember},
      {"gcp:storage/bucket:Bucket", Bucket},
      {"gcp:kms/keyRing:KeyRing", KeyRing},
      {"gcp:kms/cryptoKey:CryptoKey", CryptoKey},
      {"gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", CryptoKeyIamMember},
      {"gcp:serviceaccount/iAMMember:IAMMember", ServiceAccountIamMember},
      {"gcp:iam/workloadIdentityPool:WorkloadIdentityPool", WorkloadIdentityPool},
      {"gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", WorkloadIdentityPoolProvider},
      {"gcp:monitoring/alertPolicy:AlertPolicy", AlertPolicy},
      {"gcp:monitoring/notificationChannel:NotificationChannel", NotificationChannel},
      {"gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", UptimeCheckConfig},
      {"gcp:monitoring/dashboard:Dashboard", Dashboard},
  };
  return models;
}

std::string HostAddress(std::string const& prefix, std::string const& owner) {
  return prefix + std::to_string(2 + Fnv1a(owner) % 250);
}

}  // namespace

std::string StableHex(std::string const& text, int n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  std::uint64_t h = Fnv1a(text);
  for (int i = 0; i < n; ++i) {
    if (i > 0 && i % 16 == 0) h = Fnv1a(text + "#" + std::to_string(i));
    out += kHex[h & 0xf];
    h >>= 4;
  }
  return out;
}

std::string LastSegment(std::string const& path) { return path.substr(path.rfind('/') + 1); }

std::string ProjectNumber(std::string const& project) { return Digits("project:" + project, 12); }

std::string DerivedAddresses::PrivateServiceAddress(std::string const&, std::string const& owner) {
  return HostAddress("10.100.0.", owner);
}

std::string DerivedAddresses::SubnetworkAddress(std::string const&, std::string const& owner) {
  return HostAddress("10.10.0.", owner);
}

bool HasHandModel(std::string const& type) { return Models().contains(type); }

std::vector<std::string> HandModelTypes() {
  std::vector<std::string> out;
  for (auto const& [t, _] : Models()) out.push_back(t);
  return out;
}

ModelOutput ComputeOutputs(ModelInput const& in, AddressSpace& addresses) {
  ModelOutput out;
  out.outputs = in.inputs;
  out.id = in.name;
  if (auto it = Models().find(in.type); it != Models().end()) it->second(in, addresses, out.id, out.outputs);
  if (in.inputs.contains("project") || in.type.rfind("gcp:", 0) == 0) out.outputs["project"] = Project(in);
  if (!out.id.empty()) out.outputs["id"] = out.id;
  return out;
}

}  // namespace pulumi::gcpsim
