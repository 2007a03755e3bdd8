// Property values on the wire: table-driven protocol fixtures (fixtures/*.json, described in fixtures/README.md)
// plus unit tests of PropertyValue itself.
#include "internal/property_codec.h"
#include "internal/deep_call.h"
#include "pulumi/property_value.h"
#include "support/property_debug.h"

#include <absl/status/status.h>
#include <absl/strings/escaping.h>
#include <gmock/gmock.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/support/byte_buffer.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef PULUMI_CODEC_FIXTURES_DIR
#error "PULUMI_CODEC_FIXTURES_DIR must name the fixtures directory"
#endif

namespace pulumi {

// A full rendering for test diagnostics: unlike ToString() (what gtest prints), it shows what is inside secrets.
std::string Debug(PropertyValue const& v) {
  std::ostringstream os;
  testing_util::DebugRender(os, v);
  return os.str();
}

namespace {

using internal::DecodeMap;
using internal::DecodeValue;
using internal::EncodeMap;
using internal::EncodeOptions;
using internal::EncodeValue;
using json = nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr EncodeOptions kKeepAll{.keep_secrets = true, .keep_resources = true, .keep_output_values = true};

// --- the fixture DSL -----------------------------------------------------------------------------------------

std::string const& RequireStringField(json const& j, char const* key) {
  if (!j.contains(key) || !j.at(key).is_string())
    throw std::runtime_error(std::string("DSL: needs string '") + key + "'");
  return j.at(key).get_ref<std::string const&>();
}

void RequireOnlyKeys(json const& j, std::vector<std::string> const& allowed, char const* what) {
  if (!j.is_object()) throw std::runtime_error(std::string("DSL: ") + what + " must be an object");
  for (auto const& [k, unused] : j.items()) {
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      throw std::runtime_error(std::string("DSL: unexpected key '") + k + "' in " + what);
    }
  }
}

PropertyValue FromDsl(json const& j);

PropertyMap MapFromDsl(json const& j) {
  PropertyMap m;
  for (auto const& [k, e] : j.items()) m.emplace(k, FromDsl(e));
  return m;
}

// See fixtures/README.md.
PropertyValue FromDsl(json const& j) {
  switch (j.type()) {
    case json::value_t::null: return PropertyValue();
    case json::value_t::boolean: return PropertyValue(j.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return PropertyValue(j.get<double>());
    case json::value_t::string: return PropertyValue(j.get<std::string>());
    case json::value_t::array: {
      PropertyArray a;
      for (auto const& e : j) a.push_back(FromDsl(e));
      return a;
    }
    case json::value_t::object: break;
    default: throw std::runtime_error("DSL: unsupported JSON value " + j.dump());
  }
  if (j.size() != 1 || !j.begin().key().starts_with("$")) return MapFromDsl(j);
  std::string const& tag = j.begin().key();
  json const& body = j.begin().value();
  if (tag == "$object") return MapFromDsl(body);
  if (tag == "$secret") return PropertyValue::MakeSecret(FromDsl(body));
  if (tag == "$computed") {
    if (body != json(true)) throw std::runtime_error("DSL: $computed takes true");
    return PropertyValue::MakeComputed();
  }
  if (tag == "$bytes") {
    std::string bytes;
    if (!body.is_string() || !absl::Base64Unescape(body.get<std::string>(), &bytes)) {
      throw std::runtime_error("DSL: $bytes takes base64");
    }
    return PropertyValue(std::move(bytes));
  }
  if (tag == "$ref") {
    RequireOnlyKeys(body, {"urn", "id", "packageVersion"}, "$ref");
    ResourceReference r;
    r.urn = RequireStringField(body, "urn");
    if (body.contains("id")) r.id = RequireStringField(body, "id");
    if (body.contains("packageVersion")) r.package_version = RequireStringField(body, "packageVersion");
    return r;
  }
  if (tag == "$output") {
    RequireOnlyKeys(body, {"value", "secret", "dependencies"}, "$output");
    OutputValue o;
    if (body.contains("value")) o.value = std::make_shared<PropertyValue const>(FromDsl(body.at("value")));
    o.secret = body.value("secret", false);
    if (body.contains("dependencies")) o.dependencies = body.at("dependencies").get<std::vector<std::string>>();
    return o;
  }
  if (tag == "$asset") {
    RequireOnlyKeys(body, {"text", "path", "uri", "hash"}, "$asset");
    Asset a;
    if (body.contains("text")) {
      a.source = Asset::Source::kText;
      a.value = RequireStringField(body, "text");
    } else if (body.contains("path")) {
      a.source = Asset::Source::kPath;
      a.value = RequireStringField(body, "path");
    } else {
      a.source = Asset::Source::kUri;
      a.value = RequireStringField(body, "uri");
    }
    if (body.contains("hash")) a.hash = RequireStringField(body, "hash");
    return a;
  }
  if (tag == "$archive") {
    RequireOnlyKeys(body, {"assets", "path", "uri", "hash"}, "$archive");
    Archive a;
    if (body.contains("assets")) {
      a.source = Archive::Source::kAssets;
      a.assets = std::make_shared<PropertyMap const>(MapFromDsl(body.at("assets")));
    } else if (body.contains("path")) {
      a.source = Archive::Source::kPath;
      a.value = RequireStringField(body, "path");
    } else {
      a.source = Archive::Source::kUri;
      a.value = RequireStringField(body, "uri");
    }
    if (body.contains("hash")) a.hash = RequireStringField(body, "hash");
    return a;
  }
  throw std::runtime_error("DSL: unknown tag " + tag + " (escape plain objects with $object)");
}

google::protobuf::Value WireFromJson(json const& j) {
  google::protobuf::Value v;
  auto status = google::protobuf::util::JsonStringToMessage(j.dump(), &v);
  if (!status.ok()) throw std::runtime_error("wire JSON does not parse as google.protobuf.Value: " + status.ToString());
  return v;
}

std::string WireToJson(google::protobuf::Value const& v) {
  std::string out;
  auto status = google::protobuf::util::MessageToJsonString(v, &out);
  return status.ok() ? out : "<not JSON: " + status.ToString() + ">";
}

bool WireEquals(google::protobuf::Value const& a, google::protobuf::Value const& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

EncodeOptions OptionsFromJson(json const& j) {
  RequireOnlyKeys(j, {"keep_secrets", "keep_resources", "keep_output_values"}, "options");
  EncodeOptions o = kKeepAll;
  o.keep_secrets = j.value("keep_secrets", o.keep_secrets);
  o.keep_resources = j.value("keep_resources", o.keep_resources);
  o.keep_output_values = j.value("keep_output_values", o.keep_output_values);
  return o;
}

/// The value with every secret's contents replaced: ToString() must not notice the difference.
PropertyValue ScrambleSecrets(PropertyValue const& v) {
  using K = PropertyValue::Kind;
  static PropertyValue const kScrambled("<scrambled secret contents>");
  switch (v.kind()) {
    case K::kSecret: return PropertyValue::MakeSecret(kScrambled);
    case K::kOutput: {
      OutputValue o = v.AsOutput();
      if (o.value) {
        o.value = std::make_shared<PropertyValue const>(o.secret ? kScrambled : ScrambleSecrets(*o.value));
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

// --- the fixture table ---------------------------------------------------------------------------------------

struct FixtureFile {
  std::filesystem::path path;
};

void PrintTo(FixtureFile const& f, std::ostream* os) { *os << f.path.filename().string(); }

std::vector<FixtureFile> FixtureFiles() {
  std::vector<FixtureFile> files;
  for (auto const& entry : std::filesystem::directory_iterator(PULUMI_CODEC_FIXTURES_DIR)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back({entry.path()});
  }
  std::sort(files.begin(), files.end(), [](auto const& a, auto const& b) { return a.path < b.path; });
  return files;
}

json ReadJson(std::filesystem::path const& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return json::parse(in);
}

class PropertyCodecFixtureTest : public ::testing::TestWithParam<FixtureFile> {};

TEST_P(PropertyCodecFixtureTest, Fixture) {
  json const f = ReadJson(GetParam().path);
  RequireOnlyKeys(f, {"name", "description", "wire", "expect", "roundtrip", "options", "encoded", "error"}, "fixture");
  ASSERT_EQ(f.value("name", ""), GetParam().path.stem().string()) << "a fixture's name is its file name";
  ASSERT_TRUE(f.contains("wire"));
  google::protobuf::Value const wire = WireFromJson(f.at("wire"));
  auto decoded = DecodeValue(wire);

  if (f.contains("error")) {
    ASSERT_FALSE(f.contains("expect") || f.contains("roundtrip") || f.contains("encoded") || f.contains("options"));
    ASSERT_FALSE(decoded.ok()) << "decoded to " << Debug(*decoded);
    EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
    for (auto const& needle : f.at("error")) {
      EXPECT_THAT(std::string(decoded.status().message()), HasSubstr(needle.get<std::string>()));
    }
    if (wire.has_struct_value() && !wire.struct_value().fields().contains(std::string(internal::kSigKey))) {
      // The same object as a top-level property map fails the same way.
      auto as_map = DecodeMap(wire.struct_value());
      ASSERT_FALSE(as_map.ok());
      EXPECT_EQ(as_map.status().message(), decoded.status().message());
    }
    return;
  }

  ASSERT_TRUE(f.contains("expect") && f.contains("roundtrip")) << "a fixture needs expect and roundtrip, or error";
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  PropertyValue const expected = FromDsl(f.at("expect"));
  EXPECT_EQ(*decoded, expected);
  EXPECT_EQ(expected, *decoded);

  EncodeOptions const opts = f.contains("options") ? OptionsFromJson(f.at("options")) : kKeepAll;
  google::protobuf::Value const encoded = EncodeValue(*decoded, opts);
  if (f.at("roundtrip").get<bool>()) {
    ASSERT_FALSE(f.contains("encoded")) << "a round-tripping fixture is encoded as its wire form";
    EXPECT_TRUE(WireEquals(encoded, wire)) << "encoded: " << WireToJson(encoded) << "\nwire:    " << WireToJson(wire);
  } else {
    EXPECT_FALSE(WireEquals(encoded, wire)) << "the fixture round-trips: set roundtrip to true";
  }
  if (f.contains("encoded")) {
    google::protobuf::Value const want = WireFromJson(f.at("encoded"));
    EXPECT_TRUE(WireEquals(encoded, want)) << "encoded: " << WireToJson(encoded) << "\nwant:    " << WireToJson(want);
  }

  // Whatever the wire form, the decoded value survives an encode/decode round trip that keeps everything.
  auto again = DecodeValue(EncodeValue(*decoded, kKeepAll));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, *decoded);

  // A top-level object decodes the same through DecodeMap, and EncodeMap agrees with EncodeValue.
  if (decoded->is_object()) {
    auto as_map = DecodeMap(wire.struct_value());
    ASSERT_TRUE(as_map.ok()) << as_map.status();
    EXPECT_EQ(PropertyValue(*as_map), *decoded);
    google::protobuf::Value map_encoded;
    *map_encoded.mutable_struct_value() = EncodeMap(*as_map, opts);
    EXPECT_TRUE(WireEquals(map_encoded, encoded)) << WireToJson(map_encoded) << "\n" << WireToJson(encoded);
  }

  // Diagnostics never show what is inside a secret.
  EXPECT_EQ(decoded->ToString(), ScrambleSecrets(*decoded).ToString());
  // Without secrets there are none left, and nothing else changes.
  PropertyValue const plain = decoded->WithoutSecrets();
  EXPECT_FALSE(plain.ContainsSecrets());
  EXPECT_EQ(plain.ContainsUnknowns(), decoded->ContainsUnknowns());
  if (!decoded->ContainsSecrets()) {
    EXPECT_EQ(plain, *decoded);
  }
  // Not keeping secrets (nor output values, which carry their own secret flag) sends no secrets.
  EncodeOptions no_secrets = opts;
  no_secrets.keep_secrets = false;
  no_secrets.keep_output_values = false;
  auto unwrapped = DecodeValue(EncodeValue(*decoded, no_secrets));
  ASSERT_TRUE(unwrapped.ok()) << unwrapped.status();
  EXPECT_FALSE(unwrapped->ContainsSecrets()) << Debug(*unwrapped);
}

std::string FixtureTestName(::testing::TestParamInfo<FixtureFile> const& param) {
  std::string name = param.param.path.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PropertyCodecFixtureTest, ::testing::ValuesIn(FixtureFiles()), FixtureTestName);

TEST(PropertyCodecFixtures, DirectoryHoldsFixtures) { EXPECT_GE(FixtureFiles().size(), 50u); }

// --- codec cases the fixtures cannot express -----------------------------------------------------------------

TEST(PropertyCodecTest, EveryUnknownSentinelIsRecognised) {
  for (char const* s : {"04da6b54-80e4-46f7-96ec-b56ff0331ba9", "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
                        "3eeb2bf0-c639-47a8-9e75-3b44932eb421", "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
                        "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a",
                        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff"}) {
    EXPECT_TRUE(internal::IsUnknownSentinel(s)) << s;
  }
  EXPECT_FALSE(internal::IsUnknownSentinel(""));
  EXPECT_FALSE(internal::IsUnknownSentinel("04da6b54-80e4-46f7-96ec-b56ff0331ba"));
}

TEST(PropertyCodecTest, DefaultOptionsKeepSecretsAndResourcesButNotOutputValues) {
  EncodeOptions opts;
  EXPECT_TRUE(opts.keep_secrets);
  EXPECT_TRUE(opts.keep_resources);
  EXPECT_FALSE(opts.keep_output_values);
  OutputValue o;
  o.value = std::make_shared<PropertyValue const>("x");
  EXPECT_EQ(EncodeValue(o).string_value(), "x");
}

TEST(PropertyCodecTest, MissingKindDecodesAsNull) {
  auto d = DecodeValue(google::protobuf::Value());
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->is_null());
}

TEST(PropertyCodecTest, DeepNestingIsAnErrorNotACrash) {
  google::protobuf::Value root;
  google::protobuf::Value* cur = &root;
  for (int i = 0; i < 2000; ++i) cur = cur->mutable_list_value()->add_values();
  cur->set_string_value("leaf");
  auto d = DecodeValue(root);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(std::string(d.status().message()), HasSubstr("nested too deeply"));
  EXPECT_THAT(std::string(d.status().message()), HasSubstr("[0][0][0]"));
}

TEST(PropertyCodecTest, AMapNested300LevelsDecodesFromTheWire) {
  // As the conformance suite's l2-large-map: {"next": {"next": ... {"value": "leaf"}}}, 300 levels.
  google::protobuf::Struct root;
  google::protobuf::Struct* cur = &root;
  for (int i = 0; i < 300; ++i) cur = (*cur->mutable_fields())["next"].mutable_struct_value();
  (*cur->mutable_fields())["value"].set_string_value("leaf");
  grpc::Slice bytes(root.SerializeAsString());
  grpc::ByteBuffer buffer(&bytes, 1);
  // protobuf's own parser stops at 100 levels; ParseDeep, which the monitor stub uses, does not.
  google::protobuf::Struct shallow;
  EXPECT_FALSE(shallow.ParseFromString(root.SerializeAsString()));
  google::protobuf::Struct parsed;
  ASSERT_TRUE(internal::ParseDeep(&buffer, &parsed));
  auto d = DecodeMap(parsed);
  ASSERT_TRUE(d.ok()) << d.status();
  PropertyValue const* v = &d->at("next");
  for (int i = 1; i < 300; ++i) v = &v->AsObject().at("next");
  EXPECT_EQ(v->AsObject().at("value"), PropertyValue("leaf"));
}

TEST(PropertyCodecTest, ModerateNestingDecodes) {
  google::protobuf::Value root;
  google::protobuf::Value* cur = &root;
  for (int i = 0; i < 100; ++i)
    cur = (*cur->mutable_struct_value()->mutable_fields())["k"].mutable_list_value()->add_values();
  cur->set_bool_value(true);
  auto d = DecodeValue(root);
  ASSERT_TRUE(d.ok()) << d.status();
  auto again = DecodeValue(EncodeValue(*d, kKeepAll));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *d);
}

TEST(PropertyCodecTest, DecodeMapNamesTopLevelKeys) {
  google::protobuf::Struct s;
  (*s.mutable_fields())["ok"].set_number_value(1);
  auto& bad = (*(*s.mutable_fields())["bad"].mutable_struct_value()->mutable_fields());
  bad[std::string(internal::kSigKey)].set_string_value(std::string(internal::kSecretSig));
  auto m = DecodeMap(s);
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(std::string(m.status().message()), HasSubstr("property bad: secret has no value"));
}

TEST(PropertyCodecTest, ConstructedValuesRoundTrip) {
  PropertyMap assets{{"a.txt", StringAsset("a")}, {"b", FileArchive("./b.zip")}, {"c", RemoteAsset("https://x/c")}};
  OutputValue unknown_secret;
  unknown_secret.secret = true;
  unknown_secret.dependencies = {"urn:pulumi:s::p::t::n"};
  PropertyValue v = PropertyMap{
      {"archive", AssetArchive(assets)},
      {"empty_archive", AssetArchive({})},
      {"default_archive", Archive{}},
      {"default_asset", Asset{}},
      {"file", FileAsset("./f")},
      {"remote", RemoteArchive("https://x/r.zip")},
      {"secret", PropertyValue::MakeSecret(PropertyArray{1, "two", PropertyValue::MakeComputed()})},
      {"ref", ResourceReference{"urn:pulumi:s::p::t::n", std::string("id-1"), "1.0.0"}},
      {"component", ResourceReference{"urn:pulumi:s::p::c::n", std::nullopt, ""}},
      {"output", unknown_secret},
      {"int", std::int64_t{1} << 40},
      {"neg_zero", -0.0},
  };
  auto d = DecodeValue(EncodeValue(v, kKeepAll));
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(*d, v);
}

TEST(PropertyCodecTest, ByteStringBytesSurviveAsAString) {
  google::protobuf::Value w;
  auto& f = *w.mutable_struct_value()->mutable_fields();
  f[std::string(internal::kSigKey)].set_string_value(std::string(internal::kByteStringSig));
  f["value"].set_string_value(absl::Base64Escape(std::string("\x00\xff\x80z", 4)));
  auto d = DecodeValue(w);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->AsString(), std::string("\x00\xff\x80z", 4));
}

TEST(PropertyCodecTest, BytesThatAreNotUtf8TravelAsByteStringsWhenTheEngineTakesThem) {
  std::string raw("\x00hello \x80\xfe\xff world\xf0(", 18);
  auto w = EncodeValue(PropertyValue(raw), {.keep_byte_strings = true});
  ASSERT_TRUE(w.has_struct_value());
  auto const& f = w.struct_value().fields();
  EXPECT_EQ(f.at(std::string(internal::kSigKey)).string_value(), internal::kByteStringSig);
  EXPECT_EQ(f.at("value").string_value(), "AGhlbGxvIID+/yB3b3JsZPAo");
  auto d = DecodeValue(w);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->AsString(), raw);
  // Valid UTF-8 stays a plain string; without the engine's support, bytes are sent as they are.
  EXPECT_EQ(EncodeValue(PropertyValue("h\xc3\xa9llo"), {.keep_byte_strings = true}).string_value(), "h\xc3\xa9llo");
  EXPECT_EQ(EncodeValue(PropertyValue(raw)).string_value(), raw);
}

TEST(PropertyCodecTest, Utf8Validation) {
  using internal::IsValidUtf8;
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));  // é € 😀
  EXPECT_FALSE(IsValidUtf8("\x80"));                                 // a stray continuation byte
  EXPECT_FALSE(IsValidUtf8("\xc3"));                                 // cut short
  EXPECT_FALSE(IsValidUtf8("\xe2\x82"));                             // cut short
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));                             // overlong
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));                         // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));                     // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xff"));
}

