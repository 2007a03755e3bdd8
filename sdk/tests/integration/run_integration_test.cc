// Integration tests: pulumi::Run against an in-process fake engine over real gRPC on a loopback port. Each
// test sets the PULUMI_* environment a language host would set, runs a program and checks the exact
// requests the engine received.
#include "fake_engine.h"
#include "pulumi/args.h"
#include "pulumi/pulumi.h"

#include <gmock/gmock.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace pulumi {
namespace {

using ::google::protobuf::Struct;
using ::pulumi::integration::FakeEngine;
using ::pulumi::integration::FakeEngineOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kUnknown[] = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
constexpr char kSigKey[] = "4dabf18193072939515e22adb298388d";
constexpr char kSecretSig[] = "1b47061264138c4ac30d75fd1eb44270";

// --- helpers -------------------------------------------------------------------------------------------------

Struct StructFromJson(std::string const& json) {
  Struct s;
  auto status = google::protobuf::util::JsonStringToMessage(json, &s);
  if (!status.ok()) throw std::invalid_argument("bad JSON in test: " + json);
  return s;
}

/// The wire form of a secret: {"<sig>": "<secret sig>", "value": <json>}.
std::string SecretJson(std::string const& value_json) {
  return std::string(R"({")") + kSigKey + R"(":")" + kSecretSig + R"(","value":)" + value_json + "}";
}

MATCHER_P(EqualsProto, expected, "equals " + expected.ShortDebugString()) {
  std::string diff;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  if (differencer.Compare(expected, arg)) return true;
  *result_listener << "differences:\n" << diff;
  return false;
}

std::vector<std::string> Urns(google::protobuf::RepeatedPtrField<std::string> const& urns) {
  return {urns.begin(), urns.end()};
}

/// The environment a language host gives the program.
struct ProgramEnv {
  std::string project = "proj";
  std::string stack = "dev";
  std::string config = "{}";
  std::string secret_keys = "[]";
  bool dry_run = false;
  int parallel = 4;
  std::string monitor;
  std::string engine;
};

ProgramEnv EnvFor(FakeEngine const& fake) {
  ProgramEnv env;
  env.project = fake.options().project;
  env.stack = fake.options().stack;
  env.dry_run = fake.options().dry_run;
  env.monitor = fake.address();
  env.engine = fake.address();
  return env;
}

void SetEnvironment(ProgramEnv const& env) {
  setenv("PULUMI_PROJECT", env.project.c_str(), 1);
  setenv("PULUMI_STACK", env.stack.c_str(), 1);
  setenv("PULUMI_MONITOR", env.monitor.c_str(), 1);
  setenv("PULUMI_ENGINE", env.engine.c_str(), 1);
  setenv("PULUMI_CONFIG", env.config.c_str(), 1);
  setenv("PULUMI_CONFIG_SECRET_KEYS", env.secret_keys.c_str(), 1);
  setenv("PULUMI_DRY_RUN", env.dry_run ? "true" : "false", 1);
  setenv("PULUMI_PARALLEL", std::to_string(env.parallel).c_str(), 1);
  unsetenv("PULUMI_ORGANIZATION");
  unsetenv("PULUMI_ROOT_DIRECTORY");
}

/// pulumi::Run, bounded: a run that hangs ends the test binary with a message instead of waiting for the
/// CTest timeout.
int RunBounded(std::function<void(Context&)> const& body, std::chrono::seconds limit = std::chrono::seconds(30)) {
  std::promise<int> result;
  auto done = result.get_future();
  std::thread runner([&] { result.set_value(Run(body)); });
  if (done.wait_for(limit) != std::future_status::ready) {
    // stdout too: stderr may be captured by the test.
    for (auto* stream : {stdout, stderr}) {
      std::fprintf(stream, "FATAL: pulumi::Run did not return within %lld s\n", static_cast<long long>(limit.count()));
      std::fflush(stream);
    }
    std::_Exit(1);
  }
  runner.join();
  return done.get();
}

/// What the program logged, to explain an unexpected exit code.
std::string LoggedMessages(FakeEngine const& fake) {
  std::string out = "messages logged through the engine:";
  for (auto const& l : fake.LogRequests()) {
    out += "\n  [" + pulumirpc::LogSeverity_Name(l.severity()) + "] " + l.message();
  }
  return out;
}

int RunAgainst(FakeEngine const& fake, std::function<void(Context&)> const& body) {
  SetEnvironment(EnvFor(fake));
  int code = RunBounded(body);
  if (code != 0) std::printf("pulumi::Run returned %d; %s\n", code, LoggedMessages(fake).c_str());
  return code;
}

/// A loopback port that nothing listens on: bound, then closed.
int ClosedPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("bind failed");
  }
  int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

/// The registration of the resource named `name` (a copy; unset when there is none).
std::optional<pulumirpc::RegisterResourceRequest> FindRegistration(
    std::vector<pulumirpc::RegisterResourceRequest> const& regs, std::string const& name) {
  for (auto const& r : regs) {
    if (r.name() == name) return r;
  }
  return std::nullopt;
}

bool HasLog(std::vector<pulumirpc::LogRequest> const& logs, pulumirpc::LogSeverity severity,
            std::string const& substring) {
  return std::any_of(logs.begin(), logs.end(), [&](pulumirpc::LogRequest const& l) {
    return l.severity() == severity && l.message().find(substring) != std::string::npos;
  });
}

// --- the stack and the run's shape ---------------------------------------------------------------------------

TEST(RunIntegrationTest, EmptyProgramRegistersTheStackAndSignalsShutdown) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake, [](Context&) {}), 0);

  EXPECT_THAT(fake.Methods(), ElementsAre("GetDeploymentInfo", "RegisterResource", "RegisterResourceOutputs",
                                          "SignalAndWaitForShutdown"));
  auto regs = fake.RegisterResourceRequests();
  ASSERT_EQ(regs.size(), 1u);
  EXPECT_EQ(regs[0].type(), "pulumi:pulumi:Stack");
  EXPECT_EQ(regs[0].name(), "proj-dev");
  EXPECT_EQ(regs[0].parent(), "");
  EXPECT_FALSE(regs[0].custom());
  EXPECT_THAT(regs[0].object(), EqualsProto(Struct()));
  EXPECT_THAT(regs[0].dependencies(), IsEmpty());

  auto outs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outs.size(), 1u);
  EXPECT_EQ(outs[0].urn(), "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev");
  EXPECT_THAT(outs[0].outputs(), EqualsProto(Struct()));
}

