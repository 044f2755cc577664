// The statement splitter: ';' ends a statement only outside strings and
// comments, exactly where ClaimQL's lexer would see a ';' token (the real
// parser is the oracle of the last test).
#include "codec/script/split_statements.h"

#include <gtest/gtest.h>

#include <string>

#include "grammar/parser.h"

namespace claimgraph::codec {
namespace {

std::vector<std::string> Texts(std::string_view script) {
  std::vector<std::string> out;
  for (const auto& s : SplitStatements(script)) out.emplace_back(s.text);
  return out;
}

using Texts_ = std::vector<std::string>;

TEST(SplitStatements, SemicolonInsideAStringDoesNotSplit) {
  EXPECT_EQ(Texts("MATCH ?a pact \"a;b\" RETURN ?a; SHOW STATS;"),
            (Texts_{"MATCH ?a pact \"a;b\" RETURN ?a", "SHOW STATS"}));
}

TEST(SplitStatements, EscapedQuoteStaysInsideTheString) {
  EXPECT_EQ(Texts(R"(ASSERT "x\";y" pact "z" SOURCE "s"; SHOW STATS;)"),
            (Texts_{R"(ASSERT "x\";y" pact "z" SOURCE "s")", "SHOW STATS"}));
  // An escaped backslash does not escape the quote after it: the string ends there.
  EXPECT_EQ(Texts(R"(MATCH ?a pact "a\\"; SHOW STATS;)"), (Texts_{R"(MATCH ?a pact "a\\")", "SHOW STATS"}));
}

TEST(SplitStatements, SemicolonInsideACommentDoesNotSplit) {
  EXPECT_EQ(Texts("-- first; then\nSHOW STATS; -- c;d \"\nSHOW SOURCES;"), (Texts_{"SHOW STATS", "SHOW SOURCES"}));
  // A comment inside a statement stays in it (the parser skips it); one before the ';' does not.
  EXPECT_EQ(Texts("MATCH ?a pact ?b -- not \"here; \nRETURN ?a -- the end; really\n;"),
            (Texts_{"MATCH ?a pact ?b -- not \"here; \nRETURN ?a"}));
  // "--" right after a name is a comment too (no token contains it).
  EXPECT_EQ(Texts("MATCH ?a pact--x; y\n ?b RETURN ?a;"), (Texts_{"MATCH ?a pact--x; y\n ?b RETURN ?a"}));
}

TEST(SplitStatements, AStringEndsAtItsLineUnlessTheBreakIsEscaped) {
  // An unclosed string ends at the line break, so the ';' on the next line splits
  // (the parser then reports the unterminated string) — but the ';' inside it does not.
  EXPECT_EQ(Texts("MATCH ?a pact \"open; \nRETURN ?a; SHOW STATS;"),
            (Texts_{"MATCH ?a pact \"open; \nRETURN ?a", "SHOW STATS"}));
  // A backslash before the break takes it into the string, as the lexer's '\\' . does.
  auto s = SplitStatements("MATCH ?a pact \"a\\\n;b\" RETURN ?a;\nSHOW STATS;");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].text, "MATCH ?a pact \"a\\\n;b\" RETURN ?a");
  EXPECT_EQ(s[1].line, 3u);
}

TEST(SplitStatements, CrLfLinesCountLikeTheParser) {
  std::string script = "SHOW STATS;\r\n\r\nMATCH ?a\r\n pact ?b RETURN ?a;\r\n";
  auto s = SplitStatements(script);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1].text, "MATCH ?a\r\n pact ?b RETURN ?a");
  EXPECT_EQ(s[1].line, 3u);
  EXPECT_EQ(s[1].column, 1u);
  // A comment ends at the '\r' of CRLF, and the next line's ';' splits.
  EXPECT_EQ(Texts("-- a comment;\r\nSHOW STATS;\r\n"), (Texts_{"SHOW STATS"}));
}

TEST(SplitStatements, EmptyStatementsAreSkipped) {
  EXPECT_TRUE(SplitStatements("").empty());
  EXPECT_TRUE(SplitStatements(" ;; \n ; -- only a comment; here\n;\n").empty());
  EXPECT_EQ(Texts("SHOW STATS;;\n;SHOW SOURCES;"), (Texts_{"SHOW STATS", "SHOW SOURCES"}));
}

TEST(SplitStatements, AMissingFinalSemicolonLeavesTheLastStatementUnterminated) {
  std::string script = "SHOW STATS;\nSHOW SOURCES  -- no end\n";
  auto s = SplitStatements(script);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(s[0].terminated);
  EXPECT_EQ(s[0].end, 11u);  // just past its ';'
  EXPECT_FALSE(s[1].terminated);
  EXPECT_EQ(s[1].text, "SHOW SOURCES");
  EXPECT_EQ(s[1].end, script.size());
  // Trailing comments after the last ';' are not a statement.
  auto t = SplitStatements("SHOW STATS; -- done\n");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_TRUE(t[0].terminated);
}

TEST(SplitStatements, PositionsAreLineAndCharacterColumnOfTheFirstToken) {
  // 'ü' and '…' are one column each; a tab is one column, as in diagnostics.
  std::string script =
      "ASSERT \"Zürich…\" pact \"x\" SOURCE \"s\"; SHOW STATS;\n\n\t  -- note\n\tMATCH ?a pact ?b\n RETURN ?a;";
  auto s = SplitStatements(script);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].line, 1u);
  EXPECT_EQ(s[0].column, 1u);
  EXPECT_EQ(s[0].offset, 0u);
  EXPECT_EQ(s[1].line, 1u);
  EXPECT_EQ(s[1].column, 39u);
  EXPECT_EQ(script.substr(s[1].offset, 10), "SHOW STATS");
  EXPECT_EQ(s[2].line, 4u);
  EXPECT_EQ(s[2].column, 2u);
  EXPECT_EQ(s[2].text, "MATCH ?a pact ?b\n RETURN ?a");
}

// Over a script of valid statements, the splitter finds the statements the
// parser finds, at the same places: the two agree on ClaimQL's lexical rules.
TEST(SplitStatements, AgreesWithTheParserOnWhereStatementsAre) {
  std::string script =
      "-- a script; with comments\r\n"
      "MATCH ?a pact \"a;b -- c\" RETURN ?a;  SHOW STATS ;\r\n"
      "ASSERT \"Zürich\\\";\" pact \"x\" SOURCE \"s\\\\\" -- ;\"\r\n"
      "  CONFIDENCE 0.5;;\n"
      "\tMATCH ?a pact--x; \n ?b WHERE ?a.name != \"a\\\\;\" RETURN ?a\n";
  grammar::ParseResult parsed = grammar::Parse(script);
  ASSERT_TRUE(parsed.ok()) << parsed.diagnostics[0].message;
  auto split = SplitStatements(script);
  ASSERT_EQ(split.size(), parsed.statements.size());
  for (size_t i = 0; i < split.size(); ++i) {
    const grammar::SourceSpan& span = parsed.statements[i].span;
    EXPECT_EQ(split[i].offset, span.offset) << i;
    EXPECT_EQ(split[i].text.size(), span.length) << i;
    EXPECT_EQ(split[i].line, span.line) << i;
    EXPECT_EQ(split[i].column, span.column) << i;
    // Each piece parses alone as one statement.
    grammar::ParseResult alone = grammar::Parse(split[i].text);
    EXPECT_TRUE(alone.ok()) << split[i].text;
    EXPECT_EQ(alone.statements.size(), 1u) << split[i].text;
  }
}

}  // namespace
}  // namespace claimgraph::codec