// --- PropertyValue -------------------------------------------------------------------------------------------

TEST(PropertyValueTest, KindsAndAccessors) {
  EXPECT_TRUE(PropertyValue().is_null());
  EXPECT_TRUE(PropertyValue(nullptr).is_null());
  EXPECT_TRUE(PropertyValue(true).AsBool());
  EXPECT_EQ(PropertyValue(3).AsNumber(), 3.0);
  EXPECT_EQ(PropertyValue("s").AsString(), "s");
  EXPECT_EQ(PropertyValue(PropertyArray{1, 2}).AsArray().size(), 2u);
  EXPECT_EQ(PropertyValue(PropertyMap{{"a", 1}}).AsObject().at("a"), PropertyValue(1));
  EXPECT_TRUE(PropertyValue::MakeComputed().is_computed());
  EXPECT_TRUE(PropertyValue(StringAsset("x")).is_asset());
  EXPECT_TRUE(PropertyValue(FileArchive("x")).is_archive());
  EXPECT_THROW(PropertyValue(1).AsString(), std::logic_error);
  EXPECT_THROW(PropertyValue("1").AsNumber(), std::logic_error);
  EXPECT_THROW(PropertyValue().SecretElement(), std::logic_error);
  EXPECT_THROW(PropertyValue::MakeSecret(1).AsNumber(), std::logic_error);
  EXPECT_THROW(PropertyValue(PropertyArray{}).AsObject(), std::logic_error);
  EXPECT_THROW(PropertyValue(StringAsset("x")).AsArchive(), std::logic_error);
}

