// The workloads and what they reach: other services (an env value that is a service's URI, run.invoker
// grants), data stores (an env value that is a store's address), endpoints outside Google Cloud, secrets (env
// secretKeyRef, secret volumes); the VMs that write secrets; the cross-stack references.
#include "architecture_builder.h"

#include <algorithm>
#include <cctype>

namespace apex::plan::arch {
namespace {

constexpr char kSecrets[] = "secrets";
constexpr char kExternal[] = "external";
constexpr char kStacks[] = "stacks";
constexpr char kSecretAccessor[] = "roles/secretmanager.secretAccessor";
constexpr char kSecretVersionAdder[] = "roles/secretmanager.secretVersionAdder";

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool EndsWith(std::string const& s, std::string const& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsHostName(std::string const& host) {
  return host.find('.') != std::string::npos &&
         std::any_of(host.begin(), host.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// "a, b, c, d" in lines of about `width` characters.
std::string Wrapped(std::vector<std::string> const& items, std::size_t width) {
  std::string out, line;
  for (auto const& item : items) {
    if (!line.empty() && line.size() + item.size() + 2 > width) {
      out += line + ",\n";
      line.clear();
    }
    line += (line.empty() ? "" : ", ") + item;
  }
  return out + line;
}

}  // namespace

// Who may invoke which Cloud Run service: allUsers (public) or a service account.
void Builder::Invokers() {
  for (auto const& m : index_.OfType(gcp::kRunServiceIamMember)) {
    if (m.In("role") != "roles/run.invoker") continue;
    auto const* service = index_.Named(kCloudRunService, m.In("name"));
    if (!service) continue;
    auto member = m.In("member");
    if (member == "allUsers" || member == "allAuthenticatedUsers")
      public_services_.insert("run:" + service->Name());
    else
      invokers_.insert({MemberEmail(member), "run:" + service->Name()});
  }
}

void Builder::WorkloadNodes() {
  for (auto const& w : workloads_) {
    std::vector<std::string> details = {w.kind};
    if (!w.image.empty()) details.push_back("image " + LastSegment(w.image));
    if (w.res.Type() == kCloudRunService) {
      details.push_back("ingress: " + IngressText(w.res.In("ingress")));
      if (public_services_.count(w.node)) details.push_back("invoker: allUsers");
    }
    if (w.egress == "ALL_TRAFFIC")
      details.push_back("VPC egress: all traffic");
    else if (!w.egress.empty())
      details.push_back("VPC egress: private ranges");
    else
      details.push_back("no VPC egress");
    AddNode({.id = w.node,
             .kind = w.res.Type() == kCloudRunService ? NodeKind::kService
                     : w.res.Type() == kCloudRunJob   ? NodeKind::kJob
                                                      : NodeKind::kWorkerPool,
             .title = w.res.Name(),
             .details = details,
             .project = w.res.project,
             .cluster = kServerless});
    res_by_node_.emplace(w.node, w.res);
    for (auto const& uri : w.res.OutList("urls")) node_by_host_[EndpointOf(uri).host] = w.node;
    if (auto host = EndpointOf(w.res.Out("uri")).host; !host.empty()) node_by_host_[host] = w.node;
  }
  if (!workloads_.empty()) {
    AddCluster(kServerless, "Cloud Run  (" + workloads_.front().res.project + ")\nserverless, outside the VPC");
  }
}

// TLS from the client's libpq sslmode (PGSSLMODE or an env named like it), else from the instance's policy;
// IAM auth when the workload's service account is an IAM database user of the instance.
std::string Builder::SqlLabel(Workload const& w, Res const& sql) const {
  std::vector<std::string> parts;
  std::string sslmode;
  for (auto const& env : w.env) {
    if (EndsWith(Upper(env.name), "SSLMODE")) sslmode = env.value;
  }
  if (sslmode == "require" || sslmode == "verify-ca" || sslmode == "verify-full") {
    parts.push_back("TLS " + sslmode);
  } else if (auto mode = sql.In("settings.ipConfiguration.sslMode");
             mode == "ENCRYPTED_ONLY" || mode == "TRUSTED_CLIENT_CERTIFICATE_REQUIRED") {
    parts.push_back("TLS");
  }
  for (auto const& user : index_.OfType(gcp::kSqlUser)) {
    if (user.In("type") == "CLOUD_IAM_SERVICE_ACCOUNT" && LastSegment(user.In("instance")) == sql.Name() &&
        user.Name() == SqlIamUserOf(w.service_account)) {
      parts.push_back("IAM auth");
      break;
    }
  }
  return parts.empty() ? "private IP" : Join(parts, ", ");
}

void Builder::Flows() {
  for (auto const& w : workloads_) {
    for (auto const& env : w.env) {
      auto e = EndpointOf(env.value);
      if (e.host.empty()) continue;
      auto found = node_by_host_.find(e.host);
      if (found == node_by_host_.end()) {
        // Somewhere outside the plan: an endpoint only when the value says how to reach it (scheme or port).
        if ((e.scheme.empty() && e.port.empty()) || !IsHostName(e.host)) continue;
        std::string target = "external:" + e.host + (e.port.empty() ? "" : ":" + e.port);
        AddCluster(kExternal, "Outside Google Cloud");
        AddNode({.id = target,
                 .kind = NodeKind::kExternal,
                 .title = e.host + (e.port.empty() ? "" : ":" + e.port),
                 .details = {},
                 .project = "",
                 .cluster = kExternal});
        AddEdge({.from = w.node,
                 .to = target,
                 .kind = EdgeKind::kData,
                 .label = e.scheme.empty() ? "TCP :" + e.port : Upper(e.scheme)});
        continue;
      }
      auto const& target = found->second;
      if (target == w.node) continue;
      auto const& res = res_by_node_.at(target);
      if (res.Type() == kCloudRunService) {
        bool granted = invokers_.count({w.service_account, target}) > 0;
        std::string label = e.scheme.empty() ? "HTTP" : Upper(e.scheme);
        bool warning = !granted && !public_services_.count(target);
        label += granted ? ", run.invoker" : warning ? ", no run.invoker grant" : "";
        AddEdge({.from = w.node, .to = target, .kind = EdgeKind::kCall, .label = label, .warning = warning});
      } else if (res.Type() == gcp::kSqlInstance) {
        AddEdge({.from = w.node, .to = target, .kind = EdgeKind::kData, .label = SqlLabel(w, res)});
      } else if (res.Type() == gcp::kRedisInstance) {
        std::vector<std::string> parts;
        if (res.In("transitEncryptionMode") == "SERVER_AUTHENTICATION") parts.push_back("TLS");
        if (res.In("authEnabled") == "true") parts.push_back("AUTH");
        AddEdge({.from = w.node,
                 .to = target,
                 .kind = EdgeKind::kData,
                 .label = parts.empty() ? "private IP" : Join(parts, ", ")});
      } else {
        std::string label = e.scheme.empty() ? "TCP" : e.scheme;
        if (!e.port.empty()) label += " :" + e.port;
        AddEdge({.from = w.node, .to = target, .kind = EdgeKind::kData, .label = label});
      }
    }
    // A grant to invoke with no URL of the callee in the environment still says who may call whom.
    for (auto const& [email, callee] : invokers_) {
      if (email != w.service_account || a_.Edge(w.node, callee)) continue;
      AddEdge({.from = w.node, .to = callee, .kind = EdgeKind::kCall, .label = "run.invoker"});
    }
    SecretReads(w);
  }
}

void Builder::SecretReads(Workload const& w) {
  std::map<std::string, std::pair<bool, bool>> reads;  // secret id -> (as env, as file)
  for (auto const& env : w.env) {
    if (!env.secret.empty()) reads[SecretIdOf(env.secret)].first = true;
  }
  for (auto const& volume : w.secret_volumes) reads[SecretIdOf(volume)].second = true;
  for (auto const& [secret_id, how] : reads) {
    std::string label = how.first && how.second ? "secret, file" : how.first ? "secret" : "secret file";
    bool granted = Grants(w.service_account, kSecretAccessor, secret_id);
    if (!granted) label += " (no accessor grant)";
    AddEdge({.from = w.node,
             .to = SecretNode(secret_id),
             .kind = EdgeKind::kSecretRead,
             .label = label,
             .warning = !granted});
  }
}

// A VM (or workload) allowed to add versions writes the secret: it generates the credential it serves with.
void Builder::SecretWrites() {
  for (auto const& grant : index_.OfType(gcp::kSecretIamMember)) {
    if (grant.In("role") != kSecretVersionAdder) continue;
    auto email = MemberEmail(grant.In("member"));
    for (auto const& [node, res] : res_by_node_) {
      auto account = res.Type() == gcp::kInstance ? res.In("serviceAccount.email") : "";
      for (auto const& w : workloads_) {
        if (w.node == node) account = w.service_account;
      }
      if (account.empty() || account != email) continue;
      AddEdge({.from = node,
               .to = SecretNode(SecretIdOf(grant.In("secretId"))),
               .kind = EdgeKind::kSecretWrite,
               .label = "writes"});
    }
  }
}

std::string Builder::SecretNode(std::string const& secret_id) {
  std::string id = "secret:" + secret_id;
  AddCluster(kSecrets, "Secret Manager");
  for (auto const& secret : index_.OfType(gcp::kSecret)) {
    if (secret.In("secretId") != secret_id) continue;
    std::vector<std::string> details;
    for (auto const& version : index_.OfType(gcp::kSecretVersion)) {
      if (auto const* of = index_.Resolve(version.In("secret")); of && of->r == secret.r) {
        details.push_back("version set by the stack");
        break;
      }
    }
    AddNode({.id = id,
             .kind = NodeKind::kSecret,
             .title = secret_id,
             .details = details,
             .project = secret.project,
             .cluster = kSecrets});
    return id;
  }
  AddNode({.id = id,
           .kind = NodeKind::kSecret,
           .title = secret_id,
           .details = {"created outside the stacks"},
           .project = "",
           .cluster = kSecrets});
  return id;
}

bool Builder::Grants(std::string const& email, std::string const& role, std::string const& secret_id) const {
  for (auto const& grant : index_.OfType(gcp::kSecretIamMember)) {
    if (grant.In("role") == role && MemberEmail(grant.In("member")) == email &&
        SecretIdOf(grant.In("secretId")) == secret_id) {
      return true;
    }
  }
  for (auto const& grant : index_.OfType(gcp::kProjectIamMember)) {
    if (grant.In("role") == role && MemberEmail(grant.In("member")) == email) return true;
  }
  return false;
}

void Builder::References() {
  if (plan_.projects.empty()) return;
  AddCluster(kStacks, "Stacks (colour = the project that declares a node) and cross-stack references");
  for (auto const& p : plan_.projects) {
    AddNode({.id = "project:" + p.project,
             .kind = NodeKind::kProject,
             .title = p.project,
             .details = {p.qualified_name},
             .project = p.project,
             .cluster = kStacks});
  }
  for (auto const& p : plan_.projects) {
    for (auto const& ref : p.references) {
      std::string producer = ref.project.empty() ? ref.stack : ref.project;
      AddNode({.id = "project:" + producer,
               .kind = NodeKind::kProject,
               .title = producer,
               .details = {"not in this plan"},
               .project = "",
               .cluster = kStacks});
      auto n = ref.outputs.size();
      AddEdge({.from = "project:" + producer,
               .to = "project:" + p.project,
               .kind = EdgeKind::kReference,
               .label = "reads " + std::to_string(n) + " output" + (n == 1 ? "" : "s"),
               .tooltip = Wrapped(ref.outputs, 44)});
    }
  }
}

}  // namespace apex::plan::arch
