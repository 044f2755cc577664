#include "codec/value.h"

#include <cmath>

#include "codec/literal.h"

namespace claimgraph::codec {

std::string FormatNumber(double d) { return CanonicalNumber(d); }

std::optional<int64_t> WholeNumber(double d) {
  constexpr double kLargestExact = 9007199254740992.0;  // 2^53
  // NaN fails both comparisons; infinities fail the first.
  if (!(std::fabs(d) <= kLargestExact) || std::trunc(d) != d) return std::nullopt;
  return static_cast<int64_t>(d);  // -0.0 becomes 0
}

bool IsIntegerLiteral(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string Value::ToString() const {
  switch (kind) {
    case Kind::kNull: return "";
    case Kind::kBool: return boolean ? "true" : "false";
    case Kind::kNumber: return FormatNumber(number);
    case Kind::kClaim: return std::to_string(id);
    case Kind::kList: {
      std::string out;
      for (const auto& v : list) out += (out.empty() ? "" : ", ") + v.ToString();
      return out;
    }
    default: return text;
  }
}

}  // namespace claimgraph::codec
