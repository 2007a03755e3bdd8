#include "fast_engine.h"

#include "internal/property_codec.h"
#include "internal/urn.h"

#include "pulumi/engine.grpc.pb.h"
#include "pulumi/resource.grpc.pb.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace bench::peers {
namespace {

using nlohmann::json;

constexpr char kStackType[] = "pulumi:pulumi:Stack";

// Plain JSON, with a secret as {"secret": value} whatever wrapper the SDK used.
json ToJson(pulumi::PropertyValue const& v) {
  if (v.is_secret()) return json{{"secret", ToJson(v.SecretElement())}};
  if (v.is_null()) return nullptr;
  if (v.is_bool()) return v.AsBool();
  if (v.is_number()) return v.AsNumber();
  if (v.is_string()) return v.AsString();
  if (v.is_array()) {
    json out = json::array();
    for (auto const& e : v.AsArray()) out.push_back(ToJson(e));
    return out;
  }
  if (v.is_object()) {
    json out = json::object();
    for (auto const& [k, e] : v.AsObject()) out[k] = ToJson(e);
    return out;
  }
  return v.ToString();  // unknowns, references, assets: not in this program, but shown if they come
}

// The SDK's decoder reads the wire format, so every SDK's encoding is compared by meaning.
json Normalize(google::protobuf::Struct const& s) {
  auto decoded = pulumi::internal::DecodeMap(s);
  if (!decoded.ok()) return json{{"undecodable", std::string(decoded.status().message())}};
  return ToJson(pulumi::PropertyValue(*std::move(decoded)));
}

}  // namespace

class FastEngine::Monitor final : public pulumirpc::ResourceMonitor::Service {
 public:
  explicit Monitor(FastEngine& e) : e_(e) {}

  grpc::Status GetDeploymentInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                                 pulumirpc::DeploymentInfo* resp) override {
    resp->set_project(e_.options_.project);
    resp->set_stack(e_.options_.stack);
    resp->set_parallel(1);
    json config = json::parse(e_.options_.config_json);
    for (auto it = config.begin(); it != config.end(); ++it) {
      (*resp->mutable_config())[it.key()] = it->is_string() ? it->get<std::string>() : it->dump();
    }
    resp->add_supportedfeatures(pulumirpc::RESOURCE_MONITOR_FEATURE_SECRETS);
    return grpc::Status::OK;
  }

  grpc::Status SupportsFeature(grpc::ServerContext*, pulumirpc::SupportsFeatureRequest const* req,
                               pulumirpc::SupportsFeatureResponse* resp) override {
    resp->set_hassupport(req->id() == "secrets");
    return grpc::Status::OK;
  }

  grpc::Status RegisterResource(grpc::ServerContext*, pulumirpc::RegisterResourceRequest const* req,
                                pulumirpc::RegisterResourceResponse* resp) override {
    auto urn =
        pulumi::internal::MakeUrn(e_.options_.stack, e_.options_.project, req->parent(), req->type(), req->name());
    resp->set_urn(urn);
    if (req->custom()) resp->set_id(req->name() + "-id");
    *resp->mutable_object() = req->object();
    std::string parent;
    {
      std::lock_guard lock(e_.mu_);
      if (auto it = names_.find(req->parent()); it != names_.end()) parent = it->second;
      names_[urn] = req->type() + "/" + req->name();
      if (req->type() == kStackType && req->parent().empty()) e_.root_urn_ = urn;
      if (e_.options_.keep_requests) e_.requests_.push_back(*req);
    }
    if (e_.options_.record) {
      e_.Record(json{{"kind", "resource"}, {"type", req->type()}, {"name", req->name()}, {"parent", parent},
                     {"custom", req->custom()}, {"inputs", Normalize(req->object())}}
                    .dump());
    }
    return grpc::Status::OK;
  }

  grpc::Status RegisterResourceOutputs(grpc::ServerContext*, pulumirpc::RegisterResourceOutputsRequest const* req,
                                       google::protobuf::Empty*) override {
    if (!e_.options_.record) return grpc::Status::OK;
    std::string of;
    {
      std::lock_guard lock(e_.mu_);
      if (req->urn() != e_.root_urn_) return grpc::Status::OK;  // only the stack's outputs are compared
      of = names_[req->urn()];
    }
    e_.Record(json{{"kind", "outputs"}, {"of", of}, {"outputs", Normalize(req->outputs())}}.dump());
    return grpc::Status::OK;
  }

  grpc::Status Invoke(grpc::ServerContext*, pulumirpc::ResourceInvokeRequest const* req,
                      pulumirpc::ResourceInvokeResponse* resp) override {
    *resp->mutable_return_() = req->args();
    return grpc::Status::OK;
  }

  grpc::Status RegisterStackTransform(grpc::ServerContext*, pulumirpc::Callback const*,
                                      google::protobuf::Empty*) override {
    return grpc::Status::OK;
  }

  grpc::Status SignalAndWaitForShutdown(grpc::ServerContext*, google::protobuf::Empty const*,
                                        google::protobuf::Empty*) override {
    return grpc::Status::OK;
  }

 private:
  FastEngine& e_;
  std::map<std::string, std::string> names_;  // URN -> "type/name", guarded by e_.mu_
};

class FastEngine::EngineService final : public pulumirpc::Engine::Service {
 public:
  explicit EngineService(FastEngine& e) : e_(e) {}

  grpc::Status Log(grpc::ServerContext*, pulumirpc::LogRequest const* req, google::protobuf::Empty*) override {
    if (req->severity() == pulumirpc::ERROR) {
      std::lock_guard lock(e_.mu_);
      e_.errors_.push_back(req->message());
    }
    return grpc::Status::OK;
  }

  grpc::Status GetRootResource(grpc::ServerContext*, pulumirpc::GetRootResourceRequest const*,
                               pulumirpc::GetRootResourceResponse* resp) override {
    std::lock_guard lock(e_.mu_);
    resp->set_urn(e_.root_urn_);
    return grpc::Status::OK;
  }

  grpc::Status SetRootResource(grpc::ServerContext*, pulumirpc::SetRootResourceRequest const* req,
                               pulumirpc::SetRootResourceResponse*) override {
    std::lock_guard lock(e_.mu_);
    e_.root_urn_ = req->urn();
    return grpc::Status::OK;
  }

 private:
  FastEngine& e_;
};

FastEngine::FastEngine(FastEngineOptions options)
    : options_(std::move(options)),
      monitor_(std::make_unique<Monitor>(*this)),
      engine_(std::make_unique<EngineService>(*this)) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
  builder.RegisterService(monitor_.get());
  builder.RegisterService(engine_.get());
  builder.SetMaxReceiveMessageSize(-1);
  server_ = builder.BuildAndStart();
}

FastEngine::~FastEngine() { Shutdown(); }

void FastEngine::Shutdown() {
  if (server_) server_->Shutdown(std::chrono::system_clock::now());
}

void FastEngine::Record(std::string line) {
  std::lock_guard lock(mu_);
  records_.push_back(std::move(line));
}

std::vector<std::string> FastEngine::SortedRecords() const {
  std::lock_guard lock(mu_);
  auto out = records_;
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<pulumirpc::RegisterResourceRequest> FastEngine::Requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

std::vector<std::string> FastEngine::LoggedErrors() const {
  std::lock_guard lock(mu_);
  return errors_;
}

}  // namespace bench::peers