TEST(RunIntegrationTest, StackIsRegisteredBeforeAnyResourceAndIsTheirParent) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         EXPECT_EQ(ctx.project(), "proj");
                         EXPECT_EQ(ctx.stack(), "dev");
                         EXPECT_FALSE(ctx.dry_run());
                         CustomResource a(ctx, "test:index:Thing", "a", {});
                         CustomResource b(ctx, "test:index:Thing", "b", {});
                       }),
            0);
  auto regs = fake.RegisterResourceRequests();
  ASSERT_EQ(regs.size(), 3u);
  EXPECT_EQ(regs[0].type(), "pulumi:pulumi:Stack");
  for (std::size_t i = 1; i < regs.size(); ++i) {
    EXPECT_EQ(regs[i].parent(), fake.StackUrn()) << regs[i].name();
    EXPECT_TRUE(regs[i].custom()) << regs[i].name();
  }
}

// --- custom resources ----------------------------------------------------------------------------------------

TEST(RunIntegrationTest, CustomResourceRequestIsExact) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         CustomResource bucket(ctx, "gcp:storage/bucket:Bucket", "data",
                                               {{"location", "EU"},
                                                {"size", 10},
                                                {"versioned", true},
                                                {"tags", PropertyArray{"a", "b"}},
                                                {"labels", PropertyMap{{"env", "dev"}}},
                                                {"nothing", nullptr}});
                       }),
            0);
  auto regs = fake.RegisterResourceRequests();
  ASSERT_EQ(regs.size(), 2u);

  pulumirpc::RegisterResourceRequest expected;
  expected.set_type("gcp:storage/bucket:Bucket");
  expected.set_name("data");
  expected.set_parent("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev");
  expected.set_custom(true);
  *expected.mutable_object() = StructFromJson(
      R"({"location":"EU","size":10,"versioned":true,"tags":["a","b"],"labels":{"env":"dev"},"nothing":null})");
  for (auto const* k : {"location", "size", "versioned", "tags", "labels", "nothing"}) {
    (*expected.mutable_propertydependencies())[k];  // present, no URNs
  }
  expected.set_acceptsecrets(true);
  expected.set_acceptresources(true);  // the fake advertises resourceReferences
  expected.set_aliasspecs(true);
  expected.set_supportspartialvalues(true);
  expected.set_supportsresultreporting(true);
  // Bytes that are not UTF-8 come back as byte-string objects (and go out as such where the engine takes them).
  expected.set_accepts_byte_string(true);
  EXPECT_THAT(regs[1], EqualsProto(expected));
}

TEST(RunIntegrationTest, OutputsFlowIntoInputsWithExactDependencies) {
  FakeEngineOptions options;
  options.on_register = [](pulumirpc::RegisterResourceRequest const& req, pulumirpc::RegisterResourceResponse& resp) {
    if (req.type() == "test:index:Instance")
      (*resp.mutable_object()->mutable_fields())["ip"].set_string_value("10.0.0.5");
  };
  FakeEngine fake(options);
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         CustomResource vm(ctx, "test:index:Instance", "vm", {{"size", "small"}});
                         CustomResource disk(ctx, "test:index:Disk", "disk", {});
                         CustomResource dns(
                             ctx, "test:index:Record", "dns",
                             {{"target", vm.GetOutput("ip")}, {"instanceId", vm.id()}, {"name", "db.internal"}},
                             {.depends_on = {disk}});
                         ctx.Export("dnsName", dns.GetOutput("name"));
                       }),
            0);
  auto regs = fake.RegisterResourceRequests();
  auto const vm_urn = fake.MakeUrn("test:index:Instance", "vm", fake.StackUrn());
  auto const disk_urn = fake.MakeUrn("test:index:Disk", "disk", fake.StackUrn());
  EXPECT_EQ(vm_urn, "urn:pulumi:dev::proj::test:index:Instance::vm");

  auto const dns = FindRegistration(regs, "dns");
  ASSERT_TRUE(dns.has_value());
  EXPECT_THAT(dns->object(),
              EqualsProto(StructFromJson(R"({"target":"10.0.0.5","instanceId":"vm-id","name":"db.internal"})")));
  // Input dependencies first, then depends_on.
  EXPECT_THAT(Urns(dns->dependencies()), ElementsAre(vm_urn, disk_urn));
  ASSERT_EQ(dns->propertydependencies().size(), 3u);
  EXPECT_THAT(Urns(dns->propertydependencies().at("target").urns()), ElementsAre(vm_urn));
  EXPECT_THAT(Urns(dns->propertydependencies().at("instanceId").urns()), ElementsAre(vm_urn));
  EXPECT_THAT(Urns(dns->propertydependencies().at("name").urns()), IsEmpty());

  auto const vm = FindRegistration(regs, "vm");
  ASSERT_TRUE(vm.has_value());
  EXPECT_THAT(vm->dependencies(), IsEmpty());

  auto outs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outs.size(), 1u);
  EXPECT_THAT(outs[0].outputs(), EqualsProto(StructFromJson(R"({"dnsName":"db.internal"})")));
}

// --- secrets -------------------------------------------------------------------------------------------------

void SecretInputProgram(Context& ctx) {
  CustomResource db(ctx, "test:index:Database", "db",
                    {{"password", MakeSecret(Output<std::string>("hunter2"))},
                     {"settings", PropertyMap{{"token", PropertyValue::MakeSecret("t0k")}, {"port", 5432}}},
                     {"user", "admin"}});
}

TEST(RunIntegrationTest, SecretInputIsASecretObjectWhenTheEngineSupportsSecrets) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake, SecretInputProgram), 0);
  auto const db = FindRegistration(fake.RegisterResourceRequests(), "db");
  ASSERT_TRUE(db.has_value());
  EXPECT_THAT(db->object(),
              EqualsProto(StructFromJson(R"({"password":)" + SecretJson(R"("hunter2")") + R"(,"settings":{"token":)" +
                                         SecretJson(R"("t0k")") + R"(,"port":5432},"user":"admin"})")));
  EXPECT_TRUE(db->acceptsecrets());
}

