#include "pulumi/package.h"

#include "internal/runtime.h"

#include <absl/strings/escaping.h>

#include <map>
#include <memory>
#include <mutex>

namespace pulumi {
namespace {

// Registered references per run: keyed by the runtime (weakly, so a finished run's entry never matches a
// later one) and by "<name>@<version>" of the (parameterized) package.
struct RefCache {
  std::mutex mu;
  std::map<std::weak_ptr<internal::Runtime>, std::map<std::string, std::string>,
           std::owner_less<std::weak_ptr<internal::Runtime>>>
      refs;
};

RefCache& Cache() {
  static RefCache cache;
  return cache;
}

}  // namespace

std::string PackageReference(Context& ctx, PackageDescriptor const& package) {
  auto rt = internal::RuntimeOf(ctx);
  std::string key = package.parameterization ? package.parameterization->name + "@" + package.parameterization->version
                                             : package.name + "@" + package.version;
  auto& cache = Cache();
  std::lock_guard<std::mutex> lock(cache.mu);
  auto& refs = cache.refs[rt];
  if (auto it = refs.find(key); it != refs.end()) return it->second;

  pulumirpc::RegisterPackageRequest req;
  req.set_name(package.name);
  req.set_version(package.version);
  req.set_download_url(package.download_url);
  if (package.parameterization) {
    auto* p = req.mutable_parameterization();
    p->set_name(package.parameterization->name);
    p->set_version(package.parameterization->version);
    std::string value;
    if (!absl::Base64Unescape(package.parameterization->value_base64, &value)) {
      throw PackageError("the parameter of package " + key + " is not base64");
    }
    p->set_value(value);
  }
  pulumirpc::RegisterPackageResponse resp;
  auto status = rt->monitor().RegisterPackage(req, &resp);
  if (!status.ok()) throw PackageError("registering package " + key + " failed: " + status.error_message());
  refs.emplace(key, resp.ref());
  return resp.ref();
}

}  // namespace pulumi
