// A component: a Secret Manager secret and its first version, whose value stays secret in the state.
#ifndef INFRA_MANAGED_SECRET_H
#define INFRA_MANAGED_SECRET_H

#include "pulumi/pulumi.h"

#include <string>

namespace infra {

struct ManagedSecretArgs {
  std::string secret_id;
  pulumi::Input<std::string> value;  // pass a secret Output (Config::RequireSecret)
};

class ManagedSecret : public pulumi::ComponentResource {
 public:
  ManagedSecret(pulumi::Context& ctx, std::string const& name, ManagedSecretArgs const& args,
                pulumi::ResourceOptions const& opts = {});

  pulumi::Output<std::string> secret_name;   // projects/<project>/secrets/<id>
  pulumi::Output<std::string> version_name;  // .../versions/<n>
};

/// The program: config, the component, stack outputs.
void Program(pulumi::Context& ctx);

}  // namespace infra

#endif  // INFRA_MANAGED_SECRET_H