TEST(RunIntegrationTest, SecretInputIsPlainWhenTheEngineLacksSecrets) {
  FakeEngine fake({.features = {}});
  ASSERT_EQ(RunAgainst(fake, SecretInputProgram), 0);
  auto const db = FindRegistration(fake.RegisterResourceRequests(), "db");
  ASSERT_TRUE(db.has_value());
  EXPECT_THAT(
      db->object(),
      EqualsProto(StructFromJson(R"({"password":"hunter2","settings":{"token":"t0k","port":5432},"user":"admin"})")));
  EXPECT_FALSE(db->acceptresources());
  EXPECT_FALSE(db->aliasspecs());
}

TEST(RunIntegrationTest, OlderEngineIsProbedWithSupportsFeature) {
  FakeEngine fake({.deployment_info = false, .legacy_features = {"secrets"}});
  ASSERT_EQ(RunAgainst(fake, SecretInputProgram), 0);

  auto methods = fake.Methods();
  ASSERT_FALSE(methods.empty());
  EXPECT_EQ(methods[0], "GetDeploymentInfo");
  std::vector<std::string> probed;
  for (auto const& r : fake.Requests<pulumirpc::SupportsFeatureRequest>("SupportsFeature")) probed.push_back(r.id());
  EXPECT_THAT(probed, ::testing::Contains("secrets"));
  EXPECT_THAT(probed, ::testing::Contains("resourceReferences"));
  // Every probe happens before the stack is registered.
  auto first_register = std::find(methods.begin(), methods.end(), "RegisterResource");
  EXPECT_EQ(std::count(first_register, methods.end(), "SupportsFeature"), 0);

  auto const db = FindRegistration(fake.RegisterResourceRequests(), "db");
  ASSERT_TRUE(db.has_value());
  EXPECT_EQ(db->object().fields().at("password").struct_value().fields().at(kSigKey).string_value(), kSecretSig);
  EXPECT_FALSE(db->acceptresources());  // not among the legacy features answered true
}

TEST(RunIntegrationTest, SecretConfigExportedAsStackOutputStaysSecret) {
  FakeEngine fake;
  auto env = EnvFor(fake);
  env.config = R"({"proj:dbPassword":"hunter2","proj:tier":"small","proj:replicas":"3"})";
  env.secret_keys = R"(["proj:dbPassword"])";
  SetEnvironment(env);
  ASSERT_EQ(RunBounded([](Context& ctx) {
              Config config(ctx);
              ctx.Export("password", config.RequireSecret("dbPassword"));
              ctx.Export("tier", config.Require("tier"));
              ctx.Export("replicas", config.RequireInt("replicas"));
              EXPECT_TRUE(config.IsSecret("dbPassword"));
            }),
            0);

  auto outs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outs.size(), 1u);
  EXPECT_EQ(outs[0].urn(), fake.StackUrn());
  EXPECT_THAT(outs[0].outputs(), EqualsProto(StructFromJson(R"({"password":)" + SecretJson(R"("hunter2")") +
                                                            R"(,"tier":"small","replicas":3})")));
  // Reading the secret through RequireSecret logs no warning.
  for (auto const& l : fake.LogRequests()) EXPECT_THAT(l.message(), Not(HasSubstr("dbPassword"))) << l.message();
}

TEST(RunIntegrationTest, SecretOutputFromTheEngineFlowsOnAsASecret) {
  FakeEngineOptions options;
  options.on_register = [](pulumirpc::RegisterResourceRequest const& req, pulumirpc::RegisterResourceResponse& resp) {
    if (req.type() != "test:index:Database") return;
    (*resp.mutable_object()->mutable_fields())["connection"] =
        StructFromJson(R"({"v":)" + SecretJson(R"("postgres://db")") + "}").fields().at("v");
  };
  FakeEngine fake(options);
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         CustomResource db(ctx, "test:index:Database", "db", {});
                         CustomResource app(ctx, "test:index:App", "app", {{"dsn", db.GetOutput("connection")}});
                         ctx.Export("dsn", db.GetOutput("connection"));
                       }),
            0);
  auto const app = FindRegistration(fake.RegisterResourceRequests(), "app");
  ASSERT_TRUE(app.has_value());
  EXPECT_THAT(app->object(), EqualsProto(StructFromJson(R"({"dsn":)" + SecretJson(R"("postgres://db")") + "}")));
  auto outs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outs.size(), 1u);
  EXPECT_THAT(outs[0].outputs(), EqualsProto(StructFromJson(R"({"dsn":)" + SecretJson(R"("postgres://db")") + "}")));
}

// --- providers -----------------------------------------------------------------------------------------------

TEST(RunIntegrationTest, ExplicitProviderIsSentAsUrnAndId) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         ProviderResource eu(ctx, "gcp", "eu", {{"region", "europe-west1"}});
                         CustomResource bucket(ctx, "gcp:storage/bucket:Bucket", "b", {}, {.provider = eu});
                         ComponentResource comp(ctx, "my:index:Comp", "c", {.providers = {eu}});
                         CustomResource inherited(ctx, "gcp:storage/bucket:Bucket", "inherited", {}, {.parent = comp});
                       }),
            0);
  auto regs = fake.RegisterResourceRequests();
  auto const provider_ref = std::string("urn:pulumi:dev::proj::pulumi:providers:gcp::eu::eu-id");
  auto const eu = FindRegistration(regs, "eu");
  ASSERT_TRUE(eu.has_value());
  EXPECT_EQ(eu->type(), "pulumi:providers:gcp");
  EXPECT_TRUE(eu->custom());
  EXPECT_EQ(eu->provider(), "");
  EXPECT_THAT(eu->object(), EqualsProto(StructFromJson(R"({"region":"europe-west1"})")));
  auto const bucket = FindRegistration(regs, "b");
  ASSERT_TRUE(bucket.has_value());
  EXPECT_EQ(bucket->provider(), provider_ref);
  auto const comp = FindRegistration(regs, "c");
  ASSERT_TRUE(comp.has_value());
  ASSERT_EQ(comp->providers().count("gcp"), 1u);
  EXPECT_EQ(comp->providers().at("gcp"), provider_ref);
  auto const inherited = FindRegistration(regs, "inherited");
  ASSERT_TRUE(inherited.has_value());
  EXPECT_EQ(inherited->provider(), provider_ref);
}

// --- previews ------------------------------------------------------------------------------------------------

TEST(RunIntegrationTest, PreviewSendsTheUnknownSentinelForUnknownOutputs) {
  FakeEngine fake({.dry_run = true});
  bool apply_ran = false;
  ASSERT_EQ(RunAgainst(fake,
                       [&](Context& ctx) {
                         EXPECT_TRUE(ctx.dry_run());
                         CustomResource vm(ctx, "test:index:Instance", "vm", {{"size", "small"}});
                         auto ip = vm.GetOutput<std::string>("ip");
                         ip.Apply([&](std::string const& s) {
                           apply_ran = true;
                           return s;
                         });
                         CustomResource dns(
                             ctx, "test:index:Record", "dns",
                             {{"target", vm.GetOutput("ip")}, {"instanceId", vm.id()}, {"size", vm.GetOutput("size")}});
                       }),
            0);
  EXPECT_FALSE(apply_ran);
  auto const dns = FindRegistration(fake.RegisterResourceRequests(), "dns");
  ASSERT_TRUE(dns.has_value());
  EXPECT_THAT(dns->object(), EqualsProto(StructFromJson(std::string(R"({"target":")") + kUnknown +
                                                        R"(","instanceId":")" + kUnknown + R"(","size":"small"})")));
  auto const vm_urn = fake.MakeUrn("test:index:Instance", "vm", fake.StackUrn());
  EXPECT_THAT(Urns(dns->dependencies()), ElementsAre(vm_urn));
  EXPECT_THAT(Urns(dns->propertydependencies().at("target").urns()), ElementsAre(vm_urn));
  EXPECT_TRUE(dns->supportspartialvalues());
}

// --- components ----------------------------------------------------------------------------------------------

TEST(RunIntegrationTest, ComponentChildrenCarryTheComponentAsParent) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         ComponentResource comp(ctx, "my:index:Comp", "c");
                         CustomResource child(ctx, "test:index:Thing", "child", {{"k", "v"}}, {.parent = comp});
                         ComponentResource inner(ctx, "my:index:Inner", "inner", {.parent = comp});
                         CustomResource grandchild(ctx, "test:index:Thing", "grandchild", {}, {.parent = inner});
                         comp.RegisterOutputs({{"childId", child.id()}});
                       }),
            0);
  auto regs = fake.RegisterResourceRequests();
  ASSERT_EQ(regs.size(), 5u);
  auto const comp_urn = std::string("urn:pulumi:dev::proj::my:index:Comp::c");
  auto const inner_urn = std::string("urn:pulumi:dev::proj::my:index:Comp$my:index:Inner::inner");

  auto const comp = FindRegistration(regs, "c");
  ASSERT_TRUE(comp.has_value());
  EXPECT_FALSE(comp->custom());
  EXPECT_EQ(comp->parent(), fake.StackUrn());
  auto const child = FindRegistration(regs, "child");
  ASSERT_TRUE(child.has_value());
  EXPECT_EQ(child->parent(), comp_urn);
  EXPECT_TRUE(child->custom());
  EXPECT_THAT(child->dependencies(), IsEmpty());  // a parent is not a dependency
  auto const inner = FindRegistration(regs, "inner");
  ASSERT_TRUE(inner.has_value());
  EXPECT_EQ(inner->parent(), comp_urn);
  auto const grandchild = FindRegistration(regs, "grandchild");
  ASSERT_TRUE(grandchild.has_value());
  EXPECT_EQ(grandchild->parent(), inner_urn);

  auto outs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outs.size(), 2u);
  EXPECT_EQ(outs[0].urn(), comp_urn);
  EXPECT_THAT(outs[0].outputs(), EqualsProto(StructFromJson(R"({"childId":"child-id"})")));
  EXPECT_EQ(outs[1].urn(), fake.StackUrn());  // the stack's outputs come last
}

