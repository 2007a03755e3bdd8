// The pack on what the Apex programs register (mocks runs from the real stack files): prod and staging pass
// every policy, dev breaks only what its config chooses (no backups), and a prod preview, where some values are
// not known yet, stops on nothing.
#include "apex/gcp_mocks/gcp_mocks.h"
#include "apex/gcp_mocks/projects.h"
#include "apex/gcp_mocks/stack_config.h"
#include "apex_policy/pack.h"
#include "pulumi/policy/analyzer.h"
#ifdef APEX_POLICY_WITH_BOOTSTRAP
#include "apex_bootstrap/program.h"
#endif

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <utility>
#include <vector>

namespace {

namespace pp = ::pulumi::policy;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

pp::AnalyzerResource FromRegistration(pulumi::mocks::RegisteredResource const& r, bool outputs) {
  return {.type = r.type,
          .name = r.name,
          .urn = r.urn,
          .parent = r.parent,
          .properties = pp::Properties(outputs ? r.outputs : r.inputs),
          .options = {.protect = r.protect.value_or(false),
                      .ignore_changes = r.ignore_changes,
                      .delete_before_replace = r.delete_before_replace.value_or(false),
                      .additional_secret_outputs = r.additional_secret_outputs},
          .dependencies = r.dependencies,
          .property_dependencies = r.property_dependencies};
}

/// Every diagnostic of the pack for `stack` on one project's run: each resource's inputs, then the stack. The
/// types analyzed go to `types`.
std::vector<pp::Diagnostic> Analyze(std::string const& stack, pulumi::mocks::MockDeployment const& deployment,
                                    std::set<std::string>* types = nullptr) {
  pp::Analyzer analyzer(apex::policy::MakeApexPolicyPack(apex::policy::OptionsFor(stack, stack)), {.stack = stack});
  std::vector<pp::Diagnostic> out;
  std::vector<pp::AnalyzerResource> outputs;
  for (auto const& r : deployment.resources()) {
    if (!r.custom || r.read || r.type.starts_with("pulumi:")) continue;
    if (types) types->insert(r.type);
    auto found = analyzer.AnalyzeResource(FromRegistration(r, false));
    out.insert(out.end(), found.begin(), found.end());
    outputs.push_back(FromRegistration(r, true));
  }
  auto found = analyzer.AnalyzeStack(outputs);
  out.insert(out.end(), found.begin(), found.end());
  return out;
}

std::string Text(std::vector<pp::Diagnostic> const& diagnostics) {
  std::string out;
  for (auto const& d : diagnostics) {
    out += std::string(pp::ToString(d.enforcement_level)) + " " + d.urn + "\n  " + d.message + "\n";
  }
  return out;
}

std::vector<pp::Diagnostic> AnalyzeAll(std::string const& stack, bool dry_run, std::set<std::string>* types = nullptr) {
  std::vector<pp::Diagnostic> all;
  for (auto const& run : apex::gcp_mocks::RunAll(stack, dry_run)) {
    EXPECT_EQ(run.exit_code, 0) << run.qualified_name << "\n" << apex::gcp_mocks::LogText(*run.deployment);
    auto found = Analyze(stack, *run.deployment, types);
    all.insert(all.end(), found.begin(), found.end());
  }
  return all;
}

TEST(ApexStacksTest, ProdPassesEveryPolicy) {
  std::set<std::string> types;
  auto diagnostics = AnalyzeAll("prod", false, &types);
  EXPECT_THAT(diagnostics, IsEmpty()) << Text(diagnostics);
  // What the policies judge was there to judge.
  for (char const* type :
       {"gcp:sql/databaseInstance:DatabaseInstance", "gcp:redis/instance:Instance", "gcp:cloudrunv2/service:Service",
        "gcp:cloudrunv2/job:Job", "gcp:cloudrunv2/workerPool:WorkerPool",
        "gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "gcp:compute/instance:Instance",
        "gcp:compute/firewall:Firewall", "gcp:compute/network:Network", "gcp:compute/subnetwork:Subnetwork",
        "gcp:projects/iAMMember:IAMMember", "gcp:secretmanager/secret:Secret",
        "gcp:monitoring/alertPolicy:AlertPolicy"}) {
    EXPECT_TRUE(types.contains(type)) << type;
  }
}

TEST(ApexStacksTest, StagingPassesEveryPolicy) {
  auto diagnostics = AnalyzeAll("staging", false);
  EXPECT_THAT(diagnostics, IsEmpty()) << Text(diagnostics);
}

TEST(ApexStacksTest, DevWarnsOnlyAboutItsMissingBackups) {
  auto diagnostics = AnalyzeAll("dev", false);
  std::set<std::string> policies;
  for (auto const& d : diagnostics) {
    EXPECT_EQ(d.enforcement_level, pp::EnforcementLevel::kAdvisory) << d.message;
    policies.insert(d.policy_name);
  }
  EXPECT_THAT(policies, ElementsAre("sql-backups-enabled", "sql-pg-point-in-time-recovery")) << Text(diagnostics);
}

TEST(ApexStacksTest, ProdPreviewStopsOnNothing) {
  // Values not known before apply can only give "can't run" diagnostics, which are advisory.
  auto diagnostics = AnalyzeAll("prod", true);
  for (auto const& d : diagnostics) {
    EXPECT_EQ(d.enforcement_level, pp::EnforcementLevel::kAdvisory) << Text({d});
    EXPECT_THAT(d.message, HasSubstr("can't run policy")) << Text({d});
  }
}

/// apex-databases for prod, its stack file edited as a slip in review would: everything the program once refused
/// at start-up now runs, and the pack is what stops it.
std::unique_ptr<apex::gcp_mocks::StackRun> SlippedProdDatabases() {
  auto network = apex::gcp_mocks::RunStack("apex-network", "prod");
  auto edits = [](std::string text) {
    for (auto const& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"apex:postgresVersion: POSTGRES_18", "apex:postgresVersion: POSTGRES_17"},
             {"apex:deletionProtection: \"true\"", "apex:deletionProtection: \"false\""},
             {"apex:postgresAvailability: REGIONAL", "apex:postgresAvailability: ZONAL"},
             {"apex:redisPersistence: \"true\"", "apex:redisPersistence: \"false\""}}) {
      text = apex::gcp_mocks::ReplaceText(from, to)(std::move(text));
    }
    return text;
  };
  return std::make_unique<apex::gcp_mocks::StackRun>(
      apex::gcp_mocks::RunStackEdited("apex-databases", "prod", edits, apex::gcp_mocks::ReferencesFor({&network})));
}

