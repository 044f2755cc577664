#include "base/valid_time.h"

namespace claimgraph::base {
namespace {

bool Digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool IsPartialDate(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!Digits(s.substr(0, 4)) || Number(s.substr(0, 4)) < 1) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !Digits(s.substr(5, 2))) return false;
  int month = Number(s.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !Digits(s.substr(8, 2))) return false;
  int day = Number(s.substr(8, 2));
  return day >= 1 && day <= DaysInMonth(Number(s.substr(0, 4)), month);
}

Status CheckValidTime(const ValidTime& v) {
  for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"valid_from", &v.from},
                                     std::pair<const char*, const std::string*>{"valid_to", &v.to}}) {
    if (!value->empty() && !IsPartialDate(*value))
      return Status::InvalidArgument(std::string(field) + " \"" + *value +
                                     "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)");
  }
  if (!v.from.empty() && !v.to.empty() && FirstDay(v.from) > LastDay(v.to))
    return Status::InvalidArgument("valid_from \"" + v.from + "\" is after valid_to \"" + v.to + "\"");
  return Status::Ok();
}

std::string FirstDay(std::string_view d) {
  if (d.size() == 4) return std::string(d) + "-01-01";
  if (d.size() == 7) return std::string(d) + "-01";
  return std::string(d);
}

std::string LastDay(std::string_view d) {
  if (d.size() == 4) return std::string(d) + "-12-31";
  if (d.size() == 7) {
    int days = DaysInMonth(Number(d.substr(0, 4)), Number(d.substr(5, 2)));
    return std::string(d) + "-" + std::to_string(days);  // 28..31: always two digits
  }
  return std::string(d);
}

bool ValidTimeOverlaps(const ValidTime& v, const DayRange& query, bool or_unknown) {
  if (!v.known()) return or_unknown;
  // ISO dates of one length compare as text in time order.
  if (!v.from.empty() && FirstDay(v.from) > query.last) return false;
  if (!v.to.empty() && LastDay(v.to) < query.first) return false;
  return true;
}

}  // namespace claimgraph::base
