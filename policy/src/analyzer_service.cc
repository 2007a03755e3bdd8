#include "analyzer_service.h"

#include "internal/property_codec.h"
#include "internal/runtime.h"

#include <google/protobuf/util/json_util.h>

#include <cstdio>

namespace pulumi::policy {
namespace {

grpc::Status Invalid(std::string const& message) { return {grpc::StatusCode::INVALID_ARGUMENT, message}; }

/// A policy pack has an engine to log to but no resource monitor.
class NoMonitor final : public internal::MonitorStub {
 public:
  grpc::Status GetDeploymentInfo(pulumirpc::DeploymentInfo*) override { return Refuse(); }
  grpc::Status SupportsFeature(pulumirpc::SupportsFeatureRequest const&,
                               pulumirpc::SupportsFeatureResponse* response) override {
    response->set_hassupport(false);
    return grpc::Status::OK;
  }
  grpc::Status RegisterResource(pulumirpc::RegisterResourceRequest const&,
                                pulumirpc::RegisterResourceResponse*) override {
    return Refuse();
  }
  grpc::Status RegisterResourceOutputs(pulumirpc::RegisterResourceOutputsRequest const&) override { return Refuse(); }
  grpc::Status ReadResource(pulumirpc::ReadResourceRequest const&, pulumirpc::ReadResourceResponse*) override {
    return Refuse();
  }
  grpc::Status Invoke(pulumirpc::ResourceInvokeRequest const&, pulumirpc::ResourceInvokeResponse*) override {
    return Refuse();
  }
  grpc::Status SignalAndWaitForShutdown() override { return grpc::Status::OK; }
  grpc::Status RegisterResourceHook(pulumirpc::RegisterResourceHookRequest const&) override { return Refuse(); }
  grpc::Status RegisterErrorHook(pulumirpc::RegisterErrorHookRequest const&) override { return Refuse(); }

