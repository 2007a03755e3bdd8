#include "internal/registration_steps.h"

#include "internal/hook_state.h"
#include "internal/property_codec.h"

#include <utility>

namespace pulumi::internal {
namespace {

using State = OutputStateBase::State;

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

/// Awaits the id to read (if any), then calls done.
void AwaitIdToRead(std::optional<Input<std::string>> read_id, Prerequisites pre,
                   std::function<void(std::optional<std::string>, Prerequisites)> done) {
  if (!read_id) {
    done(std::nullopt, std::move(pre));
    return;
  }
  auto id_state = StateOf(read_id->ToOutput());
  id_state->OnSettled([id_state, pre = std::move(pre), done = std::move(done)]() mutable {
    if (id_state->state() == State::kRejected) {
      done(id_state->error(), {});
      return;
    }
    pre.id_to_read = id_state->state() == State::kKnown ? id_state->value() : std::string(kUnknownStringValue);
    pre.id_deps = id_state->deps();
    done(std::nullopt, std::move(pre));
  });
}

/// Awaits the replacement trigger (if any), then the id to read.
void AwaitTrigger(std::optional<Input<PropertyValue>> trigger, std::optional<Input<std::string>> read_id,
                  std::function<void(std::optional<std::string>, Prerequisites)> done) {
  if (!trigger) {
    AwaitIdToRead(std::move(read_id), {}, std::move(done));
    return;
  }
  AwaitInputs({{"replacementTrigger", *trigger}},
              [read_id = std::move(read_id), done = std::move(done)](std::optional<std::string> const& error,
                                                                     ResolvedInputs in) mutable {
                if (error) {
                  done(error, {});
                  return;
                }
                Prerequisites pre;
                pre.trigger = in.values.at("replacementTrigger");
                pre.trigger_deps = std::move(in.all_deps);
                AwaitIdToRead(std::move(read_id), std::move(pre), std::move(done));
              });
}

}  // namespace

EncodeOptions RequestEncoding(Features const& features) {
  return EncodeOptions{.keep_secrets = features.secrets,
                       .keep_resources = features.resource_references,
                       .keep_output_values = false,
                       .keep_byte_strings = features.byte_strings};
}

Placement PlaceResource(ResourceState& res, ResourceStatePtr const& stack, ResourceOptions const& opts) {
  Placement p;
  if (opts.parent) {
    p.parent = StateOf(*opts.parent);
  } else if (res.type != kStackType) {
    p.parent = stack;
  }
  if (p.parent) res.providers = p.parent->providers;
  for (auto const& provider : opts.providers) p.providers[provider.package()] = StateOf(provider);
  if (res.custom && opts.provider) {
    p.provider = StateOf(*opts.provider);
  } else if (opts.provider) {
    p.providers[opts.provider->package()] = StateOf(*opts.provider);
  }
  for (auto const& [pkg, provider] : p.providers) res.providers[pkg] = provider;
  // A custom resource's own explicit provider is inherited by its children too (as in Go's mergeProviders).
  if (res.custom && opts.provider) res.providers[opts.provider->package()] = p.provider;
  if ((res.custom || res.remote) && !p.provider && !res.is_provider) {
    if (auto it = res.providers.find(PackageOfType(res.type)); it != res.providers.end()) p.provider = it->second;
  }
  res.provider = p.provider;
  res.version = opts.version.value_or("");
  res.plugin_download_url = opts.plugin_download_url.value_or("");
  return p;
}

void AwaitPrerequisites(ResourceOptions const& opts, std::optional<Input<std::string>> read_id,
                        std::function<void(std::optional<std::string> error, Prerequisites pre)> done) {
  auto hooks = HookRegistrations(opts.hooks);
  if (hooks.empty()) {
    AwaitTrigger(opts.replacement_trigger, std::move(read_id), std::move(done));
    return;
  }
  WhenAllSettled(hooks, [hooks, trigger = opts.replacement_trigger, read_id = std::move(read_id),
                         done = std::move(done)]() mutable {
    for (auto const& h : hooks) {
      if (h->state() == State::kRejected) {
        done(h->error(), {});  // reported where the hook's registration failed
        return;
      }
    }
    AwaitTrigger(std::move(trigger), std::move(read_id), std::move(done));
  });
}

bool DropsReferences(ResourceState const& res, Features const& features) {
  return res.remote && features.resource_references;
}

RegistrationDependencies DependenciesOf(ResourceState const& res, ResolvedInputs const& in, Prerequisites const& pre,
                                        ResourceOptions const& opts, Placement const& placement,
                                        Features const& features) {
  Dependencies from_values = in.all_deps;
  MergeDependencies(from_values, pre.id_deps);
  MergeDependencies(from_values, pre.trigger_deps);
  Dependencies explicit_deps;
  for (auto const& d : opts.depends_on) MergeDependencies(explicit_deps, {StateOf(d)});

  RegistrationDependencies out;
  out.urns = from_values;
  MergeDependencies(out.urns, explicit_deps);
  if (placement.parent) MergeDependencies(out.urns, {placement.parent});
  if (placement.provider) {
    MergeDependencies(out.urns, {placement.provider});
    out.ids.push_back(placement.provider);
  }
  for (auto const& [pkg, p] : placement.providers) {
    MergeDependencies(out.urns, {p});
    MergeDependencies(out.ids, {p});
  }
  if (opts.deleted_with) MergeDependencies(out.urns, {StateOf(*opts.deleted_with)});
  for (auto const& r : opts.replace_with) MergeDependencies(out.urns, {StateOf(r)});
  for (auto const& a : opts.aliases) {
    if (a.parent) MergeDependencies(out.urns, {StateOf(*a.parent)});
  }
  out.dependencies = DropsReferences(res, features) ? WithoutReferences(from_values) : from_values;
  MergeDependencies(out.dependencies, explicit_deps);
  return out;
}

void SetOptionFields(pulumirpc::RegisterResourceRequest& req, ResourceOptions const& opts, Features const& features) {
  if (opts.protect) req.set_protect(*opts.protect);
  req.set_deletebeforereplace(opts.delete_before_replace.value_or(false));
  req.set_deletebeforereplacedefined(opts.delete_before_replace.has_value());
  req.set_version(opts.version.value_or(""));
  for (auto const& s : opts.ignore_changes) req.add_ignorechanges(s);
  for (auto const& s : opts.additional_secret_outputs) req.add_additionalsecretoutputs(s);
  FillAliases(req, opts.aliases, features.alias_specs);
  req.set_importid(opts.import_id.value_or(""));
  if (opts.custom_timeouts) {
    auto* t = req.mutable_customtimeouts();
    t->set_create(opts.custom_timeouts->create.value_or(""));
    t->set_update(opts.custom_timeouts->update.value_or(""));
    t->set_delete_(opts.custom_timeouts->del.value_or(""));
    t->set_read(opts.custom_timeouts->read.value_or(""));
  }
  for (auto const& s : opts.replace_on_changes) req.add_replaceonchanges(s);
  req.set_plugindownloadurl(opts.plugin_download_url.value_or(""));
  if (opts.retain_on_delete) req.set_retainondelete(*opts.retain_on_delete);
  if (opts.deleted_with && features.deleted_with) req.set_deletedwith(KnownUrn(StateOf(*opts.deleted_with)));
  for (auto const& s : opts.hide_diffs) req.add_hidediffs(s);
  for (auto const& r : opts.replace_with) req.add_replace_with(KnownUrn(StateOf(r)));
  for (auto const& [k, v] : opts.env_var_mappings) (*req.mutable_envvarmappings())[k] = v;
  FillHooks(req, opts.hooks);
}

pulumirpc::RegisterResourceRequest RegisterRequest(ResourceState const& res, Placement const& placement,
                                                   ResourceOptions const& opts, ResolvedInputs const& in,
                                                   Prerequisites const& pre, Dependencies const& dependencies,
                                                   Features const& features) {
  auto enc = RequestEncoding(features);
  pulumirpc::RegisterResourceRequest req;
  req.set_type(res.type);
  req.set_name(res.name);
  if (placement.parent) req.set_parent(KnownUrn(placement.parent));
  req.set_custom(res.custom);
  req.set_remote(res.remote);
  *req.mutable_object() = EncodeMap(in.values, enc);
  for (auto const& u : KnownUrns(dependencies)) req.add_dependencies(u);
  if (placement.provider) req.set_provider(ProviderReference(placement.provider));
  bool drop_refs = DropsReferences(res, features);
  for (auto const& [k, deps] : in.property_deps) {
    auto& pd = (*req.mutable_propertydependencies())[k];
    for (auto const& u : KnownUrns(drop_refs ? WithoutReferences(deps) : deps)) pd.add_urns(u);
  }
  for (auto const& [pkg, p] : placement.providers) (*req.mutable_providers())[pkg] = ProviderReference(p);
  req.set_packageref(res.package_ref);
  SetOptionFields(req, opts, features);
  if (pre.trigger) *req.mutable_replacement_trigger() = EncodeValue(*pre.trigger, enc);
  req.set_acceptsecrets(true);
  req.set_acceptresources(features.resource_references);
  req.set_accepts_byte_string(true);
  req.set_aliasspecs(features.alias_specs);
  req.set_supportspartialvalues(true);
  req.set_supportsresultreporting(true);
  return req;
}

pulumirpc::ReadResourceRequest ReadRequest(ResourceState const& res, Placement const& placement,
                                           ResourceOptions const& opts, ResolvedInputs const& in, std::string const& id,
                                           Dependencies const& dependencies, Features const& features) {
  pulumirpc::ReadResourceRequest req;
  req.set_id(id);
  req.set_type(res.type);
  req.set_name(res.name);
  if (placement.parent) req.set_parent(KnownUrn(placement.parent));
  *req.mutable_properties() = EncodeMap(in.values, RequestEncoding(features));
  for (auto const& u : KnownUrns(dependencies)) req.add_dependencies(u);
  if (placement.provider) req.set_provider(ProviderReference(placement.provider));
  req.set_version(opts.version.value_or(""));
  req.set_packageref(res.package_ref);
  req.set_acceptsecrets(true);
  req.set_acceptresources(features.resource_references);
  req.set_accepts_byte_string(true);
  for (auto const& s : opts.additional_secret_outputs) req.add_additionalsecretoutputs(s);
  req.set_plugindownloadurl(opts.plugin_download_url.value_or(""));
  return req;
}

absl::StatusOr<PropertyMap> OutputsFrom(google::protobuf::Struct const& returned, PropertyMap const& inputs,
                                        bool preview,
                                        google::protobuf::RepeatedPtrField<std::string> const& secret_outputs) {
  auto decoded = DecodeMap(returned);
  if (!decoded.ok()) return decoded.status();
  PropertyMap outputs;
  for (auto const& [k, v] : *decoded) outputs.emplace(k, NormalizeOutputValues(v));
  for (auto const& [k, v] : inputs) {
    if (outputs.contains(k)) continue;
    outputs.emplace(k, preview ? PropertyValue::MakeComputed() : v);
  }
  // The engine marks the additional secret outputs it has; one the provider left out of a preview is
  // still unknown, and secret.
  if (preview) {
    for (auto const& k : secret_outputs) {
      outputs.try_emplace(k, PropertyValue::MakeSecret(PropertyValue::MakeComputed()));
    }
  }
  return outputs;
}

std::map<std::string, Dependencies> OutputDependencies(std::shared_ptr<Runtime> const& rt,
                                                       pulumirpc::RegisterResourceResponse const& resp) {
  std::map<std::string, Dependencies> out;
  for (auto const& [k, pd] : resp.propertydependencies()) out[k] = DependenciesOn(rt, pd.urns(), resp.urn());
  return out;
}

void SettleResource(ResourceState& res, std::string const& urn, std::string const& id, PropertyMap outputs,
                    bool preview, bool unknown) {
  res.missing_outputs_unknown = unknown;
  res.urn->Resolve(urn, false, {});
  if (res.custom && id.empty() && preview) {
    res.id->SettleUnknown(false, {});
  } else {
    res.id->Resolve(id, false, {});
  }
  res.outputs->Resolve(std::move(outputs), false, {});
}

}  // namespace pulumi::internal
