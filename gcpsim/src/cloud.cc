#include "cloud.h"

#include "rules.h"
#include "values.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>

namespace pulumi::gcpsim {
namespace {

using codegen::TypeKind;

/// Addresses from the ranges the simulated cloud holds: a network's private services access ranges (the
/// global addresses its servicenetworking connection reserved) and subnetworks' primary ranges.
class StoreAddresses : public AddressSpace {
 public:
  explicit StoreAddresses(Store& store) : store_(store) {}

  std::string PrivateServiceAddress(std::string const& network, std::string const& owner) override {
    auto connections = store_.List("gcp:servicenetworking/connection:Connection");
    if (connections.ok()) {
      for (auto const& c : *connections) {
        if (LastSegment(StringAt(c.inputs, "network")) != LastSegment(network)) continue;
        auto const* ranges = Lookup(c.inputs, "reservedPeeringRanges");
        if (!ranges || !ranges->is_array()) continue;
        for (auto const& range : ranges->AsArray()) {
          if (!range.is_string()) continue;
          auto address = FindReferenced(store_, "gcp:compute/globalAddress:GlobalAddress", range.AsString());
          if (!address.ok() || !*address) continue;
          auto const& a = **address;
          auto const* prefix = Lookup(a.inputs, "prefixLength");
          auto base = StringAt(a.outputs, "address");
          if (base.empty() || !prefix || !prefix->is_number()) continue;
          auto cidr = base + "/" + std::to_string(static_cast<int>(prefix->AsNumber()));
          auto ip = store_.Allocate("psa:" + LastSegment(network), cidr, owner);
          if (ip.ok()) {
            if (auto s = store_.RecordProducer(LastSegment(network), owner); !s.ok()) error = s;
            return *ip;
          }
          error = ip.status();
        }
      }
    }
    return fallback_.PrivateServiceAddress(network, owner);
  }

  std::string SubnetworkAddress(std::string const& subnetwork, std::string const& owner) override {
    auto found = FindReferenced(store_, "gcp:compute/subnetwork:Subnetwork", subnetwork);
    if (found.ok() && *found) {
      auto ip = store_.Allocate("subnet:" + (*found)->id, StringAt((*found)->inputs, "ipCidrRange"), owner);
      if (ip.ok()) return *ip;
      error = ip.status();
    }
    return fallback_.SubnetworkAddress(subnetwork, owner);
  }

  absl::Status error;  ///< the last allocation that failed (a full range)

