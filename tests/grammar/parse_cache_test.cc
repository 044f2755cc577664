// The parse cache reuses an ANTLR parse for texts of the same shape; what a
// hit returns must be exactly what a fresh parse of the same text returns.
#include "grammar/parse_cache.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "grammar/parser.h"

namespace claimgraph::grammar {
namespace {

std::string Shape(std::string_view text) {
  std::string key;
  EXPECT_TRUE(ParseCache::ShapeOf(text, &key)) << text;
  return key;
}

TEST(ParseCacheShape, MasksEachCharacterOfAPlainLiteral) {
  EXPECT_EQ(Shape(R"(MATCH "entity-17" p ?o RETURN ?o)"), Shape(R"(MATCH "entity-42" p ?o RETURN ?o)"));
  // A character, not a byte, per masked position: "é" is one character, as "e".
  EXPECT_EQ(Shape(R"(MATCH "café" p ?o RETURN ?o)"), Shape(R"(MATCH "cafe" p ?o RETURN ?o)"));
  EXPECT_NE(Shape(R"(MATCH "entity-1" p ?o RETURN ?o)"), Shape(R"(MATCH "entity-10" p ?o RETURN ?o)"));
  // Outside literals every byte counts.
  EXPECT_NE(Shape(R"(MATCH "a" p ?o RETURN ?o)"), Shape(R"(MATCH "a" q ?o RETURN ?o)"));
}

TEST(ParseCacheShape, KeepsEscapesCommentsAndUnclosedLiteralsVerbatim) {
  // An escape can change where the literal ends: such a literal is its own key.
  EXPECT_NE(Shape(R"(MATCH "a\"b" p ?o RETURN ?o)"), Shape(R"(MATCH "a\"c" p ?o RETURN ?o)"));
  // A quote in a comment starts no literal; the comment is kept as written.
  EXPECT_NE(Shape("MATCH ?s p ?o -- \"x\"\nRETURN ?o"), Shape("MATCH ?s p ?o -- \"y\"\nRETURN ?o"));
  // A literal broken by a line end is not a STRING token.
  EXPECT_NE(Shape("MATCH \"a\nb\" p ?o RETURN ?o"), Shape("MATCH \"a\nc\" p ?o RETURN ?o"));
  EXPECT_NE(Shape("MATCH \"ab"), Shape("MATCH \"ac"));
  std::string key;
  EXPECT_FALSE(ParseCache::ShapeOf(std::string(5000, ' '), &key));  // too long to keep
}

const Term& Subject(const ParseResult& r) { return std::get<Query>(r.statements.at(0).node).patterns.at(0).subject; }
const Term& Object(const ParseResult& r) { return std::get<Query>(r.statements.at(0).node).patterns.at(0).object; }

void ExpectSameSpan(const SourceSpan& a, const SourceSpan& b) {
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.column, b.column);
  EXPECT_EQ(a.offset, b.offset);
  EXPECT_EQ(a.length, b.length);
}

TEST(ParseCache, AHitReadsTheNewTextsLiteralsAndPositions) {
  ParseCache cache;
  ParseResult first = Parse(R"(MATCH "entity-17" p "Japan" RETURN ?o)", {}, &cache);
  ASSERT_TRUE(first.ok());
  // Same shape, other literals; "Jäpan" has as many characters but one more byte.
  const std::string text = R"(MATCH "entity-42" p "Jäpan" RETURN ?o)";
  ParseResult hit = Parse(text, {}, &cache);
  ParseResult fresh = Parse(text);
  ASSERT_TRUE(hit.ok());
  EXPECT_EQ(cache.counters().hits, 1u);
  EXPECT_EQ(cache.counters().misses, 1u);
  EXPECT_EQ(Subject(hit).text, "entity-42");
  EXPECT_EQ(Object(hit).text, "Jäpan");
  ExpectSameSpan(Subject(hit).span, Subject(fresh).span);
  ExpectSameSpan(Object(hit).span, Object(fresh).span);
  const auto& q = std::get<Query>(hit.statements[0].node);
  const auto& qf = std::get<Query>(fresh.statements[0].node);
  ASSERT_EQ(q.returns.size(), qf.returns.size());
  ExpectSameSpan(hit.statements[0].span, fresh.statements[0].span);
}

TEST(ParseCache, TheTransformerStillJudgesEachText) {
  ParseCache cache;
  ASSERT_TRUE(Parse(R"(MATCH "\u0041" p ?o RETURN ?o)", {}, &cache).ok());
  // The same shape with a bad escape: that literal is kept verbatim in the
  // key, so this is a miss, and the error is this text's.
  ParseResult bad = Parse(R"(MATCH "\u00G1" p ?o RETURN ?o)", {}, &cache);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.diagnostics[0].message.find("escape"), std::string::npos) << bad.diagnostics[0].message;
  EXPECT_EQ(bad.diagnostics[0].column, 7u);
  // A syntax error is never kept: the next text of its shape parses afresh
  // and fails the same way.
  EXPECT_FALSE(Parse(R"(MATCH "a" p ?o RETRUN ?o)", {}, &cache).ok());
  ParseResult again = Parse(R"(MATCH "b" p ?o RETRUN ?o)", {}, &cache);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.diagnostics[0].column, 16u);
  EXPECT_EQ(cache.counters().hits, 0u);
}

