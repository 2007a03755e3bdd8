#include "pulumi/output.h"
#include "pulumi/format.h"
#include "pulumi/input.h"
#include "pulumi/mocks/gtest.h"
#include "pulumi/mocks/mocks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <tuple>

namespace pulumi {
namespace {

using ::pulumi::mocks::AwaitForTest;
using ::pulumi::mocks::FailedWith;
using ::pulumi::mocks::IsKnownWith;
using ::pulumi::mocks::IsSecret;
using ::pulumi::mocks::IsUnknown;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(OutputTest, KnownValueApplies) {
  Output<int> two(2);
  auto four = two.Apply([](int v) { return v * 2; });
  EXPECT_THAT(AwaitForTest(four), IsKnownWith(4));
}

TEST(OutputTest, ApplySkipsCallbackWhenUnknown) {
  bool called = false;
  auto out = Output<int>::Unknown().Apply([&](int v) {
    called = true;
    return v;
  });
  EXPECT_THAT(AwaitForTest(out), IsUnknown());
  EXPECT_FALSE(called);
}

TEST(OutputTest, SecrecyPropagatesThroughApply) {
  auto secret = MakeSecret(Output<std::string>("hunter2"));
  auto length = secret.Apply([](std::string const& s) { return static_cast<int>(s.size()); });
  auto awaited = AwaitForTest(length);
  EXPECT_THAT(awaited, IsKnownWith(7));
  EXPECT_THAT(awaited, IsSecret());
}

TEST(OutputTest, UnsecretClearsSecrecy) {
  auto plain = Unsecret(MakeSecret(Output<std::string>("x")));
  auto awaited = AwaitForTest(plain);
  EXPECT_THAT(awaited, IsKnownWith(std::string("x")));
  EXPECT_THAT(awaited, Not(IsSecret()));
}

TEST(OutputTest, ApplyMayReturnAnOutput) {
  auto out = Output<int>(3).Apply([](int v) { return MakeSecret(Output<std::string>(std::to_string(v))); });
  static_assert(std::is_same_v<decltype(out), Output<std::string>>);
  auto awaited = AwaitForTest(out);
  EXPECT_THAT(awaited, IsKnownWith(std::string("3")));
  EXPECT_THAT(awaited, IsSecret());
}

TEST(OutputTest, ApplyReturningUnknownOutputIsUnknown) {
  auto out = Output<int>(3).Apply([](int) { return Output<std::string>::Unknown(); });
  EXPECT_THAT(AwaitForTest(out), IsUnknown());
}

TEST(OutputTest, ExceptionInCallbackRejects) {
  auto out = Output<int>(1).Apply([](int) -> int { throw std::runtime_error("boom"); });
  EXPECT_THAT(AwaitForTest(out), FailedWith(HasSubstr("boom")));
  // A rejection propagates without calling later callbacks.
  bool called = false;
  auto later = out.Apply([&](int v) {
    called = true;
    return v;
  });
  EXPECT_THAT(AwaitForTest(later), FailedWith(HasSubstr("boom")));
  EXPECT_FALSE(called);
}

TEST(OutputTest, AllJoinsDifferentTypes) {
  auto all = All(Output<std::string>("db"), Output<int>(5432), Output<bool>(true));
  auto joined = all.Apply([](std::string const& host, int port, bool tls) {
    return host + ":" + std::to_string(port) + (tls ? "/tls" : "");
  });
  EXPECT_THAT(AwaitForTest(joined), IsKnownWith(std::string("db:5432/tls")));
  auto tuple = AwaitForTest(all);
  ASSERT_TRUE(tuple.known);
  EXPECT_EQ(std::get<1>(*tuple.value), 5432);
}

TEST(OutputTest, AllIsUnknownIfAnyIsUnknownAndSecretIfAnyIsSecret) {
  auto a = All(MakeSecret(Output<int>(1)), Output<int>::Unknown());
  auto awaited = AwaitForTest(a);
  EXPECT_THAT(awaited, IsUnknown());
  EXPECT_THAT(awaited, IsSecret());
}

TEST(OutputTest, AllOverAVector) {
  std::vector<Output<int>> outs{Output<int>(1), Output<int>(2), Output<int>(3)};
  auto sum = All(outs).Apply([](std::vector<int> const& v) { return v[0] + v[1] + v[2]; });
  EXPECT_THAT(AwaitForTest(sum), IsKnownWith(6));
}

TEST(OutputTest, AllRejectsWhenAnyRejects) {
  auto bad = Output<int>(1).Apply([](int) -> int { throw std::runtime_error("bad input"); });
  auto a = All(Output<int>(1), bad);
  EXPECT_THAT(AwaitForTest(a), FailedWith(HasSubstr("bad input")));
}

TEST(OutputTest, DeferredOutputSettlesLikeItsLaterSource) {
  auto [deferred, resolve] = DeferredOutput<int>();
  // Used before its source exists, as mutually dependent components do.
  auto doubled = deferred.Apply([](int v) { return v * 2; });
  resolve(MakeSecret(Output<int>(21)));
  auto awaited = AwaitForTest(doubled);
  EXPECT_THAT(awaited, IsKnownWith(42));
  EXPECT_THAT(awaited, IsSecret());
}

TEST(OutputTest, DeferredOutputOfAnUnknownIsUnknown) {
  auto [deferred, resolve] = DeferredOutput<std::string>();
  resolve(Output<std::string>::Unknown());
  EXPECT_THAT(AwaitForTest(deferred), IsUnknown());
}

TEST(OutputTest, DeferredOutputResolvesOnlyOnce) {
  auto [deferred, resolve] = DeferredOutput<int>();
  resolve(Output<int>(1));
  EXPECT_THROW(resolve(Output<int>(2)), std::logic_error);
  EXPECT_THAT(AwaitForTest(deferred), IsKnownWith(1));
}

TEST(InputTest, AcceptsValuesAndOutputs) {
  Input<std::string> from_literal = "eu";
  Input<std::string> from_output = Output<std::string>("us");
  Input<PropertyValue> from_int = 5;
  Input<PropertyValue> from_string_output = Output<std::string>("x");
  Input<PropertyValue> from_vector_output = Output<std::vector<std::string>>(std::vector<std::string>{"a", "b"});
  EXPECT_THAT(AwaitForTest(from_literal.ToOutput()), IsKnownWith(std::string("eu")));
  EXPECT_THAT(AwaitForTest(from_output.ToOutput()), IsKnownWith(std::string("us")));
  EXPECT_THAT(AwaitForTest(from_int.ToOutput()), IsKnownWith(PropertyValue(5)));
  EXPECT_THAT(AwaitForTest(from_string_output.ToOutput()), IsKnownWith(PropertyValue("x")));
  EXPECT_THAT(AwaitForTest(from_vector_output.ToOutput()), IsKnownWith(PropertyValue(PropertyArray{"a", "b"})));
}

TEST(FormatTest, FormatsOutputsAndPlainValues) {
  auto url = Format("postgres://{}:{}@{}/{}", "app", MakeSecret(Output<std::string>("pw")),
                    Output<std::string>("10.0.0.5"), "vectors");
  auto awaited = AwaitForTest(url);
  EXPECT_THAT(awaited, IsKnownWith(std::string("postgres://app:pw@10.0.0.5/vectors")));
  EXPECT_THAT(awaited, IsSecret());
}

TEST(FormatTest, ConcatAndBraces) {
  EXPECT_THAT(AwaitForTest(Concat("apex-", Output<std::string>("dev"), "-", 3)),
              IsKnownWith(std::string("apex-dev-3")));
  EXPECT_THAT(AwaitForTest(Format("{{literal}} {}", 1.5)), IsKnownWith(std::string("{literal} 1.5")));
}

TEST(FormatTest, WrongArgumentCountFails) {
  EXPECT_THAT(AwaitForTest(Format("{} {}", "only one")), FailedWith(HasSubstr("has more {}")));
}

TEST(FormatTest, UnknownArgumentMakesResultUnknown) {
  EXPECT_THAT(AwaitForTest(Format("x-{}", Output<std::string>::Unknown())), IsUnknown());
}

}  // namespace
}  // namespace pulumi
