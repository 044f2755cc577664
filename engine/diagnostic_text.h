// A grammar diagnostic as users see it — "line L:C: message", the line, a
// caret — drawn by the renderer every tool shares (codec/diagnostic_text.h).
// The engine's query errors carry this text as their Status message.
#pragma once

#include <string>
#include <string_view>

#include "codec/diagnostic_text.h"
#include "grammar/parser.h"

namespace claimgraph::engine {

inline std::string DiagnosticText(const grammar::Diagnostic& d, std::string_view text) {
  return codec::FormatDiagnostic(text, d.line, d.column, d.length, d.message);
}

}  // namespace claimgraph::engine
