#include "grammar/query_template.h"

namespace claimgraph::grammar {
namespace {

// The marks: control characters a literal may hold (not NUL, CR or LF) and
// that no identifier, variable or number of the shape can.
constexpr char kMarks[] = "\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
                          "\x1b\x1c\x1d\x1e\x1f";
constexpr size_t kMarkCount = sizeof(kMarks) - 1;

// Every string of a MATCH's AST that may hold a literal's value.
template <typename F>
void ForEachString(Pattern& p, const F& f) {
  f(p.subject.text);
  f(p.object.text);
}

template <typename F>
void ForEachString(Expr& e, const F& f) {
  f(e.text);
  for (Expr& c : e.children) ForEachString(c, f);
  for (Pattern& p : e.patterns) ForEachString(p, f);
}

template <typename F>
void ForEachString(Query& q, const F& f) {
  for (Pattern& p : q.patterns) ForEachString(p, f);
  for (Expr& e : q.filters) ForEachString(e, f);
  for (OptionalBlock& o : q.optionals) {
    for (Pattern& p : o.patterns) ForEachString(p, f);
    for (Expr& e : o.filters) ForEachString(e, f);
  }
  for (std::string& s : q.from_sources) f(s);
  for (std::string& s : q.from_publishers) f(s);
  if (q.as_of_time) f(*q.as_of_time);
  if (q.valid) {
    f(q.valid->from);
    f(q.valid->to);
  }
  for (ReturnItem& r : q.returns) ForEachString(r.expr, f);
  for (Expr& e : q.group_by) ForEachString(e, f);
  if (q.having) ForEachString(*q.having, f);
  for (OrderItem& o : q.order_by) ForEachString(o.expr, f);
}

}  // namespace

bool LiteralsAreAscii(std::string_view text, const std::vector<ParseCache::LiteralAt>& literals) {
  for (const auto& l : literals)
    for (size_t i = l.offset; i < l.offset + l.length; ++i)
      if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  return true;
}

std::optional<std::string> MarkedText(std::string_view text, const std::vector<ParseCache::LiteralAt>& literals) {
  if (literals.size() > kMarkCount) return std::nullopt;
  std::string marked(text);
  for (size_t k = 0; k < literals.size(); ++k)
    marked.replace(literals[k].offset, literals[k].length, literals[k].length, kMarks[k]);
  return marked;
}

void FillLiterals(std::string_view text, const std::vector<ParseCache::LiteralAt>& literals, Query* query) {
  ForEachString(*query, [&](std::string& s) {
    // A mark is one character repeated; an empty literal needs no filling.
    if (s.empty()) return;
    const char* mark = std::char_traits<char>::find(kMarks, kMarkCount, s[0]);
    if (!mark) return;
    const size_t k = static_cast<size_t>(mark - kMarks);
    if (k >= literals.size() || s.size() != literals[k].length ||
        s.find_first_not_of(s[0]) != std::string::npos)
      return;
    s.assign(text.substr(literals[k].offset, literals[k].length));
  });
}

}  // namespace claimgraph::grammar
