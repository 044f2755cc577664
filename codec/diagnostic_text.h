// How a position in a text is shown to a person: "line L:C: message", then
// the line itself and a caret line under the characters at fault. The query
// language's diagnostics (the parser's, the binder's) and the errors of a
// script (codec/script/script_diagnostic.h) are all drawn by this one
// function, so that `claimgraphd query`, `claimgraph query` and both tools'
// `query -f` show an error the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimgraph::codec {

// `line` and `column` are 1-based, the column in characters (UTF-8 code
// points); `length` characters are underlined (at least one). A line longer
// than 120 characters is shown as a window around the column, marked with
// ellipses. For an empty line (or one past the end of the text) at column 1
// there is nothing to point at, and only the first line is returned.
std::string FormatDiagnostic(std::string_view text, uint32_t line, uint32_t column, uint32_t length,
                             std::string_view message);

// What a message drawn by FormatDiagnostic says of its position, read back
// (for clients that place a caret themselves, and for LocateInScript).
struct DiagnosticPosition {
  uint32_t line = 0, column = 0;  // 1-based, the column in characters
  uint32_t length = 1;            // characters underlined (1 when no caret line was shown)
  std::string_view text;          // the message without "line L:C: " and without the excerpt
  bool excerpt = false;           // the message ended with the line and its caret line
};

// Reads "line L:C: text", then the excerpt when the message ends with a
// caret line. Nothing when the message does not begin with a position.
std::optional<DiagnosticPosition> ParseDiagnostic(std::string_view message);

}  // namespace claimgraph::codec
