#include "architecture_index.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace apex::plan::arch {
namespace {

using pulumi::PropertyMap;
using pulumi::PropertyValue;

std::vector<std::string> Split(std::string const& path) {
  std::vector<std::string> steps;
  std::string step;
  for (char c : path) {
    if (c == '.') {
      steps.push_back(step);
      step.clear();
    } else {
      step += c;
    }
  }
  steps.push_back(step);
  return steps;
}

std::string Scalar(PropertyValue const& v) {
  if (v.is_string()) return v.AsString();
  if (v.is_bool()) return v.AsBool() ? "true" : "false";
  if (v.is_number()) {
    char buf[32];
    double n = v.AsNumber();
    if (std::floor(n) == n && std::fabs(n) < 1e15)
      std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
    else
      std::snprintf(buf, sizeof buf, "%g", n);
    return buf;
  }
  return "";
}

void Collect(PropertyMap const& map, std::vector<std::string> const& steps, std::size_t at,
             std::vector<PropertyValue const*>& out);

// Walks `steps` from `v`; a step "x[]" goes into each item of the array x.
void Collect(PropertyValue const& v, std::vector<std::string> const& steps, std::size_t at,
             std::vector<PropertyValue const*>& out) {
  if (at == steps.size()) {
    out.push_back(&v);
  } else if (v.is_object()) {
    Collect(v.AsObject(), steps, at, out);
  }
}

void Collect(PropertyMap const& map, std::vector<std::string> const& steps, std::size_t at,
             std::vector<PropertyValue const*>& out) {
  std::string key = steps[at];
  bool each = key.size() > 2 && key.compare(key.size() - 2, 2, "[]") == 0;
  if (each) key.resize(key.size() - 2);
  auto it = map.find(key);
  if (it == map.end()) return;
  if (!each) return Collect(it->second, steps, at + 1, out);
  if (!it->second.is_array()) return;
  for (auto const& item : it->second.AsArray()) Collect(item, steps, at + 1, out);
}

std::vector<PropertyValue const*> At(PropertyMap const& map, std::string const& path) {
  std::vector<PropertyValue const*> out;
  Collect(map, Split(path), 0, out);
  return out;
}

std::string First(PropertyMap const& map, std::string const& path) {
  auto values = At(map, path);
  return values.empty() ? "" : Scalar(*values.front());
}

std::vector<std::string> Strings(PropertyMap const& map, std::string const& path) {
  std::vector<std::string> out;
  for (auto const* v : At(map, path)) {
    if (v->is_array()) {
      for (auto const& item : v->AsArray()) {
        if (auto s = Scalar(item); !s.empty()) out.push_back(s);
      }
    } else if (auto s = Scalar(*v); !s.empty()) {
      out.push_back(s);
    }
  }
  return out;
}

std::string Stripped(std::string const& reference) {
  for (std::string const prefix : {"https://www.googleapis.com/compute/v1/", "https://www.googleapis.com/compute/beta/",
                                   "https://compute.googleapis.com/compute/v1/", "//compute.googleapis.com/"}) {
    if (reference.rfind(prefix, 0) == 0) return reference.substr(prefix.size());
  }
  return reference;
}

std::string LastSegment(std::string const& path) { return path.substr(path.rfind('/') + 1); }

}  // namespace

std::string Res::Name() const {
  auto name = In("name");
  return name.empty() ? r->name : name;
}
std::string Res::In(std::string const& path) const { return First(r->inputs, path); }
std::string Res::Out(std::string const& path) const { return First(r->outputs, path); }
std::vector<std::string> Res::InList(std::string const& path) const { return Strings(r->inputs, path); }
std::vector<std::string> Res::OutList(std::string const& path) const { return Strings(r->outputs, path); }
bool Res::HasIn(std::string const& path) const { return !At(r->inputs, path).empty(); }
std::vector<PropertyMap const*> Res::InObjects(std::string const& path) const {
  std::vector<PropertyMap const*> out;
  for (auto const* v : At(r->inputs, path)) {
    if (v->is_object()) out.push_back(&v->AsObject());
  }
  return out;
}

