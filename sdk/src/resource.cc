#include "pulumi/resource.h"

#include "internal/registration.h"
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
  auto out = std::make_shared<internal::OutputState<T>>(src->runtime());
  src->OnSettled([src, out, self] { out->SettleFrom(*src, false, {self}); });
  return Output<T>(std::move(out));
}

}  // namespace

Output<std::string> Resource::urn() const { return WithSelfDependency(state_->urn, state_); }
std::string const& Resource::type() const { return state_->type; }
std::string const& Resource::name() const { return state_->name; }
bool Resource::custom() const { return state_->custom; }

CustomResource::CustomResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                               ResourceOptions const& opts)
    : Resource(internal::RegisterResource(ctx.internal_runtime(), std::move(type), std::move(name), true,
                                          std::move(inputs), opts)) {}

CustomResource CustomResource::Get(Context& ctx, std::string type, std::string name, Input<std::string> id,
                                   PropertyInputs state, ResourceOptions const& opts) {
  return CustomResource(internal::RegisterResource(ctx.internal_runtime(), std::move(type), std::move(name), true,
                                                   std::move(state), opts, std::move(id)));
}

Output<std::string> CustomResource::id() const { return WithSelfDependency(state_->id, state_); }

Output<PropertyMap> CustomResource::outputs() const { return WithSelfDependency(state_->outputs, state_); }

Output<PropertyValue> CustomResource::GetOutput(std::string const& property) const {
  auto src = state_->outputs;
  auto self = state_;
  auto out = std::make_shared<internal::OutputState<PropertyValue>>(src->runtime());
  src->OnSettled([src, out, self, property] {
    internal::Dependencies deps{self};
    switch (src->state()) {
      case State::kRejected: out->Reject(src->error(), false, deps); return;
      case State::kUnknown: out->SettleUnknown(false, deps); return;
      default: break;
    }
    auto const& props = src->value();
    auto it = props.find(property);
    if (it == props.end()) {
      auto rt = src->runtime();
      if (rt && rt->info().dry_run) {
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
  return Output<PropertyValue>(std::move(out));
}

ProviderResource::ProviderResource(Context& ctx, std::string package, std::string name, PropertyInputs inputs,
                                   ResourceOptions const& opts)
    : CustomResource(internal::RegisterResource(ctx.internal_runtime(), "pulumi:providers:" + package,
                                                std::move(name), true, std::move(inputs), opts, std::nullopt,
                                                package)) {}

std::string const& ProviderResource::package() const { return state_->package; }

ComponentResource::ComponentResource(Context& ctx, std::string type, std::string name, ResourceOptions const& opts)
    : ComponentResource(ctx, std::move(type), std::move(name), PropertyInputs{}, opts) {}

ComponentResource::ComponentResource(Context& ctx, std::string type, std::string name, PropertyInputs inputs,
                                     ResourceOptions const& opts)
    : Resource(internal::RegisterResource(ctx.internal_runtime(), std::move(type), std::move(name), false,
                                          std::move(inputs), opts)) {}

void ComponentResource::RegisterOutputs(PropertyInputs outputs) {
  auto rt = state_->urn->runtime();
  internal::RegisterOutputs(rt, state_, std::move(outputs));
}

Output<PropertyValue> ReferenceTo(Resource const& resource) {
  auto self = resource.internal_state();
  auto out = std::make_shared<internal::OutputState<PropertyValue>>(self->urn->runtime());
  std::vector<std::shared_ptr<OutputStateBase>> states{self->urn};
  if (self->custom) states.push_back(self->id);
  internal::WhenAllSettled(states, [self, out, states] {
    auto c = internal::Combine(states);
    internal::Dependencies deps{self};
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
  return Output<PropertyValue>(std::move(out));
}

Resource ResourceFromReference(Context& ctx, ResourceReference const& ref) {
  auto rt = ctx.internal_runtime();
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

}  // namespace pulumi