TEST(PropertyValueTest, MakeSecretDoesNotNest) {
  PropertyValue s = PropertyValue::MakeSecret(PropertyValue::MakeSecret("x"));
  ASSERT_TRUE(s.is_secret());
  EXPECT_EQ(s.SecretElement(), PropertyValue("x"));
}

TEST(PropertyValueTest, ToStringRendersJsonLikeText) {
  PropertyValue v = PropertyMap{{"b", PropertyArray{1, 2.5, true, nullptr}}, {"a", "q\"\n"}};
  EXPECT_EQ(v.ToString(), R"({"a":"q\"\n","b":[1,2.5,true,null]})");
  EXPECT_EQ(PropertyValue::MakeComputed().ToString(), "[unknown]");
  EXPECT_EQ(PropertyValue(StringAsset("text")).ToString(), "[asset]");
  EXPECT_EQ(PropertyValue(AssetArchive({})).ToString(), "[archive]");
  EXPECT_EQ(PropertyValue(ResourceReference{"urn:x", std::string("i"), ""}).ToString(), "[resource urn:x]");
}

TEST(PropertyValueTest, ToStringNeverPrintsSecrets) {
  OutputValue secret_output;
  secret_output.value = std::make_shared<PropertyValue const>("out-hunter2");
  secret_output.secret = true;
  OutputValue output_with_secret;
  output_with_secret.value =
      std::make_shared<PropertyValue const>(PropertyMap{{"k", PropertyValue::MakeSecret("in-hunter2")}});
  PropertyValue v = PropertyArray{
      PropertyValue::MakeSecret("hunter2"),
      PropertyMap{{"password", PropertyValue::MakeSecret(PropertyMap{{"nested", "deep-hunter2"}})}},
      secret_output,
      output_with_secret,
      PropertyValue::MakeSecret(PropertyArray{PropertyValue::MakeSecret(12345678)}),
  };
  std::string s = v.ToString();
  EXPECT_THAT(s, Not(HasSubstr("hunter2")));
  EXPECT_THAT(s, Not(HasSubstr("12345678")));
  EXPECT_THAT(s, HasSubstr("[secret]"));
  EXPECT_THAT(s, HasSubstr("\"password\""));
  EXPECT_EQ(v.ToString(), ScrambleSecrets(v).ToString());
}

