#include "database.h"

namespace example {

Database::Database(pulumi::Context& ctx, std::string const& name, DatabaseArgs const& args,
                   pulumi::ResourceOptions const& opts)
    : ComponentResource(ctx, "examples:index:Database", name, opts) {
  pulumi::CustomResource instance(ctx, "apexdb:index:Instance", name + "-instance",
                                  {{"tier", args.tier}, {"publicIp", false}}, {.parent = *this});
  pulumi::CustomResource user(ctx, "apexdb:index:User", name + "-app",
                              {{"instance", instance.id()}, {"password", args.password}},
                              {.parent = *this, .additional_secret_outputs = {"password"}});
  host = instance.GetOutput<std::string>("host");
  connection = pulumi::Format("postgres://app:{}@{}:5432/vectors", args.password.ToOutput(), host);
  RegisterOutputs({{"host", host}, {"connection", connection}});
}

void Program(pulumi::Context& ctx) {
  pulumi::Config config(ctx);
  Database db(ctx, "apex", {.tier = config.Require("tier"), .password = config.RequireSecret("dbPassword")});
  ctx.Export("host", db.host);
  ctx.Export("connection", db.connection);
}

}  // namespace example
