#include "provider.h"

#include "check.h"
#include "diff.h"
#include "values.h"

#include <fcntl.h>
#include <unistd.h>

#include <thread>

namespace pulumi::gcpsim {
namespace {

grpc::Status BadRequest(std::string const& what, absl::Status const& s) {
  return {grpc::StatusCode::INVALID_ARGUMENT, what + ": " + std::string(s.message())};
}

grpc::Status BadRequest(absl::Status const& s) {
  return {grpc::StatusCode::INVALID_ARGUMENT, std::string(s.message())};
}

grpc::Status CloudError(absl::Status const& s) {
  auto code = s.code() == absl::StatusCode::kUnavailable || s.code() == absl::StatusCode::kInternal ||
                      s.code() == absl::StatusCode::kDataLoss
                  ? grpc::StatusCode::INTERNAL
                  : grpc::StatusCode::UNKNOWN;
  return {code, std::string(s.message())};
}

/// The inputs of a resource as stored in its old outputs, for states written without old inputs.
PropertyMap InputsFromOutputs(codegen::Resource const* resource, PropertyMap const& outputs) {
  if (!resource) return outputs;
  PropertyMap out;
  for (auto const& p : resource->input_properties) {
    if (auto it = outputs.find(p.name); it != outputs.end()) out[p.name] = it->second;
  }
  return out;
}

void AddFailures(std::vector<Failure> const& failures,
                 google::protobuf::RepeatedPtrField<pulumirpc::CheckFailure>* out) {
  for (auto const& f : failures) {
    auto* cf = out->Add();
    cf->set_property(f.property);
    cf->set_reason(f.reason);
  }
}

}  // namespace

class Provider::CallTimer {
 public:
  CallTimer(std::string const* trace, char const* method, std::string type)
      : trace_(trace), method_(method), type_(std::move(type)), start_(std::chrono::steady_clock::now()) {}
  CallTimer(CallTimer&&) = delete;
  ~CallTimer() {
    if (trace_->empty()) return;
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start_).count();
    auto line = std::string(method_) + "\t" + type_ + "\t" + std::to_string(us) + "\n";
    // One write of a short line with O_APPEND: lines of concurrent calls and processes never interleave.
    int fd = ::open(trace_->c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return;
    (void)!::write(fd, line.data(), line.size());
    ::close(fd);
  }

 private:
  std::string const* trace_;
  char const* method_;
  std::string type_;
  std::chrono::steady_clock::time_point start_;
};

Provider::CallTimer Provider::Time(char const* method, std::string const& type) const {
  return CallTimer(&options_.trace, method, type);
}

Provider::Provider(Catalog const& catalog, ProviderOptions options)
    : catalog_(catalog), options_(std::move(options)), placement_{"gcpsim-project", "us-central1", "us-central1-a"} {}

Provider::~Provider() = default;

absl::StatusOr<Cloud*> Provider::OpenCloud() {
  if (!cloud_) {
    auto path = options_.database.empty() ? DefaultDatabasePath(configured_database_) : options_.database;
    auto store = Store::Open(path);
    if (!store.ok()) return store.status();
    store_ = *std::move(store);
    cloud_ = std::make_unique<Cloud>(*store_, catalog_, placement_);
  }
  cloud_->set_defaults(placement_);
  return cloud_.get();
}

grpc::Status Provider::OnCloud(std::function<grpc::Status(Cloud&)> const& fn) {
  std::lock_guard lock(mu_);
  auto cloud = OpenCloud();
  if (!cloud.ok()) return CloudError(cloud.status());
  return fn(**cloud);
}

void Provider::Pause() const {
  if (options_.latency.count() > 0) std::this_thread::sleep_for(options_.latency);
}

grpc::Status Provider::Handshake(grpc::ServerContext*, pulumirpc::ProviderHandshakeRequest const*,
                                 pulumirpc::ProviderHandshakeResponse* resp) {
  resp->set_accept_secrets(true);
  resp->set_accept_resources(true);
  resp->set_supports_autonaming_configuration(true);
  return grpc::Status::OK;
}

grpc::Status Provider::GetPluginInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                                     pulumirpc::PluginInfo* info) {
  info->set_version(kProviderVersion);
  return grpc::Status::OK;
}

grpc::Status Provider::GetSchema(grpc::ServerContext*, pulumirpc::GetSchemaRequest const*,
                                 pulumirpc::GetSchemaResponse* resp) {
  resp->set_schema(catalog_.text());
  return grpc::Status::OK;
}

grpc::Status Provider::CheckConfig(grpc::ServerContext*, pulumirpc::CheckRequest const* req,
                                   pulumirpc::CheckResponse* resp) {
  auto news = FromWire(req->news());
  if (!news.ok()) return BadRequest("the provider configuration", news.status());
  for (auto const* key : {"project", "region", "zone"}) {
    auto it = news->find(key);
    if (it != news->end() && !it->second.is_string() && !it->second.is_computed() && !it->second.is_null()) {
      auto* f = resp->add_failures();
      f->set_property(key);
      f->set_reason(std::string("gcp:") + key + " must be a string");
    }
  }
  *resp->mutable_inputs() = req->news();
  return grpc::Status::OK;
}

