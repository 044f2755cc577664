// Valid time: when a claim's fact held, as its source says (issue 14). Each
// end is an ISO 8601 partial date, "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years
// 0001-9999), or empty: not known, open on that side. A value stands for an
// interval of days: "1943" as valid_from starts on 1943-01-01, as valid_to it
// ends on 1943-12-31. A claim with neither end is "unknown"; one with one end
// is open on the other side. Valid time is not part of a claim's identity.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace claimgraph::base {

struct ValidTime {
  std::string from;  // "" = not known (open towards the past)
  std::string to;    // "" = not known (open towards the future)
  bool known() const { return !from.empty() || !to.empty(); }
  bool operator==(const ValidTime&) const = default;
};

// True for "YYYY", "YYYY-MM", "YYYY-MM-DD" naming a real year (0001-9999),
// month and day (leap years counted).
bool IsPartialDate(std::string_view text);
// InvalidArgument naming the field and the value, the same text on every
// write path: `valid_from "2015-02-30" is not a date (YYYY, YYYY-MM or
// YYYY-MM-DD, years 0001-9999)`, `valid_from "1991" is after valid_to "1949"`.
Status CheckValidTime(const ValidTime& v);
// The first and the last day ("YYYY-MM-DD") a valid partial date covers:
// "1943" -> "1943-01-01" / "1943-12-31", "2016-02" -> "2016-02-01" / "2016-02-29".
std::string FirstDay(std::string_view partial_date);
std::string LastDay(std::string_view partial_date);

// A query's interval of days, both ends "YYYY-MM-DD" and first <= last.
struct DayRange {
  std::string first, last;
};
// Whether a claim's valid time overlaps `query`: the claim's interval
// [FirstDay(from) or -inf, LastDay(to) or +inf] meets [query.first,
// query.last]. A claim with neither end known matches only when
// `or_unknown`. `v` must have passed CheckValidTime.
bool ValidTimeOverlaps(const ValidTime& v, const DayRange& query, bool or_unknown);

}  // namespace claimgraph::base
