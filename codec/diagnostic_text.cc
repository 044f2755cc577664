#include "codec/diagnostic_text.h"

#include <algorithm>
#include <vector>

namespace claimgraph::codec {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string_view LineOf(std::string_view text, uint32_t line) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view out = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

// Reads a positive number at the front of `*text`.
bool TakeNumber(std::string_view* text, uint32_t* value) {
  size_t n = 0;
  uint64_t v = 0;
  while (n < text->size() && n < 10 && (*text)[n] >= '0' && (*text)[n] <= '9') v = v * 10 + ((*text)[n++] - '0');
  if (n == 0 || v == 0 || v > UINT32_MAX) return false;
  *value = static_cast<uint32_t>(v);
  text->remove_prefix(n);
  return true;
}

bool TakePrefix(std::string_view* text, std::string_view prefix) {
  if (text->substr(0, prefix.size()) != prefix) return false;
  text->remove_prefix(prefix.size());
  return true;
}

// FormatDiagnostic's last line: indentation, then one run of '^'.
uint32_t CaretsIn(std::string_view line) {
  size_t first = line.find('^');
  if (first == std::string_view::npos || line.find_first_not_of(" \t") != first) return 0;
  if (line.find_first_not_of('^', first) != std::string_view::npos) return 0;
  return static_cast<uint32_t>(line.size() - first);
}

}  // namespace

std::optional<DiagnosticPosition> ParseDiagnostic(std::string_view message) {
  DiagnosticPosition p;
  std::string_view t = message;
  if (!TakePrefix(&t, "line ") || !TakeNumber(&t, &p.line) || !TakePrefix(&t, ":") || !TakeNumber(&t, &p.column) ||
      !TakePrefix(&t, ": "))
    return std::nullopt;
  p.text = t;
  // The excerpt is the last two lines when the last is a caret line.
  size_t caret_line = t.rfind('\n');
  if (caret_line != std::string_view::npos && caret_line > 0) {
    size_t source_line = t.rfind('\n', caret_line - 1);
    uint32_t carets = CaretsIn(t.substr(caret_line + 1));
    if (carets > 0 && source_line != std::string_view::npos) {
      p.length = carets;
      p.text = t.substr(0, source_line);
      p.excerpt = true;
    }
  }
  return p;
}

std::string FormatDiagnostic(std::string_view text, uint32_t line, uint32_t column, uint32_t length,
                             std::string_view message) {
  std::string out = "line " + std::to_string(line) + ":" + std::to_string(column) + ": ";
  out.append(message);
  std::string_view src = LineOf(text, line);
  if (src.empty() && column <= 1) return out;
  // A long line (a 20,000-character expression, a huge literal) is shown as a
  // window around the column, marked with ellipses, so the message stays short.
  constexpr uint32_t kWindow = 120, kBefore = 60;
  std::vector<size_t> starts;  // byte offset of each character of the line
  for (size_t i = 0; i < src.size(); ++i)
    if (!IsContinuationByte(src[i])) starts.push_back(i);
  uint32_t chars = static_cast<uint32_t>(starts.size());
  uint32_t first = 0, last = chars;  // characters shown: [first, last)
  if (chars > kWindow) {
    uint32_t at = column > 0 ? column - 1 : 0;
    first = at > kBefore ? std::min(at - kBefore, chars - kWindow) : 0;
    last = first + kWindow;
  }
  auto byte_of = [&](uint32_t c) { return c < chars ? starts[c] : src.size(); };
  out += "\n";
  std::string_view shown = src.substr(byte_of(first), byte_of(last) - byte_of(first));
  const char* kEllipsis = "\xE2\x80\xA6";
  if (first > 0) out += kEllipsis;
  out.append(shown);
  if (last < chars) out += kEllipsis;
  out += "\n";
  // Pad with the line's own tabs so the caret lines up under any indentation.
  uint32_t pad = first > 0 ? 1 : 0;
  for (size_t i = 0; i < pad; ++i) out.push_back(' ');
  uint32_t col = first;
  for (size_t i = byte_of(first); i < src.size() && col + 1 < column && col < last; ++i) {
    if (IsContinuationByte(src[i])) continue;
    out.push_back(src[i] == '\t' ? '\t' : ' ');
    ++col;
  }
  for (; col + 1 < column && col < last; ++col) out.push_back(' ');
  uint32_t carets = std::max<uint32_t>(1, length);
  if (col + carets > last + 1) carets = std::max<uint32_t>(1, last + 1 - col);
  out.append(carets, '^');
  return out;
}

}  // namespace claimgraph::codec