grpc::Status Provider::DiffConfig(grpc::ServerContext*, pulumirpc::DiffRequest const* req,
                                  pulumirpc::DiffResponse* resp) {
  auto olds = FromWire(req->old_inputs().fields().empty() ? req->olds() : req->old_inputs());
  auto news = FromWire(req->news());
  if (!olds.ok()) return BadRequest("the old provider configuration", olds.status());
  if (!news.ok()) return BadRequest("the provider configuration", news.status());
  for (auto const* key : {"project", "region", "zone", "simulatorDatabase"}) {
    if (StringAt(*olds, key) != StringAt(*news, key)) {
      resp->add_diffs(key);
      (*resp->mutable_detaileddiff())[key].set_kind(pulumirpc::PropertyDiff::UPDATE);
    }
  }
  resp->set_hasdetaileddiff(true);
  resp->set_changes(resp->diffs().empty() ? pulumirpc::DiffResponse::DIFF_NONE : pulumirpc::DiffResponse::DIFF_SOME);
  return grpc::Status::OK;
}

grpc::Status Provider::Configure(grpc::ServerContext*, pulumirpc::ConfigureRequest const* req,
                                 pulumirpc::ConfigureResponse* resp) {
  auto args = FromWire(req->args());
  if (!args.ok()) return BadRequest("the provider configuration", args.status());
  PropertyMap config = *args;
  // Older engines send only `variables` ("gcp:config:project" -> value).
  for (auto const& [k, v] : req->variables()) {
    auto key = k.substr(k.rfind(':') + 1);
    if (!config.contains(key)) config[key] = v;
  }
  {
    std::lock_guard lock(mu_);
    if (auto p = StringAt(config, "project"); !p.empty()) placement_.project = p;
    if (auto r = StringAt(config, "region"); !r.empty()) placement_.region = r;
    placement_.zone = StringAt(config, "zone").empty() ? placement_.region + "-a" : StringAt(config, "zone");
    configured_database_ = StringAt(config, "simulatorDatabase");
  }
  resp->set_acceptsecrets(true);
  resp->set_acceptresources(true);
  resp->set_supportspreview(true);
  return grpc::Status::OK;
}

grpc::Status Provider::Check(grpc::ServerContext*, pulumirpc::CheckRequest const* req, pulumirpc::CheckResponse* resp) {
  auto r = Decode(*req);
  if (!r.ok()) return BadRequest(r.status());
  auto timer = Time("Check", r->type);
  auto const* resource = catalog_.FindResource(r->type);
  if (!resource) {
    *resp->mutable_inputs() = req->news();
    auto* f = resp->add_failures();
    f->set_reason("gcp " PULUMI_CPP_GCP_VERSION " has no resource type " + r->type);
    return grpc::Status::OK;
  }
  CheckOptions options{
      .urn_name = r->name, .random_seed = r->random_seed, .olds = r->olds.empty() ? nullptr : &r->olds};
  if (req->has_autonaming()) {
    options.proposed_name = req->autonaming().proposed_name();
    switch (req->autonaming().mode()) {
      case pulumirpc::CheckRequest::AutonamingOptions::ENFORCE: options.autonaming = Autonaming::kEnforce; break;
      case pulumirpc::CheckRequest::AutonamingOptions::DISABLE: options.autonaming = Autonaming::kDisable; break;
      default: options.autonaming = Autonaming::kPropose; break;
    }
  }
  auto result = CheckResource(catalog_, *resource, r->news, options);
  *resp->mutable_inputs() = ToWire(result.inputs);
  AddFailures(result.failures, resp->mutable_failures());
  return grpc::Status::OK;
}

grpc::Status Provider::Diff(grpc::ServerContext*, pulumirpc::DiffRequest const* req, pulumirpc::DiffResponse* resp) {
  auto r = Decode(*req);
  if (!r.ok()) return BadRequest(r.status());
  auto timer = Time("Diff", r->type);
  PropertyMap olds = r->has_old_inputs ? r->old_inputs : InputsFromOutputs(catalog_.FindResource(r->type), r->olds);
  auto diff = DiffInputs(ForceNewTable::Builtin(), r->type, olds, r->news, r->ignore_changes);
  using K = pulumirpc::PropertyDiff;
  for (auto const& c : diff.changes) {
    K::Kind kind = c.kind == PropertyChange::Kind::kAdd      ? (c.replace ? K::ADD_REPLACE : K::ADD)
                   : c.kind == PropertyChange::Kind::kDelete ? (c.replace ? K::DELETE_REPLACE : K::DELETE)
                                                             : (c.replace ? K::UPDATE_REPLACE : K::UPDATE);
    auto& d = (*resp->mutable_detaileddiff())[c.path];
    d.set_kind(kind);
    d.set_inputdiff(true);
  }
  for (auto const& k : diff.changed_keys()) resp->add_diffs(k);
  for (auto const& k : diff.replace_keys()) resp->add_replaces(k);
  resp->set_deletebeforereplace(diff.delete_before_replace);
  resp->set_hasdetaileddiff(true);
  resp->set_changes(diff.changes.empty() ? pulumirpc::DiffResponse::DIFF_NONE : pulumirpc::DiffResponse::DIFF_SOME);
  return grpc::Status::OK;
}

