#include <algorithm>
#include <vector>

#include "grammar/parser.h"

namespace claimgraph::grammar {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

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
