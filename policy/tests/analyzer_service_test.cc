// The Analyzer service over real gRPC on loopback, called in the engine's order: Handshake, ConfigureStack,
// GetPluginInfo, GetAnalyzerInfo, Configure, then Remediate/Analyze per resource and AnalyzeStack.
#include "analyzer_service.h"
#include "internal/property_codec.h"
#include "pulumi/config.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

namespace pulumi::policy {
namespace {

using ::testing::HasSubstr;

PolicyPack MakePack(Context& ctx) {
  bool want = Config(ctx).RequireBool("value");
  bool dry_run = ctx.dry_run();
  return PolicyPack(
      "service-test", "2.0.0",
      {ResourceValidationPolicy{
           .name = "validate-" + std::string(want ? "true" : "false"),
           .description = "Verifies value",
           .enforcement_level = EnforcementLevel::kMandatory,
           .config_schema = ConfigSchema{.properties = {{"limit", {{"type", "number"}}}}, .required = {"limit"}},
           .validate =
               [want, dry_run](ResourceValidationArgs const& args) {
                 auto v = args.resource.properties.GetBool("value");
                 if (v && *v != want) {
                   args.ReportViolation(
                       std::string("value was ") + (*v ? "true" : "false") + (dry_run ? " (preview)" : "") +
                       ", limit " + std::to_string(args.config.value("limit", 0)) + ", tag " +
                       args.stack.tags.at("team") + ", protect " + (args.resource.options.protect ? "on" : "off") +
                       ", timeout " +
                       (args.resource.options.custom_timeouts ? args.resource.options.custom_timeouts->create : "") +
                       ", provider " + (args.resource.provider ? args.resource.provider->name : ""));
                 }
               }},
       StackValidationPolicy{.name = "deps",
                             .description = "Dependencies",
                             .validate =
                                 [](StackValidationArgs const& args) {
                                   for (auto const& r : args.resources) {
                                     if (r.property_dependencies.contains("value")) args.ReportViolation("deps", r.urn);
                                   }
                                 }},
       ResourceRemediationPolicy{.name = "fixup",
                                 .description = "Fixes value",
                                 .remediate = [want](ResourceRemediationArgs const&) -> std::optional<PropertyMap> {
                                   return PropertyMap{{"value", PropertyValue::MakeSecret(want)}};
                                 }}});
}

class AnalyzerServiceTest : public ::testing::Test {
 protected:
  void Start(AnalyzerService::Factory factory) {
    service_ = std::make_unique<AnalyzerService>(std::move(factory), "");
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_TRUE(server_);
    stub_ = pulumirpc::Analyzer::NewStub(
        grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (server_) server_->Shutdown();
  }

  grpc::Status ConfigureStack(bool dry_run) {
    grpc::ClientContext hc;
    pulumirpc::AnalyzerHandshakeRequest handshake;
    pulumirpc::AnalyzerHandshakeResponse handshake_response;
    EXPECT_TRUE(stub_->Handshake(&hc, handshake, &handshake_response).ok());
    grpc::ClientContext cc;
    pulumirpc::AnalyzerStackConfigureRequest request;
    request.set_project("proj");
    request.set_stack("dev");
    request.set_organization("org");
    request.set_dry_run(dry_run);
    (*request.mutable_config())["proj:value"] = "true";
    (*request.mutable_tags())["team"] = "memory";
    pulumirpc::AnalyzerStackConfigureResponse response;
    return stub_->ConfigureStack(&cc, request, &response);
  }

  pulumirpc::AnalyzeRequest Request(PropertyValue value) {
    pulumirpc::AnalyzeRequest r;
    r.set_type("simple:index:Resource");
    r.set_name("res");
    r.set_urn("urn:pulumi:dev::proj::simple:index:Resource::res");
    *r.mutable_properties() = internal::EncodeMap({{"value", std::move(value)}});
    r.mutable_options()->set_protect(true);
    r.mutable_options()->mutable_customtimeouts()->set_create(300);
    r.mutable_provider()->set_type("pulumi:providers:simple");
    r.mutable_provider()->set_name("prov");
    return r;
  }

  std::unique_ptr<AnalyzerService> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<pulumirpc::Analyzer::Stub> stub_;
};

TEST_F(AnalyzerServiceTest, ServesThePackBuiltFromTheStacksConfig) {
  Start(MakePack);
  ASSERT_TRUE(ConfigureStack(/*dry_run=*/true).ok());

  grpc::ClientContext c1;
  pulumirpc::PluginInfo plugin;
  ASSERT_TRUE(stub_->GetPluginInfo(&c1, {}, &plugin).ok());
  EXPECT_EQ(plugin.version(), "2.0.0");

  grpc::ClientContext c2;
  pulumirpc::AnalyzerInfo info;
  ASSERT_TRUE(stub_->GetAnalyzerInfo(&c2, {}, &info).ok());
  EXPECT_EQ(info.name(), "service-test");
  EXPECT_TRUE(info.supportsconfig());
  ASSERT_EQ(info.policies_size(), 3);
  EXPECT_EQ(info.policies(0).name(), "validate-true");
  EXPECT_EQ(info.policies(0).enforcementlevel(), pulumirpc::MANDATORY);
  EXPECT_EQ(info.policies(0).policy_type(), pulumirpc::POLICY_TYPE_RESOURCE);
  EXPECT_EQ(info.policies(0)
                .configschema()
                .properties()
                .fields()
                .at("limit")
                .struct_value()
                .fields()
                .at("type")
                .string_value(),
            "number");
  EXPECT_EQ(info.policies(0).configschema().required(0), "limit");
  EXPECT_EQ(info.policies(1).policy_type(), pulumirpc::POLICY_TYPE_STACK);
  EXPECT_EQ(info.policies(2).enforcementlevel(), pulumirpc::REMEDIATE);

  grpc::ClientContext c3;
  pulumirpc::ConfigureAnalyzerRequest configure;
  auto& policy_config = (*configure.mutable_policyconfig())["validate-true"];
  policy_config.set_enforcementlevel(pulumirpc::MANDATORY);
  (*policy_config.mutable_properties()->mutable_fields())["limit"].set_number_value(3);
  (*configure.mutable_policyconfig())["fixup"].set_enforcementlevel(pulumirpc::REMEDIATE);
  google::protobuf::Empty empty;
  ASSERT_TRUE(stub_->Configure(&c3, configure, &empty).ok());

  grpc::ClientContext c4;
  pulumirpc::AnalyzeResponse analyzed;
  ASSERT_TRUE(stub_->Analyze(&c4, Request(PropertyValue::MakeSecret(false)), &analyzed).ok());
  ASSERT_EQ(analyzed.diagnostics_size(), 1);
  auto const& d = analyzed.diagnostics(0);
  EXPECT_EQ(d.policyname(), "validate-true");
  EXPECT_EQ(d.policypackname(), "service-test");
  EXPECT_EQ(d.policypackversion(), "2.0.0");
  EXPECT_EQ(d.message(),
            "Verifies value\nvalue was false (preview), limit 3, tag memory, protect on, timeout 5m0s, provider prov");
  EXPECT_EQ(d.enforcementlevel(), pulumirpc::MANDATORY);
  EXPECT_EQ(d.urn(), "urn:pulumi:dev::proj::simple:index:Resource::res");

  grpc::ClientContext c5;
  pulumirpc::AnalyzeResponse unknown;
  ASSERT_TRUE(stub_->Analyze(&c5, Request(PropertyValue::MakeComputed()), &unknown).ok());
  ASSERT_EQ(unknown.diagnostics_size(), 1);
  EXPECT_THAT(unknown.diagnostics(0).message(), HasSubstr("can't run policy 'validate-true' during preview"));
  EXPECT_EQ(unknown.diagnostics(0).enforcementlevel(), pulumirpc::ADVISORY);

  grpc::ClientContext c6;
  pulumirpc::RemediateResponse remediated;
  ASSERT_TRUE(stub_->Remediate(&c6, Request(false), &remediated).ok());
  ASSERT_EQ(remediated.remediations_size(), 1);
  EXPECT_EQ(remediated.remediations(0).policyname(), "fixup");
  auto props = internal::DecodeMap(remediated.remediations(0).properties());
  ASSERT_TRUE(props.ok());
  EXPECT_EQ(props->at("value"), PropertyValue::MakeSecret(true));

  grpc::ClientContext c7;
  pulumirpc::AnalyzeStackRequest stack;
  auto* r = stack.add_resources();
  r->set_type("simple:index:Resource");
  r->set_urn("urn:b");
  (*r->mutable_propertydependencies())["value"].add_urns("urn:a");
  (*r->mutable_propertydependencies())["other"];
  pulumirpc::AnalyzeResponse stack_response;
  ASSERT_TRUE(stub_->AnalyzeStack(&c7, stack, &stack_response).ok());
  ASSERT_EQ(stack_response.diagnostics_size(), 1);
  EXPECT_EQ(stack_response.diagnostics(0).urn(), "urn:b");
}

TEST_F(AnalyzerServiceTest, APackThatCannotBeBuiltFailsConfigureStackWithItsMessage) {
  Start([](Context& ctx) {
    return PolicyPack("bad", "1.0.0",
                      {ResourceValidationPolicy{.name = "all", .validate = [](ResourceValidationArgs const&) {}}});
    (void)ctx;
  });
  auto status = ConfigureStack(false);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("the policy pack could not be built: invalid policy name \"all\""));
}

TEST_F(AnalyzerServiceTest, AMissingStackConfigKeyNamesTheKey) {
  Start(MakePack);
  grpc::ClientContext c;
  pulumirpc::AnalyzerStackConfigureRequest request;
  request.set_project("proj");
  request.set_stack("dev");
  pulumirpc::AnalyzerStackConfigureResponse response;
  auto status = stub_->ConfigureStack(&c, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("proj:value"));
}

TEST_F(AnalyzerServiceTest, APolicyThatThrowsFailsTheCall) {
  Start([](Context&) {
    return PolicyPack("p", "1.0.0",
                      {ResourceValidationPolicy{.name = "broken", .validate = [](ResourceValidationArgs const&) {
                                                  throw std::runtime_error("boom");
                                                }}});
  });
  ASSERT_TRUE(ConfigureStack(false).ok());
  grpc::ClientContext c;
  pulumirpc::AnalyzeResponse response;
  auto status = stub_->Analyze(&c, Request(true), &response);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.error_message(),
              HasSubstr("policy 'broken' failed on urn:pulumi:dev::proj::simple:index:Resource::res: boom"));
}

}  // namespace
}  // namespace pulumi::policy