std::string TextAt(PropertyMap const& map, std::string const& path) { return First(map, path); }

ResourceIndex::ResourceIndex(Plan const& plan) {
  for (auto const& project : plan.projects) {
    for (auto const& r : project.resources) {
      if (!r.custom || r.read) continue;
      all_.push_back({.r = &r, .project = project.project});
    }
  }
  for (std::size_t i = 0; i < all_.size(); ++i) {
    auto const& r = all_[i];
    for (auto const& key : {r.r->id, r.Out("selfLink"), Stripped(r.Out("selfLink"))}) {
      if (!key.empty()) by_reference_.emplace(key, i);
    }
  }
}

std::vector<Res> ResourceIndex::OfType(std::string const& type) const {
  std::vector<Res> out;
  for (auto const& r : all_) {
    if (r.Type() == type) out.push_back(r);
  }
  return out;
}

Res const* ResourceIndex::Resolve(std::string const& reference) const {
  if (reference.empty()) return nullptr;
  for (auto const& key : {reference, Stripped(reference)}) {
    if (auto it = by_reference_.find(key); it != by_reference_.end()) return &all_[it->second];
  }
  return nullptr;
}

Res const* ResourceIndex::Named(std::string const& type, std::string const& name) const {
  auto wanted = LastSegment(name);
  for (auto const& r : all_) {
    if (r.Type() == type && !wanted.empty() && r.Name() == wanted) return &r;
  }
  return nullptr;
}

std::vector<Workload> Workloads(ResourceIndex const& index) {
  std::vector<Workload> out;
  for (auto const& r : index.All()) {
    std::string revision;  // where the type keeps its revision template
    std::string kind;
    if (r.Type() == kCloudRunService) {
      revision = "template";
      kind = "Cloud Run service";
    } else if (r.Type() == kCloudRunWorkerPool) {
      revision = "template";
      kind = "Cloud Run worker pool";
    } else if (r.Type() == kCloudRunJob) {
      revision = "template.template";
      kind = "Cloud Run job";
    } else {
      continue;
    }
    Workload w{.res = r,
               .node = "run:" + r.Name(),
               .kind = kind,
               .env = {},
               .secret_volumes = {},
               .service_account = r.In(revision + ".serviceAccount"),
               .image = r.In(revision + ".containers[].image"),
               .egress = r.In(revision + ".vpcAccess.egress"),
               .subnetwork = r.In(revision + ".vpcAccess.networkInterfaces[].subnetwork")};
    if (w.egress.empty() && !w.subnetwork.empty()) w.egress = "PRIVATE_RANGES_ONLY";  // Cloud Run's default
    for (auto const* env : At(r.r->inputs, revision + ".containers[].envs[]")) {
      if (!env->is_object()) continue;
      auto const& e = env->AsObject();
      w.env.push_back({.name = First(e, "name"),
                       .value = First(e, "value"),
                       .secret = First(e, "valueSource.secretKeyRef.secret")});
    }
    w.secret_volumes = r.InList(revision + ".volumes[].secret.secret");
    out.push_back(std::move(w));
  }
  return out;
}

Endpoint EndpointOf(std::string const& value) {
  Endpoint e;
  if (value.empty() || value.front() == '/') return e;
  for (char c : value) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'') return e;
  }
  std::string rest = value;
  if (auto scheme = rest.find("://"); scheme != std::string::npos) {
    e.scheme = rest.substr(0, scheme);
    rest = rest.substr(scheme + 3);
  }
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);  // user@host
  if (auto colon = rest.rfind(':'); colon != std::string::npos) {
    e.port = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
    for (char c : e.port) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return {};
    }
  }
  for (char c : rest) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return {};
  }
  e.host = rest;
  return e;
}

std::string SecretIdOf(std::string const& reference) {
  auto at = reference.rfind("/secrets/");
  if (at == std::string::npos) return reference;
  auto id = reference.substr(at + 9);
  return id.substr(0, id.find('/'));
}

std::string MemberEmail(std::string const& member) {
  auto colon = member.find(':');
  if (colon == std::string::npos) return member;
  return member.substr(colon + 1);
}

}  // namespace apex::plan::arch
