#include "codec/script/script_diagnostic.h"

#include "codec/diagnostic_text.h"

namespace claimgraph::codec {

std::string LocateInScript(std::string_view script_name, std::string_view script, const ScriptStatement& statement,
                           std::string_view message) {
  uint32_t at_line = statement.line, at_column = statement.column, length = 1;
  std::string_view text = message;
  bool excerpt = false;
  if (auto position = ParseDiagnostic(message)) {
    // Only the statement's first line starts part-way along a line of the script.
    at_line = statement.line + position->line - 1;
    at_column = position->line == 1 ? statement.column + position->column - 1 : position->column;
    // The excerpt is drawn again from the script's line (whose first line
    // may hold more than the statement) rather than copied.
    text = position->text;
    excerpt = position->excerpt;
    length = position->length;
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
