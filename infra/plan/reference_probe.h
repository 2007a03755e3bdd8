// Which outputs of a referenced stack a project uses. The SDK's StackReference hands the program all of the
// referenced stack's outputs and does not record which it reads, so the plan finds out by probing, two runs
// per output: one without the output (a RequireOutput then fails the run) and one with a marked value (a
// string gets a suffix, a number an offset) that is then looked for in everything the run registered. Both
// are deterministic, unlike comparing whole runs: the simulated cloud numbers its IPs in the order the
// program's concurrent registrations arrive.
#ifndef APEX_PLAN_REFERENCE_PROBE_H
#define APEX_PLAN_REFERENCE_PROBE_H

#include "apex/testing/projects.h"
#include "pulumi/property_value.h"

#include <map>
#include <string>
#include <vector>

namespace apex::plan {

/// The outputs of the stack `referenced` (a key of `references`) that the project of `stack` named
/// `consumer` uses, in name order.
std::vector<std::string> OutputsUsed(std::string const& consumer, std::string const& stack,
                                     std::map<std::string, pulumi::PropertyMap> const& references,
                                     std::string const& referenced);

}  // namespace apex::plan

#endif  // APEX_PLAN_REFERENCE_PROBE_H
