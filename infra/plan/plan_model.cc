#include "plan_model.h"

#include "apex/gcp_mocks/projects.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <tuple>

namespace apex::plan {
namespace {

using pulumi::PropertyValue;

PropertyValue ErasedSecret() { return PropertyValue::MakeSecret(nullptr); }

std::string Join(std::string const& path, std::string const& key) { return path.empty() ? key : path + "." + key; }

pulumi::PropertyMap EraseAll(pulumi::PropertyMap const& map, std::vector<std::string> const& plaintext_secrets,
                             std::string const& path, std::vector<std::string>& leaks) {
  pulumi::PropertyMap erased;
  for (auto const& [key, value] : map) erased[key] = EraseSecrets(value, plaintext_secrets, Join(path, key), leaks);
  return erased;
}

std::string StackNameOf(pulumi::mocks::RegisteredResource const& ref) {
  auto it = ref.inputs.find("name");
  return it != ref.inputs.end() && it->second.is_string() ? it->second.AsString() : ref.id;
}

std::size_t ProjectIndex(std::string const& project) {
  auto const& all = apex::gcp_mocks::Projects();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].name == project) return i;
  }
  return all.size();
}

// Parents before children, siblings by type and name (reads last): the program registers concurrently, so
// registration order changes from run to run, and a plan is compared with the last one.
std::vector<PlannedResource> InTreeOrder(std::vector<PlannedResource> resources) {
  std::map<std::string, std::vector<std::size_t>> children;
  std::set<std::string> urns;
  for (auto const& r : resources) urns.insert(r.urn);
  for (std::size_t i = 0; i < resources.size(); ++i) {
    auto const& parent = resources[i].parent_urn;
    children[urns.count(parent) ? parent : ""].push_back(i);
  }
  auto before = [&](std::size_t a, std::size_t b) {
    auto const& x = resources[a];
    auto const& y = resources[b];
    return std::tie(x.read, x.type, x.name) < std::tie(y.read, y.type, y.name);
  };
  std::vector<PlannedResource> ordered;
  std::function<void(std::string const&)> visit = [&](std::string const& parent) {
    auto& kids = children[parent];
    std::sort(kids.begin(), kids.end(), before);
    for (auto i : kids) {
      ordered.push_back(resources[i]);
      visit(resources[i].urn);
    }
  };
  visit("");
  return ordered;
}

ProjectPlan Describe(apex::gcp_mocks::StackRun const& run, std::vector<apex::gcp_mocks::StackRun> const& before,
                     std::vector<std::string> const& plaintext_secrets) {
  auto const reads = run.deployment->stack_reference_reads();
  ProjectPlan p;
  p.project = run.config.project;
  p.stack = run.config.stack;
  p.qualified_name = run.qualified_name;
  for (auto const& r : run.deployment->resources()) {
    std::vector<std::string> leaks;
    PlannedResource planned{.urn = r.urn,
                            .type = r.type,
                            .name = r.name,
                            .parent_urn = r.parent,
                            .custom = r.custom,
                            .read = r.read,
                            .inputs = EraseAll(r.inputs, plaintext_secrets, "", leaks),
                            .id = r.id,
                            .outputs = {}};
    std::vector<std::string> echoed;  // the outputs repeat the inputs: their leaks are reported once, above
    planned.outputs = EraseAll(r.outputs, plaintext_secrets, "", echoed);
    for (auto const& leak : leaks) {
      p.warnings.push_back(r.urn + ": input " + leak + " holds a secret in plaintext (not marked secret)");
    }
    if (r.type == kStackReferenceType) {
      StackReferenceRead read{.urn = r.urn, .stack = StackNameOf(r), .project = "", .outputs = {}};
      for (auto const& producer : before) {
        if (producer.qualified_name == read.stack) read.project = producer.config.project;
      }
      if (auto used = reads.find(read.stack); used != reads.end()) read.outputs = used->second;
      p.references.push_back(std::move(read));
    }
    p.resources.push_back(std::move(planned));
  }
  p.resources = InTreeOrder(std::move(p.resources));
  std::stable_sort(p.references.begin(), p.references.end(),
                   [&](auto const& a, auto const& b) { return ProjectIndex(a.project) < ProjectIndex(b.project); });
  std::vector<std::string> leaks;
  p.outputs = EraseAll(run.deployment->stack_outputs(), plaintext_secrets, "", leaks);
  for (auto const& leak : leaks) p.warnings.push_back("stack output " + leak + " holds a secret in plaintext");
  return p;
}

