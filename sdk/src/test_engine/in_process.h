// The engine's in-process front: the SDK's two test seams (internal/stubs.h) answered by an Engine in the
// program's own process, as MockDeployment runs it.
#ifndef PULUMI_SRC_TEST_ENGINE_IN_PROCESS_H
#define PULUMI_SRC_TEST_ENGINE_IN_PROCESS_H

#include "internal/stubs.h"
#include "test_engine/engine.h"

#include <memory>

namespace pulumi::test_engine {

/// The stubs a program runs against; `engine` outlives them. Warnings and errors the program logs also go to
/// stderr, so that a failing test shows them.
std::unique_ptr<internal::MonitorStub> InProcessMonitor(Engine& engine);
std::unique_ptr<internal::EngineStub> InProcessEngine(Engine& engine);

}  // namespace pulumi::test_engine

#endif  // PULUMI_SRC_TEST_ENGINE_IN_PROCESS_H
