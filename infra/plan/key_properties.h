// The properties the printed plan shows under a resource: per type token, the few that a reviewer of a
// preview checks (a database's version, tier and exposure; a service's ingress and scaling; a subnet's range).
#ifndef APEX_PLAN_KEY_PROPERTIES_H
#define APEX_PLAN_KEY_PROPERTIES_H

#include <string>
#include <vector>

namespace apex::plan {

/// Dotted paths into the inputs (see Lookup in property_text.h); empty for types without a table.
std::vector<std::string> const& KeyProperties(std::string const& type_token);

}  // namespace apex::plan

#endif  // APEX_PLAN_KEY_PROPERTIES_H
