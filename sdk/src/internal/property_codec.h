// Property values on the wire: PropertyValue <-> google.protobuf.Value/Struct with Pulumi's signature
// objects and unknown sentinels (shared/pulumi-protocol.md section 3).
#ifndef PULUMI_SRC_INTERNAL_PROPERTY_CODEC_H
#define PULUMI_SRC_INTERNAL_PROPERTY_CODEC_H

#include "pulumi/property_value.h"

#include <google/protobuf/struct.pb.h>

#include <absl/status/statusor.h>

#include <string_view>

namespace pulumi::internal {

inline constexpr std::string_view kSigKey = "4dabf18193072939515e22adb298388d";
inline constexpr std::string_view kSecretSig = "1b47061264138c4ac30d75fd1eb44270";
inline constexpr std::string_view kResourceReferenceSig = "5cf8f73096256a8f31e491e813e4eb8e";
inline constexpr std::string_view kOutputValueSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
inline constexpr std::string_view kAssetSig = "c44067f5952c0a294b673a41bacd8c17";
inline constexpr std::string_view kArchiveSig = "0def7320c3a5731c473e5ecbe6d01bc7";
inline constexpr std::string_view kByteStringSig = "803fd3297a5875dc03ca845dda5d2a98";

/// The sentinel the SDKs send for any unknown value.
inline constexpr std::string_view kUnknownStringValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/// Every unknown sentinel a receiver must accept (string/any, bool, number, array, asset, archive, object).
bool IsUnknownSentinel(std::string_view s);

struct EncodeOptions {
  /// Send secrets as secret objects (else as their plain value, e.g. for invokes the SDK tracks secrecy).
  bool keep_secrets = true;
  /// Send resource references as reference objects (else as id or URN strings).
  bool keep_resources = true;
  /// Send output values as output value objects (else as plain, secret or unknown values).
  bool keep_output_values = false;
  /// Send strings that are not valid UTF-8 as byte-string objects (protobuf's string fields cannot carry
  /// them), when the engine accepts those (RESOURCE_MONITOR_FEATURE_BYTE_STRING).
  bool keep_byte_strings = false;
};

/// True if `s` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view s);

google::protobuf::Value EncodeValue(PropertyValue const& v, EncodeOptions const& opts = {});
google::protobuf::Struct EncodeMap(PropertyMap const& m, EncodeOptions const& opts = {});

/// Decodes what the engine sent. Malformed signature objects are an error naming the path.
absl::StatusOr<PropertyValue> DecodeValue(google::protobuf::Value const& v);
absl::StatusOr<PropertyMap> DecodeMap(google::protobuf::Struct const& s);

}  // namespace pulumi::internal

#endif  // PULUMI_SRC_INTERNAL_PROPERTY_CODEC_H
