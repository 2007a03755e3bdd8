// One passing and one or more violating resources for every resource validation policy of the pack, built from
// the inputs the Apex programs send (prod), each changed in one place to break one rule.
#ifndef APEX_POLICY_TESTS_POLICY_CASES_H
#define APEX_POLICY_TESTS_POLICY_CASES_H

#include "pulumi/policy/policy.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace apex::policy::testing_util {

struct PolicyCase {
  std::string policy;
  std::string what;  ///< what the case shows, for the test's name
  pulumi::policy::AnalyzerResource resource;
  bool violates = false;
  /// Part of the violation's message (the value found); empty for passing cases.
  std::string message{};
};

std::vector<PolicyCase> const& PolicyCases();

/// The Apex resources that pass every policy on a prod stack (the bases of the cases).
std::vector<pulumi::policy::AnalyzerResource> const& CompliantResources();

void PrintTo(PolicyCase const& c, std::ostream* os);

}  // namespace apex::policy::testing_util

#endif  // APEX_POLICY_TESTS_POLICY_CASES_H
