// Literal values as every interchange format and the query language write
// them: numbers in one canonical lexical form, dates as ISO 8601 text (which
// sorts chronologically), strings as they are. The engine stores them as
// storage::Literal; this is the same value without the store's term ids.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace claimgraph::codec {

enum class LiteralKind { kString, kNumber, kDate };

struct Literal {
  LiteralKind kind = LiteralKind::kString;
  std::string lexical;  // numbers: CanonicalNumber(number)
  double number = 0;    // meaningful for kNumber only
  bool operator==(const Literal&) const = default;
};

// InvalidArgument unless `lexical` is a finite decimal number ("+1", "2.5e3").
Result<Literal> MakeNumberLiteral(std::string_view lexical);
// InvalidArgument unless `lexical` is YYYY, YYYY-MM, YYYY-MM-DD or
// YYYY-MM-DDThh:mm:ss[.f][Z|±hh:mm].
Result<Literal> MakeDateLiteral(std::string_view lexical);
// Whole numbers as integers ("125000000", not "1.25e+08"), others in the
// shortest form that reads back to the same double; never "-0".
std::string CanonicalNumber(double value);

}  // namespace claimgraph::codec