// Error messages are free text: a secret that reached one is replaced where it appears.
std::string Scrubbed(std::string text, std::vector<std::string> const& plaintext_secrets) {
  std::string const masked = "[secret]";
  for (auto const& secret : plaintext_secrets) {
    if (secret.empty()) continue;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + masked.size())) {
      text.replace(at, secret.size(), masked);
    }
  }
  return text;
}

}  // namespace

ProjectFailure FailureOf(apex::gcp_mocks::StackRun const& run, std::vector<std::string> const& plaintext_secrets) {
  ProjectFailure f{.project = run.config.project, .stack = run.config.stack, .exit_code = run.exit_code, .errors = {}};
  for (auto const& entry : run.deployment->logs()) {
    if (entry.severity == "error") f.errors.push_back(Scrubbed(entry.message, plaintext_secrets));
  }
  return f;
}

int ProjectPlan::Creates() const {
  return static_cast<int>(std::count_if(resources.begin(), resources.end(), [](auto const& r) { return !r.read; }));
}
int ProjectPlan::Reads() const { return static_cast<int>(resources.size()) - Creates(); }

int Plan::Creates() const {
  int n = 0;
  for (auto const& p : projects) n += p.Creates();
  return n;
}
int Plan::Reads() const {
  int n = 0;
  for (auto const& p : projects) n += p.Reads();
  return n;
}

PropertyValue EraseSecrets(PropertyValue const& value, std::vector<std::string> const& plaintext_secrets,
                           std::string const& path, std::vector<std::string>& leaks) {
  using Kind = PropertyValue::Kind;
  switch (value.kind()) {
    case Kind::kSecret: return ErasedSecret();
    case Kind::kOutput: {
      auto const& out = value.AsOutput();
      if (out.secret) return ErasedSecret();
      if (!out.value) return PropertyValue::MakeComputed();
      return EraseSecrets(*out.value, plaintext_secrets, path, leaks);
    }
    case Kind::kString:
      for (auto const& secret : plaintext_secrets) {
        if (!secret.empty() && value.AsString().find(secret) != std::string::npos) {
          leaks.push_back(path);
          return ErasedSecret();
        }
      }
      return value;
    case Kind::kArray: {
      pulumi::PropertyArray erased;
      auto const& items = value.AsArray();
      for (std::size_t i = 0; i < items.size(); ++i) {
        erased.push_back(EraseSecrets(items[i], plaintext_secrets, path + "[" + std::to_string(i) + "]", leaks));
      }
      return erased;
    }
    case Kind::kObject: return EraseAll(value.AsObject(), plaintext_secrets, path, leaks);
    default: return value;
  }
}

PlanResult BuildPlan(std::string const& stack) {
  PlanResult result;
  result.plan.stack = stack;
  std::vector<apex::gcp_mocks::StackRun> runs;
  runs.reserve(apex::gcp_mocks::Projects().size());
  std::vector<std::string> plaintext_secrets;
  for (auto const& project : apex::gcp_mocks::Projects()) {
    std::vector<apex::gcp_mocks::StackRun const*> done;
    for (auto const& r : runs) done.push_back(&r);
    auto references = apex::gcp_mocks::ReferencesFor(done);
    apex::gcp_mocks::StackRun run;
    try {
      run = apex::gcp_mocks::RunStack(project.name, stack, references);
    } catch (std::exception const& e) {
      result.failure = ProjectFailure{.project = project.name, .stack = stack, .exit_code = -1, .errors = {e.what()}};
      return result;
    }
    for (auto const& [key, placeholder] : run.config.secret_config) plaintext_secrets.push_back(placeholder);
    if (run.exit_code != 0) {
      result.failure = FailureOf(run, plaintext_secrets);
      return result;
    }
    result.plan.projects.push_back(Describe(run, runs, plaintext_secrets));
    runs.push_back(std::move(run));
  }
  return result;
}

}  // namespace apex::plan
