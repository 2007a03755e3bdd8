#include "pulumi/invoke.h"

#include "internal/property_codec.h"
#include "internal/property_walk.h"
#include "internal/provider_answer.h"
#include "internal/registration.h"
#include "internal/resource_state.h"
#include "internal/runtime.h"

#include <future>
#include <set>

namespace pulumi {

namespace {

/// The arguments as output values: each one that is secret or comes from resources carries that itself.
PropertyMap OutputValueArguments(internal::ResolvedInputs const& in) {
  PropertyMap args;
  for (auto const& [k, v] : in.values) {
    auto deps_it = in.property_deps.find(k);
    auto urns = deps_it == in.property_deps.end() ? std::vector<std::string>() : internal::KnownUrns(deps_it->second);
    if (!v.is_secret() && urns.empty()) {
      args.emplace(k, v);
      continue;
    }
    OutputValue o;
    o.secret = v.is_secret();
    o.value = std::make_shared<PropertyValue const>(v.is_secret() ? v.SecretElement() : v);
    o.dependencies = std::move(urns);
    args.emplace(k, PropertyValue(std::move(o)));
  }
  return args;
}

/// The URNs the output values inside `v` say they depend on.
void CollectOutputValueDependencies(PropertyValue const& v, std::set<std::string>& urns) {
  internal::Walk(v, [&urns](PropertyValue const& x) {
    if (x.is_output()) urns.insert(x.AsOutput().dependencies.begin(), x.AsOutput().dependencies.end());
    return true;
  });
}

// `report`: log a provider's failure as an error of the run. The plain form throws it to the caller instead,
// who may handle it.
Output<PropertyMap> InvokeImpl(Context& ctx, std::string const& token, PropertyInputs const& args,
                               InvokeOptions const& opts, bool report) {
  auto rt = internal::RuntimeOf(ctx);
  auto out = internal::NewOutputState<PropertyMap>(rt);
  internal::ResourceStatePtr provider;
  if (opts.provider) {
    provider = internal::StateOf(*opts.provider);
  } else if (opts.parent) {
    auto const& providers = internal::StateOf(*opts.parent)->providers;
    if (auto it = providers.find(internal::PackageOfType(token)); it != providers.end()) provider = it->second;
  }
  internal::ResourceStatePtr parent = opts.parent ? internal::StateOf(*opts.parent) : nullptr;
  internal::Dependencies explicit_deps;
  for (auto const& d : opts.depends_on) internal::MergeDependencies(explicit_deps, {internal::StateOf(d)});

  internal::AwaitInputs(args, [rt, out, token, provider, parent, explicit_deps, opts, report](
                                  std::optional<std::string> error, internal::ResolvedInputs in) {
    if (error) {
      out->Reject(*error);
      return;
    }
    internal::Dependencies deps = in.all_deps;
    internal::MergeDependencies(deps, explicit_deps);
    internal::Dependencies urns = deps;
    internal::Dependencies ids;
    if (provider) {
      internal::MergeDependencies(urns, {provider});
      ids.push_back(provider);
    }
    if (parent) internal::MergeDependencies(urns, {parent});
    // An engine without invoke dependsOn cannot tell whether those resources exist yet: as in Go, wait for
    // the ids of the custom ones, and skip the invoke while one is unknown (not yet created).
    bool check_ids = !rt->features().invoke_depends_on;
    if (check_ids) {
      for (auto const& d : deps) {
        if (d->custom) internal::MergeDependencies(ids, {d});
      }
    }
    internal::AwaitResources(
        urns, ids,
        [rt, out, token, provider, opts, deps, explicit_deps, check_ids, report,
         in = std::move(in)](std::optional<std::string> dep_error) {
          if (dep_error) {
            out->Reject(*dep_error, in.any_secret, deps);
            return;
          }
          // Like Go and Python: an invoke with unknown arguments is not sent, and its result is unknown.
          if (in.any_unknown) {
            out->SettleUnknown(in.any_secret, deps);
            return;
          }
          if (check_ids) {
            for (auto const& d : deps) {
              if (d->custom && d->id->state() != internal::OutputStateBase::State::kKnown) {
                out->SettleUnknown(in.any_secret, deps);
                return;
              }
            }
          }
          pulumirpc::ResourceInvokeRequest req;
          req.set_tok(token);
          bool output_values = rt->features().invoke_output_values;
          internal::EncodeOptions encode{.keep_secrets = false,
                                         .keep_resources = rt->features().resource_references,
                                         .keep_byte_strings = rt->features().byte_strings};
          if (output_values) {
            // Each argument carries its own secrecy and dependencies, and so does each value of the result.
            encode.keep_secrets = true;
            encode.keep_output_values = true;
            *req.mutable_args() = internal::EncodeMap(OutputValueArguments(in), encode);
            req.set_accept_output_values(true);
          } else {
            // The SDK tracks secrecy itself, so the provider gets plain arguments (as Go sends them).
            *req.mutable_args() = internal::EncodeMap(in.values, encode);
          }
          // The engine answers "unknown" instead of calling the provider while a resource the invoke depends on
          // (through its arguments or depends_on) is not yet created, e.g. in a preview.
          if (rt->features().invoke_depends_on) {
            for (auto const& urn : internal::KnownUrns(deps)) req.add_dependson(urn);
          }
          if (provider) req.set_provider(internal::ProviderReference(provider));
          if (opts.package_ref) {
            req.set_packageref(*opts.package_ref);
          } else {
            req.set_version(opts.version.value_or(""));
            req.set_plugindownloadurl(opts.plugin_download_url.value_or(""));
          }
          req.set_acceptresources(rt->features().resource_references);
          req.set_accepts_byte_string(true);
          // What the result depends on: everything, or (with output values) depends_on and what the provider
          // says each returned value depends on, among the resources the arguments come from.
          internal::Dependencies candidates = deps;
          rt->CallAsync([rt, out, req = std::move(req), deps, explicit_deps, candidates, output_values, report,
                         secret = in.any_secret] {
            pulumirpc::ResourceInvokeResponse resp;
            auto status = rt->monitor().Invoke(req, &resp);
            rt->Post([rt, out, status, resp = std::move(resp), deps, explicit_deps, candidates, output_values, secret,
                      report, token = req.tok()] {
              if (!status.ok()) {
                // A lost engine always fails the run; a provider's error is the plain form's caller's to handle.
                if (report || internal::IsEngineLoss(status)) {
                  rt->ReportRpcFailure("invoking " + token, status);
                }
                out->Reject("invoking " + token + " failed: " + status.error_message(), secret, deps);
                return;
              }
              if (resp.failures_size() > 0) {
                auto message = internal::FailuresMessage("invoking", token, resp.failures());
                if (report) rt->ReportError(message);
                out->Reject(message, secret, deps);
                return;
              }
              if (resp.unknown()) {
                out->SettleUnknown(secret, deps);
                return;
              }
              auto decoded = internal::DecodedResultOrReject(*rt, *out, token, resp.return_(), secret, deps);
              if (!decoded) return;
              PropertyMap result;
              bool any_secret = output_values ? false : secret;
              internal::Dependencies result_deps = output_values ? explicit_deps : deps;
              for (auto const& [k, v] : *decoded) {
                if (output_values) {
                  std::set<std::string> returned;
                  CollectOutputValueDependencies(v, returned);
                  for (auto const& d : candidates) {
                    if (returned.contains(internal::KnownUrn(d))) internal::MergeDependencies(result_deps, {d});
                  }
                }
                auto n = internal::NormalizeOutputValues(v);
                any_secret = any_secret || n.ContainsSecrets();
                result.emplace(k, n.WithoutSecrets());
              }
              out->Resolve(std::move(result), any_secret, result_deps);
            });
          });
        });
  });
  return internal::OutputOf(std::move(out));
}

}  // namespace

Output<PropertyMap> Invoke(Context& ctx, std::string const& token, PropertyInputs const& args,
                           InvokeOptions const& opts) {
  return InvokeImpl(ctx, token, args, opts, /*report=*/true);
}

PropertyMap InvokePlain(Context& ctx, std::string const& token, PropertyMap args, InvokeOptions const& opts) {
  PropertyInputs inputs;
  for (auto& entry : args) inputs.emplace(entry.first, Input<PropertyValue>(std::move(entry.second)));
  auto result = InvokeImpl(ctx, token, inputs, opts, /*report=*/false);
  auto state = internal::StateOf(result);
  auto rt = internal::RuntimeOf(ctx);
  using State = internal::OutputStateBase::State;
  if (rt->OnExecutorThread()) {
    if (!rt->RunTasksUntil([&] { return state->state() != State::kPending; })) {
      throw InvokeError("invoking " + token + " cannot complete: nothing it waits for is still running");
    }
  } else {
    std::promise<void> settled;
    state->OnSettled([&settled] { settled.set_value(); });
    settled.get_future().wait();
  }
  switch (state->state()) {
    case State::kKnown: return state->value();
    case State::kUnknown: throw InvokeError("the result of " + token + " is not known during this preview");
    default: throw InvokeError(state->error());
  }
}

}  // namespace pulumi