TEST(PropertyValueTest, ContainsSecrets) {
  OutputValue secret_output;
  secret_output.secret = true;
  OutputValue output_with_secret;
  output_with_secret.value = std::make_shared<PropertyValue const>(PropertyArray{PropertyValue::MakeSecret(1)});
  OutputValue plain_output;
  plain_output.value = std::make_shared<PropertyValue const>(1);
  EXPECT_FALSE(PropertyValue(PropertyMap{{"a", PropertyArray{1, "x"}}}).ContainsSecrets());
  EXPECT_TRUE(PropertyValue::MakeSecret(1).ContainsSecrets());
  EXPECT_TRUE(PropertyValue(PropertyMap{{"a", PropertyArray{1, PropertyValue::MakeSecret("x")}}}).ContainsSecrets());
  EXPECT_TRUE(PropertyValue(secret_output).ContainsSecrets());
  EXPECT_TRUE(PropertyValue(output_with_secret).ContainsSecrets());
  EXPECT_FALSE(PropertyValue(plain_output).ContainsSecrets());
  EXPECT_FALSE(PropertyValue::MakeComputed().ContainsSecrets());
}

TEST(PropertyValueTest, ContainsUnknowns) {
  OutputValue unknown_output;
  OutputValue known_output;
  known_output.value = std::make_shared<PropertyValue const>(1);
  OutputValue output_with_unknown;
  output_with_unknown.value = std::make_shared<PropertyValue const>(PropertyMap{{"a", PropertyValue::MakeComputed()}});
  EXPECT_FALSE(PropertyValue(PropertyMap{{"a", PropertyArray{1, "x"}}}).ContainsUnknowns());
  EXPECT_TRUE(PropertyValue::MakeComputed().ContainsUnknowns());
  EXPECT_TRUE(PropertyValue(PropertyArray{1, PropertyMap{{"b", PropertyValue::MakeComputed()}}}).ContainsUnknowns());
  EXPECT_TRUE(PropertyValue::MakeSecret(PropertyValue::MakeComputed()).ContainsUnknowns());
  EXPECT_TRUE(PropertyValue(unknown_output).ContainsUnknowns());
  EXPECT_FALSE(PropertyValue(known_output).ContainsUnknowns());
  EXPECT_TRUE(PropertyValue(output_with_unknown).ContainsUnknowns());
  EXPECT_FALSE(PropertyValue::MakeSecret(1).ContainsUnknowns());
}