TEST(RunIntegrationTest, RemoteComponentOutputsCarryTheEnginesOutputDependencies) {
  // The engine answers a remote component's registration with the dependencies of each output that its
  // provider's Construct reported (here the child the output comes from); a resource using that output
  // depends on them, so the engine can skip it when the child failed under --continue-on-error.
  auto const child_urn = std::string("urn:pulumi:dev::proj::my:index:Comp$my:index:Child::comp-child");
  FakeEngineOptions options;
  options.on_register = [child_urn](pulumirpc::RegisterResourceRequest const& req,
                                    pulumirpc::RegisterResourceResponse& resp) {
    if (req.type() != "my:index:Comp") return;
    (*resp.mutable_object()->mutable_fields())["value"].set_string_value("hello");
    (*resp.mutable_object()->mutable_fields())["plain"].set_string_value("p");
    (*resp.mutable_propertydependencies())["value"].add_urns(child_urn);
    (*resp.mutable_propertydependencies())["value"].add_urns(resp.urn());  // itself: not repeated
  };
  FakeEngine fake(options);
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         auto comp = ComponentResource::Remote(ctx, "my:index:Comp", "comp", {}, {});
                         CustomResource user(ctx, "test:index:Thing", "user",
                                             {{"value", comp.GetOutput("value")}, {"plain", comp.GetOutput("plain")}});
                       }),
            0);
  auto const comp_urn = fake.MakeUrn("my:index:Comp", "comp", fake.StackUrn());
  auto const user = FindRegistration(fake.RegisterResourceRequests(), "user");
  ASSERT_TRUE(user.has_value());
  EXPECT_THAT(user->object(), EqualsProto(StructFromJson(R"({"value":"hello","plain":"p"})")));
  EXPECT_THAT(Urns(user->propertydependencies().at("value").urns()), ElementsAre(comp_urn, child_urn));
  EXPECT_THAT(Urns(user->propertydependencies().at("plain").urns()), ElementsAre(comp_urn));
  EXPECT_THAT(Urns(user->dependencies()), ElementsAre(comp_urn, child_urn));
}

