// apex-plan, run in-process (and once as a process) for every stack: the printed plan, the JSON, the
// Graphviz files, the errors; and that no secret ever appears in plaintext.
#include "apex/gcp_mocks/projects.h"
#include "apex/stack_graph.h"
#include "plan_cli.h"
#include "plan_dot.h"
#include "plan_model.h"
#include "plan_printer.h"
#include "property_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

using ::pulumi::PropertyMap;
using ::pulumi::PropertyValue;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using json = nlohmann::json;

std::string ReadFile(std::filesystem::path const& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::filesystem::path FreshDir(std::string const& name) {
  auto dir = std::filesystem::path(::testing::TempDir()) / ("apex-plan-test-" + name);
  std::filesystem::remove_all(dir);
  return dir;
}

std::string RegexEscape(std::string const& text) {
  static std::regex const kSpecial(R"([.^$|()\[\]{}*+?\\])");
  return std::regex_replace(text, kSpecial, R"(\$&)");
}

// The JSON value at a path of keys and array indexes, as the plan writes inputs.
json const* JsonAt(json const& root, std::vector<std::string> const& path) {
  json const* at = &root;
  for (auto const& step : path) {
    if (at->is_array()) {
      std::size_t i = std::stoul(step);
      if (i >= at->size()) return nullptr;
      at = &(*at)[i];
    } else if (at->is_object() && at->contains(step)) {
      at = &(*at)[step];
    } else {
      return nullptr;
    }
  }
  return at;
}

// Every path at which a registered input is a secret.
void SecretPaths(PropertyValue const& v, std::vector<std::string> path, std::vector<std::vector<std::string>>& out) {
  if (v.is_secret() || (v.is_output() && v.AsOutput().secret)) {
    out.push_back(path);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.AsArray().size(); ++i) {
      auto p = path;
      p.push_back(std::to_string(i));
      SecretPaths(v.AsArray()[i], p, out);
    }
  } else if (v.is_object()) {
    for (auto const& [k, item] : v.AsObject()) {
      auto p = path;
      p.push_back(k);
      SecretPaths(item, p, out);
    }
  }
}

struct PlanRun {
  int exit_code = -1;
  std::string out, err, json_text, dot_text, svg_text;
  std::filesystem::path dir;
};

PlanRun RunPlanFor(std::string const& stack) {
  PlanRun r;
  r.dir = FreshDir(stack);
  std::ostringstream out, err;
  r.exit_code = apex::plan::Main({"--stack", stack, "--out", r.dir.string()}, out, err);
  r.out = out.str();
  r.err = err.str();
  r.json_text = ReadFile(r.dir / ("plan-" + stack + ".json"));
  r.dot_text = ReadFile(r.dir / ("plan-" + stack + ".dot"));
  r.svg_text = ReadFile(r.dir / ("plan-" + stack + ".svg"));
  return r;
}

class PlanStackTest : public ::testing::TestWithParam<std::string> {
 protected:
  // One plan per stack for the whole suite: each runs every project.
  static PlanRun const& Plan(std::string const& stack) {
    static std::map<std::string, PlanRun> plans;
    if (!plans.count(stack)) plans[stack] = RunPlanFor(stack);
    return plans[stack];
  }
  static std::vector<apex::gcp_mocks::StackRun> const& Runs(std::string const& stack) {
    static std::map<std::string, std::vector<apex::gcp_mocks::StackRun>> runs;
    if (!runs.count(stack)) runs[stack] = apex::gcp_mocks::RunAll(stack);
    return runs[stack];
  }
};

TEST_P(PlanStackTest, ExitsZeroAndWritesTheFiles) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_EQ(plan.err, "");
  EXPECT_THAT(plan.out, HasSubstr("Wrote " + (plan.dir / ("plan-" + GetParam() + ".json")).string()));
  EXPECT_TRUE(plan.svg_text.rfind("<?xml", 0) == 0 || plan.svg_text.rfind("<svg", 0) == 0)
      << plan.svg_text.substr(0, 80);
  EXPECT_THAT(plan.svg_text, HasSubstr("</svg>"));
}

