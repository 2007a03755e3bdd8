#include "reference_probe.h"

#include <cmath>
#include <iostream>
#include <optional>
#include <streambuf>

namespace apex::plan {
namespace {

using pulumi::PropertyValue;

constexpr char kMarker[] = "-apexplanprobe";
constexpr double kNumberOffset = 7000003;

// Probe runs fail on purpose; the mock engine's error lines on stderr would only be noise.
class SilencedStderr {
 public:
  SilencedStderr() : saved_(std::cerr.rdbuf(&sink_)) {}
  ~SilencedStderr() { std::cerr.rdbuf(saved_); }
  SilencedStderr(SilencedStderr const&) = delete;
  SilencedStderr& operator=(SilencedStderr const&) = delete;

 private:
  class NullBuffer : public std::streambuf {
   protected:
    int overflow(int c) override { return traits_type::not_eof(c); }
  };
  NullBuffer sink_;
  std::streambuf* saved_;
};

// The value with a mark that survives being passed on or formatted into a string; none for booleans, nulls
// and the like, which only the removal probe covers.
std::optional<PropertyValue> Marked(PropertyValue const& value) {
  if (value.is_secret()) {
    auto inner = Marked(value.SecretElement());
    return inner ? std::optional(PropertyValue::MakeSecret(*inner)) : std::nullopt;
  }
  if (value.is_string()) return PropertyValue(value.AsString() + kMarker);
  if (value.is_number()) return PropertyValue(value.AsNumber() + kNumberOffset);
  return std::nullopt;
}

bool Carries(PropertyValue const& v, PropertyValue const& marked) {
  using Kind = PropertyValue::Kind;
  switch (v.kind()) {
    case Kind::kString:
      if (v.AsString().find(kMarker) != std::string::npos) return true;
      if (marked.is_number()) {
        auto digits = std::to_string(static_cast<long long>(std::llround(marked.AsNumber())));
        return v.AsString().find(digits) != std::string::npos;
      }
      return false;
    case Kind::kNumber: return marked.is_number() && v.AsNumber() == marked.AsNumber();
    case Kind::kSecret: return Carries(v.SecretElement(), marked);
    case Kind::kOutput: return v.AsOutput().value && Carries(*v.AsOutput().value, marked);
    case Kind::kArray:
      for (auto const& item : v.AsArray()) {
        if (Carries(item, marked)) return true;
      }
      return false;
    case Kind::kObject:
      for (auto const& [key, item] : v.AsObject()) {
        if (Carries(item, marked)) return true;
      }
      return false;
    default: return false;
  }
}

bool RunCarries(apex::testing::StackRun const& run, PropertyValue const& marked) {
  PropertyValue bare = marked.is_secret() ? marked.SecretElement() : marked;
  for (auto const& r : run.deployment->resources()) {
    if (Carries(PropertyValue(r.inputs), bare) || Carries(PropertyValue(r.registered_outputs), bare)) return true;
  }
  return Carries(PropertyValue(run.deployment->stack_outputs()), bare);
}

}  // namespace

std::vector<std::string> OutputsUsed(std::string const& consumer, std::string const& stack,
                                     std::map<std::string, pulumi::PropertyMap> const& references,
                                     std::string const& referenced) {
  std::vector<std::string> used;
  auto it = references.find(referenced);
  if (it == references.end()) return used;
  SilencedStderr quiet;
  for (auto const& [name, value] : it->second) {
    auto without = references;
    without[referenced].erase(name);
    bool is_used = apex::testing::RunStack(consumer, stack, std::move(without)).exit_code != 0;
    if (auto marked = Marked(value); !is_used && marked) {
      auto with_mark = references;
      with_mark[referenced][name] = *marked;
      auto run = apex::testing::RunStack(consumer, stack, std::move(with_mark));
      is_used = run.exit_code != 0 || RunCarries(run, *marked);
    }
    if (is_used) used.push_back(name);
  }
  return used;
}

}  // namespace apex::plan
