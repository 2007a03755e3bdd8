// What MockDeployment reports of a resource the engine kept: its request's options, as RegisteredResource.
#ifndef PULUMI_SRC_MOCKS_REGISTERED_RESOURCE_H
#define PULUMI_SRC_MOCKS_REGISTERED_RESOURCE_H

#include "pulumi/mocks/mocks.h"
#include "test_engine/engine.h"

namespace pulumi::mocks {

RegisteredResource ToRegisteredResource(test_engine::Resource const& r);

}  // namespace pulumi::mocks

#endif  // PULUMI_SRC_MOCKS_REGISTERED_RESOURCE_H