TEST_P(PlanStackTest, JsonHasEveryProjectWithTheMocksRegistrations) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  json doc = json::parse(plan.json_text);
  EXPECT_EQ(doc["stack"], GetParam());
  auto const& runs = Runs(GetParam());
  ASSERT_EQ(doc["projects"].size(), runs.size());
  int creates = 0;
  for (std::size_t p = 0; p < runs.size(); ++p) {
    auto const& project = doc["projects"][p];
    auto registered = runs[p].deployment->resources();
    SCOPED_TRACE(runs[p].config.project);
    EXPECT_EQ(project["project"], runs[p].config.project);
    EXPECT_EQ(project["stack"], runs[p].qualified_name);
    ASSERT_EQ(project["resources"].size(), registered.size());
    int reads = 0;
    std::set<std::string> urns;
    for (auto const& r : registered) {
      urns.insert(r.urn);
      reads += r.read ? 1 : 0;
    }
    std::set<std::string> planned_urns;
    for (auto const& r : project["resources"]) planned_urns.insert(r["urn"].get<std::string>());
    EXPECT_EQ(planned_urns, urns);
    EXPECT_EQ(project["summary"]["create"], static_cast<int>(registered.size()) - reads);
    EXPECT_EQ(project["summary"]["read"], reads);
    creates += static_cast<int>(registered.size()) - reads;
    // Each resource's type, name and parent as registered; its inputs' plain values as sent.
    for (auto const& r : project["resources"]) {
      auto found = std::find_if(registered.begin(), registered.end(), [&](auto const& x) { return x.urn == r["urn"]; });
      ASSERT_NE(found, registered.end());
      EXPECT_EQ(r["type"], found->type);
      EXPECT_EQ(r["name"], found->name);
      EXPECT_EQ(r["parent"], found->parent);
      EXPECT_EQ(r["op"], found->read ? "read" : "create");
      for (auto const& [key, value] : found->inputs) {
        if (value.is_string()) {
          EXPECT_EQ(r["inputs"][key], value.AsString()) << r["urn"] << " " << key;
        }
      }
    }
    EXPECT_EQ(project["outputs"].size(), runs[p].deployment->stack_outputs().size());
    EXPECT_EQ(project["warnings"].size(), 0u) << project["warnings"].dump();
  }
  EXPECT_EQ(doc["summary"]["create"], creates);
}

TEST_P(PlanStackTest, JsonListsTheReferencedStacksAndTheOutputsUsed) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  json doc = json::parse(plan.json_text);
  std::map<std::string, json> by_project;
  for (auto const& p : doc["projects"]) by_project[p["project"]] = p;
  for (auto const& project : apex::gcp_mocks::Projects()) {
    SCOPED_TRACE(project.name);
    auto const& planned = by_project.at(project.name);
    std::set<std::string> referenced;
    for (auto const& ref : planned["stackReferences"]) {
      std::string producer = ref["project"];
      referenced.insert(producer);
      EXPECT_EQ(ref["stack"], "organization/" + producer + "/" + GetParam());
      ASSERT_TRUE(by_project.count(producer)) << producer;
      EXPECT_FALSE(ref["outputs"].empty()) << "reads " << producer << " but uses none of its outputs";
      for (auto const& output : ref["outputs"]) {
        EXPECT_TRUE(by_project.at(producer)["outputs"].contains(output)) << output;
      }
    }
    EXPECT_EQ(referenced, std::set<std::string>(project.reads.begin(), project.reads.end()));
  }
}

// infra/stack-graph.txt is what the programs do: each project reads exactly the stacks and the outputs it declares.
TEST_P(PlanStackTest, TheReadsAreThoseOfTheStackGraph) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  for (auto const& p : json::parse(plan.json_text)["projects"]) {
    SCOPED_TRACE(p["project"].get<std::string>());
    std::map<std::string, std::set<std::string>> planned;
    std::map<std::string, std::set<std::string>> declared;
    for (auto const& ref : p["stackReferences"]) planned[ref["project"]] = ref["outputs"].get<std::set<std::string>>();
    for (auto const& read : apex::GraphProjectNamed(p["project"]).reads) {
      declared[read.project] = std::set<std::string>(read.outputs.begin(), read.outputs.end());
    }
    EXPECT_EQ(planned, declared);
  }
}

