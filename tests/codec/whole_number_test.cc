// codec::WholeNumber: which numbers a result may show (and send) as integers.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "codec/value.h"

namespace claimgraph::codec {
namespace {

TEST(WholeNumber, WholeNumbersAreIntegers) {
  EXPECT_EQ(WholeNumber(4.0), 4);
  EXPECT_EQ(WholeNumber(-17.0), -17);
  EXPECT_EQ(WholeNumber(-0.0), 0);
  EXPECT_EQ(WholeNumber(1990.0), 1990);
}

TEST(WholeNumber, FractionsStayDoubles) {
  EXPECT_EQ(WholeNumber(2.5), std::nullopt);
  EXPECT_EQ(WholeNumber(0.1), std::nullopt);
  EXPECT_EQ(WholeNumber(-1e-300), std::nullopt);
}

// Beyond 2^53 a double no longer counts one by one, and JavaScript's Number
// would round the int64: such numbers stay doubles.
TEST(WholeNumber, OnlyWithinTwoToTheFiftyThree) {
  const double limit = 9007199254740992.0;  // 2^53
  EXPECT_EQ(WholeNumber(limit), int64_t{9007199254740992});
  EXPECT_EQ(WholeNumber(-limit), int64_t{-9007199254740992});
  EXPECT_EQ(WholeNumber(std::nextafter(limit, 1e300)), std::nullopt);
  EXPECT_EQ(WholeNumber(1e300), std::nullopt);
}

TEST(IntegerLiteral, DigitsWithAnOptionalSignOnly) {
  EXPECT_TRUE(IsIntegerLiteral("42"));
  EXPECT_TRUE(IsIntegerLiteral("-7"));
  EXPECT_TRUE(IsIntegerLiteral("+1990"));
  EXPECT_FALSE(IsIntegerLiteral("1.0"));
  EXPECT_FALSE(IsIntegerLiteral("1e3"));
  EXPECT_FALSE(IsIntegerLiteral("-"));
  EXPECT_FALSE(IsIntegerLiteral(""));
}

TEST(WholeNumber, NotANumberAndInfinitiesAreNot) {
  EXPECT_EQ(WholeNumber(std::numeric_limits<double>::quiet_NaN()), std::nullopt);
  EXPECT_EQ(WholeNumber(std::numeric_limits<double>::infinity()), std::nullopt);
  EXPECT_EQ(WholeNumber(-std::numeric_limits<double>::infinity()), std::nullopt);
}

}  // namespace
}  // namespace claimgraph::codec