TEST(ParseCache, AnErrorAfterALiteralIsPlacedInTheNewText) {
  ParseCache cache;
  const std::string warm = R"(ASSERT "Japan" allied-with "India" SOURCE "vt-c" VALID FROM "1991" VALID TO "1999")";
  ParseResult a = Parse(warm, {}, &cache);
  ASSERT_FALSE(a.ok());  // "VALID is given twice" comes from the Transformer: the tree was kept
  const std::string text = R"(ASSERT "Jäpän" allied-with "Indiä" SOURCE "vt-d" VALID FROM "1992" VALID TO "1998")";
  ParseResult hit = Parse(text, {}, &cache);
  ParseResult fresh = Parse(text);
  EXPECT_EQ(cache.counters().hits, 1u);
  ASSERT_FALSE(hit.ok());
  EXPECT_EQ(hit.diagnostics[0].message, fresh.diagnostics[0].message);
  EXPECT_EQ(hit.diagnostics[0].column, fresh.diagnostics[0].column);
  EXPECT_EQ(hit.diagnostics[0].length, fresh.diagnostics[0].length);
  EXPECT_NE(hit.diagnostics[0].message.find("VALID is given twice"), std::string::npos) << hit.diagnostics[0].message;
}

TEST(ParseCache, ThreadsOfOneShapeEachGetTheirOwnLiterals) {
  ParseCache cache(8);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(t);
      for (int i = 0; i < 300; ++i) {
        std::string name = "entity-" + std::to_string(10000 + rng() % 90000);  // five digits: one shape
        ParseResult r = Parse("MATCH \"" + name + "\" p ?o RETURN ?o", {}, &cache);
        if (!r.ok() || Subject(r).text != name) ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
  auto c = cache.counters();
  EXPECT_EQ(c.hits + c.misses, 1200u);
  EXPECT_GE(c.hits, 1200u - 8u * 4u);  // at most one miss per thread at a time
}

TEST(ParseCache, KeepsAtMostItsBound) {
  ParseCache cache(3);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(Parse("MATCH ?s p" + std::to_string(i) + " ?o RETURN ?o", {}, &cache).ok());
  // The three most recent shapes are hits, the first is gone.
  EXPECT_TRUE(Parse("MATCH ?s p9 ?o RETURN ?o", {}, &cache).ok());
  EXPECT_TRUE(Parse("MATCH ?s p0 ?o RETURN ?o", {}, &cache).ok());
  EXPECT_EQ(cache.counters().hits, 1u);
}

// A MATCH of a known shape is answered from its template (query_template.h):
// literals in every place a MATCH takes one, and the AST must be exactly a
// fresh parse's, spans included.
TEST(ParseCache, ATemplateHitIsAFreshParse) {
  const std::vector<std::string> shapes = {
      R"(MATCH "$1" p ?o RETURN ?o)",
      R"(MATCH ?s p "$1" AS ?c FROM SOURCE "$2", "$1" RETURN ?c, ?s)",
      R"(MATCH ?s ?p ?o AS ?c FROM PUBLISHER "$2" AS OF "$1" RETURN ?c)",
      R"(MATCH "$1" p+ ?x, ?x q "$2" WHERE ?x != "$1" RETURN DISTINCT ?x ORDER BY ?x DESC LIMIT 3)",
      R"(MATCH ?s p ?o AS ?c OPTIONAL { ?o q "$2" } WHERE ?c.source = "$1" OR ?c.publisher = "$2" RETURN ?s, "$1" AS k)",
      R"(MATCH ?s p ?o WHERE EXISTS { ?o q "$1" } RETURN ?s, COUNT(*) AS n GROUP BY ?s HAVING n > 1)",
      R"(MATCH "$1" p ?o VALID DURING "$1".."$2" OR UNKNOWN RETURN ?o)",
      R"(MATCH "$2" p ?o VALID AT "$1" RETURN ?o -- "a comment" stays
)",
  };
  // Literal pairs of one length: the first text makes the template, the
  // others are hits: the last holds marks themselves (control characters).
  const std::vector<std::pair<std::string, std::string>> literals = {
      {"entity-17", "doc-9"}, {"entity-42", "doc-1"}, {"aaaaaaaaa", "aaaaa"}, {std::string(9, '\x02'), "\x03\x02\x02\x02\x02"}};
  for (const std::string& shape : shapes) {
    ParseCache cache;
    for (auto [a, b] : literals) {
      std::string text = shape;
      for (auto [mark, value] : {std::pair{"$1", a}, {"$2", b}})
        for (size_t at; (at = text.find(mark)) != std::string::npos;) text.replace(at, 2, value);
      ParseResult fresh = Parse(text);
      ASSERT_TRUE(fresh.ok()) << text << ": " << fresh.diagnostics[0].message;
      ParseResult cached = Parse(text, {}, &cache);
      ASSERT_TRUE(cached.ok()) << text;
      ASSERT_EQ(cached.statements.size(), 1u);
      EXPECT_TRUE(cached.statements[0].span == fresh.statements[0].span) << text;
      EXPECT_TRUE(std::get<Query>(cached.statements[0].node) == std::get<Query>(fresh.statements[0].node)) << text;
    }
    EXPECT_EQ(cache.counters().hits, literals.size() - 1) << shape;
    EXPECT_EQ(cache.counters().templated, literals.size() - 1) << shape;
  }
}

TEST(ParseCache, ANonAsciiLiteralIsTransformedAfresh) {
  ParseCache cache;
  ASSERT_TRUE(Parse(R"(MATCH "entity-17" p "Japan" RETURN ?o)", {}, &cache).ok());
  const std::string text = R"(MATCH "entity-42" p "Jäpan" RETURN ?o)";
  ParseResult hit = Parse(text, {}, &cache);
  ASSERT_TRUE(hit.ok());
  EXPECT_EQ(cache.counters().hits, 1u);
  EXPECT_EQ(cache.counters().templated, 0u);
  EXPECT_TRUE(std::get<Query>(hit.statements[0].node) == std::get<Query>(Parse(text).statements[0].node));
}

}  // namespace
}  // namespace claimgraph::grammar
