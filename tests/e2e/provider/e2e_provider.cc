// pulumi-resource-e2e: a small resource provider for the end-to-end tests, so that programs there own custom
// resources with ids, diffs and replacements, as a cloud provider's would. The provider keeps no state of its
// own (the stack's state is the "cloud").
//
//   e2e:index:Item      inputs: value (string), key (string, changing it replaces the item), failCreate (bool)
//                       Check fails when value is "invalid"; Create (not its preview) fails when failCreate is
//                       true.
//   e2e:index:lookup    invoke: returns {value}; fails when `fail` is true.
#include "pulumi/provider.grpc.pb.h"
#include "pulumi/provider/serve.h"

#include <google/protobuf/util/message_differencer.h>

#include <set>
#include <string>

namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

constexpr char kItem[] = "e2e:index:Item";
constexpr char kLookup[] = "e2e:index:lookup";

std::string NameOfUrn(std::string const& urn) { return urn.substr(urn.rfind("::") + 2); }

bool BoolField(Struct const& s, std::string const& key) {
  auto it = s.fields().find(key);
  return it != s.fields().end() && it->second.kind_case() == Value::kBoolValue && it->second.bool_value();
}

std::string StringField(Struct const& s, std::string const& key) {
  auto it = s.fields().find(key);
  return it != s.fields().end() && it->second.kind_case() == Value::kStringValue ? it->second.string_value() : "";
}

class E2eProvider final : public pulumirpc::ResourceProvider::Service {
 public:
  grpc::Status GetPluginInfo(grpc::ServerContext*, google::protobuf::Empty const*,
                             pulumirpc::PluginInfo* info) override {
    info->set_version("1.0.0");
    return grpc::Status::OK;
  }

  grpc::Status Handshake(grpc::ServerContext*, pulumirpc::ProviderHandshakeRequest const*,
                         pulumirpc::ProviderHandshakeResponse* resp) override {
    resp->set_accept_secrets(true);
    resp->set_accept_resources(true);
    return grpc::Status::OK;
  }

  grpc::Status Configure(grpc::ServerContext*, pulumirpc::ConfigureRequest const*,
                         pulumirpc::ConfigureResponse* resp) override {
    resp->set_acceptsecrets(true);
    resp->set_acceptresources(true);
    resp->set_supportspreview(true);
    return grpc::Status::OK;
  }

  grpc::Status CheckConfig(grpc::ServerContext*, pulumirpc::CheckRequest const* req,
                           pulumirpc::CheckResponse* resp) override {
    *resp->mutable_inputs() = req->news();
    return grpc::Status::OK;
  }

  grpc::Status DiffConfig(grpc::ServerContext*, pulumirpc::DiffRequest const*, pulumirpc::DiffResponse* resp) override {
    resp->set_changes(pulumirpc::DiffResponse::DIFF_NONE);
    return grpc::Status::OK;
  }

  grpc::Status Check(grpc::ServerContext*, pulumirpc::CheckRequest const* req,
                     pulumirpc::CheckResponse* resp) override {
    if (req->type() != kItem) return {grpc::StatusCode::INVALID_ARGUMENT, "unknown resource type " + req->type()};
    *resp->mutable_inputs() = req->news();
    if (StringField(req->news(), "value") == "invalid") {
      auto* f = resp->add_failures();
      f->set_property("value");
      f->set_reason("e2e: 'invalid' is not a valid value (the provider rejected it on purpose)");
    }
    return grpc::Status::OK;
  }

  grpc::Status Diff(grpc::ServerContext*, pulumirpc::DiffRequest const* req, pulumirpc::DiffResponse* resp) override {
    Struct const& olds = req->old_inputs().fields().empty() ? req->olds() : req->old_inputs();
    auto const& news = req->news();
    std::set<std::string> keys;
    for (auto const& [k, _] : olds.fields()) keys.insert(k);
    for (auto const& [k, _] : news.fields()) keys.insert(k);
    for (auto const& k : keys) {
      auto o = olds.fields().find(k);
      auto n = news.fields().find(k);
      bool const had = o != olds.fields().end();
      bool const has = n != news.fields().end();
      if (had && has && google::protobuf::util::MessageDifferencer::Equals(o->second, n->second)) continue;
      bool const replace = k == "key";
      using K = pulumirpc::PropertyDiff;
      auto kind = !had   ? (replace ? K::ADD_REPLACE : K::ADD)
                  : !has ? (replace ? K::DELETE_REPLACE : K::DELETE)
                         : (replace ? K::UPDATE_REPLACE : K::UPDATE);
      resp->add_diffs(k);
      if (replace) resp->add_replaces(k);
      auto& d = (*resp->mutable_detaileddiff())[k];
      d.set_kind(kind);
      d.set_inputdiff(true);
    }
    resp->set_hasdetaileddiff(true);
    resp->set_changes(resp->diffs().empty() ? pulumirpc::DiffResponse::DIFF_NONE : pulumirpc::DiffResponse::DIFF_SOME);
    return grpc::Status::OK;
  }

  grpc::Status Create(grpc::ServerContext*, pulumirpc::CreateRequest const* req,
                      pulumirpc::CreateResponse* resp) override {
    // Like a cloud API that refuses the request: previews pass, the deployment fails.
    if (!req->preview() && BoolField(req->properties(), "failCreate")) {
      return {grpc::StatusCode::UNKNOWN, "e2e: creating " + NameOfUrn(req->urn()) + " failed on purpose"};
    }
    // The id follows `key`, the one input whose change replaces the item, so a replacement gets a new id.
    auto key = StringField(req->properties(), "key");
    if (!req->preview()) resp->set_id(NameOfUrn(req->urn()) + (key.empty() ? "" : "-" + key));
    *resp->mutable_properties() = req->properties();
    return grpc::Status::OK;
  }

  grpc::Status Read(grpc::ServerContext*, pulumirpc::ReadRequest const* req, pulumirpc::ReadResponse* resp) override {
    resp->set_id(req->id());
    *resp->mutable_properties() = req->properties();
    *resp->mutable_inputs() = req->inputs();
    return grpc::Status::OK;
  }

  grpc::Status Update(grpc::ServerContext*, pulumirpc::UpdateRequest const* req,
                      pulumirpc::UpdateResponse* resp) override {
    *resp->mutable_properties() = req->news();
    return grpc::Status::OK;
  }

  grpc::Status Delete(grpc::ServerContext*, pulumirpc::DeleteRequest const*, google::protobuf::Empty*) override {
    return grpc::Status::OK;
  }

  grpc::Status Invoke(grpc::ServerContext*, pulumirpc::InvokeRequest const* req,
                      pulumirpc::InvokeResponse* resp) override {
    if (req->tok() != kLookup) return {grpc::StatusCode::INVALID_ARGUMENT, "unknown function " + req->tok()};
    if (BoolField(req->args(), "fail")) {
      resp->add_failures()->set_reason("e2e: the lookup failed on purpose");
      return grpc::Status::OK;
    }
    (*resp->mutable_return_()->mutable_fields())["value"].set_string_value(StringField(req->args(), "value"));
    return grpc::Status::OK;
  }

  grpc::Status Cancel(grpc::ServerContext*, google::protobuf::Empty const*, google::protobuf::Empty*) override {
    return grpc::Status::OK;
  }
};

}  // namespace

int main(int argc, char** argv) {
  E2eProvider provider;
  return pulumi::provider::Serve(provider, argc, argv);
}
