// A VM's first boot, as far as the simulator can tell what its startup script does. The cloud runs no guest, but
// one effect of a boot is visible to the rest of the cloud and to the stacks that follow: a script that
// generates a secret and adds it as a version (`gcloud secrets versions add SECRET --data-file=-`), which the
// services then read as `latest`. The simulator performs exactly that, with a random value, when the secret has
// no version yet; everything else in the script is the guest's business.
#include "cloud.h"

#include "rules.h"
#include "values.h"

#include <chrono>
#include <cstdlib>
#include <random>
#include <regex>
#include <sstream>

namespace pulumi::gcpsim {
namespace {

constexpr char kInstanceType[] = "gcp:compute/instance:Instance";
constexpr char kSecretType[] = "gcp:secretmanager/secret:Secret";
constexpr char kVersionType[] = "gcp:secretmanager/secretVersion:SecretVersion";

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// GCPSIM_VM_BOOT_SECONDS: how long after its creation a VM boots (default 0: at once).
std::int64_t BootDelay() {
  char const* v = std::getenv("GCPSIM_VM_BOOT_SECONDS");
  return v && *v ? std::max<std::int64_t>(0, std::atoll(v)) : 0;
}

/// The secrets a startup script adds versions to: the argument of `gcloud secrets versions add`, a literal or
/// a variable assigned a literal in the script (`SECRET=projects/p/secrets/s`, `"$SECRET"`, `${SECRET}`).
std::vector<std::string> SecretsAddedBy(std::string const& script) {
  static std::regex const add(R"(gcloud\s+secrets\s+versions\s+add\s+("[^"]+"|'[^']+'|\S+))");
  static std::regex const assignment(R"(^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$)");
  auto unquote = [](std::string v) {
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
      v = v.substr(1, v.size() - 2);
    return v;
  };
  std::map<std::string, std::string> variables;
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, assignment)) variables[m[1]] = unquote(m[2]);
  }
  std::vector<std::string> secrets;
  for (std::sregex_iterator it(script.begin(), script.end(), add), end; it != end; ++it) {
    std::string arg = unquote((*it)[1]);
    if (arg.starts_with("$")) {
      std::string name = arg.substr(1);
      if (name.starts_with("{") && name.ends_with("}")) name = name.substr(1, name.size() - 2);
      auto found = variables.find(name);
      if (found == variables.end()) continue;  // computed on the guest: nothing to know here
      arg = found->second;
    }
    if (!arg.empty() && arg.find('$') == std::string::npos) secrets.push_back(arg);
  }
  return secrets;
}

std::string RandomValue() {
  std::random_device rd;
  std::string out;
  for (int i = 0; i < 44; ++i) out += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[rd() % 64];
  return out;
}

}  // namespace

absl::Status Cloud::ScheduleFirstBoot(Store& store, std::string const& instance) {
  return store.ScheduleBoot(instance, Now() + BootDelay());
}

absl::Status Cloud::FirstBoot(Store& store, StoredResource const& vm) {
  auto project = StringAt(vm.outputs, "project");
  for (auto const& reference : SecretsAddedBy(StringAt(vm.inputs, "metadataStartupScript"))) {
    auto secret = FindReferenced(store, kSecretType, reference);
    if (!secret.ok()) return secret.status();
    if (!*secret) continue;  // the guest's gcloud would fail; the VM boots all the same
    auto secret_id = StringAt((*secret)->inputs, "secretId");
    auto versions = store.List(kVersionType);
    if (!versions.ok()) return versions.status();
    bool has_version = false;
    for (auto const& v : *versions) has_version |= LastSegment(StringAt(v.inputs, "secret")) == secret_id;
    if (has_version) continue;
    auto secret_project =
        StringAt((*secret)->outputs, "project").empty() ? project : StringAt((*secret)->outputs, "project");
    auto created = CreateIn(store, kVersionType, "", secret_id + "-first-boot",
                            {{"secret", "projects/" + secret_project + "/secrets/" + secret_id},
                             {"secretData", PropertyValue::MakeSecret(RandomValue())},
                             {"enabled", true}});
    if (!created.ok()) return created.status();
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> Cloud::BootDueVmsIn(Store& store, bool all) {
  auto due = store.TakeDueBoots(all ? -1 : Now());
  if (!due.ok()) return due.status();
  std::vector<std::string> booted;
  for (auto const& id : *due) {
    auto vm = store.Get(kInstanceType, id);
    if (!vm.ok()) return vm.status();
    if (!*vm) continue;  // deleted before it booted
    if (auto s = FirstBoot(store, **vm); !s.ok()) return s;
    booted.push_back(id);
  }
  return booted;
}

absl::StatusOr<std::vector<std::string>> Cloud::BootDueVms(bool all) {
  std::vector<std::string> booted;
  auto status = store_.Write([&](Store& store) -> absl::Status {
    auto done = BootDueVmsIn(store, all);
    if (!done.ok()) return done.status();
    booted = *std::move(done);
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return booted;
}

}  // namespace pulumi::gcpsim
