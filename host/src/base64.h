// Base64 (RFC 4648, standard alphabet) decoding: schemas and package files carry parameter values as base64,
// the engine wants their bytes.
#ifndef PULUMI_HOST_BASE64_H
#define PULUMI_HOST_BASE64_H

#include <optional>
#include <string>
#include <string_view>

namespace pulumi::host {

/// The bytes of `text` (padding optional, no whitespace), or std::nullopt if it is not base64.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace pulumi::host

#endif  // PULUMI_HOST_BASE64_H
