// l1-builtin-to-json: toJSON of config values, literals and a nested object holding a secret (the result
// stays secret).
#include "pulumi/pulumi.h"

#include <string>
#include <vector>

int main() {
  return pulumi::Run([](pulumi::Context& ctx) {
    using nlohmann::json;
    pulumi::Config config(ctx);
    auto a_string = config.Require("aString");
    auto a_number = config.RequireDouble("aNumber");
    auto a_list = config.RequireObject<std::vector<std::string>>("aList");
    auto a_secret = config.RequireSecret("aSecret");

    ctx.Export("stringOutput", json(a_string).dump());
    // A whole number prints without a fraction, as JSON.stringify and Go's encoding/json do.
    auto number_json = a_number == static_cast<double>(static_cast<long long>(a_number))
                           ? json(static_cast<long long>(a_number))
                           : json(a_number);
    ctx.Export("numberOutput", number_json.dump());
    ctx.Export("boolOutput", json(true).dump());
    ctx.Export("arrayOutput", json::array({"x", "y", "z"}).dump());
    ctx.Export("objectOutput", json{{"key", "value"}, {"count", 1}}.dump());
    auto nested = a_secret.Apply([a_string, a_list](std::string const& secret) {
      json nested_object{{"anObject", {{"name", a_string}, {"items", a_list}}}, {"a_secret", secret}};
      return nested_object.dump();
    });
    ctx.Export("nestedOutput", nested);
  });
}
