#include "test_engine/engine.h"

#include "internal/property_codec.h"
#include "internal/urn.h"

#include <type_traits>
#include <utility>

namespace pulumi::test_engine {
namespace {

using internal::DecodeMap;
using internal::EncodeMap;

// Answers keep output values: a provider's may carry dependencies (see Answer).
internal::EncodeOptions const kAnswer{.keep_output_values = true};

grpc::Status Invalid(absl::Status const& s) { return {grpc::StatusCode::INVALID_ARGUMENT, std::string(s.message())}; }

/// `v` without output values (an unknown one becomes computed, a secret one secret), their dependencies
/// added to `deps`.
PropertyValue StripOutputValues(PropertyValue const& v, std::set<std::string>& deps) {
  switch (v.kind()) {
    case PropertyValue::Kind::kOutput: {
      auto const& o = v.AsOutput();
      deps.insert(o.dependencies.begin(), o.dependencies.end());
      auto inner = o.value ? StripOutputValues(*o.value, deps) : PropertyValue::MakeComputed();
      return o.secret ? PropertyValue::MakeSecret(inner) : inner;
    }
    case PropertyValue::Kind::kSecret: return PropertyValue::MakeSecret(StripOutputValues(v.SecretElement(), deps));
    case PropertyValue::Kind::kArray: {
      PropertyArray out;
      for (auto const& e : v.AsArray()) out.push_back(StripOutputValues(e, deps));
      return out;
    }
    case PropertyValue::Kind::kObject: {
      PropertyMap out;
      for (auto const& [k, e] : v.AsObject()) out.emplace(k, StripOutputValues(e, deps));
      return out;
    }
    default: return v;
  }
}

/// The resource a request names, with the request when `keep` says so.
template <typename Request>
Resource Named(std::string const& urn, Request const& request, bool keep) {
  Resource r{.urn = urn, .type = request.type(), .name = request.name(), .parent = request.parent()};
  if (keep) {
    if constexpr (std::is_same_v<Request, pulumirpc::RegisterResourceRequest>) {
      r.registration = std::make_shared<Request const>(request);
    } else {
      r.reading = std::make_shared<Request const>(request);
    }
  }
  return r;
}

/// What an invoke or a method call names (token, provider, version), for the record the mocks answer.
template <typename Request>
mocks::InvokeRecord RecordOf(Request const& request) {
  return {
      request.tok(), {}, request.provider(), UnlessEmpty(request.version()), UnlessEmpty(request.plugindownloadurl())};
}

}  // namespace

Engine::Engine(EngineOptions options) : options_(std::move(options)) {}

std::string Engine::MakeUrn(std::string const& type, std::string const& name, std::string const& parent) const {
  return internal::MakeUrn(options_.stack, options_.project, parent, type, name);
}

grpc::Status Engine::GetDeploymentInfo(pulumirpc::DeploymentInfo* response) const {
  response->set_project(options_.project);
  response->set_stack(options_.stack);
  response->set_organization(options_.organization);
  response->set_dryrun(options_.dry_run);
  response->set_parallel(options_.parallel);
  for (auto const& [k, v] : options_.config) (*response->mutable_config())[k] = v;
  for (auto const& k : options_.config_secret_keys) response->add_configsecretkeys(k);
  for (auto f : options_.features) response->add_supportedfeatures(f);
  return grpc::Status::OK;
}

grpc::Status Engine::SupportsFeature(pulumirpc::SupportsFeatureRequest const& request,
                                     pulumirpc::SupportsFeatureResponse* response) const {
  response->set_hassupport(options_.supports_feature && options_.supports_feature(request.id()));
  return grpc::Status::OK;
}

grpc::Status Engine::RegisterResource(pulumirpc::RegisterResourceRequest const& request,
                                      pulumirpc::RegisterResourceResponse* response) {
  auto r = Named(MakeUrn(request.type(), request.name(), request.parent()), request, options_.keep_requests);
  r.custom = request.custom();
  response->set_urn(r.urn);
  if (!options_.mocks) {
    if (request.custom() && !options_.dry_run) r.id = request.name() + "-id";
    response->set_id(r.id);
    *response->mutable_object() = request.object();
  } else {
    auto inputs = DecodeMap(request.object());
    if (!inputs.ok()) return Invalid(inputs.status());
    r.inputs = *std::move(inputs);
    if (request.type() != kStackType) {
      if (auto s = RunHooks(request.hooks().before_create(), "before", r, nullptr); !s.ok()) return s;
      mocks::MockResourceResult result;
      auto s = NewResource({.type = request.type(),
                            .name = request.name(),
                            .inputs = r.inputs,
                            .provider = request.provider(),
                            .id = request.importid(),
                            .custom = request.custom(),
                            .read = false,
                            .dry_run = options_.dry_run},
                           &result);
      if (!s.ok()) return s;
      r.id = request.custom() ? result.id : "";
      r.outputs = std::move(result.state);
      if (s = RunHooks(request.hooks().after_create(), "after", r, &r.outputs); !s.ok()) return s;
      response->set_id(r.id);
      *response->mutable_object() = EncodeMap(r.outputs, kAnswer);
    }
  }
  Keep(std::move(r));
  return grpc::Status::OK;
}

grpc::Status Engine::RegisterResourceOutputs(pulumirpc::RegisterResourceOutputsRequest const& request) {
  auto outputs = DecodeMap(request.outputs());
  if (!outputs.ok()) return Invalid(outputs.status());
  std::lock_guard lock(mu_);
  if (auto it = by_urn_.find(request.urn()); it != by_urn_.end()) {
    resources_[it->second].registered_outputs = *std::move(outputs);
  }
  return grpc::Status::OK;
}

grpc::Status Engine::ReadResource(pulumirpc::ReadResourceRequest const& request,
                                  pulumirpc::ReadResourceResponse* response) {
  auto r = Named(MakeUrn(request.type(), request.name(), request.parent()), request, options_.keep_requests);
  r.id = request.id();
  r.read = true;
  response->set_urn(r.urn);
  response->set_id(r.id);
  auto reference = StackReferenceState(request.type(), request.id());
  if (!options_.mocks && !reference) {
    *response->mutable_properties() = request.properties();
  } else {
    auto inputs = DecodeMap(request.properties());
    if (!inputs.ok()) return Invalid(inputs.status());
    r.inputs = *std::move(inputs);
    if (reference) {
      r.outputs = *std::move(reference);
    } else {
      mocks::MockResourceResult result;
      auto s = NewResource({.type = request.type(),
                            .name = request.name(),
                            .inputs = r.inputs,
                            .provider = request.provider(),
                            .id = request.id(),
                            .custom = true,
                            .read = true,
                            .dry_run = options_.dry_run},
                           &result);
      if (!s.ok()) return s;
      r.outputs = std::move(result.state);
    }
    *response->mutable_properties() = EncodeMap(r.outputs, kAnswer);
  }
  Keep(std::move(r));
  return grpc::Status::OK;
}

std::optional<PropertyMap> Engine::StackReferenceState(std::string const& type, std::string const& name) const {
  auto it = options_.stack_references.find(name);
  if (type != kStackReferenceType || it == options_.stack_references.end()) return std::nullopt;
  PropertyArray secret_names;
  for (auto const& [k, v] : it->second) {
    if (v.ContainsSecrets()) secret_names.emplace_back(k);
  }
  return PropertyMap{{"name", name}, {"outputs", it->second}, {"secretOutputNames", secret_names}};
}

grpc::Status Engine::NewResource(mocks::MockResourceArgs const& args, mocks::MockResourceResult* result) const {
  try {
    *result = options_.mocks->NewResource(args);
  } catch (std::exception const& e) {
    return {grpc::StatusCode::UNKNOWN, std::string("mocks: NewResource failed: ") + e.what()};
  }
  return grpc::Status::OK;
}

grpc::Status Engine::Invoke(pulumirpc::ResourceInvokeRequest const& request,
                            pulumirpc::ResourceInvokeResponse* response) {
  std::optional<std::string> failure;
  auto s = Answer(RecordOf(request), request.args(), {request.dependson().begin(), request.dependson().end()},
                  request.accept_output_values(), response->mutable_return_(), &failure);
  if (failure) response->add_failures()->set_reason(*failure);
  return s;
}

grpc::Status Engine::Call(pulumirpc::ResourceCallRequest const& request, pulumirpc::CallResponse* response) {
  std::optional<std::string> failure;
  auto s = Answer(RecordOf(request), request.args(), {}, false, response->mutable_return_(), &failure);
  if (failure) response->add_failures()->set_reason(*failure);
  return s;
}

grpc::Status Engine::Answer(mocks::InvokeRecord record, google::protobuf::Struct const& args,
                            std::set<std::string> deps, bool accept_output_values, google::protobuf::Struct* result,
                            std::optional<std::string>* failure) {
  auto decoded = DecodeMap(args);
  Invocation invocation;
  if (!options_.mocks) {
    *result = args;
    if (decoded.ok()) record.args = *std::move(decoded);
  } else {
    if (!decoded.ok()) return Invalid(decoded.status());
    // As the engine does for a provider that takes no output values: the provider (the mocks) gets plain
    // arguments, and each returned value depends on everything the arguments and dependsOn depended on.
    for (auto& [k, v] : *decoded) record.args.emplace(k, StripOutputValues(v, deps));
    try {
      invocation.result = options_.mocks->Call({record.token, record.args, record.provider});
      PropertyMap answer = invocation.result;
      if (accept_output_values && !deps.empty()) {
        for (auto& [k, v] : answer) {
          v = OutputValue{.value = std::make_shared<PropertyValue const>(v),
                          .dependencies = std::vector<std::string>(deps.begin(), deps.end())};
        }
      }
      *result = EncodeMap(answer, kAnswer);
    } catch (std::exception const& e) {
      *failure = e.what();
    }
  }
  static_cast<mocks::InvokeRecord&>(invocation) = std::move(record);
  std::lock_guard lock(mu_);
  invocations_.push_back(std::move(invocation));
  return grpc::Status::OK;
}

grpc::Status Engine::SignalAndWaitForShutdown() {
  std::lock_guard lock(mu_);
  shutdown_signalled_ = true;
  return grpc::Status::OK;
}

void Engine::NoteStackReferenceRead(std::string const& stack, std::string const& output) {
  std::lock_guard lock(mu_);
  stack_reference_reads_[stack].insert(output);
}

std::string SeverityName(int severity) {
  static constexpr char const* kNames[] = {"debug", "info", "warning", "error"};
  return severity >= 0 && severity < 4 ? kNames[severity] : "unknown";
}

grpc::Status Engine::Log(pulumirpc::LogRequest const& request) {
  std::lock_guard lock(mu_);
  logs_.push_back({SeverityName(request.severity()), request.message(), request.urn()});
  return grpc::Status::OK;
}

std::string Engine::RootResource() const {
  std::lock_guard lock(mu_);
  return root_urn_;
}

grpc::Status Engine::SetRootResource(pulumirpc::SetRootResourceRequest const& request) {
  std::lock_guard lock(mu_);
  root_urn_ = request.urn();
  return grpc::Status::OK;
}

void Engine::Keep(Resource r) {
  std::lock_guard lock(mu_);
  if (!r.read && r.type == kStackType && r.parent.empty()) root_urn_ = r.urn;
  by_urn_[r.urn] = resources_.size();
  resources_.push_back(std::move(r));
}

void Engine::Reset() {
  std::lock_guard lock(mu_);
  resources_.clear();
  by_urn_.clear();
  logs_.clear();
  invocations_.clear();
  stack_reference_reads_.clear();
  resource_hooks_.clear();
  error_hooks_.clear();
  root_urn_.clear();
  shutdown_signalled_ = false;
}

std::vector<Resource> Engine::Resources() const {
  std::lock_guard lock(mu_);
  return resources_;
}

std::vector<mocks::LogEntry> Engine::Logs() const {
  std::lock_guard lock(mu_);
  return logs_;
}

std::vector<Invocation> Engine::Invocations() const {
  std::lock_guard lock(mu_);
  return invocations_;
}

std::map<std::string, std::set<std::string>> Engine::StackReferenceReads() const {
  std::lock_guard lock(mu_);
  return stack_reference_reads_;
}

bool Engine::ShutdownSignalled() const {
  std::lock_guard lock(mu_);
  return shutdown_signalled_;
}

}  // namespace pulumi::test_engine
