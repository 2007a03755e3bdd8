// The message Invoke and Call make of a provider's check failures.
#include "internal/provider_answer.h"

#include <gtest/gtest.h>

namespace pulumi::internal {
namespace {

TEST(FailuresMessageTest, NamesTheCallAndGivesEachFailureALineWithItsPropertyWhereThereIsOne) {
  google::protobuf::RepeatedPtrField<pulumirpc::CheckFailure> failures;
  auto* named = failures.Add();
  named->set_property("family");
  named->set_reason("no such family");
  failures.Add()->set_reason("quota exceeded");
  EXPECT_EQ(FailuresMessage("invoking", "gcp:compute/getImage:getImage", failures),
            "invoking gcp:compute/getImage:getImage failed:\n\tfamily: no such family\n\tquota exceeded");
}

TEST(FailuresMessageTest, WithoutFailuresItIsTheHeadlineAlone) {
  EXPECT_EQ(FailuresMessage("calling", "pkg:index:Thing/method", {}), "calling pkg:index:Thing/method failed:");
}

}  // namespace
}  // namespace pulumi::internal
