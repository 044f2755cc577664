#include "codec/value.h"

#include "codec/literal.h"

namespace claimgraph::codec {

std::string FormatNumber(double d) { return CanonicalNumber(d); }

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
