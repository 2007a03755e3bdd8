#include "analyzer_service.h"
#include "pulumi/policy/policy.h"
#include "pulumi/provider/serve.h"

namespace pulumi::policy {

int Main(int argc, char** argv, std::function<PolicyPack(Context&)> factory) {
  AnalyzerService service(std::move(factory), provider::EngineAddress(argc, argv));
  return provider::Serve(service, argc, argv);
}

}  // namespace pulumi::policy
