// GoogleTest matchers for awaited outputs.
//
//   auto url = pulumi::mocks::AwaitForTest(service.GetOutput<std::string>("uri"));
//   EXPECT_THAT(url, pulumi::mocks::IsKnownWith(::testing::StartsWith("https://")));
//   EXPECT_THAT(pulumi::mocks::AwaitForTest(password), pulumi::mocks::IsSecret());
#ifndef PULUMI_MOCKS_GTEST_H
#define PULUMI_MOCKS_GTEST_H

#include "pulumi/mocks/mocks.h"

#include <gmock/gmock.h>

namespace pulumi::mocks {

MATCHER(IsKnown, "is a known output") { return arg.known; }
MATCHER(IsUnknown, "is an unknown output") { return !arg.known && !arg.failed; }
MATCHER(IsSecret, "is a secret output") { return arg.secret; }
MATCHER(IsFailed, "is a failed output") { return arg.failed; }
MATCHER_P(IsKnownWith, m, "is a known output with a matching value") {
  return arg.known && ::testing::ExplainMatchResult(m, *arg.value, result_listener);
}
MATCHER_P(FailedWith, m, "is a failed output with a matching error") {
  return arg.failed && ::testing::ExplainMatchResult(m, arg.error, result_listener);
}

}  // namespace pulumi::mocks

#endif  // PULUMI_MOCKS_GTEST_H
