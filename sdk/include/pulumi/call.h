// Calls of resource methods: functions a provider implements on a resource it constructed, e.g. a method
// of a remote component ("pkg:index:Component/method"). The generated classes of schema components offer
// them as typed member functions.
//
//   auto r = pulumi::Call("component:index:ComponentCallable/prefixed", {{"prefix", "foo-"}}, component);
//   auto result = r.Apply([](pulumi::PropertyMap const& m) { return m.at("result").AsString(); });
//
// The result is an output: it waits for output arguments and for the resource, is secret when an argument
// or a returned property is, depends on the resources the provider names, and fails with the provider's
// reasons when the provider reports failures.
#ifndef PULUMI_CALL_H
#define PULUMI_CALL_H

#include "pulumi/context.h"
#include "pulumi/output.h"
#include "pulumi/resource.h"

#include <string>

namespace pulumi {

/// Calls the method `token` of `self` with `args` (`self` is sent as the `__self__` argument). The call goes
/// to the provider, version and download URL that `self` was registered with.
Output<PropertyMap> Call(std::string const& token, PropertyInputs args, Resource const& self);

}  // namespace pulumi

#endif  // PULUMI_CALL_H
