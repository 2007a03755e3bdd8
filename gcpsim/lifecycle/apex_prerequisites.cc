#include "apex_prerequisites.h"

namespace pulumi::gcpsim {
namespace {

std::string ConfigValue(Workspace const& ws, std::string const& project, std::string const& key) {
  auto r = ws.Pulumi(project, {"config", "get", key});
  if (r.code != 0) return "";
  auto end = r.output.find_last_not_of("\r\n");
  return end == std::string::npos ? "" : r.output.substr(0, end + 1);
}

}  // namespace

WorkspaceOptions ApexWorkspaceOptions(ApexBuild const& build, std::string const& work_dir, std::string const& stack,
                                      int latency_ms) {
  WorkspaceOptions o{.work_dir = work_dir,
                     .stack = stack,
                     .engine_bin_dir = build.engine_bin,
                     .language_host = build.sdk_build + "/host/pulumi-language-cpp",
                     .provider = build.sdk_build + "/gcpsim/pulumi-resource-gcp",
                     .gcp_sim = build.sdk_build + "/gcpsim/gcp-sim",
                     .latency_ms = latency_ms};
  for (auto const* p : kApexProjects) {
    o.projects.push_back({p, build.infra + "/" + p, build.programs + "/" + p + "/" + p});
  }
  return o;
}

bool CreateApexPrerequisites(Workspace const& ws, std::string* error) {
  auto secret_id = ConfigValue(ws, "apex-services", "apex:temporalApiKeySecret");
  if (secret_id.empty()) return true;  // the stack runs without Temporal Cloud credentials
  auto project = ConfigValue(ws, "apex-services", "gcp:project");
  auto secret = ws.GcpSim({"create", "gcp:secretmanager/secret:Secret", secret_id, "secretId=" + secret_id,
                           R"(replication={"auto":{}})", "--project", project});
  if (secret.code != 0) {
    *error = "creating the secret " + secret_id + " failed:\n" + secret.output;
    return false;
  }
  auto version = ws.GcpSim({"create", "gcp:secretmanager/secretVersion:SecretVersion", secret_id + "-v1",
                            "secret=projects/" + project + "/secrets/" + secret_id,
                            "secretData=simulated-temporal-api-key", "--project", project});
  if (version.code != 0) {
    *error = "creating a version of " + secret_id + " failed:\n" + version.output;
    return false;
  }
  return true;
}

}  // namespace pulumi::gcpsim
