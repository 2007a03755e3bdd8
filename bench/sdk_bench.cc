// SDK throughput: Output callbacks, resource registration through the mocks, and the property codec.
// Run: build/default/bench/sdk_bench (figures in bench/README.md).
#include "internal/property_codec.h"
#include "pulumi/mocks/mocks.h"
#include "pulumi/pulumi.h"

#include <benchmark/benchmark.h>

namespace {

void BM_ApplyChain(benchmark::State& state) {
  for (auto _ : state) {
    pulumi::Output<int> out(0);
    for (int64_t i = 0; i < state.range(0); ++i) out = out.Apply([](int v) { return v + 1; });
    benchmark::DoNotOptimize(pulumi::mocks::AwaitForTest(out).value);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ApplyChain)->Arg(1000);

void BM_RegisterResources(benchmark::State& state) {
  for (auto _ : state) {
    pulumi::mocks::MockDeployment deployment(nullptr, {.parallel = 8});
    int rc = deployment.Run([&](pulumi::Context& ctx) {
      for (int64_t i = 0; i < state.range(0); ++i) {
        pulumi::CustomResource(ctx, "bench:index:Thing", "t" + std::to_string(i),
                               {{"name", "thing"}, {"size", 3}, {"labels", pulumi::PropertyMap{{"env", "dev"}}}});
      }
    });
    benchmark::DoNotOptimize(rc);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RegisterResources)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

pulumi::PropertyMap SampleInputs() {
  pulumi::PropertyArray flags;
  for (int i = 0; i < 20; ++i)
    flags.push_back(pulumi::PropertyMap{{"name", "log_" + std::to_string(i)}, {"value", "on"}});
  return {{"databaseVersion", "POSTGRES_16"},
          {"region", "us-central1"},
          {"deletionProtection", true},
          {"rootPassword", pulumi::PropertyValue::MakeSecret("hunter2")},
          {"settings", pulumi::PropertyMap{{"tier", "db-custom-4-15360"}, {"databaseFlags", flags}}}};
}

void BM_EncodeDecode(benchmark::State& state) {
  auto inputs = SampleInputs();
  for (auto _ : state) {
    auto wire = pulumi::internal::EncodeMap(inputs);
    auto back = pulumi::internal::DecodeMap(wire);
    benchmark::DoNotOptimize(back);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EncodeDecode);

}  // namespace

BENCHMARK_MAIN();