grpc::Status Provider::Create(grpc::ServerContext*, pulumirpc::CreateRequest const* req,
                              pulumirpc::CreateResponse* resp) {
  auto r = Decode(*req);
  if (!r.ok()) return BadRequest(r.status());
  if (r->preview) {
    auto timer = Time("Create(preview)", r->type);
    return OnCloud([&](Cloud& cloud) {
      auto out = cloud.PreviewCreate(r->type, r->name, r->news);
      resp->set_id(out.id);
      *resp->mutable_properties() = ToWire(out.outputs);
      return grpc::Status::OK;
    });
  }
  Pause();
  auto timer = Time("Create", r->type);
  return OnCloud([&](Cloud& cloud) {
    auto out = cloud.Create(r->type, r->urn, r->name, r->news);
    if (!out.ok()) return CloudError(out.status());
    resp->set_id(out->id);
    *resp->mutable_properties() = ToWire(out->outputs);
    return grpc::Status::OK;
  });
}

grpc::Status Provider::Read(grpc::ServerContext*, pulumirpc::ReadRequest const* req, pulumirpc::ReadResponse* resp) {
  auto r = Decode(*req);
  if (!r.ok()) return BadRequest(r.status());
  auto timer = Time("Read", r->type);
  return OnCloud([&](Cloud& cloud) {
    auto found = cloud.Read(r->type, r->id);
    if (!found.ok()) return CloudError(found.status());
    if (!*found) return grpc::Status::OK;  // gone: an empty id tells the engine
    resp->set_id((*found)->id);
    *resp->mutable_properties() = ToWire((*found)->outputs);
    *resp->mutable_inputs() = ToWire((*found)->inputs);
    return grpc::Status::OK;
  });
}

grpc::Status Provider::Update(grpc::ServerContext*, pulumirpc::UpdateRequest const* req,
                              pulumirpc::UpdateResponse* resp) {
  auto r = Decode(*req);
  if (!r.ok()) return BadRequest(r.status());
  if (!r->preview) Pause();
  auto timer = Time(r->preview ? "Update(preview)" : "Update", r->type);
  return OnCloud([&](Cloud& cloud) {
    auto out = cloud.Update(r->type, r->id, r->urn, r->name, r->news, r->preview);
    if (!out.ok()) return CloudError(out.status());
    *resp->mutable_properties() = ToWire(out->outputs);
    return grpc::Status::OK;
  });
}

grpc::Status Provider::Delete(grpc::ServerContext*, pulumirpc::DeleteRequest const* req, google::protobuf::Empty*) {
  auto r = Decode(*req);
  if (!r.ok()) return BadRequest(r.status());
  Pause();
  auto timer = Time("Delete", r->type);
  return OnCloud([&](Cloud& cloud) {
    auto s = cloud.Delete(r->type, r->id, r->olds);
    return s.ok() ? grpc::Status::OK : CloudError(s);
  });
}

grpc::Status Provider::Invoke(grpc::ServerContext*, pulumirpc::InvokeRequest const* req,
                              pulumirpc::InvokeResponse* resp) {
  auto args = FromWire(req->args());
  if (!args.ok()) return BadRequest("the arguments of " + req->tok(), args.status());
  auto timer = Time("Invoke", req->tok());
  auto const* function = catalog_.FindFunction(req->tok());
  if (!function) {
    resp->add_failures()->set_reason("gcp " PULUMI_CPP_GCP_VERSION " has no function " + req->tok());
    return grpc::Status::OK;
  }
  auto failures = CheckFunctionArgs(catalog_, *function, *args);
  if (!failures.empty()) {
    AddFailures(failures, resp->mutable_failures());
    return grpc::Status::OK;
  }
  return OnCloud([&](Cloud& cloud) {
    auto result = cloud.Invoke(req->tok(), *args);
    if (!result.ok()) {
      resp->add_failures()->set_reason(std::string(result.status().message()));
    } else {
      *resp->mutable_return_() = ToWire(*result);
    }
    return grpc::Status::OK;
  });
}

grpc::Status Provider::Cancel(grpc::ServerContext*, google::protobuf::Empty const*, google::protobuf::Empty*) {
  return grpc::Status::OK;
}

}  // namespace pulumi::gcpsim
