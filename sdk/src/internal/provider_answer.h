// What Invoke and Call make of a provider's answer: its check failures as one message, and its result decoded
// (or the call's output rejected when the result is malformed).
#ifndef PULUMI_SRC_INTERNAL_PROVIDER_ANSWER_H
#define PULUMI_SRC_INTERNAL_PROVIDER_ANSWER_H

#include "internal/runtime.h"
#include "pulumi/internal/output_state.h"
#include "pulumi/property_value.h"
#include "pulumi/provider.pb.h"

#include <google/protobuf/struct.pb.h>

#include <optional>
#include <string>

namespace pulumi::internal {

/// "<doing> <token> failed:", then one line per failure ("property: reason", or the reason alone).
std::string FailuresMessage(std::string const& doing, std::string const& token,
                            google::protobuf::RepeatedPtrField<pulumirpc::CheckFailure> const& failures);

/// The provider's result map decoded. A malformed one is reported as an error of the run and rejects `out`
/// (secret and with `deps` as given); nothing is returned then.
std::optional<PropertyMap> DecodedResultOrReject(Runtime& rt, OutputState<PropertyMap>& out, std::string const& token,
                                                 google::protobuf::Struct const& result, bool secret,
                                                 Dependencies const& deps);

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_PROVIDER_ANSWER_H