TEST(PropertyValueTest, WithoutSecrets) {
  OutputValue secret_output;
  secret_output.value = std::make_shared<PropertyValue const>(PropertyValue::MakeSecret("o"));
  secret_output.secret = true;
  secret_output.dependencies = {"urn:a"};
  PropertyValue v = PropertyMap{
      {"s", PropertyValue::MakeSecret(PropertyMap{{"t", PropertyValue::MakeSecret(1)}})},
      {"a", PropertyArray{PropertyValue::MakeSecret("x"), 2}},
      {"o", secret_output},
      {"u", PropertyValue::MakeSecret(PropertyValue::MakeComputed())},
  };
  OutputValue plain_output;
  plain_output.value = std::make_shared<PropertyValue const>("o");
  plain_output.dependencies = {"urn:a"};
  PropertyValue want = PropertyMap{
      {"s", PropertyMap{{"t", 1}}},
      {"a", PropertyArray{"x", 2}},
      {"o", plain_output},
      {"u", PropertyValue::MakeComputed()},
  };
  EXPECT_EQ(v.WithoutSecrets(), want);
  EXPECT_FALSE(v.WithoutSecrets().ContainsSecrets());
  EXPECT_TRUE(v.WithoutSecrets().ContainsUnknowns());
}

TEST(PropertyValueTest, Equality) {
  EXPECT_EQ(PropertyValue(1), PropertyValue(1.0));
  EXPECT_EQ(PropertyValue(std::int64_t{7}), PropertyValue(7));
  EXPECT_NE(PropertyValue(1), PropertyValue("1"));
  EXPECT_NE(PropertyValue(), PropertyValue(false));
  EXPECT_NE(PropertyValue("x"), PropertyValue::MakeSecret("x"));
  EXPECT_EQ(PropertyValue::MakeSecret("x"), PropertyValue::MakeSecret("x"));
  EXPECT_NE(PropertyValue::MakeSecret("x"), PropertyValue::MakeSecret("y"));
  EXPECT_EQ(PropertyValue::MakeComputed(), PropertyValue::MakeComputed());
  EXPECT_NE(PropertyValue::MakeComputed(), PropertyValue(PropertyArray{}));
  EXPECT_EQ(PropertyValue(PropertyMap{{"a", PropertyArray{1, "b"}}}),
            PropertyValue(PropertyMap{{"a", PropertyArray{1, "b"}}}));
  EXPECT_NE(PropertyValue(PropertyMap{{"a", PropertyArray{1, "b"}}}),
            PropertyValue(PropertyMap{{"a", PropertyArray{1}}}));
  EXPECT_NE(PropertyValue(PropertyMap{{"a", 1}}), PropertyValue(PropertyMap{{"b", 1}}));
  EXPECT_NE(PropertyValue(PropertyArray{}), PropertyValue(PropertyMap{}));

  EXPECT_NE(PropertyValue(ResourceReference{"u", std::nullopt, ""}),
            PropertyValue(ResourceReference{"u", std::string(), ""}));
  EXPECT_NE(PropertyValue(ResourceReference{"u", "1", ""}), PropertyValue(ResourceReference{"u", "1", "2.0"}));

  OutputValue unknown;
  OutputValue known_null;
  known_null.value = std::make_shared<PropertyValue const>();
  OutputValue known_null2;
  known_null2.value = std::make_shared<PropertyValue const>();
  EXPECT_NE(PropertyValue(unknown), PropertyValue(known_null));
  EXPECT_EQ(PropertyValue(known_null), PropertyValue(known_null2));
  OutputValue secret_unknown;
  secret_unknown.secret = true;
  EXPECT_NE(PropertyValue(unknown), PropertyValue(secret_unknown));
  OutputValue with_deps;
  with_deps.dependencies = {"urn:a"};
  EXPECT_NE(PropertyValue(unknown), PropertyValue(with_deps));

  EXPECT_EQ(StringAsset("a"), StringAsset("a"));
  EXPECT_NE(StringAsset("a"), FileAsset("a"));
  EXPECT_NE(StringAsset("a"), (Asset{Asset::Source::kText, "a", "hash"}));
  EXPECT_EQ(AssetArchive({{"x", StringAsset("a")}}), AssetArchive({{"x", StringAsset("a")}}));
  EXPECT_NE(AssetArchive({{"x", StringAsset("a")}}), AssetArchive({{"x", StringAsset("b")}}));
  EXPECT_NE(FileArchive("a"), RemoteArchive("a"));
  // An archive without an assets map and one with an empty map are the same archive.
  EXPECT_EQ(PropertyValue(Archive{}), AssetArchive({}));
  EXPECT_NE(PropertyValue(Archive{}), AssetArchive({{"x", StringAsset("a")}}));
}

}  // namespace
}  // namespace pulumi
