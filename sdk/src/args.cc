#include "pulumi/args.h"

#include "pulumi/internal/output_state.h"

#include <functional>

namespace pulumi {
namespace {

using internal::OutputStateBase;

// Waits for every part, then builds one known value from the parts' values, with unknown parts as
// computed values and secret parts wrapped as secrets inside it.
Output<PropertyValue> JoinSettled(std::vector<Output<PropertyValue>> const& parts,
                                  std::function<PropertyValue(std::vector<PropertyValue>)> build) {
  auto out = internal::NewOutputState<PropertyValue>(internal::CurrentRuntime());
  std::vector<std::shared_ptr<internal::OutputState<PropertyValue>>> states;
  std::vector<std::shared_ptr<OutputStateBase>> bases;
  states.reserve(parts.size());
  for (auto const& p : parts) {
    states.push_back(internal::StateOf(p));
    bases.push_back(states.back());
  }
  internal::WhenAllSettled(bases, [out, states = std::move(states), build = std::move(build)] {
    std::vector<PropertyValue> values;
    values.reserve(states.size());
    internal::Dependencies deps;
    for (auto const& s : states) internal::MergeDependencies(deps, s->deps());
    for (auto const& s : states) {
      PropertyValue v;
      switch (s->state()) {
        case OutputStateBase::State::kRejected: out->Reject(s->error(), s->secret(), deps); return;
        case OutputStateBase::State::kUnknown: v = PropertyValue::MakeComputed(); break;
        case OutputStateBase::State::kKnown: v = s->value(); break;
        case OutputStateBase::State::kPending: break;
      }
      if (s->secret()) v = PropertyValue::MakeSecret(std::move(v));
      values.push_back(std::move(v));
    }
    out->Resolve(build(std::move(values)), false, std::move(deps));
  });
  return internal::OutputOf(std::move(out));
}

}  // namespace

Output<PropertyValue> ObjectOutput(std::vector<std::pair<std::string, MaybeOutputValue>> members) {
  std::vector<std::string> names;
  std::vector<Output<PropertyValue>> values;
  for (auto& member : members) {
    if (!member.second) continue;
    names.push_back(std::move(member.first));
    values.push_back(std::move(*member.second));
  }
  return JoinSettled(values, [names = std::move(names)](std::vector<PropertyValue> v) {
    PropertyMap object;
    for (std::size_t i = 0; i < names.size(); ++i) object.insert_or_assign(names[i], std::move(v[i]));
    return PropertyValue(std::move(object));
  });
}

namespace internal {
Output<PropertyValue> EntriesOutput(std::vector<std::pair<std::string, Output<PropertyValue>>> entries) {
  std::vector<std::pair<std::string, MaybeOutputValue>> members;
  members.reserve(entries.size());
  for (auto& entry : entries) members.emplace_back(std::move(entry.first), std::move(entry.second));
  return ObjectOutput(std::move(members));
}
}  // namespace internal

Output<PropertyValue> ArrayOutput(std::vector<Output<PropertyValue>> const& elements) {
  return JoinSettled(elements, [](std::vector<PropertyValue> v) { return PropertyValue(PropertyArray(std::move(v))); });
}

namespace internal {
Output<PropertyValue> ElementsOutput(std::vector<Output<PropertyValue>> const& elements) {
  return ArrayOutput(elements);
}
}  // namespace internal

MaybeOutputValue SecretValue(MaybeOutputValue value) {
  if (!value) return std::nullopt;
  // Secret as a whole: secrets nested inside it (members the schema also marks secret) are redundant, and
  // the engine would store them doubled, so they are dropped.
  return MakeSecret(value->Apply([](PropertyValue const& v) { return v.WithoutSecrets(); }));
}

}  // namespace pulumi