 private:
  static grpc::Status Refuse() {
    return {grpc::StatusCode::FAILED_PRECONDITION, "a policy pack cannot create, read or invoke resources"};
  }
};

/// Without an engine (a pack asked only for its info, or a test), what the pack logs goes to stderr.
class NoEngine final : public internal::EngineStub {
 public:
  grpc::Status Log(pulumirpc::LogRequest const& request) override {
    std::fprintf(stderr, "%s\n", request.message().c_str());
    return grpc::Status::OK;
  }
  grpc::Status SetRootResource(pulumirpc::SetRootResourceRequest const&) override { return grpc::Status::OK; }
  grpc::Status RequirePulumiVersion(pulumirpc::RequirePulumiVersionRequest const&) override {
    return {grpc::StatusCode::UNIMPLEMENTED, "a policy pack run without an engine cannot check its version"};
  }
};

/// Seconds as Go prints a time.Duration ("5m0s", "1h0m0s", "1.5s"), as other policy SDKs show timeouts.
std::string GoDuration(double seconds) {
  if (seconds <= 0) return "";
  auto whole = static_cast<long long>(seconds);
  double fraction = seconds - static_cast<double>(whole);
  std::string s;
  if (whole >= 3600) s += std::to_string(whole / 3600) + "h";
  if (whole >= 60) s += std::to_string((whole % 3600) / 60) + "m";
  if (fraction > 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", static_cast<double>(whole % 60) + fraction);
    s += buf;
  } else {
    s += std::to_string(whole % 60);
  }
  return s + "s";
}

absl::StatusOr<Properties> DecodeProperties(google::protobuf::Struct const& s) {
  auto decoded = internal::DecodeMap(s);
  if (!decoded.ok()) return decoded.status();
  return Properties(std::move(*decoded));
}

absl::StatusOr<ResourceOptions> DecodeOptions(pulumirpc::AnalyzerResourceOptions const& o) {
  ResourceOptions out{
      .protect = o.protect(),
      .ignore_changes = {o.ignorechanges().begin(), o.ignorechanges().end()},
      .delete_before_replace = o.deletebeforereplacedefined() && o.deletebeforereplace(),
      .additional_secret_outputs = {o.additionalsecretoutputs().begin(), o.additionalsecretoutputs().end()},
      .aliases = {o.aliases().begin(), o.aliases().end()}};
  if (o.has_customtimeouts()) {
    auto const& t = o.customtimeouts();
    out.custom_timeouts = CustomTimeouts{.create = GoDuration(t.create()),
                                         .update = GoDuration(t.update()),
                                         .del = GoDuration(t.delete_()),
                                         .read = GoDuration(t.read())};
  }
  return out;
}

template <typename Message>
absl::StatusOr<AnalyzerResource> DecodeResource(Message const& m) {
  auto properties = DecodeProperties(m.properties());
  if (!properties.ok()) {
    return absl::InvalidArgumentError("the properties of " + m.urn() + ": " +
                                      std::string(properties.status().message()));
  }
  auto options = DecodeOptions(m.options());
  AnalyzerResource r{.type = m.type(),
                     .name = m.name(),
                     .urn = m.urn(),
                     .parent = m.options().parent(),
                     .properties = std::move(*properties),
                     .options = std::move(*options)};
  if (m.has_provider() && !m.provider().type().empty()) {
    auto provider_properties = DecodeProperties(m.provider().properties());
    if (!provider_properties.ok()) {
      return absl::InvalidArgumentError("the provider of " + m.urn() + ": " +
                                        std::string(provider_properties.status().message()));
    }
    r.provider = ProviderResource{.type = m.provider().type(),
                                  .name = m.provider().name(),
                                  .urn = m.provider().urn(),
                                  .properties = std::move(*provider_properties)};
  }
  return r;
}

// A policy's config schema and config are plain JSON: protobuf's own JSON mapping carries them (as Go's policyx).
google::protobuf::Struct ToStruct(nlohmann::json const& j) {
  google::protobuf::Struct s;
  if (auto status = google::protobuf::util::JsonStringToMessage(j.dump(), &s); !status.ok()) {
    throw std::runtime_error("a config schema is not a JSON object: " + std::string(status.message()));
  }
  return s;
}

nlohmann::json ToJson(google::protobuf::Struct const& s) {
  std::string text;
  if (auto status = google::protobuf::util::MessageToJsonString(s, &text); !status.ok()) {
    throw std::runtime_error("policy config cannot be read as JSON: " + std::string(status.message()));
  }
  return nlohmann::json::parse(text);
}

void AddDiagnostics(std::vector<Diagnostic> const& diagnostics, PolicyPack const& pack,
                    pulumirpc::AnalyzeResponse* response) {
  for (auto const& d : diagnostics) {
    auto* out = response->add_diagnostics();
    out->set_policyname(d.policy_name);
    out->set_policypackname(pack.name());
    out->set_policypackversion(pack.version());
    out->set_description(d.description);
    out->set_message(d.message);
    out->set_urn(d.urn);
    out->set_enforcementlevel(static_cast<pulumirpc::EnforcementLevel>(d.enforcement_level));
  }
}

template <typename Fn>
grpc::Status Guard(Fn&& fn) {
  try {
    return fn();
  } catch (std::exception const& e) {
    return {grpc::StatusCode::UNKNOWN, e.what()};
  }
}

}  // namespace

AnalyzerService::AnalyzerService(Factory factory, std::string engine_address)
    : factory_(std::move(factory)), engine_address_(std::move(engine_address)) {}

AnalyzerService::~AnalyzerService() {
  if (runtime_) runtime_->Stop();
}

grpc::Status AnalyzerService::Handshake(grpc::ServerContext*, pulumirpc::AnalyzerHandshakeRequest const* request,
                                        pulumirpc::AnalyzerHandshakeResponse*) {
  std::lock_guard lock(mu_);
  if (!request->engine_address().empty()) engine_address_ = request->engine_address();
  return grpc::Status::OK;
}

grpc::Status AnalyzerService::Build(StackInfo stack, std::map<std::string, std::string> config,
                                    std::set<std::string> secret_keys) {
  if (runtime_) runtime_->Stop();
  internal::RunInfo info{.project = stack.project,
                         .stack = stack.stack,
                         .organization = stack.organization,
                         .engine_address = engine_address_,
                         .dry_run = stack.dry_run,
                         .parallel = 1,
                         .config = std::move(config),
                         .config_secret_keys = std::move(secret_keys)};
  std::unique_ptr<internal::EngineStub> engine =
      engine_address_.empty() ? std::make_unique<NoEngine>() : internal::MakeGrpcEngineStub(engine_address_);
  runtime_ = std::make_shared<internal::Runtime>(std::move(info), std::make_unique<NoMonitor>(), std::move(engine));
  runtime_->Start();
  context_ = std::make_unique<Context>(runtime_);
  try {
    analyzer_.emplace(factory_(*context_), std::move(stack));
  } catch (std::exception const& e) {
    analyzer_.reset();
    return {grpc::StatusCode::INVALID_ARGUMENT, std::string("the policy pack could not be built: ") + e.what()};
  }
  return grpc::Status::OK;
}

Analyzer* AnalyzerService::Get(grpc::Status* status) {
  if (!analyzer_) *status = Build({}, {}, {});
  return analyzer_ ? &*analyzer_ : nullptr;
}

template <typename Fn>
grpc::Status AnalyzerService::WithAnalyzer(Fn const& fn) {
  std::lock_guard lock(mu_);
  grpc::Status status;
  auto* analyzer = Get(&status);
  if (!analyzer) return status;
  return Guard([&] { return fn(*analyzer); });
}

grpc::Status AnalyzerService::ConfigureStack(grpc::ServerContext*,
                                             pulumirpc::AnalyzerStackConfigureRequest const* request,
                                             pulumirpc::AnalyzerStackConfigureResponse*) {
  std::lock_guard lock(mu_);
  StackInfo stack{.project = request->project(),
                  .stack = request->stack(),
                  .organization = request->organization(),
                  .dry_run = request->dry_run(),
                  .tags = {request->tags().begin(), request->tags().end()}};
  return Build(std::move(stack), {request->config().begin(), request->config().end()},
               {request->config_secret_keys().begin(), request->config_secret_keys().end()});
}

grpc::Status AnalyzerService::GetPluginInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                                            pulumirpc::PluginInfo* response) {
  return WithAnalyzer([&](Analyzer& analyzer) {
    response->set_version(analyzer.pack().version());
    return grpc::Status::OK;
  });
}

