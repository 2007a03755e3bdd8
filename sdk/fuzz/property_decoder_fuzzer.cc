// libFuzzer target for the property decoder (sdk/src/internal/property_codec.cc).
//
// Input: one mode byte, then the payload.
//   'J' + JSON text of a google.protobuf.Value (JsonStringToMessage): reaches signature objects quickly;
//   anything else + the binary google.protobuf.Value (ParseFromArray): reaches what JSON cannot say (NaN,
//   unset kinds, invalid UTF-8 where protobuf lets it through).
// For every input that decodes, it checks that
//   * decode(encode(v)) == v when everything is kept (secrets, resources, output values);
//   * every other encoder option set produces something that decodes, loses no unknowns, and sends no secrets
//     when neither secrets nor output values are kept;
//   * ToString() works and never depends on what is inside a secret;
//   * WithoutSecrets() leaves no secrets and keeps the unknowns;
//   * DecodeMap agrees with DecodeValue on objects.
// A broken property aborts with both values printed in full.
#include "internal/property_codec.h"
#include "pulumi/property_value.h"
#include "support/property_debug.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

namespace {

using pulumi::OutputValue;
using pulumi::PropertyArray;
using pulumi::PropertyMap;
using pulumi::PropertyValue;
using pulumi::internal::DecodeMap;
using pulumi::internal::DecodeValue;
using pulumi::internal::EncodeOptions;
using pulumi::internal::EncodeValue;

constexpr EncodeOptions kKeepAll{.keep_secrets = true, .keep_resources = true, .keep_output_values = true};

[[noreturn]] void Fail(char const* what, PropertyValue const& a, PropertyValue const* b = nullptr) {
  std::ostringstream os;
  pulumi::testing_util::DebugRender(os, a);
  std::fprintf(stderr, "property codec invariant broken: %s\n  value: %s\n", what, os.str().c_str());
  if (b) {
    std::ostringstream os2;
    pulumi::testing_util::DebugRender(os2, *b);
    std::fprintf(stderr, "  other: %s\n", os2.str().c_str());
  }
  std::abort();
}

// NaN is not equal to itself, so values holding one cannot be compared with ==.
bool ContainsNaN(PropertyValue const& v) {
  using K = PropertyValue::Kind;
  switch (v.kind()) {
    case K::kNumber: return std::isnan(v.AsNumber());
    case K::kSecret: return ContainsNaN(v.SecretElement());
    case K::kOutput: return v.AsOutput().value && ContainsNaN(*v.AsOutput().value);
    case K::kArray:
      for (auto const& e : v.AsArray()) {
        if (ContainsNaN(e)) return true;
      }
      return false;
    case K::kObject:
      for (auto const& [k, e] : v.AsObject()) {
        if (ContainsNaN(e)) return true;
      }
      return false;
    default: return false;
  }
}

PropertyValue ScrambleSecrets(PropertyValue const& v) {
  using K = PropertyValue::Kind;
  switch (v.kind()) {
    case K::kSecret: return PropertyValue::MakeSecret("<scrambled>");
    case K::kOutput: {
      OutputValue o = v.AsOutput();
      if (o.value) {
        o.value =
            std::make_shared<PropertyValue const>(o.secret ? PropertyValue("<scrambled>") : ScrambleSecrets(*o.value));
      }
      return o;
    }
    case K::kArray: {
      PropertyArray out;
      for (auto const& e : v.AsArray()) out.push_back(ScrambleSecrets(e));
      return out;
    }
    case K::kObject: {
      PropertyMap out;
      for (auto const& [k, e] : v.AsObject()) out.emplace(k, ScrambleSecrets(e));
      return out;
    }
    default: return v;
  }
}

void CheckDecoded(PropertyValue const& v) {
  bool const has_nan = ContainsNaN(v);
  bool const unknowns = v.ContainsUnknowns();
  if (!has_nan && !(v == v)) Fail("a value is not equal to itself", v);

  std::string const rendered = v.ToString();
  if (rendered != ScrambleSecrets(v).ToString()) Fail("ToString depends on the contents of a secret", v);

  PropertyValue const plain = v.WithoutSecrets();
  if (plain.ContainsSecrets()) Fail("WithoutSecrets left a secret", v, &plain);
  if (plain.ContainsUnknowns() != unknowns) Fail("WithoutSecrets changed ContainsUnknowns", v, &plain);
  if (!v.ContainsSecrets() && !has_nan && !(plain == v))
    Fail("WithoutSecrets changed a value without secrets", v, &plain);

  auto again = DecodeValue(EncodeValue(v, kKeepAll));
  if (!again.ok()) Fail("the encoding of a decoded value does not decode", v);
  if (!has_nan && !(*again == v)) Fail("decode(encode(v)) != v", v, &*again);

  for (int mask = 0; mask < 8; ++mask) {
    EncodeOptions opts{
        .keep_secrets = (mask & 1) != 0, .keep_resources = (mask & 2) != 0, .keep_output_values = (mask & 4) != 0};
    auto d = DecodeValue(EncodeValue(v, opts));
    if (!d.ok()) Fail("an encoding under some options does not decode", v);
    if (unknowns && !d->ContainsUnknowns()) Fail("encoding lost an unknown", v, &*d);
    if (!opts.keep_secrets && !opts.keep_output_values && d->ContainsSecrets()) {
      Fail("encoding without secrets sent a secret", v, &*d);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // Protobuf logs every invalid UTF-8 string it parses; that is noise here.
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size) {
  if (size == 0) return 0;
  google::protobuf::Value wire;
  auto const* payload = reinterpret_cast<char const*>(data + 1);
  size_t const payload_size = size - 1;
  if (data[0] == 'J') {
    if (!google::protobuf::util::JsonStringToMessage(std::string(payload, payload_size), &wire).ok()) return 0;
  } else {
    if (payload_size > static_cast<size_t>(INT32_MAX) ||
        !wire.ParseFromArray(payload, static_cast<int>(payload_size))) {
      return 0;
    }
  }

  auto decoded = DecodeValue(wire);
  if (wire.has_struct_value()) {
    auto as_map = DecodeMap(wire.struct_value());
    bool const is_sig = wire.struct_value().fields().contains(std::string(pulumi::internal::kSigKey));
    if (!is_sig && as_map.ok() != decoded.ok()) Fail("DecodeMap and DecodeValue disagree", PropertyValue());
    if (!is_sig && as_map.ok() && !ContainsNaN(*decoded) && !(PropertyValue(*as_map) == *decoded)) {
      PropertyValue m(*as_map);
      Fail("DecodeMap and DecodeValue decode differently", *decoded, &m);
    }
  }
  if (!decoded.ok()) {
    if (decoded.status().message().empty()) Fail("an error without a message", PropertyValue());
    return 0;
  }
  CheckDecoded(*decoded);
  return 0;
}
