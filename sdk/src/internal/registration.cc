#include "internal/registration.h"

#include "internal/property_codec.h"
#include "internal/property_walk.h"
#include "internal/registration_steps.h"
#include "internal/urn.h"

#include <utility>

namespace pulumi::internal {
namespace {

using State = OutputStateBase::State;

std::string Describe(ResourceState const& r) { return "resource '" + r.name + "' of type " + r.type; }

/// What one registration carries from step to step (registration_steps.h).
struct Registration {
  std::shared_ptr<Runtime> rt;
  ResourceStatePtr res;
  ResourceOptions opts;
  PropertyInputs inputs;
  Placement placement;
  Prerequisites pre;
  ResolvedInputs in;
  Dependencies dependencies;
};
using RegistrationPtr = std::shared_ptr<Registration>;

/// A registration or read the engine reports as failed (it has shown the provider's error; with
/// --continue-on-error the deployment goes on): the outputs are unknown, so the rest of the program still
/// runs and what depends on them is skipped or stays unknown, as in Pulumi's other SDKs.
void SettleFailed(ResourceStatePtr const& res, std::string const& urn) {
  res->urn->Resolve(urn, false, {});
  res->id->SettleUnknown(false, {});
  res->outputs->SettleUnknown(false, {});
}

/// Settles the resource from a successful response.
void Settle(Registration const& r, std::string const& urn, std::string const& id,
            google::protobuf::Struct const& returned, bool unknown,
            google::protobuf::RepeatedPtrField<std::string> const& secret_outputs) {
  bool preview = r.rt->info().dry_run || unknown;
  auto outputs = OutputsFrom(returned, r.in.values, preview, secret_outputs);
  if (!outputs.ok()) {
    auto message = "the engine returned malformed outputs for " + Describe(*r.res) + ": " +
                   std::string(outputs.status().message());
    r.rt->ReportError(message, urn);
    r.res->RejectPending(message);
    return;
  }
  SettleResource(*r.res, urn, id, *std::move(outputs), preview, unknown);
}

/// Sends `req` with `call` from the pool, then on the executor: a failed call rejects the resource, a
/// registration the engine reports as failed leaves it unknown, and a response that succeeded goes to `settle`.
template <typename Request, typename Response, typename OnSuccess>
void Send(RegistrationPtr const& r, char const* doing, Request req,
          grpc::Status (MonitorStub::*call)(Request const&, Response*), OnSuccess settle) {
  r->rt->CallAsync([r, doing, req = std::move(req), call, settle = std::move(settle)] {
    Response resp;
    auto status = (r->rt->monitor().*call)(req, &resp);
    r->rt->Post([r, doing, status, resp = std::move(resp), secret_outputs = req.additionalsecretoutputs(), settle] {
      if (!status.ok()) {
        r->rt->ReportRpcFailure(doing + Describe(*r->res), status);
        r->res->RejectPending(doing + Describe(*r->res) + " failed: " + status.error_message());
        return;
      }
      if (resp.result() != pulumirpc::SUCCESS) {
        SettleFailed(r->res, resp.urn());
        return;
      }
      settle(resp, secret_outputs);
    });
  });
}

void SendRead(RegistrationPtr const& r) {
  auto req = ReadRequest(*r->res, r->placement, r->opts, r->in, *r->pre.id_to_read, r->dependencies, r->rt->features());
  Send(r, "reading ", std::move(req), &MonitorStub::ReadResource,
       [r](pulumirpc::ReadResourceResponse const& resp, auto const& secret_outputs) {
         // The id is the provider's (which may differ from the one asked for); none means unknown.
         Settle(*r, resp.urn(), resp.id(), resp.properties(), resp.unknown(), secret_outputs);
       });
}

void SendRegister(RegistrationPtr const& r) {
  auto req = RegisterRequest(*r->res, r->placement, r->opts, r->in, r->pre, r->dependencies, r->rt->features());
  Send(r, "registering ", std::move(req), &MonitorStub::RegisterResource,
       [r](pulumirpc::RegisterResourceResponse const& resp, auto const& secret_outputs) {
         // A remote component's outputs depend on the resources its provider made them from (a child that
         // failed under --continue-on-error makes what uses them skipped).
         r->res->output_deps = OutputDependencies(r->rt, resp);
         Settle(*r, resp.urn(), resp.id(), resp.object(), resp.unknown(), secret_outputs);
       });
}

/// Steps 3 to 5: the inputs, then the resources they and the options name, then the request.
void AwaitInputsAndSend(RegistrationPtr const& r) {
  AwaitInputs(r->inputs, [r](std::optional<std::string> error, ResolvedInputs in) {
    if (error) {
      r->res->RejectPending(*error);
      return;
    }
    r->in = std::move(in);
    auto deps = DependenciesOf(*r->res, r->in, r->pre, r->opts, r->placement, r->rt->features());
    r->dependencies = std::move(deps.dependencies);
    AwaitResources(deps.urns, deps.ids, [r](std::optional<std::string> dep_error) {
      if (dep_error) {
        r->res->RejectPending(*dep_error);
        return;
      }
      if (r->pre.id_to_read) {
        SendRead(r);
      } else {
        SendRegister(r);
      }
    });
  });
}

}  // namespace

ResourceStatePtr DependencyOn(std::shared_ptr<Runtime> const& rt, std::string const& urn) {
  auto parts = ParseUrn(urn).value_or(UrnParts{});
  auto state = std::make_shared<ResourceState>(rt, parts.type(), parts.name, false);
  state->urn->Resolve(urn, false, {});
  state->id->Resolve("", false, {});
  state->outputs->Resolve({}, false, {});
  return state;
}

Dependencies DependenciesOn(std::shared_ptr<Runtime> const& rt,
                            google::protobuf::RepeatedPtrField<std::string> const& urns, std::string_view except) {
  Dependencies out;
  for (auto const& u : urns) {
    if (except.empty() || u != except) out.push_back(DependencyOn(rt, u));
  }
  return out;
}

PropertyValue NormalizeOutputValues(PropertyValue const& v) {
  return Transform(v, [](PropertyValue x) {
    if (!x.is_output()) return x;
    auto const& o = x.AsOutput();
    PropertyValue inner = o.value ? *o.value : PropertyValue::MakeComputed();
    return o.secret ? PropertyValue::MakeSecret(std::move(inner)) : inner;
  });
}

void AwaitInputs(PropertyInputs const& inputs, std::function<void(std::optional<std::string>, ResolvedInputs)> done) {
  std::vector<std::pair<std::string, std::shared_ptr<OutputState<PropertyValue>>>> states;
  std::vector<std::shared_ptr<OutputStateBase>> bases;
  for (auto const& [k, v] : inputs) {
    states.emplace_back(k, StateOf(v.ToOutput()));
    bases.push_back(states.back().second);
  }
  WhenAllSettled(bases, [states = std::move(states), done = std::move(done)] {
    ResolvedInputs r;
    for (auto const& [k, s] : states) {
      PropertyValue v;
      switch (s->state()) {
        case State::kRejected: done(s->error(), {}); return;
        case State::kUnknown:
          v = PropertyValue::MakeComputed();
          r.any_unknown = true;
          break;
        case State::kKnown:
          v = s->value();
          r.any_unknown = r.any_unknown || v.ContainsUnknowns();
          break;
        case State::kPending: break;
      }
      if (s->secret()) {
        v = PropertyValue::MakeSecret(std::move(v));
        r.any_secret = true;
      }
      r.any_secret = r.any_secret || v.ContainsSecrets();
      r.values.emplace(k, std::move(v));
      r.property_deps[k] = s->deps();
      MergeDependencies(r.all_deps, s->deps());
    }
    done(std::nullopt, std::move(r));
  });
}

void AwaitResources(Dependencies const& urns, Dependencies const& ids,
                    std::function<void(std::optional<std::string>)> done) {
  std::vector<std::shared_ptr<OutputStateBase>> bases;
  for (auto const& r : urns) bases.push_back(r->urn);
  for (auto const& r : ids) bases.push_back(r->id);
  WhenAllSettled(bases, [bases, done = std::move(done)] {
    for (auto const& b : bases) {
      if (b->state() == State::kRejected) {
        done(b->error());
        return;
      }
    }
    done(std::nullopt);
  });
}

std::string KnownUrn(ResourceStatePtr const& r) {
  return r->urn->state() == State::kKnown ? r->urn->value() : std::string();
}

std::vector<std::string> KnownUrns(Dependencies const& deps) {
  std::vector<std::string> out;
  for (auto const& d : deps) {
    auto urn = KnownUrn(d);
    if (!urn.empty() && std::find(out.begin(), out.end(), urn) == out.end()) out.push_back(urn);
  }
  return out;
}

std::string ProviderReference(ResourceStatePtr const& provider) {
  std::string id = provider->id->state() == State::kKnown ? provider->id->value() : std::string();
  return KnownUrn(provider) + "::" + (id.empty() ? std::string(kUnknownStringValue) : id);
}

ResourceStatePtr RegisterResource(std::shared_ptr<Runtime> const& rt, std::string type, std::string name, bool custom,
                                  PropertyInputs inputs, ResourceOptions const& opts,
                                  std::optional<Input<std::string>> read_id, std::string provider_package, bool remote,
                                  std::string package_ref) {
  auto res = std::make_shared<ResourceState>(rt, std::move(type), std::move(name), custom);
  res->is_provider = !provider_package.empty();
  res->package = std::move(provider_package);
  res->remote = remote;
  res->package_ref = std::move(package_ref);
  rt->Track(res);

  auto r = std::make_shared<Registration>();
  r->rt = rt;
  r->res = res;
  r->opts = opts;
  r->inputs = std::move(inputs);
  r->placement = PlaceResource(*res, rt->stack, opts);
  AwaitPrerequisites(opts, std::move(read_id), [r](std::optional<std::string> error, Prerequisites pre) {
    if (error) {
      r->res->RejectPending(*error);
      return;
    }
    r->pre = std::move(pre);
    AwaitInputsAndSend(r);
  });
  return res;
}

void RegisterOutputs(std::shared_ptr<Runtime> const& rt, ResourceStatePtr const& resource,
                     PropertyInputs const& outputs) {
  AwaitInputs(outputs, [rt, resource](std::optional<std::string> const& error, ResolvedInputs in) {
    if (error) return;  // reported where it happened
    AwaitResources({resource}, {}, [rt, resource, values = std::move(in.values)](std::optional<std::string> const& e) {
      if (e) return;
      pulumirpc::RegisterResourceOutputsRequest req;
      req.set_urn(KnownUrn(resource));
      *req.mutable_outputs() = EncodeMap(values, RequestEncoding(rt->features()));
      rt->CallAsync([rt, req = std::move(req), name = resource->name] {
        auto status = rt->monitor().RegisterResourceOutputs(req);
        if (!status.ok()) rt->ReportRpcFailure("registering the outputs of '" + name + "'", status);
      });
    });
  });
}

}  // namespace pulumi::internal
