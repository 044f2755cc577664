#include "codec/script/script_diagnostic.h"

#include "codec/diagnostic_text.h"

namespace claimgraph::codec {
namespace {

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

// "line L:C: " at the front of `*text` (FormatDiagnostic's first line).
bool TakePosition(std::string_view* text, uint32_t* line, uint32_t* column) {
  std::string_view t = *text;
  if (!TakePrefix(&t, "line ") || !TakeNumber(&t, line) || !TakePrefix(&t, ":") || !TakeNumber(&t, column) ||
      !TakePrefix(&t, ": "))
    return false;
  *text = t;
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

std::string LocateInScript(std::string_view script_name, std::string_view script, const ScriptStatement& statement,
                           std::string_view message) {
  uint32_t at_line = statement.line, at_column = statement.column, length = 1;
  std::string_view text = message;
  uint32_t line = 0, column = 0;
  bool positioned = TakePosition(&text, &line, &column);
  if (positioned) {
    // Only the statement's first line starts part-way along a line of the script.
    at_line = statement.line + line - 1;
    at_column = line == 1 ? statement.column + column - 1 : column;
  }
  // The excerpt is the last two lines when the last is a caret line; it is
  // drawn again from the script's line (whose first line may hold more than
  // the statement) rather than copied.
  bool excerpt = false;
  size_t caret_line = text.rfind('\n');
  if (positioned && caret_line != std::string_view::npos && caret_line > 0) {
    size_t source_line = text.rfind('\n', caret_line - 1);
    uint32_t carets = CaretsIn(text.substr(caret_line + 1));
    if (carets > 0 && source_line != std::string_view::npos) {
      length = carets;
      text = text.substr(0, source_line);
      excerpt = true;
    }
  }
  std::string out(script_name);
  out.append(":").append(std::to_string(at_line)).append(":").append(std::to_string(at_column)).append(": ");
  out.append(text);
  if (excerpt) {
    // Drawn with no message: its first line is then only "line L:C: ".
    std::string formatted = FormatDiagnostic(script, at_line, at_column, length, "");
    size_t first_break = formatted.find('\n');
    if (first_break != std::string::npos) out += formatted.substr(first_break);
  }
  return out;
}

}  // namespace claimgraph::codec
