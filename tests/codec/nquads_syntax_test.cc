// W3C RDF 1.1 N-Triples / N-Quads syntax: positive and negative cases written
// from the grammar in the specification (sections 2-4 of N-Quads), then the
// whole W3C N-Quads syntax suite (nquads_w3c_manifest.h).
#include <gtest/gtest.h>

#include <sstream>

#include "codec/nquads/nquads_parser.h"
#include "codec/nquads/nquads_writer.h"
#include "tests/codec/nquads_w3c_manifest.h"

namespace claimgraph::codec {
namespace {

std::optional<Quad> Parse(std::string_view line, LineError* e) { return ParseNQuadsLine(line, e); }

struct Case {
  const char* name;
  const char* line;
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.line; }

class PositiveSyntax : public ::testing::TestWithParam<Case> {};
TEST_P(PositiveSyntax, Parses) {
  LineError e;
  auto q = Parse(GetParam().line, &e);
  EXPECT_TRUE(q.has_value()) << GetParam().line << " -> col " << e.column << ": " << e.message;
}
INSTANTIATE_TEST_SUITE_P(
    NQuads, PositiveSyntax,
    ::testing::Values(
        Case{"triple", "<http://example/s> <http://example/p> <http://example/o> ."},
        Case{"quad_iri_graph", "<http://example/s> <http://example/p> <http://example/o> <http://example/g> ."},
        Case{"quad_bnode_graph", "<http://example/s> <http://example/p> <http://example/o> _:g ."},
        Case{"bnodes", "_:a <http://example/p> _:b ."},
        Case{"bnode_digit_start", "_:1a <http://example/p> <http://example/o> ."},
        Case{"bnode_with_dots_inside", "_:a.b.c <http://example/p> <http://example/o> ."},
        Case{"bnode_underscore_and_dash", "_:_a-b <http://example/p> <http://example/o> ."},
        Case{"no_space_before_dot", "<http://a/s> <http://a/p> <http://a/o>."},
        Case{"no_spaces_at_all", "<http://a/s><http://a/p><http://a/o>."},
        Case{"tabs", "<http://a/s>\t<http://a/p>\t<http://a/o>\t."},
        Case{"trailing_comment", "<http://a/s> <http://a/p> <http://a/o> . # comment"},
        Case{"lang_literal", "<http://a/s> <http://a/p> \"chat\"@fr ."},
        Case{"lang_subtags", "<http://a/s> <http://a/p> \"colour\"@en-GB-oed ."},
        Case{"typed_literal", "<http://a/s> <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> ."},
        Case{"echars", "<http://a/s> <http://a/p> \"\\t\\b\\n\\r\\f\\\"\\'\\\\\" ."},
        Case{"uchar4", "<http://a/s> <http://a/p> \"\\u00E9\" ."},
        Case{"uchar8", "<http://a/s> <http://a/p> \"\\U0001F600\" ."},
        Case{"uchar_in_iri", "<http://a/\\u00E9> <http://a/p> <http://a/o> ."},
        Case{"raw_utf8_literal", "<http://a/s> <http://a/p> \"\xE6\x97\xA5\xE6\x9C\xAC\" ."},
        Case{"empty_literal", "<http://a/s> <http://a/p> \"\" ."},
        Case{"urn_iris", "<urn:x:s> <urn:p:shares-intel> <urn:x:o> <urn:g:1> ."},
        Case{"literal_with_hash", "<http://a/s> <http://a/p> \"#not a comment\" ."},
        Case{"crlf_line_end", "<http://a/s> <http://a/p> <http://a/o> .\r"}),
    [](const auto& info) { return std::string(info.param.name); });

class NegativeSyntax : public ::testing::TestWithParam<Case> {};
TEST_P(NegativeSyntax, IsRejectedWithAPosition) {
  LineError e;
  auto q = Parse(GetParam().line, &e);
  EXPECT_FALSE(q.has_value()) << GetParam().line;
  EXPECT_FALSE(e.message.empty()) << GetParam().line;
  EXPECT_GT(e.column, 0u) << GetParam().line;
}
INSTANTIATE_TEST_SUITE_P(
    NQuads, NegativeSyntax,
    ::testing::Values(
        Case{"relative_iri", "<s> <http://a/p> <http://a/o> ."},
        Case{"space_in_iri", "<http://a/ s> <http://a/p> <http://a/o> ."},
        Case{"brace_in_iri", "<http://a/{s}> <http://a/p> <http://a/o> ."},
        Case{"echar_in_iri", "<http://a/\\n> <http://a/p> <http://a/o> ."},
        Case{"literal_subject", "\"s\" <http://a/p> <http://a/o> ."},
        Case{"literal_predicate", "<http://a/s> \"p\" <http://a/o> ."},
        Case{"bnode_predicate", "<http://a/s> _:p <http://a/o> ."},
        Case{"literal_graph", "<http://a/s> <http://a/p> <http://a/o> \"g\" ."},
        Case{"missing_dot", "<http://a/s> <http://a/p> <http://a/o>"},
        Case{"extra_term", "<http://a/s> <http://a/p> <http://a/o> <http://a/g> <http://a/h> ."},
        Case{"text_after_dot", "<http://a/s> <http://a/p> <http://a/o> . <http://a/x>"},
        Case{"bad_echar", "<http://a/s> <http://a/p> \"\\a\" ."},
        Case{"bad_uchar", "<http://a/s> <http://a/p> \"\\u00ZZ\" ."},
        Case{"surrogate_uchar", "<http://a/s> <http://a/p> \"\\uD800\" ."},
        Case{"unterminated_string", "<http://a/s> <http://a/p> \"abc ."},
        Case{"unterminated_iri", "<http://a/s <http://a/p> <http://a/o> ."},
        Case{"empty_lang", "<http://a/s> <http://a/p> \"x\"@ ."},
        Case{"dangling_lang_dash", "<http://a/s> <http://a/p> \"x\"@en- ."},
        Case{"lang_and_datatype", "<http://a/s> <http://a/p> \"x\"@en^^<http://a/t> ."},
        Case{"prefixed_datatype", "<http://a/s> <http://a/p> \"1\"^^xsd:integer ."},
        Case{"empty_bnode", "_: <http://a/p> <http://a/o> ."},
        Case{"bnode_bad_start", "_:-a <http://a/p> <http://a/o> ."},
        Case{"invalid_utf8", "<http://a/s> <http://a/p> \"\xC3\x28\" ."},
        Case{"overlong_utf8", "<http://a/s> <http://a/p> \"\xC0\xAF\" ."},
        Case{"prefixed_name", "ex:s <http://a/p> <http://a/o> ."},
        Case{"turtle_a_keyword", "<http://a/s> a <http://a/o> ."}),
    [](const auto& info) { return std::string(info.param.name); });

// A document parsed as the importer reads it: split at '\n' by std::getline,
// one ParseNQuadsLine per line. Stops at the first error.
struct DocumentResult {
  uint64_t error_line = 0;  // 0: no error
  LineError error;
};
DocumentResult ParseDocument(std::string_view document) {
  DocumentResult r;
  std::istringstream in{std::string(document)};
  std::string line;
  for (uint64_t n = 1; std::getline(in, line); ++n) {
    if (!Parse(line, &r.error) && !r.error.message.empty()) {
      r.error_line = n;
      break;
    }
  }
  return r;
}

using W3cCase = w3c::SyntaxCase;
std::string W3cName(const ::testing::TestParamInfo<W3cCase>& info) { return info.param.name; }

class W3cPositiveSyntax : public ::testing::TestWithParam<W3cCase> {};
TEST_P(W3cPositiveSyntax, Parses) {
  DocumentResult r = ParseDocument(GetParam().document);
  EXPECT_EQ(r.error_line, 0u) << r.error_line << ":" << r.error.column << ": " << r.error.message;
}
INSTANTIATE_TEST_SUITE_P(W3c, W3cPositiveSyntax, ::testing::ValuesIn(w3c::kPositive), W3cName);

class W3cNegativeSyntax : public ::testing::TestWithParam<W3cCase> {};
TEST_P(W3cNegativeSyntax, IsRefusedAtTheOffendingCharacter) {
  DocumentResult r = ParseDocument(GetParam().document);
  EXPECT_FALSE(r.error.message.empty());
  EXPECT_EQ(r.error_line, GetParam().line) << r.error.message;
  EXPECT_EQ(r.error.column, GetParam().column) << r.error.message;
  EXPECT_GT(r.error.column, 0u);
}
INSTANTIATE_TEST_SUITE_P(W3c, W3cNegativeSyntax, ::testing::ValuesIn(w3c::kNegative), W3cName);

TEST(NQuadsSyntax, TheW3cSuiteIsComplete) {
  // The manifest's counts: a case dropped from the list would otherwise pass unnoticed.
  EXPECT_EQ(std::size(w3c::kPositive), 53u);
  EXPECT_EQ(std::size(w3c::kNegative), 34u);
}

TEST(NQuadsSyntax, AColonInABlankNodeLabelIsNamedAsTheError) {
  for (const char* line : {"_::a <http://example/p> <http://example/o> .", "_:abc:def <http://example/p> <http://example/o> .",
                           "<http://example/s> <http://example/p> _:o:x .", "<http://example/s> <http://example/p> <http://example/o> _:g:1 ."}) {
    LineError e;
    EXPECT_FALSE(Parse(line, &e)) << line;
    EXPECT_EQ(e.message, "':' is not allowed in a blank node label") << line;
    ASSERT_GT(e.column, 0u) << line;
    EXPECT_EQ(line[e.column - 1], ':') << line;
  }
}

TEST(NQuadsSyntax, ErrorMessagesNameTheProblem) {
  struct Expect {
    const char* line;
    size_t column;
    const char* message;
  };
  for (const Expect& x : {
           Expect{"<http://a/ s> <http://a/p> <http://a/o> .", 11, "character U+0020 is not allowed in an IRI"},
           Expect{"<http://a/|s> <http://a/p> <http://a/o> .", 11, "character '|' is not allowed in an IRI"},
           Expect{"<http://a/s> <http://a/p> <http://a/o> \"g\" .", 40, "a graph label must be an IRI or blank node, not a literal"},
           Expect{"<http://a/s> <http://a/p> \"\"\"long\"\"\" .", 29, "expected '.' or a graph label"},
           Expect{"<http://a/s> <http://a/p> \"x\"@1 .", 31, "a language tag must start with a letter"},
           Expect{"<http://a/s> <http://a/p> \"x\"@ .", 30, "empty language tag"},
       }) {
    LineError e;
    EXPECT_FALSE(Parse(x.line, &e)) << x.line;
    EXPECT_EQ(e.message, x.message) << x.line;
    EXPECT_EQ(e.column, x.column) << x.line;
  }
}

TEST(NQuadsSyntax, BlankAndCommentLinesAreNotStatementsNorErrors) {
  for (const char* line : {"", "   ", "# just a comment", "\t# indented comment"}) {
    LineError e;
    EXPECT_FALSE(Parse(line, &e).has_value());
    EXPECT_TRUE(e.message.empty()) << line;
  }
}

TEST(NQuadsSyntax, DecodesEscapesAndKeepsTermKinds) {
  LineError e;
  auto q = Parse("_:a.b <http://a/\\u0070> \"x\\\"y\\u00E9\"@en-GB _:g.", &e);
  ASSERT_TRUE(q) << e.message;
  EXPECT_EQ(q->subject.kind, RdfTerm::Kind::kBlankNode);
  EXPECT_EQ(q->subject.value, "a.b");
  EXPECT_EQ(q->predicate.value, "http://a/p");
  EXPECT_EQ(q->object.value, "x\"y\xC3\xA9");
  EXPECT_EQ(q->object.language, "en-GB");
  ASSERT_TRUE(q->graph);
  EXPECT_EQ(q->graph->value, "g");
}

TEST(NQuadsSyntax, ErrorColumnPointsAtTheOffendingCharacter) {
  LineError e;
  EXPECT_FALSE(Parse("<http://a/s> <http://a/p> \"\\q\" .", &e));
  EXPECT_EQ(e.column, 28u) << e.message;
  EXPECT_NE(e.message.find("\\q"), std::string::npos);
}

TEST(NQuadsSyntax, AnXsdStringLiteralIsTheSimpleLiteral) {
  LineError e;
  auto typed = Parse("<http://a/s> <http://a/p> \"x\"^^<http://www.w3.org/2001/XMLSchema#string> .", &e);
  auto simple = Parse("<http://a/s> <http://a/p> \"x\" .", &e);
  ASSERT_TRUE(typed && simple) << e.message;
  EXPECT_EQ(typed->object, simple->object);
  EXPECT_EQ(typed->object.datatype, "");
  EXPECT_EQ(FormatQuad(*typed), "<http://a/s> <http://a/p> \"x\" .");
  // Other datatypes are kept as written.
  auto integer = Parse("<http://a/s> <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .", &e);
  ASSERT_TRUE(integer) << e.message;
  EXPECT_EQ(integer->object.datatype, "http://www.w3.org/2001/XMLSchema#integer");
}

TEST(NQuadsSyntax, FormatThenParseIsIdentity) {
  Quad q;
  q.subject = {RdfTerm::Kind::kIri, "urn:claimgraph:entity:United%20States", "", ""};
  q.predicate = {RdfTerm::Kind::kIri, "urn:p:pact", "", ""};
  q.object = {RdfTerm::Kind::kLiteral, "line1\nline2 \"quoted\" back\\slash \x01", "", ""};
  q.graph = RdfTerm{RdfTerm::Kind::kIri, "http://a/g>x", "", ""};
  LineError e;
  auto back = Parse(FormatQuad(q), &e);
  ASSERT_TRUE(back) << FormatQuad(q) << ": " << e.message;
  EXPECT_EQ(back->subject, q.subject);
  EXPECT_EQ(back->object, q.object);
  EXPECT_EQ(*back->graph, *q.graph);
}

}  // namespace
}  // namespace claimgraph::codec
