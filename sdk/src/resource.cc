#include "pulumi/resource.h"

#include "internal/property_codec.h"
#include "internal/registration.h"
#include "internal/registration_steps.h"
#include "internal/resource_state.h"
#include "internal/runtime.h"
#include "internal/urn.h"
#include "pulumi/context.h"

namespace pulumi {
namespace {

using internal::OutputStateBase;
using State = OutputStateBase::State;

/// An output that follows `src` and also depends on the resource itself.
template <typename T>
Output<T> WithSelfDependency(std::shared_ptr<internal::OutputState<T>> const& src,
                             internal::ResourceStatePtr const& self) {
  auto out = internal::NewOutputState<T>(src->runtime());
  src->OnSettled([src, out, self] { out->SettleFrom(*src, false, {self}); });
  return internal::OutputOf(std::move(out));
}

/// One output property of a resource: absent ones are null, or unknown in a preview or when the engine
/// left the resource's outputs unknown.
Output<PropertyValue> OutputProperty(internal::ResourceStatePtr const& self, std::string const& property) {
  auto src = self->outputs;
  auto out = internal::NewOutputState<PropertyValue>(src->runtime());
  src->OnSettled([src, out, self, property] {
    internal::Dependencies deps{self};
    if (auto it = self->output_deps.find(property); it != self->output_deps.end()) {
      internal::MergeDependencies(deps, it->second);
    }
    switch (src->state()) {
      case State::kRejected: out->Reject(src->error(), false, deps); return;
      case State::kUnknown: out->SettleUnknown(false, deps); return;
      default: break;
    }
    auto const& props = src->value();
    auto it = props.find(property);
    if (it == props.end()) {
      auto rt = src->runtime();
      if ((rt && rt->info().dry_run) || self->missing_outputs_unknown) {
        out->SettleUnknown(false, deps);
      } else {
        out->Resolve(PropertyValue(), false, deps);
      }
      return;
    }
    bool secret = it->second.ContainsSecrets();
    if (it->second.ContainsUnknowns()) {
      out->SettleUnknown(secret, deps);
    } else {
      out->Resolve(it->second.WithoutSecrets(), secret, deps);
    }
  });
  return internal::OutputOf(std::move(out));
}

}  // namespace

Output<std::string> Resource::urn() const { return WithSelfDependency(state_->urn, state_); }
std::string const& Resource::type() const { return state_->type; }
std::string const& Resource::name() const { return state_->name; }
bool Resource::custom() const { return state_->custom; }

CustomResource::CustomResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                               ResourceOptions const& opts)
    : Resource(internal::RegisterResource(internal::RuntimeOf(ctx), std::move(type), std::move(name), true,
                                          std::move(inputs), opts)) {}

CustomResource::CustomResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                               ResourceOptions const& opts, std::string package_ref)
    : Resource(internal::RegisterResource(internal::RuntimeOf(ctx), std::move(type), std::move(name), true,
                                          std::move(inputs), opts, std::nullopt, "", false, std::move(package_ref))) {}

CustomResource CustomResource::Get(Context& ctx, std::string type, std::string name, Input<std::string> id,
                                   PropertyInputs state, ResourceOptions const& opts) {
  return CustomResource(internal::RegisterResource(internal::RuntimeOf(ctx), std::move(type), std::move(name), true,
                                                   std::move(state), opts, std::move(id)));
}

CustomResource CustomResource::FromReference(Context& ctx, ResourceReference const& ref) {
  auto rt = internal::RuntimeOf(ctx);
  auto parts = internal::ParseUrn(ref.urn).value_or(internal::UrnParts{});
  auto state = std::make_shared<internal::ResourceState>(rt, parts.type(), parts.name, true);
  state->urn->Resolve(ref.urn, false, {});
  if (ref.id && !ref.id->empty()) {
    state->id->Resolve(*ref.id, false, {});
  } else {
    state->id->SettleUnknown(false, {});
  }
  // The engine's state of the resource (pulumi:pulumi:getResource), as Pulumi's SDKs hydrate references.
  pulumirpc::ResourceInvokeRequest req;
  req.set_tok("pulumi:pulumi:getResource");
  (*req.mutable_args()->mutable_fields())["urn"].set_string_value(ref.urn);
  req.set_acceptresources(rt->features().resource_references);
  req.set_accepts_byte_string(true);
  rt->CallAsync([rt, state, req = std::move(req)] {
    pulumirpc::ResourceInvokeResponse resp;
    auto status = rt->monitor().Invoke(req, &resp);
    rt->Post([rt, state, status, resp = std::move(resp)] {
      std::string what = "reading the state of " + state->name + " (" + state->type + ")";
      if (!status.ok() || resp.failures_size() > 0) {
        std::string message =
            what + " failed: " + (status.ok() ? resp.failures(0).reason() : std::string(status.error_message()));
        if (!status.ok())
          rt->ReportRpcFailure(what, status);
        else
          rt->ReportError(message, state->urn->value());
        state->outputs->Reject(message);
        return;
      }
      auto const& fields = resp.return_().fields();
      auto it = fields.find("state");
      google::protobuf::Struct empty;
      auto outputs = internal::OutputsFrom(it != fields.end() ? it->second.struct_value() : empty, {}, false, {});
      if (!outputs.ok()) {
        std::string message = what + ": malformed state: " + std::string(outputs.status().message());
        rt->ReportError(message);
        state->outputs->Reject(message);
        return;
      }
      state->outputs->Resolve(*std::move(outputs), false, {});
    });
  });
  return CustomResource(std::move(state));
}

