// The provider's requests, decoded: every property map through the SDK's codec (a malformed value is an error
// naming its path), the type from the request or else from its URN. What the provider acts on, and what the
// fuzz target (gcpsim/fuzz) feeds with arbitrary messages.
#ifndef GCPSIM_SRC_REQUESTS_H
#define GCPSIM_SRC_REQUESTS_H

#include "pulumi/property_value.h"
#include "pulumi/provider.pb.h"

#include <absl/status/statusor.h>

#include <string>
#include <vector>

namespace pulumi::gcpsim {

struct ResourceRequest {
  std::string type;  ///< the request's type, else the last type of its URN
  std::string name;  ///< the request's name, else the URN's last part
  std::string urn;
  std::string id;
  PropertyMap news;        ///< Check/Diff: news; Create: properties; Update: news
  PropertyMap olds;        ///< Check: olds; Diff/Update: old outputs; Read/Delete: the state's outputs
  PropertyMap old_inputs;  ///< Diff/Update/Delete: the old inputs, when the engine sends them
  bool has_old_inputs = false;
  std::vector<std::string> ignore_changes;
  bool preview = false;
  std::string random_seed;
};

absl::StatusOr<ResourceRequest> Decode(pulumirpc::CheckRequest const& req);
absl::StatusOr<ResourceRequest> Decode(pulumirpc::DiffRequest const& req);
absl::StatusOr<ResourceRequest> Decode(pulumirpc::CreateRequest const& req);
absl::StatusOr<ResourceRequest> Decode(pulumirpc::ReadRequest const& req);
absl::StatusOr<ResourceRequest> Decode(pulumirpc::UpdateRequest const& req);
absl::StatusOr<ResourceRequest> Decode(pulumirpc::DeleteRequest const& req);

/// The resource type of a request: its `type` field, else the last type in its URN ("" when neither says).
std::string TypeOfRequest(std::string const& type, std::string const& urn);
/// The resource's name in the program: the URN's last part.
std::string NameOfUrn(std::string const& urn);

}  // namespace pulumi::gcpsim

#endif  // GCPSIM_SRC_REQUESTS_H
