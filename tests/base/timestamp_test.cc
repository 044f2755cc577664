#include "base/timestamp.h"

#include <gtest/gtest.h>

namespace claimgraph::base {
namespace {

TEST(Timestamp, FormatsAndParsesUtc) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00.000000Z");
  auto t = ParseTimestamp("2026-11-01T00:00:00Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTimestamp(*t), "2026-11-01T00:00:00.000000Z");
  EXPECT_EQ(*ParseTimestamp("2026-11-01"), *t);
  EXPECT_EQ(*ParseTimestamp("2026-11-01T02:00:00+02:00"), *t);
  EXPECT_EQ(*ParseTimestamp("2026-11-01T00:00:00.25Z"), *t + 250000);
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("1999-12-31T23:59:59.999999Z")), "1999-12-31T23:59:59.999999Z");
}

TEST(Timestamp, RejectsNonsense) {
  for (const char* bad : {"", "2026", "2026-13-01", "2026-02-30", "2026-11-01T25:00", "2026-11-01Tx", "yesterday",
                          "2026-11-01T00:00:00Q"})
    EXPECT_FALSE(ParseTimestamp(bad).ok()) << bad;
}

}  // namespace
}  // namespace claimgraph::base