std::set<std::string> MandatoryPolicies(pulumi::mocks::MockDeployment const& deployment, bool decommission) {
  auto options = apex::policy::OptionsFor("prod", "prod");
  options.decommission = decommission;
  pp::Analyzer analyzer(apex::policy::MakeApexPolicyPack(options), {.stack = "prod"});
  std::set<std::string> out;
  for (auto const& r : deployment.resources()) {
    if (!r.custom || r.read || r.type.starts_with("pulumi:")) continue;
    for (auto const& d : analyzer.AnalyzeResource(FromRegistration(r, false))) {
      EXPECT_EQ(d.enforcement_level, pp::EnforcementLevel::kMandatory) << d.message;
      out.insert(d.policy_name);
    }
  }
  return out;
}

TEST(ApexStacksTest, WhatTheProgramsOnceRefusedInProdThePackRefuses) {
  auto run = SlippedProdDatabases();
  ASSERT_EQ(run->exit_code, 0) << apex::gcp_mocks::LogText(*run->deployment);
  EXPECT_THAT(MandatoryPolicies(*run->deployment, false),
              ElementsAre("prod-deletion-protection", "redis-prod-persistence", "secret-prod-deletion-protection",
                          "sql-pg-latest-version", "sql-prod-deletion-protection", "sql-prod-regional-availability"));
}

TEST(ApexStacksTest, ADeclaredDecommissionLetsOnlyTheDeletionProtectionRulesStandAside) {
  auto run = SlippedProdDatabases();
  ASSERT_EQ(run->exit_code, 0) << apex::gcp_mocks::LogText(*run->deployment);
  EXPECT_THAT(MandatoryPolicies(*run->deployment, true),
              ElementsAre("redis-prod-persistence", "sql-pg-latest-version", "sql-prod-regional-availability"));
}

#ifdef APEX_POLICY_WITH_BOOTSTRAP
TEST(ApexStacksTest, BootstrapProdPassesEveryPolicy) {
  auto config = apex::gcp_mocks::LoadStackConfig(apex::gcp_mocks::ProjectDirectory("apex-bootstrap"), "prod");
  config.config["apex:githubRepository"] = "apex-memory/apex";
  pulumi::mocks::MockDeployment deployment(
      std::make_shared<apex::gcp_mocks::GcpMocks>(config.GcpProject(), config.Region()),
      apex::gcp_mocks::MockOptionsFor(config, false));
  ASSERT_EQ(deployment.Run(apex::bootstrap::Program), 0) << apex::gcp_mocks::LogText(deployment);
  std::set<std::string> types;
  auto diagnostics = Analyze("prod", deployment, &types);
  EXPECT_THAT(diagnostics, IsEmpty()) << Text(diagnostics);
  EXPECT_TRUE(types.contains("gcp:kms/cryptoKey:CryptoKey"));
  EXPECT_TRUE(types.contains("gcp:storage/bucket:Bucket"));
}
#endif

}  // namespace