// The outputs used are those the program asked for, as the mocks recorded them: apex-databases asks the network
// stack for exactly these four (program.cc), and none of the network's others.
TEST_P(PlanStackTest, OutputsUsedAreWhatTheProgramAskedFor) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  json doc = json::parse(plan.json_text);
  for (auto const& p : doc["projects"]) {
    if (p["project"] != "apex-databases") continue;
    ASSERT_EQ(p["stackReferences"].size(), 1u);
    EXPECT_EQ(p["stackReferences"][0]["outputs"],
              json({"networkId", "privateServiceConnection", "psaRangeName", "subnetSelfLink"}));
    return;
  }
  FAIL() << "no apex-databases in the plan";
}

TEST_P(PlanStackTest, PrintsTheTreeWithComponentsAndKeyProperties) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  auto const& runs = Runs(GetParam());
  for (auto const& run : runs) {
    SCOPED_TRACE(run.config.project);
    EXPECT_THAT(plan.out, HasSubstr("Previewing update (" + GetParam() + ") of " + run.config.project +
                                    " \xE2\x80\x94 offline, simulated Google Cloud"));
    int creates = 0;
    for (auto const& r : run.deployment->resources()) {
      creates += r.read ? 0 : 1;
      // Every resource on its own row: type (as pulumi shows it), name, plan.
      std::regex row(RegexEscape(apex::plan::DisplayType(r.type)) + " +" + RegexEscape(r.name) + " +" +
                     (r.read ? "read" : "create") + "\n");
      EXPECT_TRUE(std::regex_search(plan.out, row)) << r.type << " " << r.name;
    }
    EXPECT_THAT(plan.out, HasSubstr("Resources:\n    + " + std::to_string(creates) + " to create\n"));
  }
  // The component and the network's key properties, from the stack's own config.
  auto const& network = runs.front();
  ASSERT_EQ(network.config.project, "apex-network");
  EXPECT_THAT(plan.out, HasSubstr("pulumi:pulumi:Stack"));
  EXPECT_THAT(plan.out, HasSubstr("\xE2\x94\x9C\xE2\x94\x80 apex:network:Network"));    // ├─ (the APIs follow it)
  EXPECT_THAT(plan.out, HasSubstr("\xE2\x94\x9C\xE2\x94\x80 gcp:compute:Subnetwork"));  // ├─
  std::regex cidr("ipCidrRange +: \"" + RegexEscape(network.config.config.at("apex:subnetCidr")) + "\"\n");
  EXPECT_TRUE(std::regex_search(plan.out, cidr));
  EXPECT_TRUE(std::regex_search(plan.out, std::regex("autoCreateSubnetworks +: false\n")));
  EXPECT_TRUE(std::regex_search(plan.out, std::regex("purpose +: \"VPC_PEERING\"\n")));
  EXPECT_THAT(plan.out, HasSubstr("Outputs:\n"));
  EXPECT_THAT(plan.out,
              HasSubstr("Total for stack " + GetParam() + " over " + std::to_string(runs.size()) + " project"));
}

TEST_P(PlanStackTest, PrintsTheKeyPropertiesOfTheDataAndComputeTiers) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  // For each important type present in this build, the printed value of each key property, as registered.
  std::map<std::string, std::vector<std::string>> const checks = {
      {"gcp:sql/databaseInstance:DatabaseInstance",
       {"databaseVersion", "settings.tier", "settings.availabilityType", "settings.ipConfiguration.ipv4Enabled",
        "deletionProtection"}},
      {"gcp:redis/instance:Instance", {"tier", "memorySizeGb"}},
      {"gcp:cloudrunv2/service:Service",
       {"ingress", "template.scaling.minInstanceCount", "template.scaling.maxInstanceCount"}},
      {"gcp:compute/subnetwork:Subnetwork", {"ipCidrRange", "privateIpGoogleAccess"}},
  };
  for (auto const& run : Runs(GetParam())) {
    for (auto const& [type, paths] : checks) {
      for (auto const& r : run.deployment->OfType(type)) {
        for (auto const& path : paths) {
          auto value = apex::plan::Lookup(r.inputs, path);
          if (!value) continue;  // the program leaves it to the provider's default
          std::regex line(RegexEscape(path) + " +: " + RegexEscape(apex::plan::ValueText(*value)) + "\n");
          EXPECT_TRUE(std::regex_search(plan.out, line)) << r.name << " " << path;
        }
      }
    }
  }
}

