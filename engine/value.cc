#include "engine/value.h"

#include <functional>

namespace claimgraph::engine {

namespace {
bool TextLike(Value::Kind k) {
  return k == Value::Kind::kString || k == Value::Kind::kDate || k == Value::Kind::kEntity || k == Value::Kind::kPredicate;
}
int Sign(int c) { return (c > 0) - (c < 0); }
}  // namespace

int CompareValues(const Value& a, const Value& b) {
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  switch (a.kind) {
    case Value::Kind::kNull: return 0;
    case Value::Kind::kBool: return int(a.boolean) - int(b.boolean);
    case Value::Kind::kNumber: return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
    case Value::Kind::kClaim: return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    case Value::Kind::kEntity:
    case Value::Kind::kPredicate: {
      int c = Sign(a.text.compare(b.text));
      if (c) return c;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    }
    case Value::Kind::kList: {
      for (size_t i = 0; i < a.list.size() && i < b.list.size(); ++i)
        if (int c = CompareValues(a.list[i], b.list[i])) return c;
      return a.list.size() < b.list.size() ? -1 : a.list.size() > b.list.size() ? 1 : 0;
    }
    default: return Sign(a.text.compare(b.text));
  }
}

bool ValuesEqual(const Value& a, const Value& b) { return CompareValues(a, b) == 0; }

size_t HashValue(const Value& v) {
  size_t h = std::hash<int>()(int(v.kind));
  switch (v.kind) {
    case Value::Kind::kBool: return h ^ v.boolean;
    case Value::Kind::kNumber: return h ^ std::hash<double>()(v.number);
    case Value::Kind::kEntity:
    case Value::Kind::kPredicate:
    case Value::Kind::kClaim: return h ^ std::hash<uint64_t>()(v.id);
    case Value::Kind::kList: {
      for (const auto& x : v.list) h = h * 31 + HashValue(x);
      return h;
    }
    default: return h ^ std::hash<std::string>()(v.text);
  }
}

int CompareForFilter(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return -2;
  if (a.kind == Value::Kind::kNumber && b.kind == Value::Kind::kNumber) return CompareValues(a, b);
  if ((a.kind == Value::Kind::kEntity && b.kind == Value::Kind::kEntity) ||
      (a.kind == Value::Kind::kPredicate && b.kind == Value::Kind::kPredicate) ||
      (a.kind == Value::Kind::kClaim && b.kind == Value::Kind::kClaim)) {
    if (a.id == b.id) return 0;
    return Sign(a.text.compare(b.text)) ? Sign(a.text.compare(b.text)) : (a.id < b.id ? -1 : 1);
  }
  if (TextLike(a.kind) && TextLike(b.kind)) return Sign(a.text.compare(b.text));
  if (a.kind == Value::Kind::kBool && b.kind == Value::Kind::kBool) return CompareValues(a, b);
  return -2;
}

}  // namespace claimgraph::engine
