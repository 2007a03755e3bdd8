// Internal to the architecture: the builder whose passes (architecture.cc: the network and the data stores;
// architecture_entry.cc: the public entry and the monitoring; architecture_flows.cc: the workloads, their calls,
// data access and secrets, and the cross-stack references) add nodes, clusters and edges to one Architecture.
#ifndef APEX_PLAN_ARCHITECTURE_BUILDER_H
#define APEX_PLAN_ARCHITECTURE_BUILDER_H

#include "apex/gcp_types.h"
#include "architecture.h"
#include "architecture_index.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace apex::plan::arch {

inline constexpr char kInternet[] = "internet";
inline constexpr char kServerless[] = "serverless";

class Builder {
 public:
  explicit Builder(Plan const& plan);
  Architecture Build();

 private:
  // architecture.cc
  ArchNode& AddNode(ArchNode node);
  void AddCluster(std::string const& id, std::string const& label, std::string const& parent = "");
  void AddEdge(ArchEdge edge);
  void Network();
  void DataStores();
  std::string ClusterOfNetwork(std::string const& network_reference) const;
  // architecture_entry.cc
  void PublicEntry();
  void LoadBalancer(Res const& rule);
  void BackendService(Res const& backend, std::string const& from);
  void Monitoring();
  // architecture_flows.cc
  void Invokers();
  void WorkloadNodes();
  void Flows();
  void SecretReads(Workload const& w);
  void SecretWrites();
  void References();
  std::string SecretNode(std::string const& secret_id);
  std::string SqlLabel(Workload const& w, Res const& sql) const;
  bool Grants(std::string const& email, std::string const& role, std::string const& secret_id) const;

  Plan const& plan_;
  ResourceIndex index_;
  std::vector<Workload> workloads_;
  Architecture a_;
  std::map<std::string, std::string> node_by_host_;         ///< an address or host name -> the node it belongs to
  std::map<std::string, std::string> entry_by_host_;        ///< a public host name -> its entry node
  std::map<std::string, Res> res_by_node_;                  ///< the data stores' and workloads' resources
  std::set<std::string> public_services_;                   ///< "run:<name>" of the services allUsers may invoke
  std::set<std::pair<std::string, std::string>> invokers_;  ///< (caller's email, "run:<callee>")
};

/// "INGRESS_TRAFFIC_INTERNAL_ONLY" -> "internal only", and the like.
std::string IngressText(std::string const& ingress);
/// A project-scoped IAM member's email in the form Cloud SQL names IAM database users.
std::string SqlIamUserOf(std::string const& email);
std::string LastSegment(std::string const& path);
std::string Join(std::vector<std::string> const& items, std::string const& separator);

}  // namespace apex::plan::arch

#endif  // APEX_PLAN_ARCHITECTURE_BUILDER_H