TEST(RunIntegrationTest, ResourceReferencesAreNoPropertyDependenciesOfRemoteComponentsAndCalls) {
  // As in Pulumi's other SDKs: a remote component's input (or a method's argument) that only refers to
  // resources has no dependencies, so its provider does not make an output of it; an output of such a
  // resource still is one. A custom resource depends on the resources it refers to.
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         CustomResource a(ctx, "test:index:Thing", "a", {{"value", "x"}});
                         CustomResource b(ctx, "test:index:Thing", "b", {{"value", "y"}});
                         PropertyInputs inputs{
                             {"one", ToOutputValue(ResourceInput<CustomResource>(a))},
                             {"list", ToOutputValue(std::vector<ResourceInput<CustomResource>>{a, b})},
                             {"map", ToOutputValue(std::map<std::string, ResourceInput<CustomResource>>{{"k", b}})},
                             {"value", b.GetOutput("value")}};
                         auto comp = ComponentResource::Remote(ctx, "my:index:Comp", "comp", inputs, {});
                         CustomResource user(ctx, "test:index:User", "user", inputs);
                         Call("my:index:Comp/method", inputs, comp);
                       }),
            0);
  auto const a_urn = fake.MakeUrn("test:index:Thing", "a", fake.StackUrn());
  auto const b_urn = fake.MakeUrn("test:index:Thing", "b", fake.StackUrn());
  auto regs = fake.RegisterResourceRequests();

  auto const comp = FindRegistration(regs, "comp");
  ASSERT_TRUE(comp.has_value());
  auto const& comp_deps = comp->propertydependencies();
  EXPECT_THAT(Urns(comp_deps.at("one").urns()), IsEmpty());
  EXPECT_THAT(Urns(comp_deps.at("list").urns()), IsEmpty());
  EXPECT_THAT(Urns(comp_deps.at("map").urns()), IsEmpty());
  EXPECT_THAT(Urns(comp_deps.at("value").urns()), ElementsAre(b_urn));
  EXPECT_THAT(Urns(comp->dependencies()), ElementsAre(b_urn));

  auto const user = FindRegistration(regs, "user");
  ASSERT_TRUE(user.has_value());
  auto const& user_deps = user->propertydependencies();
  EXPECT_THAT(Urns(user_deps.at("one").urns()), ElementsAre(a_urn));
  EXPECT_THAT(Urns(user_deps.at("list").urns()), ElementsAre(a_urn, b_urn));
  EXPECT_THAT(Urns(user_deps.at("map").urns()), ElementsAre(b_urn));

  auto calls = fake.Requests<pulumirpc::ResourceCallRequest>("Call");
  ASSERT_EQ(calls.size(), 1u);
  auto const& arg_deps = calls[0].argdependencies();
  EXPECT_THAT(Urns(arg_deps.at("one").urns()), IsEmpty());
  EXPECT_THAT(Urns(arg_deps.at("list").urns()), IsEmpty());
  EXPECT_THAT(Urns(arg_deps.at("map").urns()), IsEmpty());
  EXPECT_THAT(Urns(arg_deps.at("__self__").urns()), IsEmpty());
  EXPECT_THAT(Urns(arg_deps.at("value").urns()), ElementsAre(b_urn));
}

// --- reads, invokes, stack references ------------------------------------------------------------------------

TEST(RunIntegrationTest, GetSendsReadResource) {
  FakeEngine fake;
  ASSERT_EQ(
      RunAgainst(
          fake,
          [](Context& ctx) {
            auto existing = CustomResource::Get(ctx, "test:index:Network", "net", "net-123", {{"region", "eu"}}, {});
            ctx.Export("netId", existing.id());
            ctx.Export("region", existing.GetOutput("region"));
          }),
      0);
  auto reads = fake.Requests<pulumirpc::ReadResourceRequest>("ReadResource");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].id(), "net-123");
  EXPECT_EQ(reads[0].type(), "test:index:Network");
  EXPECT_EQ(reads[0].name(), "net");
  EXPECT_EQ(reads[0].parent(), fake.StackUrn());
  EXPECT_THAT(reads[0].properties(), EqualsProto(StructFromJson(R"({"region":"eu"})")));
  EXPECT_TRUE(reads[0].acceptsecrets());
  auto outs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outs.size(), 1u);
  EXPECT_THAT(outs[0].outputs(), EqualsProto(StructFromJson(R"({"netId":"net-123","region":"eu"})")));
}

TEST(RunIntegrationTest, StackReferenceKeepsSecretOutputsSecret) {
  FakeEngineOptions options;
  options.on_read = [](pulumirpc::ReadResourceRequest const& req, pulumirpc::ReadResourceResponse& resp) {
    if (req.type() != "pulumi:pulumi:StackReference") return;
    *resp.mutable_properties() = StructFromJson(
        R"({"name":"organization/network/prod","outputs":{"vpcId":"vpc-1","dbPass":"s3cr3t"},"secretOutputNames":["dbPass"]})");
  };
  FakeEngine fake(options);
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         StackReference net(ctx, "net", {.name = "organization/network/prod"});
                         ctx.Export("vpcId", net.RequireOutput("vpcId"));
                         ctx.Export("dbPass", net.GetOutput("dbPass"));
                       }),
            0);
  auto reads = fake.Requests<pulumirpc::ReadResourceRequest>("ReadResource");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].type(), "pulumi:pulumi:StackReference");
  EXPECT_EQ(reads[0].id(), "organization/network/prod");
  EXPECT_THAT(reads[0].properties(), EqualsProto(StructFromJson(R"({"name":"organization/network/prod"})")));
  auto outs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outs.size(), 1u);
  EXPECT_THAT(outs[0].outputs(),
              EqualsProto(StructFromJson(R"({"vpcId":"vpc-1","dbPass":)" + SecretJson(R"("s3cr3t")") + "}")));
}

TEST(RunIntegrationTest, InvokeSendsTokenAndPlainArguments) {
  FakeEngineOptions options;
  options.on_invoke = [](pulumirpc::ResourceInvokeRequest const&, pulumirpc::ResourceInvokeResponse& resp) {
    *resp.mutable_return_() = StructFromJson(R"({"number":"1234"})");
  };
  FakeEngine fake(options);
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         auto plain = Invoke(ctx, "gcp:organizations/getProject:getProject", {{"projectId", "apex"}});
                         auto secret = Invoke(ctx, "test:index:getSecretThing",
                                              {{"token", MakeSecret(Output<std::string>("t0k"))}, {"n", 2}});
                         ctx.Export("number", plain.Apply([](PropertyMap const& r) { return r.at("number"); }));
                         ctx.Export("secretNumber", secret.Apply([](PropertyMap const& r) { return r.at("number"); }));
                       }),
            0);
  auto invokes = fake.Requests<pulumirpc::ResourceInvokeRequest>("Invoke");
  ASSERT_EQ(invokes.size(), 2u);
  std::sort(invokes.begin(), invokes.end(), [](auto const& a, auto const& b) { return a.tok() < b.tok(); });
  EXPECT_EQ(invokes[0].tok(), "gcp:organizations/getProject:getProject");
  EXPECT_THAT(invokes[0].args(), EqualsProto(StructFromJson(R"({"projectId":"apex"})")));
  EXPECT_EQ(invokes[1].tok(), "test:index:getSecretThing");
  // The SDK tracks secrecy itself: the provider gets plain arguments.
  EXPECT_THAT(invokes[1].args(), EqualsProto(StructFromJson(R"({"token":"t0k","n":2})")));

  auto outs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outs.size(), 1u);
  EXPECT_THAT(outs[0].outputs(),
              EqualsProto(StructFromJson(R"({"number":"1234","secretNumber":)" + SecretJson(R"("1234")") + "}")));
}

