#include "codec/literal.h"

#include <charconv>
#include <cctype>
#include <cmath>
#include <cstdint>

namespace claimgraph::codec {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// ISO 8601 as XSD writes it: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm:ss[.f][Z|±hh:mm].
bool IsIsoDate(std::string_view s) {
  if (s.size() < 4 || !AllDigits(s.substr(0, 4))) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || s.size() < 7 || !AllDigits(s.substr(5, 2))) return false;
  int month = std::stoi(std::string(s.substr(5, 2)));
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || s.size() < 10 || !AllDigits(s.substr(8, 2))) return false;
  int day = std::stoi(std::string(s.substr(8, 2)));
  if (day < 1 || day > 31) return false;
  if (s.size() == 10) return true;
  std::string_view rest = s.substr(10);
  if (rest == "Z") return true;
  if (rest[0] != 'T' || rest.size() < 9) return false;
  if (!AllDigits(rest.substr(1, 2)) || rest[3] != ':' || !AllDigits(rest.substr(4, 2)) || rest[6] != ':' ||
      !AllDigits(rest.substr(7, 2)))
    return false;
  rest = rest.substr(9);
  if (!rest.empty() && rest[0] == '.') {
    size_t i = 1;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
    if (i == 1) return false;
    rest = rest.substr(i);
  }
  if (rest.empty() || rest == "Z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && AllDigits(rest.substr(1, 2)) && rest[3] == ':' &&
         AllDigits(rest.substr(4, 2));
}

}  // namespace

std::string CanonicalNumber(double value) {
  if (value == 0) value = 0;  // no "-0"
  if (std::trunc(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<int64_t>(value));
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, end);
}

Result<Literal> MakeNumberLiteral(std::string_view lexical) {
  std::string_view t = lexical;
  if (!t.empty() && t[0] == '+') t.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) {
    // A named string, not "\"" + std::string(lexical): GCC 12 inlines that
    // insert-at-front and warns -Wrestrict, a false positive (GCC bug 105651).
    const std::string text(lexical);
    return Status::InvalidArgument("\"" + text + "\" is not a finite number");
  }
  // -0 is 0, as its lexical form says: a value read back must equal the one written.
  return Literal{LiteralKind::kNumber, CanonicalNumber(v), v == 0 ? 0.0 : v};
}

Result<Literal> MakeDateLiteral(std::string_view lexical) {
  if (!IsIsoDate(lexical)) {
    const std::string text(lexical);  // named: see MakeNumberLiteral
    return Status::InvalidArgument("\"" + text +
                                   "\" is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
  }
  return Literal{LiteralKind::kDate, std::string(lexical), 0};
}

}  // namespace claimgraph::codec
