#include "requests.h"

#include "values.h"

namespace pulumi::gcpsim {
namespace {

/// Decodes one property map of a request into `into`, the error naming the map and the resource.
absl::Status Map(google::protobuf::Struct const& s, char const* what, std::string const& urn, PropertyMap& into) {
  auto decoded = FromWire(s);
  if (!decoded.ok()) {
    return absl::InvalidArgumentError(std::string(what) + " of " + (urn.empty() ? "the resource" : urn) + ": " +
                                      std::string(decoded.status().message()));
  }
  into = *std::move(decoded);
  return absl::OkStatus();
}

ResourceRequest Identity(std::string const& urn, std::string const& type, std::string const& name,
                         std::string id = "") {
  ResourceRequest r;
  r.urn = urn;
  r.type = TypeOfRequest(type, urn);
  r.name = name.empty() ? NameOfUrn(urn) : name;
  r.id = std::move(id);
  return r;
}

}  // namespace

std::string TypeOfRequest(std::string const& type, std::string const& urn) {
  if (!type.empty()) return type;
  // urn:pulumi:<stack>::<project>::<parent types$...$type>::<name>
  auto end = urn.rfind("::");
  if (end == std::string::npos || end == 0) return "";
  auto start = urn.rfind("::", end - 1);
  if (start == std::string::npos) return "";
  auto qualified = urn.substr(start + 2, end - start - 2);
  return qualified.substr(qualified.rfind('$') + 1);
}

std::string NameOfUrn(std::string const& urn) {
  auto pos = urn.rfind("::");
  return pos == std::string::npos ? urn : urn.substr(pos + 2);
}

absl::StatusOr<ResourceRequest> Decode(pulumirpc::CheckRequest const& req) {
  auto r = Identity(req.urn(), req.type(), req.name());
  if (auto s = Map(req.news(), "the inputs", req.urn(), r.news); !s.ok()) return s;
  if (auto s = Map(req.olds(), "the old inputs", req.urn(), r.olds); !s.ok()) return s;
  r.random_seed = req.randomseed();
  return r;
}

absl::StatusOr<ResourceRequest> Decode(pulumirpc::DiffRequest const& req) {
  auto r = Identity(req.urn(), req.type(), req.name(), req.id());
  if (auto s = Map(req.news(), "the inputs", req.urn(), r.news); !s.ok()) return s;
  if (auto s = Map(req.olds(), "the old outputs", req.urn(), r.olds); !s.ok()) return s;
  if (auto s = Map(req.old_inputs(), "the old inputs", req.urn(), r.old_inputs); !s.ok()) return s;
  r.has_old_inputs = req.has_old_inputs() && !req.old_inputs().fields().empty();
  r.ignore_changes.assign(req.ignorechanges().begin(), req.ignorechanges().end());
  return r;
}

absl::StatusOr<ResourceRequest> Decode(pulumirpc::CreateRequest const& req) {
  auto r = Identity(req.urn(), req.type(), req.name());
  if (auto s = Map(req.properties(), "the inputs", req.urn(), r.news); !s.ok()) return s;
  r.preview = req.preview();
  return r;
}

absl::StatusOr<ResourceRequest> Decode(pulumirpc::ReadRequest const& req) {
  auto r = Identity(req.urn(), req.type(), req.name(), req.id());
  if (auto s = Map(req.properties(), "the state", req.urn(), r.olds); !s.ok()) return s;
  if (auto s = Map(req.inputs(), "the old inputs", req.urn(), r.old_inputs); !s.ok()) return s;
  return r;
}

absl::StatusOr<ResourceRequest> Decode(pulumirpc::UpdateRequest const& req) {
  auto r = Identity(req.urn(), req.type(), req.name(), req.id());
  if (auto s = Map(req.news(), "the inputs", req.urn(), r.news); !s.ok()) return s;
  if (auto s = Map(req.olds(), "the old outputs", req.urn(), r.olds); !s.ok()) return s;
  if (auto s = Map(req.old_inputs(), "the old inputs", req.urn(), r.old_inputs); !s.ok()) return s;
  r.ignore_changes.assign(req.ignorechanges().begin(), req.ignorechanges().end());
  r.preview = req.preview();
  return r;
}

absl::StatusOr<ResourceRequest> Decode(pulumirpc::DeleteRequest const& req) {
  auto r = Identity(req.urn(), req.type(), req.name(), req.id());
  if (auto s = Map(req.properties(), "the state", req.urn(), r.olds); !s.ok()) return s;
  if (auto s = Map(req.old_inputs(), "the old inputs", req.urn(), r.old_inputs); !s.ok()) return s;
  return r;
}

}  // namespace pulumi::gcpsim