TEST(RunIntegrationTest, InvokeNamesItsDependenciesForAnEngineThatChecksThem) {
  FakeEngineOptions options;
  options.features.push_back(pulumirpc::RESOURCE_MONITOR_FEATURE_INVOKE_DEPENDS_ON);
  FakeEngine fake(options);
  ASSERT_EQ(RunAgainst(
                fake,
                [](Context& ctx) {
                  CustomResource vm(ctx, "test:index:Instance", "vm", {{"size", "small"}});
                  CustomResource disk(ctx, "test:index:Disk", "disk", {});
                  auto r = Invoke(ctx, "test:index:describe", {{"size", vm.GetOutput("size")}}, {.depends_on = {disk}});
                  ctx.Export("size", r.Apply([](PropertyMap const& m) { return m.at("size"); }));
                }),
            0);
  auto invokes = fake.Requests<pulumirpc::ResourceInvokeRequest>("Invoke");
  ASSERT_EQ(invokes.size(), 1u);
  EXPECT_THAT(invokes[0].args(), EqualsProto(StructFromJson(R"({"size":"small"})")));
  EXPECT_THAT(invokes[0].dependson(), ElementsAre(fake.MakeUrn("test:index:Instance", "vm", fake.StackUrn()),
                                                  fake.MakeUrn("test:index:Disk", "disk", fake.StackUrn())));
  EXPECT_FALSE(invokes[0].accept_output_values());
}

TEST(RunIntegrationTest, InvokeWithoutDependsOnSkipsWhileADependencyIsNotCreated) {
  FakeEngineOptions options;
  options.dry_run = true;
  FakeEngine fake(options);
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         // Known text, but the resource has no id yet in this preview.
                         CustomResource text(ctx, "test:index:Text", "text", {{"text", "hello"}});
                         auto r = Invoke(ctx, "test:index:read", {{"text", text.GetOutput("text")}});
                         CustomResource user(ctx, "test:index:User", "user",
                                             {{"text", r.Apply([](PropertyMap const& m) { return m.at("text"); })}});
                       }),
            0);
  EXPECT_THAT(fake.Requests<pulumirpc::ResourceInvokeRequest>("Invoke"), IsEmpty());
  auto const user = FindRegistration(fake.RegisterResourceRequests(), "user");
  ASSERT_TRUE(user.has_value());
  EXPECT_THAT(Urns(user->propertydependencies().at("text").urns()),
              ElementsAre(fake.MakeUrn("test:index:Text", "text", fake.StackUrn())));
}

TEST(RunIntegrationTest, InvokeOutputValuesCarryEachArgumentsAndResultsDependenciesAndSecrecy) {
  FakeEngineOptions options;
  options.features.push_back(pulumirpc::RESOURCE_MONITOR_FEATURE_INVOKE_OUTPUT_VALUES);
  std::string const a_urn = "urn:pulumi:dev::proj::test:index:Text::a";
  std::string const b_urn = "urn:pulumi:dev::proj::test:index:Text::b";
  // The provider returns its `second` argument as is: an output value that depends on b only.
  options.on_invoke = [](pulumirpc::ResourceInvokeRequest const& req, pulumirpc::ResourceInvokeResponse& resp) {
    resp.mutable_return_()->clear_fields();
    (*resp.mutable_return_()->mutable_fields())["result"] = req.args().fields().at("second");
  };
  FakeEngine fake(options);
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         CustomResource a(ctx, "test:index:Text", "a", {{"text", "a"}});
                         CustomResource b(ctx, "test:index:Text", "b", {{"text", "b"}});
                         auto r = Invoke(ctx, "test:index:pickSecond",
                                         {{"first", MakeSecret(a.GetOutput("text"))}, {"second", b.GetOutput("text")}});
                         CustomResource d(ctx, "test:index:Text", "d",
                                          {{"text", r.Apply([](PropertyMap const& m) { return m.at("result"); })}});
                       }),
            0);
  auto invokes = fake.Requests<pulumirpc::ResourceInvokeRequest>("Invoke");
  ASSERT_EQ(invokes.size(), 1u);
  EXPECT_TRUE(invokes[0].accept_output_values());
  constexpr char kOutputSig[] = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
  EXPECT_THAT(invokes[0].args(),
              EqualsProto(StructFromJson(std::string(R"({"first":{")") + kSigKey + R"(":")" + kOutputSig +
                                         R"(","value":"a","secret":true,"dependencies":[")" + a_urn +
                                         R"("]},"second":{")" + kSigKey + R"(":")" + kOutputSig +
                                         R"(","value":"b","dependencies":[")" + b_urn + R"("]}})")));
  auto const d = FindRegistration(fake.RegisterResourceRequests(), "d");
  ASSERT_TRUE(d.has_value());
  // Only b, and not secret: what the provider said of the value it returned.
  EXPECT_THAT(Urns(d->propertydependencies().at("text").urns()), ElementsAre(b_urn));
  EXPECT_THAT(d->object(), EqualsProto(StructFromJson(R"({"text":"b"})")));
}

// --- logging and errors --------------------------------------------------------------------------------------

TEST(RunIntegrationTest, LogMessagesReachTheEngineWithTheirSeverity) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         ctx.log().Debug("debug message");
                         ctx.log().Info("info message");
                         ctx.log().Warn("warning message");
                         CustomResource thing(ctx, "test:index:Thing", "thing", {});
                         ctx.log().Info("about the thing", thing);
                       }),
            0);
  auto logs = fake.LogRequests();
  ASSERT_EQ(logs.size(), 4u);
  auto find = [&](std::string const& message) -> pulumirpc::LogRequest const* {
    for (auto const& l : logs) {
      if (l.message() == message) return &l;
    }
    return nullptr;
  };
  auto const* debug = find("debug message");
  auto const* info = find("info message");
  auto const* warn = find("warning message");
  auto const* about = find("about the thing");
  ASSERT_TRUE(debug && info && warn && about);
  EXPECT_EQ(debug->severity(), pulumirpc::DEBUG);
  EXPECT_EQ(info->severity(), pulumirpc::INFO);
  EXPECT_EQ(info->urn(), "");
  EXPECT_EQ(warn->severity(), pulumirpc::WARNING);
  EXPECT_EQ(about->severity(), pulumirpc::INFO);
  EXPECT_EQ(about->urn(), "urn:pulumi:dev::proj::test:index:Thing::thing");
}