grpc::Status AnalyzerService::GetAnalyzerInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                                              pulumirpc::AnalyzerInfo* response) {
  return WithAnalyzer([&](Analyzer& analyzer) {
    auto const& pack = analyzer.pack();
    response->set_name(pack.name());
    response->set_version(pack.version());
    response->set_supportsconfig(true);
    for (auto const& policy : pack.policies()) {
      auto* info = response->add_policies();
      std::visit(
          [&](auto const& p) {
            using P = std::decay_t<decltype(p)>;
            info->set_name(p.name);
            info->set_description(p.description);
            info->set_policy_type(std::is_same_v<P, StackValidationPolicy> ? pulumirpc::POLICY_TYPE_STACK
                                                                           : pulumirpc::POLICY_TYPE_RESOURCE);
            if (p.config_schema) {
              *info->mutable_configschema()->mutable_properties() = ToStruct(p.config_schema->properties);
              for (auto const& r : p.config_schema->required) info->mutable_configschema()->add_required(r);
            }
          },
          policy);
      info->set_enforcementlevel(static_cast<pulumirpc::EnforcementLevel>(pack.DefaultLevel(policy)));
    }
    return grpc::Status::OK;
  });
}

grpc::Status AnalyzerService::Configure(grpc::ServerContext*, pulumirpc::ConfigureAnalyzerRequest const* request,
                                        google::protobuf::Empty*) {
  return WithAnalyzer([&](Analyzer& analyzer) {
    std::map<std::string, PolicyConfig> config;
    for (auto const& [name, c] : request->policyconfig()) {
      config[name] = PolicyConfig{.enforcement_level = static_cast<EnforcementLevel>(c.enforcementlevel()),
                                  .properties = ToJson(c.properties())};
    }
    analyzer.Configure(std::move(config));
    return grpc::Status::OK;
  });
}

grpc::Status AnalyzerService::Analyze(grpc::ServerContext*, pulumirpc::AnalyzeRequest const* request,
                                      pulumirpc::AnalyzeResponse* response) {
  auto resource = DecodeResource(*request);
  if (!resource.ok()) return Invalid(std::string(resource.status().message()));
  return WithAnalyzer([&](Analyzer& analyzer) {
    AddDiagnostics(analyzer.AnalyzeResource(*resource), analyzer.pack(), response);
    return grpc::Status::OK;
  });
}

grpc::Status AnalyzerService::AnalyzeStack(grpc::ServerContext*, pulumirpc::AnalyzeStackRequest const* request,
                                           pulumirpc::AnalyzeResponse* response) {
  std::vector<AnalyzerResource> resources;
  for (auto const& r : request->resources()) {
    auto resource = DecodeResource(r);
    if (!resource.ok()) return Invalid(std::string(resource.status().message()));
    resource->parent = r.parent();
    resource->dependencies.assign(r.dependencies().begin(), r.dependencies().end());
    for (auto const& [k, deps] : r.propertydependencies()) {
      if (deps.urns_size() > 0) resource->property_dependencies[k].assign(deps.urns().begin(), deps.urns().end());
    }
    resources.push_back(std::move(*resource));
  }
  return WithAnalyzer([&](Analyzer& analyzer) {
    AddDiagnostics(analyzer.AnalyzeStack(resources), analyzer.pack(), response);
    return grpc::Status::OK;
  });
}

grpc::Status AnalyzerService::Remediate(grpc::ServerContext*, pulumirpc::AnalyzeRequest const* request,
                                        pulumirpc::RemediateResponse* response) {
  auto resource = DecodeResource(*request);
  if (!resource.ok()) return Invalid(std::string(resource.status().message()));
  return WithAnalyzer([&](Analyzer& analyzer) {
    for (auto const& r : analyzer.Remediate(*resource)) {
      auto* out = response->add_remediations();
      out->set_policyname(r.policy_name);
      out->set_policypackname(analyzer.pack().name());
      out->set_policypackversion(analyzer.pack().version());
      out->set_description(r.description);
      *out->mutable_properties() =
          internal::EncodeMap(r.properties, {.keep_secrets = true, .keep_resources = true, .keep_output_values = true});
    }
    return grpc::Status::OK;
  });
}

grpc::Status AnalyzerService::Cancel(grpc::ServerContext*, google::protobuf::Empty const*, google::protobuf::Empty*) {
  return grpc::Status::OK;
}

}  // namespace pulumi::policy
