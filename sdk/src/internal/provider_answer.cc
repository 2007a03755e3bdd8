#include "internal/provider_answer.h"

#include "internal/property_codec.h"

namespace pulumi::internal {

std::string FailuresMessage(std::string const& doing, std::string const& token,
                            google::protobuf::RepeatedPtrField<pulumirpc::CheckFailure> const& failures) {
  std::string message = doing + " " + token + " failed:";
  for (auto const& f : failures) {
    message += "\n\t" + (f.property().empty() ? std::string() : f.property() + ": ") + f.reason();
  }
  return message;
}

std::optional<PropertyMap> DecodedResultOrReject(Runtime& rt, OutputState<PropertyMap>& out, std::string const& token,
                                                 google::protobuf::Struct const& result, bool secret,
                                                 Dependencies const& deps) {
  auto decoded = DecodeMap(result);
  if (decoded.ok()) return std::move(*decoded);
  auto message = "the result of " + token + " is malformed: " + std::string(decoded.status().message());
  rt.ReportError(message);
  out.Reject(message, secret, deps);
  return std::nullopt;
}

}  // namespace pulumi::internal