TEST(RunIntegrationTest, LoggedErrorExitsWith32) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake, [](Context& ctx) { ctx.log().Error("something is wrong"); }), kExitStatusLoggedError);
  EXPECT_TRUE(HasLog(fake.LogRequests(), pulumirpc::ERROR, "something is wrong"));
}

TEST(RunIntegrationTest, ThrowingProgramExitsWith32AndLogsTheError) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         CustomResource thing(ctx, "test:index:Thing", "thing", {});
                         throw std::runtime_error("boom: the program gave up");
                       }),
            kExitStatusLoggedError);
  auto logs = fake.LogRequests();
  EXPECT_TRUE(HasLog(logs, pulumirpc::ERROR, "boom: the program gave up"));
}

TEST(RunIntegrationTest, MissingRequiredConfigExitsWith32NamingTheKeyAndStackFile) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake, [](Context& ctx) { Config(ctx).Require("dbTier"); }), kExitStatusLoggedError);
  auto logs = fake.LogRequests();
  ASSERT_TRUE(HasLog(logs, pulumirpc::ERROR, "proj:dbTier"));
  EXPECT_TRUE(HasLog(logs, pulumirpc::ERROR, "Pulumi.dev.yaml"));
}

// --- shutdown ------------------------------------------------------------------------------------------------
// The shutdown signal tells the engine that the program registered everything, and the engine then deletes the
// stack's resources that were not registered; so a failed run must never send it (doc/adr/0006-failed-runs.md).

int CountOf(std::vector<std::string> const& methods, std::string const& method) {
  return static_cast<int>(std::count(methods.begin(), methods.end(), method));
}

/// Runs a program that registers `before`, then fails in the way `fail` makes it fail, and checks that the run
/// exits with 32, logged the error, registered the stack outputs and never signalled shutdown.
void ExpectFailedRunWithoutShutdown(FakeEngine& fake, std::function<void(Context&)> const& fail,
                                    std::string const& logged) {
  ASSERT_EQ(RunAgainst(fake,
                       [&](Context& ctx) {
                         CustomResource before(ctx, "test:index:Thing", "before", {});
                         ctx.Export("before", before.id());
                         fail(ctx);
                       }),
            kExitStatusLoggedError);
  EXPECT_TRUE(HasLog(fake.LogRequests(), pulumirpc::ERROR, logged)) << LoggedMessages(fake);
  auto methods = fake.Methods();
  EXPECT_EQ(CountOf(methods, "SignalAndWaitForShutdown"), 0);
  EXPECT_TRUE(FindRegistration(fake.RegisterResourceRequests(), "before"));
  EXPECT_FALSE(FindRegistration(fake.RegisterResourceRequests(), "after"));
}

TEST(RunIntegrationTest, NoShutdownSignalAfterAnExceptionInTheBody) {
  FakeEngine fake;
  ExpectFailedRunWithoutShutdown(
      fake, [](Context&) { throw std::runtime_error("boom: the program gave up"); }, "boom: the program gave up");
}

TEST(RunIntegrationTest, NoShutdownSignalAfterAConfigError) {
  FakeEngine fake;
  ExpectFailedRunWithoutShutdown(
      fake,
      [](Context& ctx) {
        Config(ctx).Require("dbTier");
        CustomResource after(ctx, "test:index:Thing", "after", {});
      },
      "proj:dbTier");
}

TEST(RunIntegrationTest, NoShutdownSignalAfterAnExceptionInAnApply) {
  FakeEngine fake;
  ExpectFailedRunWithoutShutdown(
      fake,
      [](Context& ctx) {
        CustomResource source(ctx, "test:index:Thing", "source", {});
        auto broken = source.id().Apply(
            [](std::string const&) -> std::string { throw std::runtime_error("the callback gave up"); });
        CustomResource after(ctx, "test:index:Thing", "after", {{"input", broken}});
      },
      "the callback gave up");
}

/// A program whose resource "after" takes an input from an invoke's result.
void RegisterWithAnInvokedImage(Context& ctx) {
  auto image = Invoke(ctx, "test:index:getImage", {{"family", "debian"}});
  CustomResource after(ctx, "test:index:Thing", "after",
                       {{"image", image.Apply([](PropertyMap const& m) { return m.at("image"); })}});
}

TEST(RunIntegrationTest, NoShutdownSignalAfterAFailedInvoke) {
  FakeEngine fake({.on_invoke = [](pulumirpc::ResourceInvokeRequest const&, pulumirpc::ResourceInvokeResponse& r) {
    r.add_failures()->set_reason("no such image");
  }});
  ExpectFailedRunWithoutShutdown(fake, RegisterWithAnInvokedImage, "no such image");
}

TEST(RunIntegrationTest, AMalformedInvokeResultFailsTheRunAndNamesWhereItIsMalformed) {
  FakeEngine fake({.on_invoke = [](pulumirpc::ResourceInvokeRequest const&, pulumirpc::ResourceInvokeResponse& r) {
    auto& image = (*r.mutable_return_()->mutable_fields())["image"];
    (*image.mutable_struct_value()->mutable_fields())["4dabf18193072939515e22adb298388d"].set_string_value("nope");
  }});
  ExpectFailedRunWithoutShutdown(
      fake, RegisterWithAnInvokedImage,
      "the result of test:index:getImage is malformed: property image: unknown signature 'nope'");
}

TEST(RunIntegrationTest, NoShutdownSignalAfterTheEngineRejectsARegistration) {
  FakeEngine fake({.register_status = [](pulumirpc::RegisterResourceRequest const& r) {
    return r.name() == "rejected"
               ? grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "Duplicate resource URN 'urn:...::rejected'")
               : grpc::Status::OK;
  }});
  ExpectFailedRunWithoutShutdown(
      fake,
      [](Context& ctx) {
        CustomResource rejected(ctx, "test:index:Thing", "rejected", {});
        CustomResource after(ctx, "test:index:Thing", "after", {{"input", rejected.id()}});
      },
      "Duplicate resource URN");
}

