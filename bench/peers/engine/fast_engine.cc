#include "fast_engine.h"

#include "internal/property_codec.h"
#include "test_engine/property_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace bench::peers {
namespace {

using nlohmann::json;

pulumi::test_engine::EngineOptions EngineOptionsOf(FastEngineOptions const& o) {
  pulumi::test_engine::EngineOptions e{.project = o.project,
                                       .stack = o.stack,
                                       .organization = "",
                                       .parallel = 1,
                                       .features = {pulumirpc::RESOURCE_MONITOR_FEATURE_SECRETS},
                                       .supports_feature = [](std::string const& id) { return id == "secrets"; },
                                       .keep_requests = o.keep_requests};
  json config = json::parse(o.config_json);
  for (auto it = config.begin(); it != config.end(); ++it) {
    e.config[it.key()] = it->is_string() ? it->get<std::string>() : it->dump();
  }
  return e;
}

// The SDK's decoder reads the wire format, so every SDK's encoding is compared by meaning.
json Normalize(google::protobuf::Struct const& s) {
  auto decoded = pulumi::internal::DecodeMap(s);
  if (!decoded.ok()) return json{{"undecodable", std::string(decoded.status().message())}};
  return pulumi::test_engine::ToJson(*decoded);
}

}  // namespace

FastEngine::FastEngine(FastEngineOptions const& options)
    : engine_(EngineOptionsOf(options)), server_(std::make_unique<pulumi::test_engine::GrpcServer>(engine_)) {}

std::vector<std::string> FastEngine::SortedRecords() const {
  std::vector<std::string> out;
  std::map<std::string, std::string> names;  // URN -> "type/name"
  auto root = engine_.RootResource();
  for (auto const& r : engine_.Resources()) {
    if (!r.registration) continue;
    names[r.urn] = r.type + "/" + r.name;
    auto parent = names.find(r.parent);
    out.push_back(json{{"kind", "resource"},
                       {"type", r.type},
                       {"name", r.name},
                       {"parent", parent == names.end() ? "" : parent->second},
                       {"custom", r.custom},
                       {"inputs", Normalize(r.registration->object())}}
                      .dump());
    // Only the stack's outputs are compared.
    if (r.urn == root && r.registered_outputs) {
      out.push_back(json{
          {"kind", "outputs"}, {"of", names[r.urn]}, {"outputs", pulumi::test_engine::ToJson(*r.registered_outputs)}}
                        .dump());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<pulumirpc::RegisterResourceRequest> FastEngine::Requests() const {
  std::vector<pulumirpc::RegisterResourceRequest> out;
  for (auto const& r : engine_.Resources()) {
    if (r.registration) out.push_back(*r.registration);
  }
  return out;
}

std::vector<std::string> FastEngine::LoggedErrors() const {
  std::vector<std::string> out;
  for (auto const& l : engine_.Logs()) {
    if (l.severity == "error") out.push_back(l.message);
  }
  return out;
}

}  // namespace bench::peers
