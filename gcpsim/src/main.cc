// pulumi-resource-gcp: the offline Google Cloud. Answers as the gcp provider of the pinned version
// (versions.env); never needs credentials or a network. Environment: GCPSIM_DB (the database), GCPSIM_SCHEMA (the
// gcp schema), GCPSIM_LATENCY_MS, GCPSIM_TRACE (a file that gets each call's own time).
#include "catalog.h"
#include "provider.h"
#include "pulumi/provider/serve.h"

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  auto catalog = pulumi::gcpsim::Catalog::Load(pulumi::gcpsim::DefaultSchemaPath());
  if (!catalog.ok()) {
    std::cerr << "error: " << catalog.status().message() << "\n";
    return 1;
  }
  pulumi::gcpsim::ProviderOptions options;
  if (char const* latency = std::getenv("GCPSIM_LATENCY_MS"); latency && *latency) {
    options.latency = std::chrono::milliseconds(std::atoi(latency));
  }
  if (char const* trace = std::getenv("GCPSIM_TRACE"); trace && *trace) options.trace = trace;
  pulumi::gcpsim::Provider provider(**catalog, options);
  return pulumi::provider::Serve(provider, argc, argv);
}