TEST_P(PlanStackTest, NoSecretInPlaintextAnywhere) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  for (auto const* text : {&plan.out, &plan.err, &plan.json_text, &plan.dot_text, &plan.svg_text}) {
    EXPECT_THAT(*text, Not(HasSubstr("<secret "))) << "the mocks' secret placeholders must never be shown";
  }
  // Every input registered as a secret is "[secret]" in the JSON.
  json doc = json::parse(plan.json_text);
  auto const& runs = Runs(GetParam());
  for (std::size_t p = 0; p < runs.size(); ++p) {
    for (auto const& r : runs[p].deployment->resources()) {
      std::vector<std::vector<std::string>> paths;
      SecretPaths(PropertyValue(r.inputs), {}, paths);
      for (auto const& resource : doc["projects"][p]["resources"]) {
        if (resource["urn"] != r.urn) continue;
        for (auto const& path : paths) {
          json const* value = JsonAt(resource["inputs"], path);
          ASSERT_NE(value, nullptr) << r.urn;
          EXPECT_EQ(*value, "[secret]") << r.urn;
        }
      }
    }
    for (auto const& [name, value] : runs[p].deployment->stack_outputs()) {
      if (value.ContainsSecrets()) {
        EXPECT_EQ(doc["projects"][p]["outputs"][name], "[secret]") << name;
      }
    }
  }
}

TEST_P(PlanStackTest, DotHasAClusterPerProjectAndComponentAndDashedReferenceEdges) {
  auto const& plan = Plan(GetParam());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  json doc = json::parse(plan.json_text);
  std::map<std::string, std::size_t> index_of;
  for (std::size_t p = 0; p < doc["projects"].size(); ++p) {
    auto const& project = doc["projects"][p];
    index_of[project["project"]] = p;
    EXPECT_THAT(plan.dot_text, HasSubstr("subgraph \"cluster_p" + std::to_string(p) + "\" {"));
    EXPECT_THAT(plan.dot_text, HasSubstr("label=\"" + project["project"].get<std::string>() + "\\n"));
  }
  EXPECT_THAT(plan.dot_text, HasSubstr("label=\"Network\\napex\"; style="));  // the component's cluster
  EXPECT_THAT(plan.dot_text, HasSubstr("[label=\"Subnetwork\\napex-subnet\""));
  for (std::size_t p = 0; p < doc["projects"].size(); ++p) {
    for (auto const& ref : doc["projects"][p]["stackReferences"]) {
      for (auto const& output : ref["outputs"]) {
        std::string edge = "\"p" + std::to_string(index_of.at(ref["project"])) + "_out_" + output.get<std::string>() +
                           "\" -> \"p" + std::to_string(p) + "_r";
        EXPECT_THAT(plan.dot_text, HasSubstr(edge)) << edge;
      }
    }
  }
  EXPECT_THAT(plan.svg_text, HasSubstr("<title>cluster_p0</title>"));  // Graphviz escapes "-" in text
  EXPECT_THAT(plan.svg_text, HasSubstr(">Subnetwork</text>"));
}

INSTANTIATE_TEST_SUITE_P(Stacks, PlanStackTest, ::testing::Values("dev", "staging", "prod"));

TEST(PlanTest, SecretsAreErasedAndPlaintextCopiesOfSecretConfigAreFlagged) {
  std::vector<std::string> leaks;
  PropertyMap inputs{{"password", PropertyValue::MakeSecret("<secret apex:dbPassword>")},
                     {"env", pulumi::PropertyArray{PropertyMap{{"value", "postgres://u:<secret apex:dbPassword>@h"}}}},
                     {"tier", "db-f1-micro"},
                     {"later", PropertyValue::MakeComputed()}};
  auto erased = apex::plan::EraseSecrets(inputs, {"<secret apex:dbPassword>"}, "", leaks);
  EXPECT_EQ(leaks, std::vector<std::string>{"env[0].value"});
  EXPECT_EQ(apex::plan::ValueText(erased),
            "{env: [{value: [secret]}], later: (computed), password: [secret], tier: \"db-f1-micro\"}");

  apex::plan::ProjectPlan project{.project = "apex-x",
                                  .stack = "dev",
                                  .qualified_name = "organization/apex-x/dev",
                                  .resources = {},
                                  .outputs = {},
                                  .references = {},
                                  .warnings = {}};
  project.resources.push_back({.urn = "urn:pulumi:dev::apex-x::gcp:sql/user:User::app",
                               .type = "gcp:sql/user:User",
                               .name = "app",
                               .parent_urn = "",
                               .custom = true,
                               .read = false,
                               .inputs = erased.AsObject()});
  project.resources.back().inputs["name"] = "apex";
  std::ostringstream out;
  apex::plan::PrintProject(project, out);
  EXPECT_TRUE(std::regex_search(out.str(), std::regex("password +: \\[secret\\]\n"))) << out.str();
  EXPECT_THAT(out.str(), Not(HasSubstr("<secret ")));
}

