// Output<T>: a value that a deployment will produce, with Pulumi's semantics.
//
// An Output is known or unknown (during a preview), secret or not, and carries the resources it depends
// on. Apply transforms the value once it is known; All joins outputs of different types. There is no
// blocking Get: the value may never be known in a preview. Tests use pulumi::mocks::AwaitForTest.
//
//   pulumi::Output<std::string> host = db.GetOutput<std::string>("host");
//   auto url = host.Apply([](std::string const& h) { return "postgres://" + h + ":5432"; });
//   auto both = pulumi::All(host, port).Apply([](std::string const& h, int p) { return h + ":" + std::to_string(p); });
//   auto hidden = pulumi::MakeSecret(url);
//
// @par Thread Safety
// Output handles may be copied and used from any thread. Callbacks run on the program's executor, one at a
// time, so user callbacks need no locks (doc/adr/0002-output-threading.md).
#ifndef PULUMI_OUTPUT_H
#define PULUMI_OUTPUT_H

#include "pulumi/internal/access.h"
#include "pulumi/internal/output_state.h"

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace pulumi {

template <typename T>
class Output;

template <typename T>
struct IsOutput : std::false_type {};
template <typename T>
struct IsOutput<Output<T>> : std::true_type {};

namespace internal {

template <typename R>
struct UnwrapOutput {
  using type = R;
};
template <typename U>
struct UnwrapOutput<Output<U>> {
  using type = U;
};

template <typename T>
struct IsTuple : std::false_type {};
template <typename... Ts>
struct IsTuple<std::tuple<Ts...>> : std::true_type {};

/// Calls f with the value, or with the tuple's elements when f takes them one by one (for All).
template <typename F, typename T>
decltype(auto) InvokeApply(F& f, T const& v) {
  if constexpr (std::is_invocable_v<F&, T const&>) {
    return f(v);
  } else {
    static_assert(IsTuple<T>::value, "Apply callback must accept the output's value type");
    return std::apply(f, v);
  }
}

template <typename F, typename T>
using ApplyResult = std::decay_t<decltype(InvokeApply(std::declval<F&>(), std::declval<T const&>()))>;

std::string DescribeException(std::exception_ptr e);

/// The first step of every continuation over a settled `src`: passes a failed or unknown `src` on to `out`
/// (with its secrecy and dependencies) and returns false; returns true when `src` is known.
bool PassOnUnlessKnown(OutputStateBase const& src, OutputStateBase& out);
/// For a catch block of a continuation: fails `out` with the exception being handled, reported through the
/// engine once as "an Apply callback failed: ...", with `src`'s secrecy and dependencies.
void RejectWithCurrentException(OutputStateBase const& src, OutputStateBase& out);

}  // namespace internal

template <typename T>
class Output {
 public:
  using value_type = T;
  using State = internal::OutputState<T>;

  /// A known output holding T{}.
  Output() requires std::is_default_constructible_v<T> : Output(T{}) {}
  /// A known, non-secret output.
  explicit Output(T value) : state_(internal::NewOutputState<T>(internal::CurrentRuntime())) {
    state_->Resolve(std::move(value), false, {});
  }
  /// An unknown output, as produced during a preview.
  static Output Unknown(bool secret = false) {
    auto s = internal::NewOutputState<T>(internal::CurrentRuntime());
    s->SettleUnknown(secret, {});
    return Output(std::move(s));
  }

  /**
   * Transforms the value once it is known.
   *
   * @param f takes `T const&` (or, for an Output of a tuple, the elements) and returns `U` or `Output<U>`.
   * @return `Output<U>`. The callback is not called when this output is unknown or failed; secrecy and
   * dependencies carry over. An exception thrown by f fails the result and is logged through the engine;
   * the program then exits with code 32.
   */
  template <typename F>
  auto Apply(F&& f) const {
    using R = internal::ApplyResult<F, T>;
    using U = typename internal::UnwrapOutput<R>::type;
    auto src = state_;
    auto out = internal::NewOutputState<U>(src->runtime() ? src->runtime() : internal::CurrentRuntime());
    src->OnSettled([src, out, fn = std::forward<F>(f)]() mutable {
      if (!internal::PassOnUnlessKnown(*src, *out)) return;
      try {
        if constexpr (IsOutput<R>::value) {
          Output<U> inner = internal::InvokeApply(fn, src->value());
          auto in = internal::StateOf(inner);
          in->OnSettled([in, out, secret = src->secret(), deps = src->deps()] { out->SettleFrom(*in, secret, deps); });
        } else {
          out->Resolve(internal::InvokeApply(fn, src->value()), src->secret(), src->deps());
        }
      } catch (...) {
        internal::RejectWithCurrentException(*src, *out);
      }
    });
    return internal::OutputOf(std::move(out));
  }

 private:
  friend std::shared_ptr<State> const& internal::StateOf<T>(Output const& output);
  friend Output internal::OutputOf<T>(std::shared_ptr<State> state);

  /// Wraps an existing state (internal::OutputOf).
  explicit Output(std::shared_ptr<State> state) : state_(std::move(state)) {}

  std::shared_ptr<State> state_;
};

/// An output whose value is known now.
template <typename T>
Output<std::decay_t<T>> MakeOutput(T&& value) {
  return Output<std::decay_t<T>>(std::forward<T>(value));
}
inline Output<std::string> MakeOutput(char const* value) { return Output<std::string>(std::string(value)); }

/// The same output, marked secret: its value is encrypted in state and hidden in logs.
template <typename T>
Output<T> MakeSecret(Output<T> const& o) {
  auto src = internal::StateOf(o);
  auto out = internal::NewOutputState<T>(src->runtime() ? src->runtime() : internal::CurrentRuntime());
  src->OnSettled([src, out] { out->SettleFrom(*src, true, {}); });
  return internal::OutputOf(std::move(out));
}

/// The same output, no longer secret. Use with care.
template <typename T>
Output<T> Unsecret(Output<T> const& o) {
  using S = internal::OutputStateBase::State;
  auto src = internal::StateOf(o);
  auto out = internal::NewOutputState<T>(src->runtime() ? src->runtime() : internal::CurrentRuntime());
  src->OnSettled([src, out] {
    switch (src->state()) {
      case S::kKnown: out->Resolve(src->value(), false, src->deps()); break;
      case S::kUnknown: out->SettleUnknown(false, src->deps()); break;
      case S::kRejected: out->Reject(src->error(), false, src->deps()); break;
      case S::kPending: break;
    }
  });
  return internal::OutputOf(std::move(out));
}

/// An output used before the output it stands for exists, e.g. by components that take each other's
/// outputs. Returns the output and its resolver: calling the resolver (once) with the source output makes
/// the deferred output settle like the source, with its value, secrecy and dependencies. An output that is
/// never resolved stays pending, and so do the resources that need it (the run then fails, naming them).
///
///   auto [second_out, resolve_second_out] = pulumi::DeferredOutput<bool>();
///   First first(ctx, "first", {.input = second_out});
///   Second second(ctx, "second", {.input = first.out});
///   resolve_second_out(second.out);
template <typename T>
std::pair<Output<T>, std::function<void(Output<T> const&)>> DeferredOutput() {
  auto out = internal::NewOutputState<T>(internal::CurrentRuntime());
  auto resolved = std::make_shared<std::atomic<bool>>(false);
  std::function<void(Output<T> const&)> resolve = [out, resolved](Output<T> const& source) {
    if (resolved->exchange(true)) throw std::logic_error("a deferred output can be resolved only once");
    auto src = internal::StateOf(source);
    src->OnSettled([src, out] { out->SettleFrom(*src, false, {}); });
  };
  return {internal::OutputOf(std::move(out)), std::move(resolve)};
}

/// Joins outputs of different types into one Output<std::tuple<...>>. The result is unknown if any input
/// is unknown, secret if any is secret, failed if any failed; dependencies merge.
template <typename... Ts>
Output<std::tuple<Ts...>> All(Output<Ts> const&... outputs) {
  auto out = internal::NewOutputState<std::tuple<Ts...>>(internal::CurrentRuntime());
  auto states = std::make_tuple(internal::StateOf(outputs)...);
  std::vector<std::shared_ptr<internal::OutputStateBase>> bases{internal::StateOf(outputs)...};
  internal::WhenAllSettled(bases, [bases, states, out] {
    auto c = internal::Combine(bases);
    using S = internal::OutputStateBase::State;
    if (c.state == S::kRejected) {
      out->Reject(c.error, c.secret, c.deps);
    } else if (c.state == S::kUnknown) {
      out->SettleUnknown(c.secret, c.deps);
    } else {
      out->Resolve(std::apply([](auto const&... s) { return std::tuple<Ts...>(s->value()...); }, states), c.secret,
                   c.deps);
    }
  });
  return internal::OutputOf(std::move(out));
}

/// Joins a list of outputs of one type into an output of the list.
template <typename T>
Output<std::vector<T>> All(std::vector<Output<T>> const& outputs) {
  auto out = internal::NewOutputState<std::vector<T>>(internal::CurrentRuntime());
  std::vector<std::shared_ptr<internal::OutputStateBase>> bases;
  std::vector<std::shared_ptr<internal::OutputState<T>>> states;
  for (auto const& o : outputs) {
    bases.push_back(internal::StateOf(o));
    states.push_back(internal::StateOf(o));
  }
  internal::WhenAllSettled(bases, [bases, states, out] {
    auto c = internal::Combine(bases);
    using S = internal::OutputStateBase::State;
    if (c.state == S::kRejected) {
      out->Reject(c.error, c.secret, c.deps);
    } else if (c.state == S::kUnknown) {
      out->SettleUnknown(c.secret, c.deps);
    } else {
      std::vector<T> values;
      values.reserve(states.size());
      for (auto const& s : states) values.push_back(s->value());
      out->Resolve(std::move(values), c.secret, c.deps);
    }
  });
  return internal::OutputOf(std::move(out));
}

extern template class Output<std::string>;
extern template class Output<bool>;
extern template class Output<int>;
extern template class Output<double>;
extern template class Output<std::vector<std::string>>;

}  // namespace pulumi

#endif  // PULUMI_OUTPUT_H
