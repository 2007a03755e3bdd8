#include "pulumi/call.h"

#include "internal/property_codec.h"
#include "internal/provider_answer.h"
#include "internal/registration.h"
#include "internal/resource_state.h"
#include "internal/runtime.h"
#include "internal/urn.h"

namespace pulumi {

Output<PropertyMap> Call(std::string const& token, PropertyInputs args, Resource const& self) {
  auto self_state = internal::StateOf(self);
  auto rt = self_state->urn->runtime();
  auto out = internal::NewOutputState<PropertyMap>(rt);
  internal::ResourceStatePtr provider = self_state->provider;
  args.insert_or_assign("__self__", Input<PropertyValue>(ReferenceTo(self)));

  internal::AwaitInputs(args, [rt, out, token, provider, self_state](std::optional<std::string> error,
                                                                     internal::ResolvedInputs in) {
    if (error) {
      out->Reject(*error);
      return;
    }
    internal::Dependencies urns = in.all_deps;
    internal::Dependencies ids;
    if (provider) {
      internal::MergeDependencies(urns, {provider});
      ids.push_back(provider);
    }
    internal::AwaitResources(
        urns, ids, [rt, out, token, provider, self_state, in = std::move(in)](std::optional<std::string> dep_error) {
          if (dep_error) {
            out->Reject(*dep_error, in.any_secret, in.all_deps);
            return;
          }
          pulumirpc::ResourceCallRequest req;
          req.set_tok(token);
          *req.mutable_args() = internal::EncodeMap(in.values, {.keep_secrets = true,
                                                                .keep_resources = rt->features().resource_references,
                                                                .keep_byte_strings = rt->features().byte_strings});
          // As in Pulumi's other SDKs, an argument that only refers to resources has no dependencies (when the
          // engine takes references), so the provider does not make an output of it.
          bool drop_refs = rt->features().resource_references;
          for (auto const& [k, deps] : in.property_deps) {
            auto& ad = (*req.mutable_argdependencies())[k];
            for (auto const& u : internal::KnownUrns(drop_refs ? internal::WithoutReferences(deps) : deps))
              ad.add_urns(u);
          }
          if (provider) req.set_provider(internal::ProviderReference(provider));
          req.set_version(self_state->version);
          req.set_plugindownloadurl(self_state->plugin_download_url);
          req.set_accepts_byte_string(true);
          rt->CallAsync([rt, out, req = std::move(req), secret = in.any_secret] {
            pulumirpc::CallResponse resp;
            auto status = rt->monitor().Call(req, &resp);
            rt->Post([rt, out, status, resp = std::move(resp), secret, token = req.tok()] {
              if (!status.ok()) {
                rt->ReportRpcFailure("calling " + token, status);
                out->Reject("calling " + token + " failed: " + status.error_message(), secret);
                return;
              }
              if (resp.failures_size() > 0) {
                auto message = internal::FailuresMessage("calling", token, resp.failures());
                rt->ReportError(message);
                out->Reject(message, secret);
                return;
              }
              // The result depends on the resources the provider names.
              internal::Dependencies deps;
              for (auto const& [k, d] : resp.returndependencies()) {
                internal::MergeDependencies(deps, internal::DependenciesOn(rt, d.urns()));
              }
              auto decoded = internal::DecodedResultOrReject(*rt, *out, token, resp.return_(), secret, deps);
              if (!decoded) return;
              PropertyMap result;
              bool any_secret = secret;
              bool any_unknown = false;
              for (auto const& [k, v] : *decoded) {
                auto n = internal::NormalizeOutputValues(v);
                any_secret = any_secret || n.ContainsSecrets();
                any_unknown = any_unknown || n.ContainsUnknowns();
                result.emplace(k, n.WithoutSecrets());
              }
              if (any_unknown) {
                out->SettleUnknown(any_secret, deps);
              } else {
                out->Resolve(std::move(result), any_secret, deps);
              }
            });
          });
        });
  });
  return internal::OutputOf(std::move(out));
}

}  // namespace pulumi
