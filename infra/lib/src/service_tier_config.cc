// LoadServiceTierConfig: the per-stack settings of the compute tier, read and validated before anything is
// registered.
#include "apex/service_tier.h"

#include <algorithm>
#include <cctype>

namespace apex {
namespace {

// ":<apex:<prefix>ImageTag>", or "@sha256:…" when the tag is a digest.
std::string ImageSuffix(ConfigReader const& config, std::string const& prefix) {
  std::string key = prefix + "ImageTag";
  std::string tag = config.RequireString(key);
  if (tag.rfind("sha256:", 0) == 0) return "@" + tag;
  auto allowed = [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-'; };
  if (tag.empty() || tag.size() > 128 || !std::all_of(tag.begin(), tag.end(), allowed)) {
    config.Invalid(key, "'" + tag + "' is not an image tag or a sha256: digest");
  }
  return ":" + tag;
}

// A digest, or a tag that names at least <major>.<minor> ("18.1-alpine"), never a moving tag such as "latest"
// or "18-alpine".
std::string RequirePinnedImage(ConfigReader const& config, std::string const& key) {
  std::string image = config.RequireString(key);
  auto refuse = [&] {
    config.Invalid(key, "'" + image + "' is not pinned: use a <major>.<minor> tag or an @sha256: digest");
  };
  auto at = image.find("@sha256:");
  if (at != std::string::npos) {
    std::string digest = image.substr(at + 8);
    if (digest.size() != 64 ||
        !std::all_of(digest.begin(), digest.end(), [](unsigned char c) { return std::isxdigit(c); })) {
      refuse();
    }
    return image;
  }
  auto colon = image.rfind(':');
  if (colon == std::string::npos || colon < image.rfind('/') + 1) refuse();
  std::string tag = image.substr(colon + 1);
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t from = i;
    while (i < tag.size() && std::isdigit(static_cast<unsigned char>(tag[i]))) ++i;
    return i > from;
  };
  if (!digits() || i >= tag.size() || tag[i++] != '.' || !digits()) refuse();
  return image;
}

PublicEdgeConfig LoadPublicEdgeConfig(ConfigReader const& config) {
  PublicEdgeConfig edge;
  edge.load_balancer = config.RequireOneOf("publicEdge", {"loadBalancer", "runApp"}) == "loadBalancer";
  edge.domain = config.GetString("publicDomain", edge.domain);
  if (!edge.load_balancer) return edge;
  if (edge.domain.empty()) config.Invalid("publicDomain", "is required with apex:publicEdge loadBalancer");
  auto label_char = [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '-' || c == '.'; };
  if (edge.domain.find('.') == std::string::npos || edge.domain.front() == '.' || edge.domain.back() == '.' ||
      !std::all_of(edge.domain.begin(), edge.domain.end(), label_char)) {
    config.Invalid("publicDomain", "'" + edge.domain + "' is not a lowercase domain name");
  }
  return edge;
}

TemporalConfig LoadTemporalConfig(ConfigReader const& config) {
  TemporalConfig t{.address = config.RequireString("temporalAddress"),
                   .name_space = config.RequireString("temporalNamespace"),
                   .task_queue = config.RequireString("temporalTaskQueue"),
                   .api_key_secret = config.GetString("temporalApiKeySecret")};
  if (t.address.find(':') == std::string::npos) {
    config.Invalid("temporalAddress", "'" + t.address + "' is not host:port");
  }
  return t;
}

}  // namespace

ServiceTierConfig LoadServiceTierConfig(pulumi::Context& ctx) {
  ConfigReader config(ctx);
  ServiceTierConfig c;
  c.deletion_protection = config.RequireBool("deletionProtection");
  c.log_level = config.RequireOneOf("logLevel", {"debug", "info", "warning", "error"});
  c.api_gateway = LoadServiceSizing(ctx, "apiGateway");
  c.ingestion_worker = LoadServiceSizing(ctx, "ingestionWorker");
  c.query_router = LoadServiceSizing(ctx, "queryRouter");
  c.temporal_worker = LoadWorkerPoolSizing(ctx, "temporalWorker");
  c.temporal = LoadTemporalConfig(config);
  c.image_suffixes = {.api_gateway = ImageSuffix(config, "apiGateway"),
                      .ingestion_worker = ImageSuffix(config, "ingestionWorker"),
                      .query_router = ImageSuffix(config, "queryRouter"),
                      .temporal_worker = ImageSuffix(config, "temporalWorker")};
  c.migration_image = RequirePinnedImage(config, "migrationImage");
  c.edge = LoadPublicEdgeConfig(config);
  // The application's feature flags, on unless a stack turns them off.
  c.feature_flags = {{"ENABLE_QDRANT", config.GetFlag("enableQdrant", true)},
                     {"ENABLE_GRAPHITI", config.GetFlag("enableGraphiti", true)},
                     {"ENABLE_TEMPORAL", config.GetFlag("enableTemporal", true)}};
  return c;
}

std::vector<std::string> ServiceTierApis(ServiceTierConfig const& config) {
  std::vector<std::string> apis = {"run.googleapis.com", "iam.googleapis.com", "cloudresourcemanager.googleapis.com",
                                   "secretmanager.googleapis.com", "sqladmin.googleapis.com"};
  if (config.edge.load_balancer) apis.push_back("compute.googleapis.com");
  return apis;
}

}  // namespace apex
