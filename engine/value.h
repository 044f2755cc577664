// Runtime values of ClaimQL expressions and result cells.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace claimgraph::engine {

struct Value {
  // Order matters: it is the sort order across kinds (NULL first).
  enum class Kind { kNull = 0, kBool, kNumber, kDate, kString, kEntity, kPredicate, kClaim, kList };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  uint64_t id = 0;        // entity / predicate / claim id
  std::string text;       // string, date, or the display name of an entity / predicate
  std::vector<Value> list;  // kList (aliases)

  static Value Null() { return {}; }
  static Value Bool(bool b) { Value v; v.kind = Kind::kBool; v.boolean = b; return v; }
  static Value Number(double d) { Value v; v.kind = Kind::kNumber; v.number = d; return v; }
  static Value String(std::string s) { Value v; v.kind = Kind::kString; v.text = std::move(s); return v; }
  static Value Date(std::string s) { Value v; v.kind = Kind::kDate; v.text = std::move(s); return v; }
  static Value Entity(uint64_t id, std::string name) { Value v; v.kind = Kind::kEntity; v.id = id; v.text = std::move(name); return v; }
  static Value Predicate(uint64_t id, std::string name) { Value v; v.kind = Kind::kPredicate; v.id = id; v.text = std::move(name); return v; }
  static Value Claim(uint64_t id) { Value v; v.kind = Kind::kClaim; v.id = id; return v; }

  bool is_null() const { return kind == Kind::kNull; }
  // What a user sees: entity and predicate names, numbers without trailing zeros.
  std::string ToString() const;
};

// Total order used by ORDER BY, DISTINCT, GROUP BY and MIN/MAX: by kind, then
// value. Entities order by name.
int CompareValues(const Value& a, const Value& b);
bool ValuesEqual(const Value& a, const Value& b);
size_t HashValue(const Value& v);

// Comparison as WHERE sees it: numbers with numbers, text-like values
// (string, date, entity name, predicate name) with text. Returns nullopt-like
// "incomparable" as -2 (then = is false and != is true).
int CompareForFilter(const Value& a, const Value& b);

std::string FormatNumber(double d);

}  // namespace claimgraph::engine
