// Parser tests need no RocksDB: grammar/ depends on nothing of ours.
#include "grammar/parser.h"

#include <gtest/gtest.h>

#include "codec/diagnostic_text.h"

namespace claimgraph::grammar {
namespace {

// A diagnostic as users see it.
std::string Shown(const Diagnostic& d, std::string_view text) {
  return codec::FormatDiagnostic(text, d.line, d.column, d.length, d.message);
}

Query ParseQuery(std::string_view text) {
  ParseResult r = Parse(text);
  EXPECT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : Shown(r.diagnostics[0], text));
  EXPECT_EQ(r.statements.size(), 1u);
  if (!r.ok() || r.statements.empty()) return {};
  return std::get<Query>(r.statements[0].node);
}

TEST(Parser, ContractExamplesParse) {
  const char* examples[] = {
      "MATCH ?who shares-intel \"Japan\" RETURN ?who;",
      "MATCH \"U.S.\" pact ?ally, ?ally shares-intel ?third WHERE ?third != \"United States\" "
      "RETURN DISTINCT ?ally, ?third ORDER BY ?ally LIMIT 20;",
      "MATCH ?a targets ?b AS ?c WHERE ?c.confidence >= 0.7 AND ?c.published >= \"2015-01-01\" "
      "RETURN ?a, ?b, ?c.source, ?c.publisher, ?c.quote;",
      "MATCH \"Japan\" (pact|shares-intel){1,3} ?reached RETURN DISTINCT ?reached;",
      "MATCH ?member member-of \"Five Eyes\", ?member ^targets ?attacker RETURN ?member, ?attacker;",
      "MATCH \"China\" ?p ?x RETURN ?p, COUNT(*) AS n GROUP BY ?p ORDER BY n DESC;",
      "MATCH ?a shares-intel ?b AS ?c RETURN ?a, ?b, COUNT(DISTINCT ?c.source) AS sources ORDER BY sources DESC;",
      "MATCH ?a targets ?b FROM PUBLISHER \"China Daily\" RETURN ?a, ?b;",
      "MATCH ?a targets ?b FROM SOURCE \"004_8cc8e2fcc4fc9a24\" RETURN ?a, ?b;",
      "MATCH ?x member-of \"Quad\" WHERE NOT EXISTS { ?x member-of \"Five Eyes\" } RETURN ?x;",
      "MATCH ?x member-of \"Quad\" OPTIONAL { ?x pact ?y } RETURN ?x, ?y;",
      "MATCH ?a pact ?b AS OF TX 42 RETURN ?a, ?b;",
      "MATCH ?a pact ?b AS OF \"2026-11-01T00:00:00Z\" RETURN ?a, ?b;",
      "MATCH \"Japan\" pact+ ?x RETURN ?x WITH PROVENANCE;",
      "EXPLAIN MATCH ?a pact ?b, ?b targets ?c RETURN ?a, ?c;",
      "DEFINE PREDICATE pact SYMMETRIC DOMAIN ANY RANGE ANY;",
      "DEFINE PREDICATE targets INVERSE targeted-by;",
      "DEFINE PREDICATE member-of DOMAIN ANY RANGE group;",
      "DEFINE ENTITY \"Five Eyes\" TYPE group ALIASES \"FVEY\";",
      "DEFINE ENTITY \"United States\" TYPE country ALIASES \"US\", \"U.S.\", \"USA\", \"Washington\";",
      "ASSERT \"Japan\" pact \"United Kingdom\" SOURCE \"002_ef227a66c8fea69d\" SPAN 1893..2051 CONFIDENCE 0.9 "
      "MODALITY asserted METHOD \"manual\";",
      "RETRACT CLAIM 1234 REASON \"misread: proposal, not a pact\";",
      "SHOW PREDICATES;", "SHOW ENTITIES;", "SHOW SOURCES;", "SHOW STATS;", "SHOW CLAIM 1234;",
      "HISTORY CLAIM 1234;", "HISTORY \"Japan\" pact \"United Kingdom\";", "AUDIT VERIFY;",
  };
  for (const char* q : examples) {
    ParseResult r = Parse(q);
    EXPECT_TRUE(r.ok()) << q << "\n" << (r.diagnostics.empty() ? "" : Shown(r.diagnostics[0], q));
  }
}

TEST(Parser, KeywordsAreCaseInsensitiveAndCommentsSkipped) {
  Query q = ParseQuery("match ?a Pact ?b -- a comment\n where ?a != ?b return distinct ?a limit 3");
  ASSERT_EQ(q.patterns.size(), 1u);
  EXPECT_EQ(q.patterns[0].path.name, "Pact");  // names keep their case
  EXPECT_TRUE(q.distinct);
  EXPECT_EQ(q.limit, 3u);
  EXPECT_EQ(q.filters.size(), 1u);
}

TEST(Parser, BuildsPathsWithBounds) {
  Query q = ParseQuery("MATCH \"Japan\" (pact|^shares-intel){1,3} ?x RETURN ?x");
  const PathNode& p = q.patterns[0].path;
  ASSERT_EQ(p.kind, PathNode::Kind::kRepeat);
  EXPECT_EQ(p.min, 1u);
  EXPECT_EQ(p.max, 3u);
  ASSERT_EQ(p.children[0].kind, PathNode::Kind::kAlternative);
  EXPECT_EQ(p.children[0].children[1].name, "shares-intel");
  EXPECT_TRUE(p.children[0].children[1].inverse);
  EXPECT_EQ(ParseQuery("MATCH ?a p* ?b RETURN ?a").patterns[0].path.min, 0u);
  EXPECT_EQ(ParseQuery("MATCH ?a p{2,} ?b RETURN ?a").patterns[0].path.max, kUnbounded);
}

TEST(Parser, SpansPointIntoTheText) {
  std::string text = "MATCH ?a pact \"Jap\xC3\xA0n\" AS ?c RETURN ?c.quote";
  Query q = ParseQuery(text);
  const Term& o = q.patterns[0].object;
  EXPECT_EQ(text.substr(o.span.offset, o.span.length), "\"Jap\xC3\xA0n\"");
  EXPECT_EQ(o.span.column, 15u);
  EXPECT_EQ(q.patterns[0].claim_variable, "c");
  EXPECT_EQ(q.returns[0].expr.kind, Expr::Kind::kAttribute);
  EXPECT_EQ(q.returns[0].expr.attribute, "quote");
}

// ANTLR's input stream drops a leading UTF-8 byte order mark; our positions
// count it as the first character of line 1 (codec::FormatDiagnostic shows it),
// so spans and columns on line 1 must still point at the same text.
TEST(Parser, AByteOrderMarkDoesNotShiftPositions) {
  const std::string bom = "\xEF\xBB\xBF";
  std::string text = bom + "MATCH ?a pact \"Japan\" AS ?c RETURN ?c.quote";
  Query q = ParseQuery(text);
  const Term& o = q.patterns[0].object;
  EXPECT_EQ(text.substr(o.span.offset, o.span.length), "\"Japan\"");
  EXPECT_EQ(o.span.column, 16u);

  std::string bad = bom + "MATCH ?a pact ?b RETURN ?a ?b";
  ParseResult r = Parse(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics[0].column, 29u);  // the second ?b, the mark being column 1
  EXPECT_EQ(Shown(r.diagnostics[0], bad),
            "line 1:29: unexpected '?b'; expected one of ';', end of input\n" + bad + "\n" + std::string(28, ' ') + "^^");
}

TEST(Parser, StringEscapes) {
  Query q = ParseQuery(R"(MATCH ?a p "say \"hi\"\n\u00e9\\" RETURN ?a)");
  EXPECT_EQ(q.patterns[0].object.text, "say \"hi\"\n\xC3\xA9\\");
}

TEST(Parser, SyntaxErrorHasLineColumnCaretAndExpectation) {
  std::string text = "MATCH ?a pact\n  RETURN ?a";
  ParseResult r = Parse(text);
  ASSERT_FALSE(r.ok());
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 3u);
  EXPECT_EQ(Shown(d, text),
            "line 2:3: unexpected 'RETURN'; expected one of \"string\", '-', ?variable, integer, number\n"
            "  RETURN ?a\n"
            "  ^^^^^^");
}

