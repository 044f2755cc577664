#include <algorithm>

#include "grammar/parser.h"

namespace claimgraph::grammar {
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

}  // namespace

std::string Diagnostic::Format(std::string_view text) const {
  std::string out = "line " + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
  std::string_view src = LineOf(text, line);
  if (src.empty() && column <= 1) return out;
  out += "\n";
  out.append(src);
  out += "\n";
  // Pad with the line's own tabs so the caret lines up under any indentation.
  uint32_t chars = 0;
  for (size_t i = 0; i < src.size() && chars + 1 < column; ++i) {
    if (IsContinuationByte(src[i])) continue;
    out.push_back(src[i] == '\t' ? '\t' : ' ');
    ++chars;
  }
  for (; chars + 1 < column; ++chars) out.push_back(' ');
  out.append(std::max<uint32_t>(1, length), '^');
  return out;
}

Diagnostic DiagnosticAt(std::string_view text, const SourceSpan& span, std::string message) {
  Diagnostic d;
  d.line = span.line ? span.line : 1;
  d.column = span.column ? span.column : 1;
  d.message = std::move(message);
  // Underline the span's characters, up to the end of its first line.
  uint32_t chars = 0;
  for (size_t i = span.offset; i < text.size() && i < size_t(span.offset) + span.length; ++i) {
    if (text[i] == '\n') break;
    if (!IsContinuationByte(text[i])) ++chars;
  }
  d.length = std::max<uint32_t>(1, chars);
  return d;
}

}  // namespace claimgraph::grammar
