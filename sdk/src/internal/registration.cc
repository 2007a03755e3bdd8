#include "internal/registration.h"

#include "internal/hook_state.h"
#include "internal/property_codec.h"
#include "internal/urn.h"

#include <utility>

namespace pulumi::internal {
namespace {

using State = OutputStateBase::State;

EncodeOptions RequestEncoding(Runtime const& rt) {
  return EncodeOptions{.keep_secrets = rt.features().secrets,
                       .keep_resources = rt.features().resource_references,
                       .keep_output_values = false,
                       .keep_byte_strings = rt.features().byte_strings};
}

std::string Describe(ResourceState const& r) { return "resource '" + r.name + "' of type " + r.type; }

template <typename Hook>
void AddHookNames(google::protobuf::RepeatedPtrField<std::string>* names, std::vector<Hook> const& hooks) {
  for (auto const& h : hooks) *names->Add() = h.name();
}

void FillHooks(pulumirpc::RegisterResourceRequest& req, ResourceHookBinding const& hooks) {
  if (hooks.empty()) return;
  auto* b = req.mutable_hooks();
  AddHookNames(b->mutable_before_create(), hooks.before_create);
  AddHookNames(b->mutable_after_create(), hooks.after_create);
  AddHookNames(b->mutable_before_update(), hooks.before_update);
  AddHookNames(b->mutable_after_update(), hooks.after_update);
  AddHookNames(b->mutable_before_delete(), hooks.before_delete);
  AddHookNames(b->mutable_after_delete(), hooks.after_delete);
  AddHookNames(b->mutable_on_error(), hooks.on_error);
}

/// The registrations of the hooks bound to a resource, which its registration waits for.
std::vector<std::shared_ptr<OutputStateBase>> HookRegistrations(ResourceHookBinding const& hooks) {
  std::vector<std::shared_ptr<OutputStateBase>> out;
  for (auto const* list : {&hooks.before_create, &hooks.after_create, &hooks.before_update, &hooks.after_update,
                           &hooks.before_delete, &hooks.after_delete}) {
    for (auto const& h : *list) out.push_back(StateOf(h)->registered);
  }
  for (auto const& h : hooks.on_error) out.push_back(StateOf(h)->registered);
  return out;
}

void FillAliases(pulumirpc::RegisterResourceRequest& req, std::vector<Alias> const& aliases, bool specs) {
  for (auto const& a : aliases) {
    if (a.urn) {
      req.add_aliasurns(*a.urn);
      if (specs) req.add_aliases()->set_urn(*a.urn);
      continue;
    }
    if (!specs) continue;  // an engine without alias specs only takes full URNs
    auto* spec = req.add_aliases()->mutable_spec();
    if (a.name) spec->set_name(*a.name);
    if (a.type) spec->set_type(*a.type);
    if (a.stack) spec->set_stack(*a.stack);
    if (a.project) spec->set_project(*a.project);
    if (a.no_parent) {
      spec->set_noparent(true);
    } else if (a.parent) {
      spec->set_parenturn(KnownUrn(StateOf(*a.parent)));
    } else if (a.parent_urn) {
      spec->set_parenturn(*a.parent_urn);
    }
  }
}

/// Resolves the resource's outputs from what the engine returned.
void ResolveOutputs(std::shared_ptr<Runtime> const& rt, ResourceStatePtr const& res, std::string const& urn,
                    std::string const& id, google::protobuf::Struct const& object, bool unknown,
                    PropertyMap const& inputs, google::protobuf::RepeatedPtrField<std::string> const& secret_outputs) {
  auto decoded = DecodeMap(object);
  if (!decoded.ok()) {
    auto message = "the engine returned malformed outputs for " + Describe(*res) + ": " +
                   std::string(decoded.status().message());
    rt->ReportError(message, urn);
    res->RejectPending(message);
    return;
  }
  bool preview = rt->info().dry_run || unknown;
  res->missing_outputs_unknown = unknown;
  PropertyMap outputs;
  for (auto const& [k, v] : *decoded) outputs.emplace(k, NormalizeOutputValues(v));
  for (auto const& [k, v] : inputs) {
    if (outputs.contains(k)) continue;
    outputs.emplace(k, preview ? PropertyValue::MakeComputed() : v);
  }
  // The engine marks the additional secret outputs it has; one the provider left out of a preview is
  // still unknown, and secret.
  if (preview) {
    for (auto const& k : secret_outputs) outputs.try_emplace(k, PropertyValue::MakeSecret(PropertyValue::MakeComputed()));
  }
  res->urn->Resolve(urn, false, {});
  if (res->custom && id.empty() && preview) {
    res->id->SettleUnknown(false, {});
  } else {
    res->id->Resolve(id, false, {});
  }
  res->outputs->Resolve(std::move(outputs), false, {});
}

/// A registration or read the engine reports as failed (it has shown the provider's error; with
/// --continue-on-error the deployment goes on): the outputs are unknown, so the rest of the program still
/// runs and what depends on them is skipped or stays unknown, as in Pulumi's other SDKs.
void SettleFailed(ResourceStatePtr const& res, std::string const& urn) {
  res->urn->Resolve(urn, false, {});
  res->id->SettleUnknown(false, {});
  res->outputs->SettleUnknown(false, {});
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

PropertyValue NormalizeOutputValues(PropertyValue const& v) {
  switch (v.kind()) {
    case PropertyValue::Kind::kOutput: {
      auto const& o = v.AsOutput();
      PropertyValue inner = o.value ? NormalizeOutputValues(*o.value) : PropertyValue::MakeComputed();
      return o.secret ? PropertyValue::MakeSecret(inner) : inner;
    }
    case PropertyValue::Kind::kSecret: return PropertyValue::MakeSecret(NormalizeOutputValues(v.SecretElement()));
    case PropertyValue::Kind::kArray: {
      PropertyArray out;
      for (auto const& e : v.AsArray()) out.push_back(NormalizeOutputValues(e));
      return out;
    }
    case PropertyValue::Kind::kObject: {
      PropertyMap out;
      for (auto const& [k, e] : v.AsObject()) out.emplace(k, NormalizeOutputValues(e));
      return out;
    }
    default: return v;
  }
}

void AwaitInputs(PropertyInputs const& inputs,
                 std::function<void(std::optional<std::string>, ResolvedInputs)> done) {
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

ResourceStatePtr RegisterResource(std::shared_ptr<Runtime> const& rt, std::string type, std::string name,
                                  bool custom, PropertyInputs inputs, ResourceOptions const& opts,
                                  std::optional<Input<std::string>> read_id, std::string provider_package,
                                  bool remote, std::string package_ref) {
  auto res = std::make_shared<ResourceState>(rt, std::move(type), std::move(name), custom);
  res->is_provider = !provider_package.empty();
  res->package = std::move(provider_package);
  res->remote = remote;
  res->package_ref = std::move(package_ref);
  rt->Track(res);

  ResourceStatePtr parent;
  if (opts.parent) {
    parent = StateOf(*opts.parent);
  } else if (res->type != kStackType) {
    parent = rt->stack;
  }
  if (parent) res->providers = parent->providers;
  std::map<std::string, ResourceStatePtr> explicit_providers;
  for (auto const& p : opts.providers) explicit_providers[p.package()] = StateOf(p);
  ResourceStatePtr provider;
  if (custom && opts.provider) {
    provider = StateOf(*opts.provider);
  } else if (opts.provider) {
    explicit_providers[opts.provider->package()] = StateOf(*opts.provider);
  }
  for (auto const& [pkg, p] : explicit_providers) res->providers[pkg] = p;
  // A custom resource's own explicit provider is inherited by its children too (as in Go's mergeProviders).
  if (custom && opts.provider) res->providers[opts.provider->package()] = provider;
  if ((custom || remote) && !provider && !res->is_provider) {
    if (auto it = res->providers.find(PackageOfType(res->type)); it != res->providers.end()) provider = it->second;
  }
  res->provider = provider;
  res->version = opts.version;
  res->plugin_download_url = opts.plugin_download_url;

  // Registration proper, once the id to read (if any) is known: await the inputs, then the resources they
  // and the options name, then call the engine.
  // The replacement trigger (an input of its own), settled before registration starts.
  auto trigger = std::make_shared<ResolvedInputs>();
  auto register_with = [rt, res, parent, provider, explicit_providers, opts, trigger,
                        inputs = std::move(inputs)](std::optional<std::string> id_to_read_opt,
                                                    Dependencies id_deps) mutable {
    AwaitInputs(inputs, [rt, res, parent, provider, explicit_providers, opts, trigger,
                         reading = id_to_read_opt.has_value(),
                         id_to_read = id_to_read_opt.value_or(""), id_deps = std::move(id_deps)](
                            std::optional<std::string> error, ResolvedInputs in) mutable {
      if (error) {
        res->RejectPending(*error);
        return;
      }
      MergeDependencies(in.all_deps, id_deps);
      MergeDependencies(in.all_deps, trigger->all_deps);
      Dependencies explicit_deps;
      for (auto const& d : opts.depends_on) MergeDependencies(explicit_deps, {StateOf(d)});
      Dependencies urns = in.all_deps;
      MergeDependencies(urns, explicit_deps);
      Dependencies ids;
      if (parent) MergeDependencies(urns, {parent});
      if (provider) {
        MergeDependencies(urns, {provider});
        ids.push_back(provider);
      }
      for (auto const& [pkg, p] : explicit_providers) {
        MergeDependencies(urns, {p});
        MergeDependencies(ids, {p});
      }
      if (opts.deleted_with) MergeDependencies(urns, {StateOf(*opts.deleted_with)});
      for (auto const& r : opts.replace_with) MergeDependencies(urns, {StateOf(r)});
      for (auto const& a : opts.aliases) {
        if (a.parent) MergeDependencies(urns, {StateOf(*a.parent)});
      }

      AwaitResources(urns, ids, [rt, res, parent, provider, explicit_providers, opts, trigger, in = std::move(in),
                                 explicit_deps, reading, id_to_read](std::optional<std::string> dep_error) {
        if (dep_error) {
          res->RejectPending(*dep_error);
          return;
        }
        auto enc = RequestEncoding(*rt);
        // A remote component's property that only refers to resources has no dependencies (when the engine
        // takes references), as in Pulumi's other SDKs: its provider then does not make an output of it.
        bool drop_refs = res->remote && rt->features().resource_references;
        auto property_deps = [drop_refs](Dependencies const& deps) {
          return drop_refs ? WithoutReferences(deps) : deps;
        };
        Dependencies all = property_deps(in.all_deps);
        MergeDependencies(all, explicit_deps);

        if (reading) {
          pulumirpc::ReadResourceRequest req;
          req.set_id(id_to_read);
          req.set_type(res->type);
          req.set_name(res->name);
          if (parent) req.set_parent(KnownUrn(parent));
          *req.mutable_properties() = EncodeMap(in.values, enc);
          for (auto const& u : KnownUrns(all)) req.add_dependencies(u);
          if (provider) req.set_provider(ProviderReference(provider));
          req.set_version(opts.version);
          req.set_packageref(res->package_ref);
          req.set_acceptsecrets(true);
          req.set_acceptresources(rt->features().resource_references);
          req.set_accepts_byte_string(true);
          for (auto const& s : opts.additional_secret_outputs) req.add_additionalsecretoutputs(s);
          req.set_plugindownloadurl(opts.plugin_download_url);
          rt->CallAsync([rt, res, req = std::move(req), inputs = in.values] {
            pulumirpc::ReadResourceResponse resp;
            auto status = rt->monitor().ReadResource(req, &resp);
            rt->Post([rt, res, status, resp = std::move(resp), inputs, secret_outputs = req.additionalsecretoutputs()] {
              if (!status.ok()) {
                rt->ReportRpcFailure("reading " + Describe(*res), status);
                res->RejectPending("reading " + Describe(*res) + " failed: " + status.error_message());
                return;
              }
              if (resp.result() != pulumirpc::SUCCESS) {
                SettleFailed(res, resp.urn());
                return;
              }
              // The id is the provider's (which may differ from the one asked for); none means unknown.
              ResolveOutputs(rt, res, resp.urn(), resp.id(), resp.properties(), resp.unknown(), inputs,
                             secret_outputs);
            });
          });
          return;
        }

        pulumirpc::RegisterResourceRequest req;
        req.set_type(res->type);
        req.set_name(res->name);
        if (parent) req.set_parent(KnownUrn(parent));
        req.set_custom(res->custom);
        req.set_remote(res->remote);
        *req.mutable_object() = EncodeMap(in.values, enc);
        if (opts.protect) req.set_protect(*opts.protect);
        for (auto const& u : KnownUrns(all)) req.add_dependencies(u);
        if (provider) req.set_provider(ProviderReference(provider));
        for (auto const& [k, deps] : in.property_deps) {
          auto& pd = (*req.mutable_propertydependencies())[k];
          for (auto const& u : KnownUrns(property_deps(deps))) pd.add_urns(u);
        }
        req.set_deletebeforereplace(opts.delete_before_replace);
        req.set_deletebeforereplacedefined(opts.delete_before_replace);
        req.set_version(opts.version);
        req.set_packageref(res->package_ref);
        for (auto const& s : opts.ignore_changes) req.add_ignorechanges(s);
        req.set_acceptsecrets(true);
        for (auto const& s : opts.additional_secret_outputs) req.add_additionalsecretoutputs(s);
        FillAliases(req, opts.aliases, rt->features().alias_specs);
        req.set_aliasspecs(rt->features().alias_specs);
        req.set_importid(opts.import_id);
        if (opts.custom_timeouts) {
          auto* t = req.mutable_customtimeouts();
          t->set_create(opts.custom_timeouts->create);
          t->set_update(opts.custom_timeouts->update);
          t->set_delete_(opts.custom_timeouts->del);
          t->set_read(opts.custom_timeouts->read);
        }
        req.set_supportspartialvalues(true);
        req.set_acceptresources(rt->features().resource_references);
        req.set_accepts_byte_string(true);
        for (auto const& [pkg, p] : explicit_providers) (*req.mutable_providers())[pkg] = ProviderReference(p);
        for (auto const& s : opts.replace_on_changes) req.add_replaceonchanges(s);
        req.set_plugindownloadurl(opts.plugin_download_url);
        if (opts.retain_on_delete) req.set_retainondelete(*opts.retain_on_delete);
        if (opts.deleted_with && rt->features().deleted_with) {
          req.set_deletedwith(KnownUrn(StateOf(*opts.deleted_with)));
        }
        for (auto const& s : opts.hide_diffs) req.add_hidediffs(s);
        for (auto const& r : opts.replace_with) req.add_replace_with(KnownUrn(StateOf(r)));
        if (auto it = trigger->values.find("replacementTrigger"); it != trigger->values.end()) {
          *req.mutable_replacement_trigger() = EncodeValue(it->second, enc);
        }
        for (auto const& [k, v] : opts.env_var_mappings) (*req.mutable_envvarmappings())[k] = v;
        FillHooks(req, opts.hooks);
        req.set_supportsresultreporting(true);

        rt->CallAsync([rt, res, req = std::move(req), inputs = in.values] {
          pulumirpc::RegisterResourceResponse resp;
          auto status = rt->monitor().RegisterResource(req, &resp);
          rt->Post([rt, res, status, resp = std::move(resp), inputs, secret_outputs = req.additionalsecretoutputs()] {
            if (!status.ok()) {
              rt->ReportRpcFailure("registering " + Describe(*res), status);
              res->RejectPending("registering " + Describe(*res) + " failed: " + status.error_message());
              return;
            }
            if (resp.result() != pulumirpc::SUCCESS) {
              SettleFailed(res, resp.urn());
              return;
            }
            // A remote component's outputs depend on the resources its provider made them from (a child
            // that failed under --continue-on-error makes what uses them skipped).
            for (auto const& [k, pd] : resp.propertydependencies()) {
              Dependencies deps;
              for (auto const& u : pd.urns()) {
                if (u != resp.urn()) MergeDependencies(deps, {DependencyOn(rt, u)});
              }
              res->output_deps[k] = std::move(deps);
            }
            ResolveOutputs(rt, res, resp.urn(), resp.id(), resp.object(), resp.unknown(), inputs, secret_outputs);
          });
        });
      });
    });
  };

  auto start = [res, read_id = std::move(read_id), register_with = std::move(register_with)]() mutable {
    if (!read_id) {
      register_with(std::nullopt, {});
      return;
    }
    auto id_state = StateOf(read_id->ToOutput());
    id_state->OnSettled([id_state, res, register_with = std::move(register_with)]() mutable {
      switch (id_state->state()) {
        case State::kRejected: res->RejectPending(id_state->error()); return;
        case State::kKnown: register_with(id_state->value(), id_state->deps()); return;
        default: register_with(std::string(kUnknownStringValue), id_state->deps()); return;
      }
    });
  };
  auto await_trigger = [res, trigger, replacement_trigger = opts.replacement_trigger,
                        start = std::move(start)]() mutable {
    if (!replacement_trigger) {
      start();
      return;
    }
    AwaitInputs({{"replacementTrigger", *replacement_trigger}},
                [res, trigger, start = std::move(start)](std::optional<std::string> error, ResolvedInputs in) mutable {
                  if (error) {
                    res->RejectPending(*error);
                    return;
                  }
                  *trigger = std::move(in);
                  start();
                });
  };
  auto hooks = HookRegistrations(opts.hooks);
  if (hooks.empty()) {
    await_trigger();
    return res;
  }
  WhenAllSettled(hooks, [res, hooks, await_trigger = std::move(await_trigger)]() mutable {
    for (auto const& h : hooks) {
      if (h->state() == State::kRejected) {
        res->RejectPending(h->error());  // reported where the registration failed
        return;
      }
    }
    await_trigger();
  });
  return res;
}

void RegisterOutputs(std::shared_ptr<Runtime> const& rt, ResourceStatePtr const& resource, PropertyInputs outputs) {
  AwaitInputs(outputs, [rt, resource](std::optional<std::string> error, ResolvedInputs in) {
    if (error) return;  // reported where it happened
    AwaitResources({resource}, {}, [rt, resource, values = std::move(in.values)](std::optional<std::string> e) {
      if (e) return;
      pulumirpc::RegisterResourceOutputsRequest req;
      req.set_urn(KnownUrn(resource));
      *req.mutable_outputs() = EncodeMap(values, RequestEncoding(*rt));
      rt->CallAsync([rt, req = std::move(req), name = resource->name] {
        auto status = rt->monitor().RegisterResourceOutputs(req);
        if (!status.ok()) rt->ReportRpcFailure("registering the outputs of '" + name + "'", status);
      });
    });
  });
}

}  // namespace pulumi::internal
