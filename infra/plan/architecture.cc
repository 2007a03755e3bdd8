#include "architecture.h"

#include "architecture_builder.h"

#include <algorithm>

namespace apex::plan {

ArchNode const* Architecture::Node(std::string const& id) const {
  auto it = std::find_if(nodes.begin(), nodes.end(), [&](auto const& n) { return n.id == id; });
  return it == nodes.end() ? nullptr : &*it;
}

ArchEdge const* Architecture::Edge(std::string const& from, std::string const& to) const {
  auto it = std::find_if(edges.begin(), edges.end(), [&](auto const& e) { return e.from == from && e.to == to; });
  return it == edges.end() ? nullptr : &*it;
}

Architecture BuildArchitecture(Plan const& plan) { return arch::Builder(plan).Build(); }

namespace arch {

std::string LastSegment(std::string const& path) { return path.substr(path.rfind('/') + 1); }

std::string Join(std::vector<std::string> const& items, std::string const& separator) {
  std::string out;
  for (auto const& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string IngressText(std::string const& ingress) {
  if (ingress.empty() || ingress == "INGRESS_TRAFFIC_ALL") return "all";
  if (ingress == "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER") return "load balancer only";
  if (ingress == "INGRESS_TRAFFIC_INTERNAL_ONLY") return "internal only";
  return ingress;
}

std::string SqlIamUserOf(std::string const& email) {
  std::string const suffix = ".gserviceaccount.com";
  if (email.size() > suffix.size() && email.compare(email.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return email.substr(0, email.size() - suffix.size());
  }
  return email;
}

Builder::Builder(Plan const& plan) : plan_(plan), index_(plan), workloads_(Workloads(index_)) {}

Architecture Builder::Build() {
  a_.stack = plan_.stack;
  for (auto const& p : plan_.projects) a_.projects.push_back(p.project);
  Network();
  DataStores();
  Invokers();
  WorkloadNodes();
  PublicEntry();
  Flows();
  SecretWrites();
  Monitoring();
  References();
  return std::move(a_);
}

ArchNode& Builder::AddNode(ArchNode node) {
  for (auto& n : a_.nodes) {
    if (n.id == node.id) return n;
  }
  a_.nodes.push_back(std::move(node));
  return a_.nodes.back();
}

void Builder::AddCluster(std::string const& id, std::string const& label, std::string const& parent) {
  for (auto const& c : a_.clusters) {
    if (c.id == id) return;
  }
  a_.clusters.push_back({.id = id, .label = label, .parent = parent});
}

void Builder::AddEdge(ArchEdge edge) {
  for (auto& e : a_.edges) {
    if (e.from == edge.from && e.to == edge.to && e.kind == edge.kind) {
      if (e.label.find(edge.label) == std::string::npos) e.label += ", " + edge.label;
      e.warning = e.warning || edge.warning;
      return;
    }
  }
  a_.edges.push_back(std::move(edge));
}

std::string Builder::ClusterOfNetwork(std::string const& network_reference) const {
  auto const* network = index_.Resolve(network_reference);
  return network ? "vpc:" + network->Name() : "";
}

// The VPCs (with their Cloud NAT) and their subnets as clusters, private service access as a cluster inside its VPC.
void Builder::Network() {
  for (auto const& n : index_.OfType(gcp::kNetwork)) {
    std::string label = "VPC " + n.Name() + "  (" + n.project + ")";
    if (n.In("autoCreateSubnetworks") == "false") label += "\ncustom subnets only";
    for (auto const& nat : index_.OfType(gcp::kRouterNat)) {
      auto const* router = index_.Named(gcp::kRouter, nat.In("router"));
      auto const* network = router ? index_.Resolve(router->In("network")) : nullptr;
      if (network && network->r == n.r) label += "\nCloud NAT " + nat.Name() + ": outbound to the internet only";
    }
    AddCluster("vpc:" + n.Name(), label);
  }
  for (auto const& s : index_.OfType(gcp::kSubnetwork)) {
    int egress = 0;
    for (auto const& w : workloads_) {
      auto const* subnet = index_.Resolve(w.subnetwork);
      if (subnet && subnet->r == s.r) ++egress;
    }
    std::string label = "subnet " + s.Name() + "  " + s.In("ipCidrRange") + "  " + s.In("region");
    if (s.In("privateIpGoogleAccess") == "true") label += "\nPrivate Google Access";
    if (egress > 0)
      label += "\nDirect VPC egress of " + std::to_string(egress) + " Cloud Run workload" + (egress > 1 ? "s" : "");
    AddCluster("subnet:" + s.Name(), label, ClusterOfNetwork(s.In("network")));
  }
  for (auto const& c : index_.OfType(gcp::kServiceNetworkingConnection)) {
    std::vector<std::string> ranges;
    for (auto const& name : c.InList("reservedPeeringRanges")) {
      auto const* range = index_.Named(gcp::kGlobalAddress, name);
      auto prefix = range ? range->In("prefixLength") : "";
      ranges.push_back(name + (prefix.empty() ? "" : " /" + prefix));
    }
    AddCluster("psa:" + c.Name(),
               "private service access: VPC peering to Google-managed services\nrange " + Join(ranges, ", "),
               ClusterOfNetwork(c.In("network")));
  }
}

// Cloud SQL, Memorystore and the VMs, each in the boundary it lives in, with the addresses they are reached at.
void Builder::DataStores() {
  auto psa_cluster_of = [&](std::string const& network_reference) -> std::string {
    auto const* network = index_.Resolve(network_reference);
    for (auto const& c : index_.OfType(gcp::kServiceNetworkingConnection)) {
      auto const* peered = index_.Resolve(c.In("network"));
      if (network && peered && peered->r == network->r) return "psa:" + c.Name();
    }
    return ClusterOfNetwork(network_reference);
  };

  for (auto const& sql : index_.OfType(gcp::kSqlInstance)) {
    std::string id = "sql:" + sql.Name();
    std::vector<std::string> details = {sql.In("databaseVersion") + ", " + sql.In("settings.tier")};
    if (sql.In("settings.availabilityType") == "REGIONAL") details.back() += ", regional HA";
    std::vector<std::string> databases;
    for (auto const& db : index_.OfType(gcp::kSqlDatabase)) {
      if (LastSegment(db.In("instance")) == sql.Name()) databases.push_back(db.Name());
    }
    if (!databases.empty()) details.push_back("database " + Join(databases, ", "));
    auto ip = sql.Out("privateIpAddress");
    if (!ip.empty()) details.push_back("private IP " + ip);
    if (sql.In("settings.ipConfiguration.ipv4Enabled") == "false") details.push_back("no public IP");
    auto ssl = sql.In("settings.ipConfiguration.sslMode");
    if (ssl == "ENCRYPTED_ONLY" || ssl == "TRUSTED_CLIENT_CERTIFICATE_REQUIRED") details.push_back("TLS required");
    AddNode({.id = id,
             .kind = NodeKind::kSqlInstance,
             .title = "Cloud SQL " + sql.Name(),
             .details = details,
             .project = sql.project,
             .cluster = psa_cluster_of(sql.In("settings.ipConfiguration.privateNetwork"))});
    res_by_node_.emplace(id, sql);
    for (auto const& address : sql.OutList("ipAddresses[].ipAddress")) node_by_host_[address] = id;
    if (!ip.empty()) node_by_host_[ip] = id;
  }

  for (auto const& redis : index_.OfType(gcp::kRedisInstance)) {
    std::string id = "redis:" + redis.Name();
    std::vector<std::string> details = {redis.In("redisVersion") + ", " + redis.In("tier") + ", " +
                                        redis.In("memorySizeGb") + " GB"};
    auto host = redis.Out("host");
    if (!host.empty())
      details.push_back("private IP " + host + (redis.Out("port").empty() ? "" : ":" + redis.Out("port")));
    std::vector<std::string> security;
    if (redis.In("transitEncryptionMode") == "SERVER_AUTHENTICATION") security.push_back("TLS");
    if (redis.In("authEnabled") == "true") security.push_back("AUTH");
    if (!security.empty()) details.push_back(Join(security, ", ") + " required");
    auto cluster = redis.In("connectMode") == "PRIVATE_SERVICE_ACCESS"
                       ? psa_cluster_of(redis.In("authorizedNetwork"))
                       : ClusterOfNetwork(redis.In("authorizedNetwork"));
    AddNode({.id = id,
             .kind = NodeKind::kRedis,
             .title = "Memorystore Redis " + redis.Name(),
             .details = details,
             .project = redis.project,
             .cluster = cluster});
    res_by_node_.emplace(id, redis);
    if (!host.empty()) node_by_host_[host] = id;
  }

  auto const firewalls = index_.OfType(gcp::kFirewall);
  for (auto const& vm : index_.OfType(gcp::kInstance)) {
    std::string id = "vm:" + vm.Name();
    std::vector<std::string> details = {"VM " + vm.In("machineType") + ", " + vm.In("zone")};
    auto ips = vm.OutList("networkInterfaces[].networkIp");
    if (!ips.empty()) details.push_back("internal IP " + Join(ips, ", "));
    if (!vm.HasIn("networkInterfaces[].accessConfigs[]")) details.push_back("no public IP");
    // Which ingress rules of its network let traffic in, by the VM's network tags.
    auto tags = vm.InList("tags");
    auto network = vm.In("networkInterfaces[].network");
    for (auto const& fw : firewalls) {
      if (fw.In("direction") == "EGRESS") continue;
      auto const* fw_network = index_.Resolve(fw.In("network"));
      auto const* vm_network = index_.Resolve(network);
      if (!fw_network || !vm_network || fw_network->r != vm_network->r) continue;
      auto targets = fw.InList("targetTags");
      bool applies = targets.empty() || std::any_of(targets.begin(), targets.end(), [&](auto const& t) {
                       return std::find(tags.begin(), tags.end(), t) != tags.end();
                     });
      if (!applies) continue;
      auto sources = fw.InList("sourceRanges");
      std::string from = Join(sources, ", ");
      if (sources == std::vector<std::string>{"35.235.240.0/20"})
        from += " (IAP)";  // Google's IAP TCP forwarding range
      details.push_back("in: " + fw.In("allows[].protocol") + " " + Join(fw.InList("allows[].ports"), ",") + " from " +
                        from);
    }
    std::string cluster;
    if (auto const* subnet = index_.Resolve(vm.In("networkInterfaces[].subnetwork")))
      cluster = "subnet:" + subnet->Name();
    else
      cluster = ClusterOfNetwork(network);
    AddNode({.id = id,
             .kind = NodeKind::kVm,
             .title = vm.Name(),
             .details = details,
             .project = vm.project,
             .cluster = cluster});
    res_by_node_.emplace(id, vm);
    for (auto const& ip : ips) node_by_host_[ip] = id;
    for (auto const& ip : vm.OutList("networkInterfaces[].accessConfigs[].natIp")) node_by_host_[ip] = id;
  }
}

}  // namespace arch
}  // namespace apex::plan
