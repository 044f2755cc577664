#include "codec/script/split_statements.h"

namespace claimgraph::codec {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool EndsLine(char c) { return c == '\r' || c == '\n'; }

// Walks the script byte by byte, keeping the line and column of the next byte
// the way the parser counts them: a line ends at '\n' only ('\r' is a
// character of its line), a column is a character (UTF-8 continuation bytes
// add none).
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return at_ >= text_.size(); }
  bool has_next() const { return at_ + 1 < text_.size(); }
  char peek() const { return text_[at_]; }
  char peek_next() const { return text_[at_ + 1]; }
  size_t at() const { return at_; }
  uint32_t line() const { return line_; }
  uint32_t column() const { return column_; }
  void Advance() {
    if (text_[at_] == '\n') {
      ++line_;
      column_ = 1;
    } else if (!IsContinuationByte(text_[at_])) {
      ++column_;
    }
    ++at_;
  }

 private:
  std::string_view text_;
  size_t at_ = 0;
  uint32_t line_ = 1, column_ = 1;
};

}  // namespace

std::vector<ScriptStatement> SplitStatements(std::string_view script) {
  std::vector<ScriptStatement> out;
  Cursor cur(script);
  bool in_statement = false;
  ScriptStatement current;
  size_t token_end = 0;  // just past the current statement's last token: trailing blanks and comments are not sent
  auto finish = [&](size_t end, bool terminated) {
    current.text = script.substr(current.offset, token_end - current.offset);
    current.end = end;
    current.terminated = terminated;
    out.push_back(current);
    in_statement = false;
  };
  while (!cur.done()) {
    char c = cur.peek();
    if (IsWhitespace(c)) {
      cur.Advance();
    } else if (c == '-' && cur.has_next() && cur.peek_next() == '-') {
      // No token of the grammar contains "--" outside a string, so this is a
      // comment wherever it appears (even right after a name: "pact--x").
      while (!cur.done() && !EndsLine(cur.peek())) cur.Advance();
    } else if (c == ';') {
      cur.Advance();
      if (in_statement) finish(cur.at(), true);
    } else {
      if (!in_statement) {
        in_statement = true;
        current = ScriptStatement{};
        current.offset = cur.at();
        current.line = cur.line();
        current.column = cur.column();
      }
      cur.Advance();
      if (c == '"') {
        // STRING or UNTERMINATED_STRING: ends after the closing '"', or before
        // the line break of an unclosed one. "\\" takes the next character
        // whatever it is, so an escaped '"' or line break does not end it.
        while (!cur.done()) {
          char d = cur.peek();
          if (EndsLine(d)) break;
          cur.Advance();
          if (d == '"') break;
          if (d == '\\' && !cur.done()) cur.Advance();
        }
      }
      token_end = cur.at();
    }
  }
  if (in_statement) finish(script.size(), false);
  return out;
}

}  // namespace claimgraph::codec
