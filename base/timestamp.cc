#include "base/timestamp.h"

#include <chrono>
#include <cstdio>

namespace claimgraph::base {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string FormatTimestamp(int64_t us) {
  using namespace std::chrono;
  sys_time<microseconds> tp{microseconds(us)};
  auto day = floor<days>(tp);
  year_month_day ymd{day};
  hh_mm_ss<microseconds> t{tp - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%06ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(t.hours().count()), static_cast<long>(t.minutes().count()),
                static_cast<long>(t.seconds().count()), static_cast<long>(t.subseconds().count()));
  return buf;
}

Result<int64_t> ParseTimestamp(std::string_view s) {
  using namespace std::chrono;
  auto bad = [&] {
    // A named string, not "\"" + std::string(s): GCC 12 warns -Wrestrict on
    // that inlined insert-at-front, a false positive (GCC bug 105651).
    const std::string text(s);
    return Status::InvalidArgument("\"" + text +
                                   "\" is not an ISO 8601 timestamp (e.g. 2026-11-01 or 2026-11-01T00:00:00Z)");
  };
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!Digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, &mo) || s[7] != '-' ||
      !Digits(s, 8, 2, &d))
    return bad();
  year_month_day ymd{year(y), month(static_cast<unsigned>(mo)), day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return bad();
  size_t pos = 10;
  int64_t micros = 0;
  int64_t offset_s = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
    if (!Digits(s, pos + 1, 2, &h) || pos + 3 >= s.size() || s[pos + 3] != ':' || !Digits(s, pos + 4, 2, &mi))
      return bad();
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!Digits(s, pos + 1, 2, &sec)) return bad();
      pos += 3;
      if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int64_t scale = 100000;
        size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          micros += (s[pos] - '0') * scale;
          scale /= 10;
          ++pos;
        }
        if (pos == start) return bad();
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return bad();
  }
  if (pos < s.size()) {
    if (s[pos] == 'Z' && pos + 1 == s.size()) {
      ++pos;
    } else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && s[pos + 3] == ':') {
      int oh, om;
      if (!Digits(s, pos + 1, 2, &oh) || !Digits(s, pos + 4, 2, &om)) return bad();
      offset_s = (oh * 3600 + om * 60) * (s[pos] == '+' ? 1 : -1);
      pos = s.size();
    } else {
      return bad();
    }
  }
  int64_t days_since = sys_days(ymd).time_since_epoch().count();
  return ((days_since * 86400 + h * 3600 + mi * 60 + sec - offset_s) * 1000000) + micros;
}

}  // namespace claimgraph::base
