// The pack's policies by kind of resource (one source file each); pack.cc puts them together. Descriptions
// name the rows of policy-checks.md they implement by their checkov/tfsec IDs, or by the project rule APEX-<n>
// (README.md lists both).
#ifndef APEX_POLICY_POLICIES_H
#define APEX_POLICY_POLICIES_H

#include "apex_policy/pack.h"
#include "pulumi/policy/policy.h"

#include <vector>

namespace apex::policy {

using Policies = std::vector<pulumi::policy::Policy>;

Policies CloudSqlPolicies(PackOptions const& options);            // rows 1-5 and 14, APEX-1..3
Policies CloudSqlFlagPolicies();                                  // rows 6-13
Policies RedisPolicies(PackOptions const& options);               // rows 15-16, APEX-4, APEX-6
Policies CloudRunPolicies();                                      // row 17, APEX-7, APEX-8
Policies CloudRunEnvPolicies();                                   // APEX-9, APEX-10
Policies ComputePolicies();                                       // rows 18-21
Policies FirewallPolicies();                                      // row 22
Policies NetworkPolicies();                                       // rows 23-24
Policies IamPolicies();                                           // row 25
Policies KmsPolicies();                                           // row 26
Policies SecretPolicies(PackOptions const& options);              // APEX-12, APEX-13
Policies DeletionProtectionPolicies(PackOptions const& options);  // APEX-14
Policies LabelPolicies();                                         // APEX-11
Policies LabelRemediationPolicies(PackOptions const& options);    // APEX-11, remediation

}  // namespace apex::policy

#endif  // APEX_POLICY_POLICIES_H
