// Property values between the wire (google.protobuf.Struct with Pulumi's signature objects and unknown
// sentinels), pulumi::PropertyValue (what GcpMocks reads and returns) and the JSON of the recording, where
// the special kinds are one-key objects: {"$secret": v}, {"$unknown": true}, {"$resource": {urn, id,
// packageVersion}}, {"$output": {value, secret, dependencies}}, {"$asset": {...}}, {"$archive": {...}}.
#ifndef APEX_PEER_MONITOR_WIRE_H
#define APEX_PEER_MONITOR_WIRE_H

#include "pulumi/property_value.h"

#include <google/protobuf/struct.pb.h>
#include <nlohmann/json.hpp>

namespace apex::peer {

/// Decodes what an SDK sent; throws std::runtime_error naming the property on a malformed signature object.
pulumi::PropertyValue FromWire(google::protobuf::Value const& v);
pulumi::PropertyMap FromWire(google::protobuf::Struct const& s);

google::protobuf::Value ToWire(pulumi::PropertyValue const& v);
google::protobuf::Struct ToWire(pulumi::PropertyMap const& m);

nlohmann::json ToJson(pulumi::PropertyValue const& v);
nlohmann::json ToJson(pulumi::PropertyMap const& m);
/// The inverse of ToJson (for the stack references file); throws std::runtime_error on an unknown "$" key.
pulumi::PropertyValue FromJson(nlohmann::json const& j);

}  // namespace apex::peer

#endif  // APEX_PEER_MONITOR_WIRE_H
