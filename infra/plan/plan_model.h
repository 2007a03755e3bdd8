// The offline plan of one stack: what each Apex project would create in a preview, with every secret already
// erased, so that the printer, the JSON writer and the Graphviz writer cannot show one.
//
//   apex::plan::PlanResult result = apex::plan::BuildPlan("dev");
//   if (!result.failure) PrintPlan(result.plan, std::cout);
#ifndef APEX_PLAN_PLAN_MODEL_H
#define APEX_PLAN_PLAN_MODEL_H

#include "apex/gcp_mocks/projects.h"
#include "pulumi/property_value.h"

#include <optional>
#include <string>
#include <vector>

namespace apex::plan {

inline constexpr char kStackType[] = "pulumi:pulumi:Stack";
inline constexpr char kStackReferenceType[] = "pulumi:pulumi:StackReference";

struct PlannedResource {
  std::string urn;
  std::string type;  ///< the full token: "gcp:sql/databaseInstance:DatabaseInstance"
  std::string name;  ///< the logical name
  std::string parent_urn;
  bool custom = true;
  bool read = false;  ///< a read (StackReference), not a create
  /// As sent by the program; secrets are secret wrappers around null, unknowns are computed.
  pulumi::PropertyMap inputs;
  std::string id{};               ///< as the simulated cloud returned it
  pulumi::PropertyMap outputs{};  ///< as the simulated cloud returned them (ids, IPs, URIs), erased like the inputs
};

/// A StackReference the project reads, and which of the referenced stack's outputs it uses.
struct StackReferenceRead {
  std::string urn;
  std::string stack;    ///< "organization/apex-network/dev"
  std::string project;  ///< "apex-network", or "" when the stack is not one of the plan's projects
  std::vector<std::string> outputs;
};

struct ProjectPlan {
  std::string project;
  std::string stack;
  std::string qualified_name;              ///< "organization/apex-network/dev"
  std::vector<PlannedResource> resources;  ///< registration order
  pulumi::PropertyMap outputs;             ///< erased like the inputs
  std::vector<StackReferenceRead> references;
  /// Plaintext copies of secret config found in inputs or outputs (they are erased all the same).
  std::vector<std::string> warnings;

  int Creates() const;
  int Reads() const;
};

struct Plan {
  std::string stack;
  std::vector<ProjectPlan> projects;  ///< dependency order

  int Creates() const;
  int Reads() const;
};

/// Why a project's run failed: the mocks' logged errors and the program's exit code.
struct ProjectFailure {
  std::string project;
  std::string stack;
  int exit_code = -1;
  std::vector<std::string> errors;
};

struct PlanResult {
  Plan plan;  ///< the projects planned before any failure
  std::optional<ProjectFailure> failure;
};

/// Runs every project of apex::gcp_mocks::Projects() for `stack` in dependency order against the simulated
/// Google Cloud (preview mode), each reading the outputs of those before it, and stops at the first failure.
PlanResult BuildPlan(std::string const& stack);

/// The failure of a run that exited non-zero: its project, stack, exit code and logged errors, with any
/// plaintext copy of `plaintext_secrets` in them replaced by "[secret]".
ProjectFailure FailureOf(apex::gcp_mocks::StackRun const& run, std::vector<std::string> const& plaintext_secrets);

/// `value` with every secret's content erased (a secret wrapper around null), secret output values likewise,
/// unknown output values made computed, and strings that contain one of `plaintext_secrets` erased too;
/// `leaks` gets the dotted path of each such string.
pulumi::PropertyValue EraseSecrets(pulumi::PropertyValue const& value,
                                   std::vector<std::string> const& plaintext_secrets, std::string const& path,
                                   std::vector<std::string>& leaks);

}  // namespace apex::plan

#endif  // APEX_PLAN_PLAN_MODEL_H