TEST(PlanTest, DisplaysTypesAndPathsAsPulumiDoes) {
  EXPECT_EQ(apex::plan::DisplayType("gcp:sql/databaseInstance:DatabaseInstance"), "gcp:sql:DatabaseInstance");
  EXPECT_EQ(apex::plan::DisplayType("gcp:projects/iAMMember:IAMMember"), "gcp:projects:IAMMember");
  EXPECT_EQ(apex::plan::DisplayType("gcp:cloudrunv2/serviceIamMember:ServiceIamMember"),
            "gcp:cloudrunv2:ServiceIamMember");
  EXPECT_EQ(apex::plan::DisplayType("apex:database:Cluster"), "apex:database:Cluster");
  EXPECT_EQ(apex::plan::DisplayType("pulumi:pulumi:Stack"), "pulumi:pulumi:Stack");
  EXPECT_EQ(apex::plan::ShortType("gcp:redis/instance:Instance"), "Instance");
  PropertyMap service{
      {"template", PropertyMap{{"containers", pulumi::PropertyArray{PropertyMap{{"image", "gcr.io/a"}}}},
                               {"scaling", PropertyMap{{"minInstanceCount", 3}}}}}};
  EXPECT_EQ(apex::plan::Lookup(service, "template.containers[0].image"), PropertyValue("gcr.io/a"));
  EXPECT_EQ(apex::plan::Lookup(service, "template.scaling.minInstanceCount"), PropertyValue(3));
  EXPECT_FALSE(apex::plan::Lookup(service, "template.containers[1].image"));
  EXPECT_FALSE(apex::plan::Lookup(service, "ingress"));
  EXPECT_EQ(apex::plan::ValueText(PropertyValue(0.5)), "0.5");
  EXPECT_EQ(apex::plan::ValueText(PropertyValue(10)), "10");
}

TEST(PlanTest, UnknownStackFailsNamingTheProjectAndTheMissingFile) {
  auto dir = FreshDir("nope");
  std::ostringstream out, err;
  EXPECT_EQ(apex::plan::Main({"--stack", "nope", "--out", dir.string(), "--no-svg"}, out, err),
            apex::plan::kExitProjectFailed);
  EXPECT_THAT(err.str(), HasSubstr("apex-plan: apex-network (nope) failed"));
  EXPECT_THAT(err.str(), HasSubstr("Pulumi.nope.yaml"));
  EXPECT_FALSE(std::filesystem::exists(dir / "plan-nope.json"));
}

TEST(PlanTest, AFailedRunShowsTheProjectTheExitCodeAndTheLoggedErrors) {
  std::ostringstream err;
  apex::plan::PrintFailure({.project = "apex-databases",
                            .stack = "dev",
                            .exit_code = 32,
                            .errors = {"apex:dbTier: missing required configuration"}},
                           err);
  EXPECT_EQ(err.str(),
            "apex-plan: apex-databases (dev) failed with exit code 32\n"
            "    error: apex:dbTier: missing required configuration\n");
}

TEST(PlanTest, AProjectRunWithoutItsReferencesFailsWithTheMissingOutputNamed) {
  auto const& projects = apex::gcp_mocks::Projects();
  auto reader = std::find_if(projects.begin(), projects.end(), [](auto const& p) { return !p.reads.empty(); });
  if (reader == projects.end()) GTEST_SKIP() << "only apex-network is built (APEX_PROJECTS)";
  auto run = apex::gcp_mocks::RunStack(reader->name, "dev");  // no stack references at all
  ASSERT_NE(run.exit_code, 0);
  auto failure = apex::plan::FailureOf(run, {});
  EXPECT_EQ(failure.project, reader->name);
  EXPECT_EQ(failure.exit_code, run.exit_code);
  ASSERT_FALSE(failure.errors.empty());
  EXPECT_THAT(failure.errors.front(), HasSubstr("has no output named"));
  std::ostringstream err;
  apex::plan::PrintFailure(failure, err);
  EXPECT_THAT(err.str(), StartsWith("apex-plan: " + reader->name + " (dev) failed with exit code " +
                                    std::to_string(run.exit_code) + "\n    error: "));
}