Output<std::string> CustomResource::id() const {
  auto const& self = internal::StateOf(*this);
  return WithSelfDependency(self->id, self);
}

Output<PropertyMap> CustomResource::outputs() const {
  auto const& self = internal::StateOf(*this);
  return WithSelfDependency(self->outputs, self);
}

Output<PropertyValue> CustomResource::GetOutput(std::string const& property) const {
  return OutputProperty(internal::StateOf(*this), property);
}

ProviderResource::ProviderResource(Context& ctx, std::string const& package, std::string name, PropertyInputs inputs,
                                   ResourceOptions const& opts)
    : CustomResource(internal::RegisterResource(internal::RuntimeOf(ctx), "pulumi:providers:" + package,
                                                std::move(name), true, std::move(inputs), opts, std::nullopt,
                                                package)) {}

ProviderResource::ProviderResource(Context& ctx, std::string const& package, std::string name, PropertyInputs inputs,
                                   ResourceOptions const& opts, std::string package_ref)
    : CustomResource(internal::RegisterResource(internal::RuntimeOf(ctx), "pulumi:providers:" + package,
                                                std::move(name), true, std::move(inputs), opts, std::nullopt, package,
                                                false, std::move(package_ref))) {}

std::string const& ProviderResource::package() const { return internal::StateOf(*this)->package; }

ComponentResource::ComponentResource(Context& ctx, std::string type, std::string name, ResourceOptions const& opts)
    : ComponentResource(ctx, std::move(type), std::move(name), PropertyInputs{}, opts) {}

ComponentResource::ComponentResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                                     ResourceOptions const& opts)
    : Resource(internal::RegisterResource(internal::RuntimeOf(ctx), std::move(type), std::move(name), false,
                                          std::move(inputs), opts)) {}

ComponentResource ComponentResource::Remote(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                                            ResourceOptions const& opts) {
  return ComponentResource(internal::RegisterResource(internal::RuntimeOf(ctx), std::move(type), std::move(name), false,
                                                      std::move(inputs), opts, std::nullopt, "", /*remote=*/true));
}

ComponentResource ComponentResource::Remote(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                                            ResourceOptions const& opts, std::string package_ref) {
  return ComponentResource(internal::RegisterResource(internal::RuntimeOf(ctx), std::move(type), std::move(name), false,
                                                      std::move(inputs), opts, std::nullopt, "", /*remote=*/true,
                                                      std::move(package_ref)));
}

Output<PropertyMap> ComponentResource::outputs() const {
  auto const& self = internal::StateOf(*this);
  return WithSelfDependency(self->outputs, self);
}

Output<PropertyValue> ComponentResource::GetOutput(std::string const& property) const {
  return OutputProperty(internal::StateOf(*this), property);
}

void ComponentResource::RegisterOutputs(PropertyInputs const& outputs) {
  auto const& self = internal::StateOf(*this);
  internal::RegisterOutputs(self->urn->runtime(), self, outputs);
}

Output<PropertyValue> ReferenceTo(Resource const& resource) {
  auto self = internal::StateOf(resource);
  auto out = internal::NewOutputState<PropertyValue>(self->urn->runtime());
  std::vector<std::shared_ptr<OutputStateBase>> states{self->urn};
  if (self->custom) states.push_back(self->id);
  auto marker = std::make_shared<internal::ResourceState>(self);
  internal::WhenAllSettled(states, [self, marker, out, states] {
    auto c = internal::Combine(states);
    internal::Dependencies deps{marker};
    if (c.state == State::kRejected) {
      out->Reject(c.error, false, deps);
      return;
    }
    if (self->urn->state() != State::kKnown) {
      out->SettleUnknown(false, deps);
      return;
    }
    ResourceReference ref{self->urn->value(), std::nullopt, ""};
    if (self->custom) ref.id = self->id->state() == State::kKnown ? self->id->value() : std::string();
    out->Resolve(PropertyValue(std::move(ref)), false, deps);
  });
  return internal::OutputOf(std::move(out));
}

Resource ResourceFromReference(Context& ctx, ResourceReference const& ref) {
  auto rt = internal::RuntimeOf(ctx);
  auto parts = internal::ParseUrn(ref.urn).value_or(internal::UrnParts{});
  auto state = std::make_shared<internal::ResourceState>(rt, parts.type(), parts.name, ref.id.has_value());
  state->urn->Resolve(ref.urn, false, {});
  if (ref.id && !ref.id->empty()) {
    state->id->Resolve(*ref.id, false, {});
  } else if (ref.id) {
    state->id->SettleUnknown(false, {});
  } else {
    state->id->Resolve("", false, {});
  }
  state->outputs->Resolve({}, false, {});
  return Resource(std::move(state));
}

namespace internal {

void SettleDecoded(Output<PropertyValue> const& src_output, std::shared_ptr<OutputStateBase> const& out,
                   void (*resolve)(OutputStateBase& out, PropertyValue const& value, bool secret, Dependencies deps)) {
  auto src = internal::StateOf(src_output);
  src->OnSettled([src, out, resolve] {
    if (!PassOnUnlessKnown(*src, *out)) return;
    try {
      resolve(*out, src->value(), src->secret(), src->deps());
    } catch (...) {
      RejectWithCurrentException(*src, *out);
    }
  });
}

}  // namespace internal

}  // namespace pulumi
