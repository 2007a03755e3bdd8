// The architecture of a planned stack, derived from the planned resources' types, inputs and outputs (never
// from the names of Apex's resources, so that it follows the programs when they change): the public entry, who
// calls whom, which workload reaches which data store and reads which secret, the network boundaries, the
// monitoring and the cross-stack references. architecture_dot.h draws it.
//
//   Architecture a = BuildArchitecture(plan);
//   a.Edge("run:apex-query-router", "sql:apex-db-postgres")->label  // "TLS verify-ca, IAM auth"
//
// Node ids: "internet", "url:<host>" (a public run.app URL), "lb:<forwarding rule>", "proxy:<name>",
// "urlmap:<name>", "backend:<name>", "armor:<name>", "neg:<name>", "run:<name>" (Cloud Run service, worker pool
// or job), "sql:<name>", "redis:<name>", "vm:<name>", "secret:<secret id>", "external:<host:port>",
// "uptime:<name>", "alerts", "channel:<name>", "project:<project>". Names are the cloud names (the `name` input).
#ifndef APEX_PLAN_ARCHITECTURE_H
#define APEX_PLAN_ARCHITECTURE_H

#include "plan_model.h"

#include <string>
#include <vector>

namespace apex::plan {

enum class NodeKind {
  kInternet,
  kExternal,
  kPublicUrl,
  kForwardingRule,
  kProxy,
  kUrlMap,
  kBackendService,
  kSecurityPolicy,
  kNeg,
  kService,
  kWorkerPool,
  kJob,
  kSqlInstance,
  kRedis,
  kVm,
  kSecret,
  kUptimeCheck,
  kAlertPolicies,
  kNotificationChannel,
  kProject,
};

enum class EdgeKind {
  kRequest,      ///< the public path: internet -> load balancer chain or public URL -> gateway
  kCall,         ///< a workload calls a Cloud Run service
  kData,         ///< a workload reaches a data store (or an endpoint outside Google Cloud)
  kSecretRead,   ///< a workload reads a Secret Manager secret
  kSecretWrite,  ///< a VM adds versions to a secret (it generates the password it serves with)
  kPolicy,       ///< a backend service's Cloud Armor policy
  kMonitor,      ///< an uptime check probes an entry; alert policies notify a channel
  kReference,    ///< a project reads another project's stack outputs
};

struct ArchCluster {
  std::string id;
  std::string label;
  std::string parent;  ///< "" at the top
};

struct ArchNode {
  std::string id;
  NodeKind kind;
  std::string title;
  std::vector<std::string> details;  ///< one short line each
  std::string project;               ///< the project that declares it; "" when none of the plan's does
  std::string cluster;               ///< "" at the top
};

struct ArchEdge {
  std::string from;
  std::string to;
  EdgeKind kind;
  std::string label;      ///< short: "TLS verify-ca, IAM auth", "secret", "HTTPS, run.invoker"
  std::string tooltip{};  ///< the long form, when there is one (the outputs a reference reads)
  bool warning = false;   ///< something is missing (a call without run.invoker, a read without an accessor grant)
};

struct Architecture {
  std::string stack;
  std::vector<std::string> projects;  ///< the plan's, in dependency order
  std::vector<ArchCluster> clusters;  ///< parents before children
  std::vector<ArchNode> nodes;
  std::vector<ArchEdge> edges;

  ArchNode const* Node(std::string const& id) const;
  ArchEdge const* Edge(std::string const& from, std::string const& to) const;
};

Architecture BuildArchitecture(Plan const& plan);

}  // namespace apex::plan

#endif  // APEX_PLAN_ARCHITECTURE_H
