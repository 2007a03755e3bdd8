// Internal: the shared state behind Output<T>. Not part of the public API; included by output.h because
// Output<T> is a template. See doc/adr/0002-output-threading.md for the threading model.
#ifndef PULUMI_INTERNAL_OUTPUT_STATE_H
#define PULUMI_INTERNAL_OUTPUT_STATE_H

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace pulumi::internal {

class Runtime;
struct ResourceState;
using ResourceStatePtr = std::shared_ptr<ResourceState>;
/// The resources an output depends on, without duplicates, in first-seen order.
using Dependencies = std::vector<ResourceStatePtr>;

/// The runtime of the program being run on this thread (null outside a program, e.g. in plain unit tests).
std::shared_ptr<Runtime> CurrentRuntime();
/// Runs fn on the runtime's executor (counted as outstanding work), or inline when rt is null.
void Schedule(std::shared_ptr<Runtime> const& rt, std::function<void()> fn);
/// Logs an error through the engine once and marks the run failed (exit code 32). Without a runtime it
/// writes to stderr.
void ReportError(std::shared_ptr<Runtime> const& rt, std::string const& message);
void MergeDependencies(Dependencies& into, Dependencies const& from);

class OutputStateBase {
 public:
  enum class State { kPending, kKnown, kUnknown, kRejected };

  explicit OutputStateBase(std::shared_ptr<Runtime> rt) : runtime_(std::move(rt)) {}
  OutputStateBase(OutputStateBase const&) = delete;
  OutputStateBase& operator=(OutputStateBase const&) = delete;
  virtual ~OutputStateBase() = default;

  /// Calls fn once, after the state has settled: on the runtime's executor, or inline without a runtime.
  void OnSettled(std::function<void()> fn) {
    std::unique_lock lock(mu_);
    if (state_ == State::kPending) {
      continuations_.push_back(std::move(fn));
      return;
    }
    lock.unlock();
    Schedule(runtime_, std::move(fn));
  }

  State state() const {
    std::lock_guard lock(mu_);
    return state_;
  }
  bool secret() const {
    std::lock_guard lock(mu_);
    return secret_;
  }
  Dependencies deps() const {
    std::lock_guard lock(mu_);
    return deps_;
  }
  std::string error() const {
    std::lock_guard lock(mu_);
    return error_;
  }
  std::shared_ptr<Runtime> const& runtime() const { return runtime_; }

  void SettleUnknown(bool secret, Dependencies deps) {
    Settle(State::kUnknown, secret, std::move(deps), {}, [] {});
  }
  /// Rejects with an error that has already been reported (propagation never logs twice).
  void Reject(std::string error, bool secret = false, Dependencies deps = {}) {
    Settle(State::kRejected, secret, std::move(deps), std::move(error), [] {});
  }

 protected:
  template <typename SetValue>
  void Settle(State s, bool secret, Dependencies deps, std::string error, SetValue set_value) {
    std::vector<std::function<void()>> run;
    {
      std::lock_guard lock(mu_);
      if (state_ != State::kPending) return;  // first settlement wins
      set_value();
      state_ = s;
      secret_ = secret;
      deps_ = std::move(deps);
      error_ = std::move(error);
      run.swap(continuations_);
    }
    for (auto& fn : run) Schedule(runtime_, std::move(fn));
  }

  mutable std::mutex mu_;

 private:
  std::shared_ptr<Runtime> const runtime_;
  State state_ = State::kPending;
  bool secret_ = false;
  Dependencies deps_;
  std::string error_;
  std::vector<std::function<void()>> continuations_;
};

template <typename T>
class OutputState : public OutputStateBase {
 public:
  using OutputStateBase::OutputStateBase;

  ~OutputState() override {
    if (has_value_) std::destroy_at(std::launder(reinterpret_cast<T*>(storage_)));
  }

  void Resolve(T value, bool secret, Dependencies deps) {
    Settle(State::kKnown, secret, std::move(deps), {}, [&] {
      ::new (static_cast<void*>(storage_)) T(std::move(value));
      has_value_ = true;
    });
  }

  /// Settles like `other`, adding secrecy and dependencies.
  void SettleFrom(OutputState<T> const& other, bool secret, Dependencies deps) {
    MergeDependencies(deps, other.deps());
    secret = secret || other.secret();
    switch (other.state()) {
      case State::kKnown: Resolve(other.value(), secret, std::move(deps)); break;
      case State::kUnknown: SettleUnknown(secret, std::move(deps)); break;
      case State::kRejected: Reject(other.error(), secret, std::move(deps)); break;
      case State::kPending: break;
    }
  }

  /// The value; valid only once the state is kKnown (it never changes after that).
  T const& value() const { return *std::launder(reinterpret_cast<T const*>(storage_)); }

 private:
  // Raw storage instead of std::optional<T>: generated bindings have an output of each of thousands of
  // types, and std::optional's layers compile to a dozen functions per type at -O0 (bench/README.md).
  alignas(T) unsigned char storage_[sizeof(T)];
  bool has_value_ = false;
};

/// A new pending state. Not std::make_shared, whose allocator machinery compiles once more per T.
template <typename T>
std::shared_ptr<OutputState<T>> NewOutputState(std::shared_ptr<Runtime> rt) {
  return std::shared_ptr<OutputState<T>>(new OutputState<T>(std::move(rt)));
}

/// Calls fn once every state in `states` has settled.
inline void WhenAllSettled(std::vector<std::shared_ptr<OutputStateBase>> const& states, std::function<void()> fn) {
  if (states.empty()) {
    Schedule(CurrentRuntime(), std::move(fn));
    return;
  }
  auto remaining = std::make_shared<std::atomic<std::size_t>>(states.size());
  auto shared_fn = std::make_shared<std::function<void()>>(std::move(fn));
  for (auto const& s : states) {
    s->OnSettled([remaining, shared_fn] {
      if (remaining->fetch_sub(1) == 1) (*shared_fn)();
    });
  }
}

/// The combined status of several settled states: the first rejection wins, then unknown.
struct Combined {
  OutputStateBase::State state = OutputStateBase::State::kKnown;
  bool secret = false;
  Dependencies deps;
  std::string error{};
};

inline Combined Combine(std::vector<std::shared_ptr<OutputStateBase>> const& states) {
  Combined c;
  for (auto const& s : states) {
    auto st = s->state();
    c.secret = c.secret || s->secret();
    MergeDependencies(c.deps, s->deps());
    if (st == OutputStateBase::State::kRejected && c.state != OutputStateBase::State::kRejected) {
      c.state = st;
      c.error = s->error();
    } else if (st == OutputStateBase::State::kUnknown && c.state == OutputStateBase::State::kKnown) {
      c.state = st;
    }
  }
  return c;
}

}  // namespace pulumi::internal

#endif  // PULUMI_INTERNAL_OUTPUT_STATE_H
