#include "codec/nquads/nquads_parser.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <string>

#include "base/utf8.h"

namespace claimgraph::codec {
namespace {

using base::AppendUtf8;
using base::DecodeUtf8;

bool IsPnCharsBase(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}
// The RDF 1.1 N-Triples and N-Quads grammars list ':' in PN_CHARS_U, but that
// is taken to be an error in the text: Turtle, of which N-Triples is meant to
// be a subset, has no ':' there, and the W3C test suite refuses labels with a
// colon (nt-syntax-bad-bnode-01 and -02, w3c/rdf-tests pull request 77).
bool IsPnCharsU(uint32_t c) { return IsPnCharsBase(c) || c == '_'; }
bool IsPnChars(uint32_t c) {
  return IsPnCharsU(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class LineParser {
 public:
  LineParser(std::string_view line, LineError* error) : s_(line), error_(error) {}

  std::optional<Quad> Parse() {
    // The whole line must be valid UTF-8 before anything else (ASCII, the
    // common case, is checked a byte at a time without decoding).
    for (size_t i = 0; i < s_.size();) {
      if (static_cast<unsigned char>(s_[i]) < 0x80) {
        ++i;
        continue;
      }
      uint32_t cp;
      size_t n = DecodeUtf8(s_, i, &cp);
      if (n == 0) return Fail(i, "invalid UTF-8");
      i += n;
    }
    SkipWs();
    if (AtEnd() || Peek() == '#') return std::nullopt;  // blank or comment line
    Quad q;
    q.columns.subject = Column();
    if (!ParseSubjectOrGraph(&q.subject, "subject")) return std::nullopt;
    SkipWs();
    if (Peek() != '<') return Fail(pos_, "expected a predicate IRI");
    q.columns.predicate = Column();
    if (!ParseIri(&q.predicate)) return std::nullopt;
    SkipWs();
    q.columns.object = Column();
    if (!ParseObject(&q.object)) return std::nullopt;
    SkipWs();
    if (Peek() == '<' || Peek() == '_') {
      q.columns.graph = Column();
      RdfTerm g;
      if (!ParseSubjectOrGraph(&g, "graph label")) return std::nullopt;
      q.graph = std::move(g);
      SkipWs();
    }
    // A separate literal after the object is a graph label attempt; one right
    // after a literal's closing quote is more likely Turtle's """long string""".
    if (Peek() == '"' && (s_[pos_ - 1] == ' ' || s_[pos_ - 1] == '\t'))
      return Fail(pos_, "a graph label must be an IRI or blank node, not a literal");
    if (Peek() != '.') return Fail(pos_, AtEnd() ? "expected '.' at the end of the statement" : "expected '.' or a graph label");
    ++pos_;
    SkipWs();
    if (!AtEnd() && Peek() != '#') return Fail(pos_, "unexpected text after '.'");
    return q;
  }

 private:
  bool AtEnd() const { return pos_ >= s_.size(); }
  uint32_t Column() const { return static_cast<uint32_t>(pos_ + 1); }
  char Peek() const { return AtEnd() ? '\0' : s_[pos_]; }
  void SkipWs() {
    while (!AtEnd() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  std::nullopt_t Fail(size_t at, std::string message) {
    if (error_->message.empty()) {
      error_->column = at + 1;
      error_->message = std::move(message);
    }
    return std::nullopt;
  }

  bool ParseSubjectOrGraph(RdfTerm* t, const char* what) {
    if (Peek() == '<') return ParseIri(t);
    if (Peek() == '_') return ParseBlank(t);
    Fail(pos_, std::string("expected an IRI or blank node as ") + what);
    return false;
  }

  bool ParseObject(RdfTerm* t) {
    if (Peek() == '<') return ParseIri(t);
    if (Peek() == '_') return ParseBlank(t);
    if (Peek() == '"') return ParseLiteral(t);
    Fail(pos_, "expected an IRI, blank node or literal as object");
    return false;
  }

  // UCHAR after the backslash: \uXXXX or \UXXXXXXXX.
  bool ParseUchar(std::string* out) {
    size_t start = pos_ - 1;
    char kind = Peek();
    int digits = kind == 'u' ? 4 : 8;
    ++pos_;
    uint32_t cp = 0;
    for (int i = 0; i < digits; ++i) {
      int h = AtEnd() ? -1 : HexValue(s_[pos_]);
      if (h < 0) {
        Fail(start, "bad \\" + std::string(1, kind) + " escape: expected " + std::to_string(digits) + " hex digits");
        return false;
      }
      cp = cp * 16 + static_cast<uint32_t>(h);
      ++pos_;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      Fail(start, "escape names no Unicode scalar value");
      return false;
    }
    AppendUtf8(out, cp);
    return true;
  }

  bool ParseIri(RdfTerm* t) {
    size_t start = pos_;
    ++pos_;  // '<'
    t->kind = RdfTerm::Kind::kIri;
    t->value.clear();
    while (true) {
      if (AtEnd()) return Fail(start, "unterminated IRI"), false;
      char c = s_[pos_];
      if (c == '>') break;
      if (c == '\\') {
        ++pos_;
        if (Peek() != 'u' && Peek() != 'U') return Fail(pos_ - 1, "only \\u and \\U escapes are allowed in an IRI"), false;
        if (!ParseUchar(&t->value)) return false;
        continue;
      }
      // Take the run of plain characters in one append.
      size_t run = pos_;
      while (run < s_.size()) {
        unsigned char uc = static_cast<unsigned char>(s_[run]);
        if (uc <= 0x20 || uc == '<' || uc == '>' || uc == '"' || uc == '{' || uc == '}' || uc == '|' || uc == '^' ||
            uc == '`' || uc == '\\')
          break;
        ++run;
      }
      if (run > pos_) {
        t->value.append(s_.data() + pos_, run - pos_);
        pos_ = run;
        continue;
      }
      char name[8];  // "U+0020" for the invisible ones, the character itself otherwise
      if (static_cast<unsigned char>(c) <= 0x20)
        std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      else
        std::snprintf(name, sizeof name, "'%c'", c);
      std::string message = "character ";
      message.append(name).append(" is not allowed in an IRI");
      return Fail(pos_, std::move(message)), false;
    }
    ++pos_;  // '>'
    // N-Quads IRIs are absolute: scheme ":" ...
    size_t colon = t->value.find(':');
    bool scheme_ok = colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(t->value[0]));
    for (size_t i = 1; scheme_ok && i < colon; ++i) {
      char c = t->value[i];
      scheme_ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    }
    if (!scheme_ok) return Fail(start, "relative IRI <" + t->value + "> (N-Quads needs absolute IRIs)"), false;
    return true;
  }

  bool ParseBlank(RdfTerm* t) {
    size_t start = pos_;
    if (s_.substr(pos_, 2) != "_:") return Fail(pos_, "expected '_:' to start a blank node"), false;
    pos_ += 2;
    t->kind = RdfTerm::Kind::kBlankNode;
    t->value.clear();
    uint32_t cp;
    size_t n = AtEnd() ? 0 : DecodeUtf8(s_, pos_, &cp);
    if (n == 1 && cp == ':') return Fail(pos_, "':' is not allowed in a blank node label"), false;
    if (n == 0 || !(IsPnCharsU(cp) || (cp >= '0' && cp <= '9')))
      return Fail(pos_, "blank node label must start with a letter, digit or '_'"), false;
    t->value.append(s_.substr(pos_, n));
    pos_ += n;
    while (!AtEnd()) {
      n = DecodeUtf8(s_, pos_, &cp);
      if (!(IsPnChars(cp) || cp == '.')) break;
      t->value.append(s_.substr(pos_, n));
      pos_ += n;
    }
    // Said here rather than as "expected a predicate" after the label: a
    // label with a colon is a mistake people make (Turtle's prefixed names).
    if (Peek() == ':') return Fail(pos_, "':' is not allowed in a blank node label"), false;
    // A label may not end with '.': give trailing dots back (the last one ends the statement).
    while (!t->value.empty() && t->value.back() == '.') {
      t->value.pop_back();
      --pos_;
    }
    if (t->value.empty()) return Fail(start, "empty blank node label"), false;
    return true;
  }

  bool ParseLiteral(RdfTerm* t) {
    size_t start = pos_;
    ++pos_;  // '"'
    t->kind = RdfTerm::Kind::kLiteral;
    t->value.clear();
    t->datatype.clear();
    t->language.clear();
    while (true) {
      if (AtEnd()) return Fail(start, "unterminated string literal"), false;
      char c = s_[pos_];
      if (c == '"') break;
      if (c == '\n' || c == '\r') return Fail(pos_, "raw line break in a string literal"), false;
      if (c == '\\') {
        ++pos_;
        char e = Peek();
        switch (e) {
          case 't': t->value.push_back('\t'); break;
          case 'b': t->value.push_back('\b'); break;
          case 'n': t->value.push_back('\n'); break;
          case 'r': t->value.push_back('\r'); break;
          case 'f': t->value.push_back('\f'); break;
          case '"': t->value.push_back('"'); break;
          case '\'': t->value.push_back('\''); break;
          case '\\': t->value.push_back('\\'); break;
          case 'u':
          case 'U':
            if (!ParseUchar(&t->value)) return false;
            continue;
          default:
            return Fail(pos_ - 1, "unknown escape \\" + std::string(1, e)), false;
        }
        ++pos_;
        continue;
      }
      t->value.push_back(c);
      ++pos_;
    }
    ++pos_;  // closing '"'
    if (Peek() == '@') {
      size_t at = pos_++;
      size_t begin = pos_;
      while (!AtEnd() && std::isalpha(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (pos_ == begin) {
        if (!AtEnd() && std::isdigit(static_cast<unsigned char>(s_[pos_])))
          return Fail(pos_, "a language tag must start with a letter"), false;
        return Fail(at, "empty language tag"), false;
      }
      while (Peek() == '-') {
        size_t dash = pos_++;
        size_t sub = pos_;
        while (!AtEnd() && std::isalnum(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        if (pos_ == sub) return Fail(dash, "language subtag is empty"), false;
      }
      t->language = std::string(s_.substr(begin, pos_ - begin));
    } else if (s_.substr(pos_, 2) == "^^") {
      pos_ += 2;
      if (Peek() != '<') return Fail(pos_, "expected a datatype IRI after '^^'"), false;
      RdfTerm dt;
      if (!ParseIri(&dt)) return false;
      // RDF 1.1: "x"^^xsd:string is the simple literal "x", which RdfTerm
      // spells with an empty datatype; one term keeps one spelling, so that
      // the two compare equal and FormatQuad's output parses back the same.
      if (dt.value != std::string(kXsd) + "string") t->datatype = dt.value;
    }
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
  LineError* error_;
};

}  // namespace

std::optional<Quad> ParseNQuadsLine(std::string_view line, LineError* error) {
  error->column = 0;
  error->message.clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return LineParser(line, error).Parse();
}

}  // namespace claimgraph::codec