TEST(RunIntegrationTest, NoShutdownSignalAfterALoggedError) {
  FakeEngine fake;
  ExpectFailedRunWithoutShutdown(
      fake, [](Context& ctx) { ctx.log().Error("the program says it failed"); }, "the program says it failed");
}

TEST(RunIntegrationTest, StackOutputsAreRegisteredAfterAFailureAsInTheGoSdk) {
  FakeEngine fake;
  ExpectFailedRunWithoutShutdown(
      fake, [](Context&) { throw std::runtime_error("late failure"); }, "late failure");
  auto outputs = fake.Requests<pulumirpc::RegisterResourceOutputsRequest>("RegisterResourceOutputs");
  ASSERT_EQ(outputs.size(), 1u);
  EXPECT_EQ(outputs[0].urn(), fake.StackUrn());
}

TEST(RunIntegrationTest, SignalAndWaitForShutdownIsTheLastCall) {
  FakeEngine fake;
  ASSERT_EQ(RunAgainst(fake,
                       [](Context& ctx) {
                         CustomResource a(ctx, "test:index:Thing", "a", {});
                         ctx.log().Info("hello");
                         ctx.Export("id", a.id());
                       }),
            0);
  auto methods = fake.Methods();
  ASSERT_FALSE(methods.empty());
  EXPECT_EQ(methods.back(), "SignalAndWaitForShutdown");
  EXPECT_EQ(std::count(methods.begin(), methods.end(), "SignalAndWaitForShutdown"), 1);
}

TEST(RunIntegrationTest, UnimplementedSignalAndWaitForShutdownStillExitsZero) {
  FakeEngine fake({.shutdown_unimplemented = true});
  ASSERT_EQ(RunAgainst(fake, [](Context& ctx) { CustomResource a(ctx, "test:index:Thing", "a", {}); }), 0);
  auto methods = fake.Methods();
  ASSERT_FALSE(methods.empty());
  EXPECT_EQ(methods.back(), "SignalAndWaitForShutdown");
  EXPECT_FALSE(HasLog(fake.LogRequests(), pulumirpc::ERROR, ""));
}

// --- an engine that is not there, or goes away ---------------------------------------------------------------

TEST(RunIntegrationTest, UnreachableEngineExitsWithOneQuicklyAndSaysSo) {
  auto const address = "127.0.0.1:" + std::to_string(ClosedPort());
  ProgramEnv env;
  env.monitor = address;
  env.engine = address;
  SetEnvironment(env);
  std::atomic<bool> body_ran = false;
  auto const start = std::chrono::steady_clock::now();
  testing::internal::CaptureStderr();
  int code = RunBounded([&](Context&) { body_ran = true; });
  std::string const err = testing::internal::GetCapturedStderr();
  RecordProperty("stderr", err);
  auto const elapsed = std::chrono::steady_clock::now() - start;

  EXPECT_EQ(code, 1);
  EXPECT_FALSE(body_ran);
  EXPECT_LT(elapsed, std::chrono::seconds(10));
  EXPECT_THAT(err, HasSubstr("Pulumi engine"));
  EXPECT_THAT(err, HasSubstr("error: "));
  EXPECT_THAT(err, Not(HasSubstr("terminate called")));
}

TEST(RunIntegrationTest, EngineGoingAwayMidRunExitsWithOne) {
  FakeEngine fake({.kill_on_register = 2});  // the stack registers, then the engine dies
  std::atomic<bool> after_apply = false;
  auto const start = std::chrono::steady_clock::now();
  testing::internal::CaptureStderr();
  SetEnvironment(EnvFor(fake));
  int code = RunBounded([&](Context& ctx) {
    CustomResource a(ctx, "test:index:Thing", "a", {});
    CustomResource b(ctx, "test:index:Thing", "b", {{"fromA", a.id()}});
    b.id().Apply([&](std::string const& id) {
      after_apply = true;
      return id;
    });
    ctx.Export("b", b.id());
  });
  std::string const err = testing::internal::GetCapturedStderr();
  RecordProperty("stderr", err);
  auto const elapsed = std::chrono::steady_clock::now() - start;

  EXPECT_EQ(code, 1);
  EXPECT_FALSE(after_apply);
  EXPECT_LT(elapsed, std::chrono::seconds(15));
  EXPECT_THAT(err, HasSubstr("Pulumi engine"));
  auto methods = fake.Methods();
  EXPECT_EQ(std::count(methods.begin(), methods.end(), "SignalAndWaitForShutdown"), 0);
}

TEST(RunIntegrationTest, EngineGoingAwayOnTheFirstCallExitsWithOne) {
  FakeEngine fake({.kill_on_deployment_info = true});
  std::atomic<bool> body_ran = false;
  testing::internal::CaptureStderr();
  SetEnvironment(EnvFor(fake));
  int code = RunBounded([&](Context&) { body_ran = true; });
  std::string const err = testing::internal::GetCapturedStderr();
  RecordProperty("stderr", err);
  EXPECT_EQ(code, 1);
  EXPECT_FALSE(body_ran);
  EXPECT_THAT(err, HasSubstr("Pulumi engine"));
  EXPECT_THAT(fake.Methods(), ElementsAre("GetDeploymentInfo"));
}

// --- parallelism ---------------------------------------------------------------------------------------------

void EightIndependentResources(Context& ctx) {
  for (int i = 0; i < 8; ++i) CustomResource r(ctx, "test:index:Thing", "r" + std::to_string(i), {{"i", i}});
}

TEST(RunIntegrationTest, PulumiParallelBoundsConcurrentRegistrations) {
  FakeEngine fake({.register_delay = std::chrono::milliseconds(50)});
  auto env = EnvFor(fake);
  env.parallel = 2;
  SetEnvironment(env);
  ASSERT_EQ(RunBounded(EightIndependentResources), 0);
  EXPECT_EQ(fake.RegisterResourceRequests().size(), 9u);
  EXPECT_EQ(fake.max_concurrent_registrations(), 2);
}

TEST(RunIntegrationTest, PulumiParallelOfOneRegistersOneAtATime) {
  FakeEngine fake({.register_delay = std::chrono::milliseconds(20)});
  auto env = EnvFor(fake);
  env.parallel = 1;
  SetEnvironment(env);
  ASSERT_EQ(RunBounded(EightIndependentResources), 0);
  EXPECT_EQ(fake.RegisterResourceRequests().size(), 9u);
  EXPECT_EQ(fake.max_concurrent_registrations(), 1);
}

}  // namespace
}  // namespace pulumi
