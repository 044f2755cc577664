#include "base/valid_time.h"

#include <gtest/gtest.h>

namespace claimgraph::base {
namespace {

TEST(ValidTime, PartialDates) {
  for (const char* ok : {"1943", "0001", "9999", "2015-02", "2016-02-29", "2000-02-29", "1999-12-31"})
    EXPECT_TRUE(IsPartialDate(ok)) << ok;
  for (const char* bad : {"", "0000", "194", "19430", "1943-1", "1943-00", "1943-13", "2015-02-30", "1900-02-29",
                          "2015-04-31", "2015-01-00", "2015/01/01", "2015-01-01T00:00", "-194", "20a5"})
    EXPECT_FALSE(IsPartialDate(bad)) << bad;
}

TEST(ValidTime, DaysCovered) {
  EXPECT_EQ(FirstDay("1943"), "1943-01-01");
  EXPECT_EQ(LastDay("1943"), "1943-12-31");
  EXPECT_EQ(FirstDay("2016-02"), "2016-02-01");
  EXPECT_EQ(LastDay("2016-02"), "2016-02-29");
  EXPECT_EQ(LastDay("2015-02"), "2015-02-28");
  EXPECT_EQ(LastDay("2015-04"), "2015-04-30");
  EXPECT_EQ(FirstDay("2015-04-07"), "2015-04-07");
  EXPECT_EQ(LastDay("2015-04-07"), "2015-04-07");
}

TEST(ValidTime, CheckNamesFieldAndValue) {
  EXPECT_TRUE(CheckValidTime({}).ok());
  EXPECT_TRUE(CheckValidTime({"1949", "1991"}).ok());
  EXPECT_TRUE(CheckValidTime({"1943-05", "1943"}).ok());  // within the same year
  EXPECT_TRUE(CheckValidTime({"", "1991"}).ok());
  Status s = CheckValidTime({"2015-02-30", ""});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "valid_from \"2015-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)");
  s = CheckValidTime({"", "1991-13"});
  EXPECT_EQ(s.message(), "valid_to \"1991-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)");
  s = CheckValidTime({"1991", "1949"});
  EXPECT_EQ(s.message(), "valid_from \"1991\" is after valid_to \"1949\"");
  EXPECT_FALSE(CheckValidTime({"1944-01", "1943"}).ok());
}

TEST(ValidTime, Overlap) {
  DayRange y1950{"1950-01-01", "1950-12-31"};
  EXPECT_TRUE(ValidTimeOverlaps({"1949", "1991"}, y1950, false));
  EXPECT_TRUE(ValidTimeOverlaps({"1950-12-31", ""}, y1950, false));  // touching counts
  EXPECT_FALSE(ValidTimeOverlaps({"1951", ""}, y1950, false));
  EXPECT_TRUE(ValidTimeOverlaps({"", "1950-01"}, y1950, false));
  EXPECT_FALSE(ValidTimeOverlaps({"", "1949"}, y1950, false));
  EXPECT_FALSE(ValidTimeOverlaps({}, y1950, false));
  EXPECT_TRUE(ValidTimeOverlaps({}, y1950, true));
}

}  // namespace
}  // namespace claimgraph::base