TEST(Parser, BadInputIsADiagnosticNeverACrash) {
  for (std::string bad : {std::string("MATCH ?a p \"unterminated RETURN ?a"), std::string("MATCH ?a p ?b RETURN ?a \x01"),
                          std::string("MATCH ?a p{3,1} ?b RETURN ?a"), std::string("MATCH ?a p \"\\q\" RETURN ?a"),
                          std::string("MATCH ?a p ?b RETURN ?a LIMIT 99999999999999999999999"),
                          std::string("MATCH ?a p ?b RETURN ?a\xFF"), std::string("MATCH\0 ?a", 9),
                          std::string(100000, '('), std::string("FROB ?a")}) {
    ParseResult r = Parse(bad);
    EXPECT_FALSE(r.ok()) << bad.substr(0, 60);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_GT(r.diagnostics[0].line, 0u);
    EXPECT_FALSE(r.diagnostics[0].message.empty());
  }
}

TEST(Parser, LongLinesAreShownAsAWindowAroundTheCaret) {
  // 300 characters, then the error: the diagnostic shows 120 characters around it.
  std::string text = "MATCH ?a pact ?b WHERE ?a = \"" + std::string(300, 'x') + "\" ) RETURN ?a";
  ParseResult r = Parse(text);
  ASSERT_FALSE(r.ok());
  std::string shown = Shown(r.diagnostics[0], text);
  EXPECT_LT(shown.size(), 500u) << shown;
  auto nl = shown.find('\n');
  auto nl2 = shown.find('\n', nl + 1);
  std::string window = shown.substr(nl + 1, nl2 - nl - 1);
  std::string caret = shown.substr(nl2 + 1);
  EXPECT_EQ(window.substr(0, 3), "\xE2\x80\xA6");  // starts with an ellipsis
  // The caret sits under the offending ')' of the window.
  size_t caret_at = caret.find('^');
  ASSERT_NE(caret_at, std::string::npos);
  // window holds one 3-byte ellipsis standing for one character
  EXPECT_EQ(window[caret_at + 2], ')') << window << "\n" << caret;
}

}  // namespace
}  // namespace claimgraph::grammar
