// The engine's values are codec::Value (codec/value.h: one value type for
// the engine, the result formats and the CLI); here are the comparisons the
// query language defines on them.
#pragma once

#include <cstddef>

#include "codec/value.h"

namespace claimgraph::engine {

using codec::FormatNumber;
using codec::Value;

// Total order used by ORDER BY, DISTINCT, GROUP BY and MIN/MAX: by kind, then
// value. Entities order by name.
int CompareValues(const Value& a, const Value& b);
bool ValuesEqual(const Value& a, const Value& b);
size_t HashValue(const Value& v);

// Comparison as WHERE sees it: numbers with numbers, text-like values
// (string, date, entity name, predicate name) with text. Returns nullopt-like
// "incomparable" as -2 (then = is false and != is true).
int CompareForFilter(const Value& a, const Value& b);

}  // namespace claimgraph::engine
