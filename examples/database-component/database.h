// A component with two children of the test package `apexdb`: an instance and a user whose password is
// a secret from config.
#ifndef EXAMPLES_DATABASE_COMPONENT_DATABASE_H
#define EXAMPLES_DATABASE_COMPONENT_DATABASE_H

#include "pulumi/pulumi.h"

#include <string>

namespace example {

struct DatabaseArgs {
  pulumi::Input<std::string> tier;
  pulumi::Input<std::string> password;
};

class Database : public pulumi::ComponentResource {
 public:
  Database(pulumi::Context& ctx, std::string const& name, DatabaseArgs const& args,
           pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> connection;  // secret: it embeds the password
  pulumi::Output<std::string> host;
};

/// The program: config, the component, a stack output.
void Program(pulumi::Context& ctx);

}  // namespace example

#endif  // EXAMPLES_DATABASE_COMPONENT_DATABASE_H