 private:
  Store& store_;
  DerivedAddresses fallback_;
};

/// A plausible value Google would compute for an output the schema has and the model does not fill.
PropertyValue Plausible(codegen::Property const& p, std::string const& id, std::string const& create_time) {
  auto const& n = p.name;
  switch (p.type.kind) {
    case TypeKind::kString:
      if (n.ends_with("Time") || n.ends_with("Timestamp")) return create_time;
      if (n == "selfLink") return "https://www.googleapis.com/" + id;
      if (n == "etag" || n.ends_with("Fingerprint") || n == "fingerprint") return StableHex(id + n, 16);
      if (n == "uid" || n.ends_with("Id")) return StableHex(id + n, 20);
      if (n == "name") return LastSegment(id);
      if (n == "state" || n == "status") return "READY";
      return "";
    case TypeKind::kBoolean: return false;
    case TypeKind::kInteger:
    case TypeKind::kNumber: return 0.0;
    case TypeKind::kArray: return PropertyArray{};
    case TypeKind::kMap:
    case TypeKind::kObject: return PropertyMap{};
    default: return PropertyValue();
  }
}

constexpr char kSecretVersion[] = "gcp:secretmanager/secretVersion:SecretVersion";
constexpr char kInstance[] = "gcp:compute/instance:Instance";

/// Secret Manager numbers a secret's versions 1, 2, 3, ...: the model says 1, the cloud knows how many came
/// before (a replacement creates the next version before the old one is destroyed).
void NumberVersion(Store& store, ModelOutput& out) {
  auto prefix = out.id.substr(0, out.id.rfind('/') + 1);
  int highest = 0;
  if (auto versions = store.List(kSecretVersion); versions.ok()) {
    for (auto const& v : *versions) {
      if (v.id.starts_with(prefix)) highest = std::max(highest, std::atoi(v.id.substr(prefix.size()).c_str()));
    }
  }
  auto number = std::to_string(highest + 1);
  out.id = prefix + number;
  out.outputs["name"] = out.id;
  out.outputs["version"] = number;
}

}  // namespace

ModelOutput Cloud::Compute(std::string const& type, std::string const& name, PropertyMap const& inputs, bool preview,
                           std::string const& create_time, AddressSpace& addresses) const {
  ModelOutput out = ComputeOutputs({.type = type,
                                    .name = name,
                                    .inputs = inputs,
                                    .placement = defaults_,
                                    .preview = preview,
                                    .create_time = create_time},
                                   addresses);
  auto const* resource = catalog_.FindResource(type);
  if (!resource) return out;
  // Only what the schema knows comes back; what it has and nobody set is computed by the API.
  PropertyMap outputs;
  auto is_input = [&](std::string const& property) {
    return std::any_of(resource->input_properties.begin(), resource->input_properties.end(),
                       [&](codegen::Property const& p) { return p.name == property; });
  };
  for (auto const& p : resource->properties) {
    if (auto it = out.outputs.find(p.name); it != out.outputs.end()) {
      outputs[p.name] = it->second;
    } else if ((p.name == "effectiveLabels" || p.name == "pulumiLabels") && inputs.contains("labels")) {
      outputs[p.name] = inputs.at("labels");  // the provider's default labels are none here
    } else if (!is_input(p.name)) {
      // An output only the API sets; an optional input left unset stays unset.
      outputs[p.name] = preview ? PropertyValue::MakeComputed() : Plausible(p, out.id, create_time);
    }
  }
  for (auto const& [k, v] : out.outputs) {
    if (k.starts_with("__")) outputs[k] = v;
  }
  out.outputs = std::move(outputs);
  return out;
}

ModelOutput Cloud::PreviewCreate(std::string const& type, std::string const& name, PropertyMap const& inputs) const {
  DerivedAddresses none;
  return Compute(type, name, inputs, true, "", none);
}

absl::StatusOr<ModelOutput> Cloud::CreateIn(Store& store, std::string const& type, std::string const& urn,
                                            std::string const& name, PropertyMap const& inputs) {
  if (auto s = CheckReferences(store, type, inputs, defaults_); !s.ok()) return s;
  StoreAddresses addresses(store);
  auto created = NowRfc3339();
  ModelOutput out = Compute(type, name, inputs, false, created, addresses);
  if (!addresses.error.ok()) return addresses.error;
  if (type == kSecretVersion) NumberVersion(store, out);
  auto existing = store.Get(type, out.id);
  if (!existing.ok()) return existing.status();
  // Enabling an API that is on already succeeds (two stacks may enable one API); everything else conflicts.
  if (*existing && type != "gcp:projects/service:Service") {
    return absl::AlreadyExistsError("googleapi: Error 409: The resource '" + out.id +
                                    "' already exists, alreadyExists");
  }
  if (auto s = store.Put({.type = type,
                          .id = out.id,
                          .name = name,
                          .urn = urn,
                          .inputs = inputs,
                          .outputs = out.outputs,
                          .created = created,
                          .updated = created});
      !s.ok()) {
    return s;
  }
  if (type == kInstance) {
    if (auto s = ScheduleFirstBoot(store, out.id); !s.ok()) return s;
  }
  return out;
}

absl::StatusOr<ModelOutput> Cloud::Create(std::string const& type, std::string const& urn, std::string const& name,
                                          PropertyMap const& inputs) {
  ModelOutput out;
  auto status = store_.Write([&](Store& store) -> absl::Status {
    auto created = CreateIn(store, type, urn, name, inputs);
    if (!created.ok()) return created.status();
    out = *std::move(created);
    return BootDueVmsIn(store, false).status();
  });
  if (!status.ok()) return status;
  return out;
}

absl::StatusOr<std::optional<StoredResource>> Cloud::Read(std::string const& type, std::string const& id) {
  return store_.Get(type, id);
}

absl::StatusOr<ModelOutput> Cloud::Update(std::string const& type, std::string const& id, std::string const& urn,
                                          std::string const& name, PropertyMap const& news, bool preview) {
  auto keep_computed = [&](StoredResource const& old, ModelOutput& out) {
    // Values Google assigned on create stay as they were.
    for (auto const* key :
         {"createTime", "creationTimestamp", "uid", "uniqueId", "numericId", "instanceId", "diskId", "privateIpAddress",
          "firstIpAddress", "ipAddresses", "host", "authString", "serverCaCerts", "address"}) {
      if (auto it = old.outputs.find(key); it != old.outputs.end() && out.outputs.contains(key))
        out.outputs[key] = it->second;
    }
    out.id = id;
  };
  if (preview) {
    auto old = store_.Get(type, id);
    if (!old.ok()) return old.status();
    DerivedAddresses none;
    auto out = Compute(type, name, news, false, *old ? (*old)->created : NowRfc3339(), none);
    if (*old) keep_computed(**old, out);
    return out;
  }
  ModelOutput out;
  auto status = store_.Write([&](Store& store) -> absl::Status {
    auto old = store.Get(type, id);
    if (!old.ok()) return old.status();
    if (!*old) return absl::NotFoundError("googleapi: Error 404: The resource '" + id + "' was not found, notFound");
    if (auto s = CheckReferences(store, type, news, defaults_); !s.ok()) return s;
    StoreAddresses addresses(store);
    out = Compute(type, name, news, false, (*old)->created, addresses);
    keep_computed(**old, out);
    if (!addresses.error.ok()) return addresses.error;
    if (auto s = store.Put({.type = type,
                            .id = id,
                            .name = name,
                            .urn = urn.empty() ? (*old)->urn : urn,
                            .inputs = news,
                            .outputs = out.outputs,
                            .created = (*old)->created});
        !s.ok()) {
      return s;
    }
    return BootDueVmsIn(store, false).status();
  });
  if (!status.ok()) return status;
  return out;
}

absl::Status Cloud::Delete(std::string const& type, std::string const& id, PropertyMap const& state) {
  return store_.Write([&](Store& store) -> absl::Status {
    if (auto booted = BootDueVmsIn(store, false); !booted.ok()) return booted.status();
    auto old = store.Get(type, id);
    if (!old.ok()) return old.status();
    if (!*old) return absl::OkStatus();
    if (auto s = CheckDelete(store, **old, state); !s.ok()) return s;
    // deletionPolicy ABANDON: the provider forgets the resource and leaves it in the cloud, as pulumi-gcp does.
    if (StringAt(state, "deletionPolicy") == "ABANDON") return absl::OkStatus();
    // An API enabled with disableOnDestroy false stays enabled when its resource goes, as in pulumi-gcp.
    if (type == "gcp:projects/service:Service" && Lookup(state, "disableOnDestroy") &&
        *Lookup(state, "disableOnDestroy") == PropertyValue(false)) {
      return absl::OkStatus();
    }
    if (auto s = store.Remove(type, id); !s.ok()) return s;
    return RemoveDependents(store, **old);
  });
}

absl::StatusOr<PropertyMap> Cloud::Invoke(std::string const& token, PropertyMap const& args) {
  auto project = StringAt(args, "project");
  if (project.empty()) project = defaults_.project;
  if (token == "gcp:organizations/getProject:getProject") {
    auto id = StringAt(args, "projectId");
    if (id.empty()) id = project;
    return PropertyMap{{"projectId", id},
                       {"number", ProjectNumber(id)},
                       {"name", id},
                       {"id", "projects/" + id},
                       {"labels", PropertyMap{}}};
  }
  if (token == "gcp:organizations/getClientConfig:getClientConfig") {
    return PropertyMap{{"project", project},
                       {"region", defaults_.region},
                       {"zone", defaults_.zone},
                       {"accessToken", PropertyValue::MakeSecret("ya29.gcpsim-" + StableHex(project, 24))},
                       {"id", project}};
  }
  if (token == "gcp:compute/getNetworks:getNetworks") {
    auto networks = store_.List("gcp:compute/network:Network");
    if (!networks.ok()) return networks.status();
    PropertyArray names;
    for (auto const& n : *networks) {
      if (StringAt(n.outputs, "project") == project || StringAt(n.inputs, "project") == project) {
        names.push_back(StringAt(n.inputs, "name").empty() ? n.name : StringAt(n.inputs, "name"));
      }
    }
    return PropertyMap{{"id", "projects/" + project + "/global/networks"},
                       {"networks", std::move(names)},
                       {"project", project},
                       {"selfLink", "https://www.googleapis.com/compute/v1/projects/" + project + "/global/networks"}};
  }
  // get<Resource> functions read the resource of the same module and name from the cloud.
  auto const* function = catalog_.FindFunction(token);
  if (!function) return absl::InvalidArgumentError("unknown function " + token);
  auto colon = token.rfind(':');
  auto member = token.substr(colon + 1);
  if (!member.starts_with("get") || member.size() < 4) {
    return absl::UnimplementedError("the simulator does not model the function " + token);
  }
  auto resource_name = member.substr(3);
  auto module = token.substr(4, token.find('/') - 4);
  auto resource_token = "gcp:" + module + "/" + std::string(1, static_cast<char>(std::tolower(resource_name[0]))) +
                        resource_name.substr(1) + ":" + resource_name;
  if (!catalog_.FindResource(resource_token)) {
    return absl::UnimplementedError("the simulator does not model the function " + token);
  }
  std::string wanted;
  for (auto const* key : {"name", "secretId", "accountId", "instance", "service", "bucket"}) {
    wanted = StringAt(args, key);
    if (!wanted.empty()) break;
  }
  auto found = FindReferenced(store_, resource_token, wanted);
  if (!found.ok()) return found.status();
  if (!*found) {
    return absl::NotFoundError("googleapi: Error 404: The resource '" + wanted + "' of type " + resource_token +
                               " was not found, notFound");
  }
  PropertyMap result = (*found)->outputs;
  for (auto const& [k, v] : (*found)->inputs) result.try_emplace(k, v);
  for (auto const& [k, v] : args) result[k] = v;
  result["id"] = (*found)->id;
  return result;
}

}  // namespace pulumi::gcpsim