TEST(PlanTest, TheReferencesAndTheOrderAreTheSameFromRunToRun) {
  // The programs register concurrently; the plan must not depend on the order the registrations arrive.
  auto first = apex::plan::BuildPlan("dev");
  for (int i = 0; i < 5; ++i) {
    auto again = apex::plan::BuildPlan("dev");
    ASSERT_FALSE(again.failure);
    ASSERT_EQ(again.plan.projects.size(), first.plan.projects.size());
    for (std::size_t p = 0; p < first.plan.projects.size(); ++p) {
      auto const& a = first.plan.projects[p];
      auto const& b = again.plan.projects[p];
      std::vector<std::string> urns_a, urns_b;
      for (auto const& r : a.resources) urns_a.push_back(r.urn);
      for (auto const& r : b.resources) urns_b.push_back(r.urn);
      EXPECT_EQ(urns_a, urns_b) << a.project;
      ASSERT_EQ(a.references.size(), b.references.size()) << a.project;
      for (std::size_t r = 0; r < a.references.size(); ++r) {
        EXPECT_EQ(a.references[r].project, b.references[r].project);
        EXPECT_EQ(a.references[r].outputs, b.references[r].outputs) << a.project << " <- " << a.references[r].project;
      }
    }
  }
}

TEST(PlanTest, UsageErrorsAndHelp) {
  std::ostringstream out, err;
  EXPECT_EQ(apex::plan::Main({"--frobnicate"}, out, err), apex::plan::kExitUsage);
  EXPECT_THAT(err.str(), HasSubstr("unknown argument '--frobnicate'"));
  EXPECT_THAT(err.str(), HasSubstr("usage: apex-plan"));
  EXPECT_EQ(apex::plan::Main({"--stack"}, out, err), apex::plan::kExitUsage);
  EXPECT_EQ(apex::plan::Main({"--stack", "../etc"}, out, err), apex::plan::kExitUsage);
  EXPECT_EQ(apex::plan::Main({"--help"}, out, err), apex::plan::kExitOk);
  EXPECT_THAT(out.str(), StartsWith("usage: apex-plan [--stack dev|staging|prod] [--out DIR] [--no-svg]"));
  auto parsed = apex::plan::ParseArgs({"--stack=prod", "--out", "x", "--no-svg"});
  EXPECT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.options.stack, "prod");
  EXPECT_EQ(parsed.options.out_dir, "x");
  EXPECT_FALSE(parsed.options.svg);
  EXPECT_EQ(apex::plan::ParseArgs({}).options.out_dir, "apex-plan-out");
}

TEST(PlanTest, WithoutGraphvizItSaysToInstallItOrPassNoSvg) {
  std::string saved = std::getenv("PATH") ? std::getenv("PATH") : "";
  auto empty = FreshDir("empty-path");
  std::filesystem::create_directories(empty);
  ::setenv("PATH", empty.c_str(), 1);
  EXPECT_FALSE(apex::plan::FindDot());
  std::ostringstream out, err;
  int code = apex::plan::Main({"--out", FreshDir("no-dot").string()}, out, err);
  ::setenv("PATH", saved.c_str(), 1);
  EXPECT_EQ(code, apex::plan::kExitNoGraphviz);
  EXPECT_THAT(err.str(), HasSubstr("install graphviz"));
  EXPECT_THAT(err.str(), HasSubstr("--no-svg"));
  EXPECT_TRUE(apex::plan::FindDot()) << "tools/setup installs graphviz";
}

TEST(PlanTest, TheBinaryRunsWithoutSvgAndDefaultsToDev) {
  auto dir = FreshDir("binary");
  std::string command = std::string(APEX_PLAN_BINARY) + " --no-svg --out " + dir.string() + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string text;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
  int status = ::pclose(pipe);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << text;
  EXPECT_THAT(text, StartsWith("Previewing update (dev) of apex-network"));
  EXPECT_TRUE(std::filesystem::exists(dir / "plan-dev.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "plan-dev.dot"));
  EXPECT_FALSE(std::filesystem::exists(dir / "plan-dev.svg"));
  EXPECT_THAT(text, Not(HasSubstr("<secret ")));
}

}  // namespace
