// Errors in a statement of a script, moved to the script's line and column.
// The messages are the parser's own diagnostics of the statement alone, shown
// as the engine would send them back.
#include "codec/script/script_diagnostic.h"

#include <gtest/gtest.h>

#include "codec/diagnostic_text.h"
#include "grammar/parser.h"

namespace claimgraph::codec {
namespace {

// What the engine reports for `statement` run alone: its first diagnostic, formatted.
std::string ErrorOf(std::string_view statement) {
  grammar::ParseResult r = grammar::Parse(statement);
  EXPECT_FALSE(r.ok()) << statement;
  if (r.ok()) return "";
  const grammar::Diagnostic& d = r.diagnostics.front();
  return FormatDiagnostic(statement, d.line, d.column, d.length, d.message);
}

std::string Locate(std::string_view name, std::string_view script, size_t index) {
  auto statements = SplitStatements(script);
  EXPECT_LT(index, statements.size());
  const ScriptStatement& s = statements.at(index);
  return LocateInScript(name, script, s, ErrorOf(s.text));
}

TEST(LocateInScript, AStatementStartingOnLine3MovesItsLine1ErrorToLine3) {
  std::string script = "SHOW STATS;\nSHOW SOURCES;\nMATCH ?a pact RETURN ?a;\n";
  EXPECT_EQ(ErrorOf("MATCH ?a pact RETURN ?a").substr(0, 10), "line 1:15:");
  EXPECT_EQ(Locate("q.cql", script, 2),
            "q.cql:3:15: unexpected 'RETURN'; expected one of \"string\", '-', ?variable, integer, number\n"
            "MATCH ?a pact RETURN ?a;\n"
            "              ^^^^^^");
}

TEST(LocateInScript, TheFirstLineIsOffsetByWhereTheStatementStarts) {
  // The statement starts at column 13 of line 2; its error at 1:15 is at 2:27,
  // and the excerpt is the whole line of the script with the caret under it.
  std::string script = "-- two on a line\nSHOW STATS; MATCH ?a pact RETURN ?a;\n";
  EXPECT_EQ(Locate("q.cql", script, 1),
            "q.cql:2:27: unexpected 'RETURN'; expected one of \"string\", '-', ?variable, integer, number\n"
            "SHOW STATS; MATCH ?a pact RETURN ?a;\n"
            "                          ^^^^^^");
}

TEST(LocateInScript, LaterLinesOfAStatementKeepTheirColumn) {
  std::string script = "SHOW STATS;  MATCH ?a pact ?b\n\tWHERE ?a =\n\tRETURN ?a;";
  std::string error = ErrorOf(SplitStatements(script).at(1).text);
  EXPECT_EQ(error.substr(0, 9), "line 3:2:");
  // The caret line keeps the tab so it lines up under the script's line.
  EXPECT_EQ(Locate("in.cql", script, 1), "in.cql:3:2: unexpected 'RETURN'\n\tRETURN ?a;\n\t^^^^^^");
}

TEST(LocateInScript, CrLfScriptsCountLinesAtLf) {
  std::string script = "SHOW STATS;\r\n\r\nMATCH ?a pact\r\n  RETURN ?a;\r\n";
  std::string located = Locate("w.cql", script, 1);
  EXPECT_EQ(located.substr(0, 12), "w.cql:4:3: u");
  EXPECT_EQ(located.substr(located.find('\n')), "\n  RETURN ?a;\n  ^^^^^^");
}

TEST(LocateInScript, AMessageWithoutAPositionPointsAtTheStatement) {
  std::string script = "SHOW STATS;\n  MATCH ?a nope ?b RETURN ?a;\n";
  auto s = SplitStatements(script);
  EXPECT_EQ(LocateInScript("q.cql", script, s[1], "principal 'rita' may not write"),
            "q.cql:2:3: principal 'rita' may not write");
  // Several lines, none of them a caret line: kept as they are.
  EXPECT_EQ(LocateInScript("q.cql", script, s[1], "first\nsecond"), "q.cql:2:3: first\nsecond");
}

TEST(LocateInScript, ASemanticErrorOnALongLineKeepsItsWindowedExcerpt) {
  // The same shape as the binder's DiagnosticAt messages: caret under a name
  // far along a long line; the script's line is shown as a window with ellipses.
  std::string filler(300, 'x');
  std::string statement = "MATCH ?a pact \"" + filler + "\", ?a pactt ?b RETURN ?a";
  std::string script = "SHOW STATS; " + statement + ";\n";
  size_t at = statement.find("pactt");
  grammar::SourceSpan span{1, static_cast<uint32_t>(at + 1), static_cast<uint32_t>(at), 5};
  grammar::Diagnostic d = grammar::DiagnosticAt(statement, span, "unknown predicate 'pactt'; did you mean 'pact'?");
  std::string message = FormatDiagnostic(statement, d.line, d.column, d.length, d.message);
  std::string located = LocateInScript("q.cql", script, SplitStatements(script).at(1), message);
  EXPECT_EQ(located.substr(0, located.find('\n')),
            "q.cql:1:" + std::to_string(at + 13) + ": unknown predicate 'pactt'; did you mean 'pact'?");
  std::string caret_line = located.substr(located.rfind('\n') + 1);
  std::string source_line = located.substr(located.find('\n') + 1, located.rfind('\n') - located.find('\n') - 1);
  EXPECT_EQ(caret_line.substr(caret_line.find('^')), "^^^^^");
  // The caret sits under "pactt" in the excerpt shown (characters, not bytes: the ellipsis is one).
  std::string shown = source_line.substr(3);  // after the leading "…" (3 bytes)
  EXPECT_EQ(shown.substr(caret_line.find('^') - 1, 5), "pactt");
}

}  // namespace
}  // namespace claimgraph::codec
