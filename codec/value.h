// Runtime values of ClaimQL expressions and result cells. In codec/ because
// a result cell is what the result formats (codec/format/result_format.h)
// render, in the server's tools and in the CLI alike, and the CLI holds no
// engine; the engine uses this type (engine/value.h) and adds the comparisons
// ORDER BY, GROUP BY and WHERE need.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::codec {

struct Value {
  // Order matters: it is the sort order across kinds (NULL first).
  enum class Kind { kNull = 0, kBool, kNumber, kDate, kString, kEntity, kPredicate, kClaim, kList };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  // kNumber: an integer by what made it (a COUNT, an integer literal, an id or
  // transaction number, + - * of integers), not by its value: a confidence of
  // 1.0 stays a double. The API sends these as Value.int_value.
  bool integer = false;
  uint64_t id = 0;        // entity / predicate / claim id
  std::string text;       // string, date, or the display name of an entity / predicate
  std::vector<Value> list;  // kList (aliases)

  static Value Null() { return {}; }
  static Value Bool(bool b) { Value v; v.kind = Kind::kBool; v.boolean = b; return v; }
  static Value Number(double d) { Value v; v.kind = Kind::kNumber; v.number = d; return v; }
  static Value Integer(int64_t n) { Value v = Number(double(n)); v.integer = true; return v; }
  static Value String(std::string s) { Value v; v.kind = Kind::kString; v.text = std::move(s); return v; }
  static Value Date(std::string s) { Value v; v.kind = Kind::kDate; v.text = std::move(s); return v; }
  static Value Entity(uint64_t id, std::string name) { Value v; v.kind = Kind::kEntity; v.id = id; v.text = std::move(name); return v; }
  static Value Predicate(uint64_t id, std::string name) { Value v; v.kind = Kind::kPredicate; v.id = id; v.text = std::move(name); return v; }
  static Value Claim(uint64_t id) { Value v; v.kind = Kind::kClaim; v.id = id; return v; }

  bool is_null() const { return kind == Kind::kNull; }
  // What a user sees: entity and predicate names, numbers without trailing zeros.
  std::string ToString() const;
};

// A number as a user sees it (codec::CanonicalNumber).
std::string FormatNumber(double d);

// The number as an integer when it is whole and within +-2^53 (exact in a
// double, and a safe integer in JavaScript); nullopt otherwise. An integer
// Value (Value::integer) outside that range goes out as a double.
std::optional<int64_t> WholeNumber(double d);
// "42", "-7": a number literal written as an integer (no point, no exponent).
bool IsIntegerLiteral(std::string_view text);

}  // namespace claimgraph::codec
