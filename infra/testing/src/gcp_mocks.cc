#include "apex/testing/gcp_mocks.h"

#include <cstdio>
#include <functional>

namespace apex::testing {
namespace {

using pulumi::PropertyMap;
using pulumi::PropertyValue;

std::string Str(PropertyMap const& m, std::string const& key, std::string const& fallback) {
  auto it = m.find(key);
  return it != m.end() && it->second.is_string() ? it->second.AsString() : fallback;
}

// A stable 8-hex-digit suffix, like the ones GCP adds to generated names.
std::string Hash(std::string const& s) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08zx", std::hash<std::string>{}(s) & 0xffffffffu);
  return buf;
}

}  // namespace

GcpMocks::GcpMocks(std::string project, std::string region) : project_(std::move(project)), region_(std::move(region)) {}

pulumi::mocks::MockResourceResult GcpMocks::NewResource(pulumi::mocks::MockResourceArgs const& args) {
  PropertyMap s = args.inputs;
  std::string const& t = args.type;
  std::string name = Str(s, "name", args.name);
  std::string project = Str(s, "project", project_);
  std::string region = Str(s, "region", Str(s, "location", region_));
  std::string compute = "https://www.googleapis.com/compute/v1/projects/" + project;
  std::string id = args.name;
  // Derived from the resource, not from the order of registrations, which varies between runs.
  auto ip = [&args](std::string const& prefix) {
    return prefix + std::to_string(2 + std::hash<std::string>{}(args.type + "::" + args.name) % 250);
  };

  if (t == "gcp:compute/network:Network") {
    id = "projects/" + project + "/global/networks/" + name;
    s["selfLink"] = compute + "/global/networks/" + name;
  } else if (t == "gcp:compute/subnetwork:Subnetwork") {
    id = "projects/" + project + "/regions/" + region + "/subnetworks/" + name;
    s["selfLink"] = compute + "/regions/" + region + "/subnetworks/" + name;
    s["gatewayAddress"] = "10.10.0.1";
  } else if (t == "gcp:compute/router:Router" || t == "gcp:compute/routerNat:RouterNat" ||
             t == "gcp:compute/firewall:Firewall") {
    id = "projects/" + project + "/regions/" + region + "/" + name;
    s["selfLink"] = compute + "/regions/" + region + "/" + name;
  } else if (t == "gcp:compute/globalAddress:GlobalAddress") {
    id = "projects/" + project + "/global/addresses/" + name;
    if (!s.count("address")) s["address"] = "10.100.0.0";
    s["selfLink"] = compute + "/global/addresses/" + name;
  } else if (t == "gcp:servicenetworking/connection:Connection") {
    id = Str(s, "network", "network") + ":servicenetworking.googleapis.com";
    s["peering"] = "servicenetworking-googleapis-com";
  } else if (t == "gcp:sql/databaseInstance:DatabaseInstance") {
    id = name;
    s["name"] = name;
    s["connectionName"] = project + ":" + region + ":" + name;
    s["privateIpAddress"] = ip("10.100.0.");
    s["selfLink"] = "https://sqladmin.googleapis.com/sql/v1beta4/projects/" + project + "/instances/" + name;
    s["firstIpAddress"] = s["privateIpAddress"];
  } else if (t == "gcp:sql/database:Database" || t == "gcp:sql/user:User") {
    id = Str(s, "instance", "instance") + "/" + name;
    s["name"] = name;
  } else if (t == "gcp:redis/instance:Instance") {
    id = "projects/" + project + "/locations/" + region + "/instances/" + name;
    s["name"] = name;
    s["host"] = ip("10.100.1.");
    s["port"] = 6379;
    if (s.count("authEnabled") && s["authEnabled"] == PropertyValue(true)) {
      s["authString"] = PropertyValue::MakeSecret("redis-auth-" + Hash(name));
    }
  } else if (t == "gcp:compute/instance:Instance") {
    id = "projects/" + project + "/zones/" + Str(s, "zone", region + "-a") + "/instances/" + name;
    s["instanceId"] = Hash(id);
    auto nics = s.find("networkInterfaces");
    if (nics != s.end() && nics->second.is_array() && !nics->second.AsArray().empty()) {
      auto list = nics->second.AsArray();
      PropertyMap first = list[0].is_object() ? list[0].AsObject() : PropertyMap{};
      first["networkIp"] = ip("10.10.0.");
      list[0] = first;
      s["networkInterfaces"] = list;
    }
  } else if (t == "gcp:compute/disk:Disk" || t == "gcp:compute/resourcePolicy:ResourcePolicy") {
    id = "projects/" + project + "/zones/" + Str(s, "zone", region + "-a") + "/" + name;
    s["selfLink"] = compute + "/" + id.substr(id.find("/zones/") + 1);
  } else if (t == "gcp:cloudrunv2/service:Service" || t == "gcp:cloudrunv2/workerPool:WorkerPool") {
    id = "projects/" + project + "/locations/" + region + "/services/" + name;
    s["name"] = name;
    if (t == "gcp:cloudrunv2/service:Service") s["uri"] = "https://" + name + "-" + Hash(project) + "-uc.a.run.app";
  } else if (t == "gcp:serviceaccount/account:Account") {
    std::string account = Str(s, "accountId", name);
    s["email"] = account + "@" + project + ".iam.gserviceaccount.com";
    s["member"] = "serviceAccount:" + account + "@" + project + ".iam.gserviceaccount.com";
    id = "projects/" + project + "/serviceAccounts/" + account + "@" + project + ".iam.gserviceaccount.com";
  } else if (t == "gcp:secretmanager/secret:Secret") {
    id = "projects/" + project + "/secrets/" + Str(s, "secretId", name);
    s["name"] = id;
  } else if (t == "gcp:secretmanager/secretVersion:SecretVersion") {
    id = Str(s, "secret", "secret") + "/versions/1";
    s["name"] = id;
    s["version"] = "1";
  } else if (t == "gcp:storage/bucket:Bucket") {
    id = name;
    s["url"] = "gs://" + name;
    s["selfLink"] = "https://www.googleapis.com/storage/v1/b/" + name;
  } else if (t.rfind("gcp:monitoring/", 0) == 0) {
    std::string kind = t.substr(t.rfind(':') + 1);
    id = "projects/" + project + "/" + kind + "/" + Hash(args.name);
    s["name"] = id;
    if (kind == "UptimeCheckConfig") s["uptimeCheckId"] = Hash(args.name);
  }
  s["id"] = id;
  return {.id = id, .state = s};
}

PropertyMap GcpMocks::Call(pulumi::mocks::MockCallArgs const& args) {
  if (args.token == "gcp:organizations/getProject:getProject") {
    return {{"projectId", project_}, {"number", "123456789012"}};
  }
  return {};
}

}  // namespace apex::testing
