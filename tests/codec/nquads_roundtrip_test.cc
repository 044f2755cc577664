// The N-Quads writer against the parser: whatever a term holds — quotes,
// backslashes, line breaks, control characters, characters an IRI may not
// hold raw, non-ASCII text — is written so that it parses back to the same
// term; and a claim written as a quad reads back as the same claim.
#include <gtest/gtest.h>

#include "codec/nquads/nquads_parser.h"
#include "codec/nquads/nquads_writer.h"
#include "codec/nquads/quad_claim.h"
#include "codec/nquads/term_mapping.h"

namespace claimgraph::codec {
namespace {

RdfTerm Iri(std::string value) { return {RdfTerm::Kind::kIri, std::move(value), "", ""}; }
RdfTerm Literal(std::string value, std::string datatype = "", std::string language = "") {
  return {RdfTerm::Kind::kLiteral, std::move(value), std::move(datatype), std::move(language)};
}

Quad ParsedBack(const Quad& q) {
  std::string line = FormatQuad(q);
  LineError error;
  std::optional<Quad> back = ParseNQuadsLine(line, &error);
  EXPECT_TRUE(back) << line << "\n" << error.column << ": " << error.message;
  return back.value_or(Quad{});
}

TEST(NQuadsWriter, EveryStringLiteralParsesBackTheSame) {
  std::string controls;
  for (int c = 1; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  controls.push_back('\x7F');
  for (const std::string& text :
       {std::string("plain"), std::string("say \"hi\""), std::string("back\\slash \\n not an escape"),
        std::string("two\nlines\r\nand a\ttab"), controls, std::string("Z\xC3\xBCrich \xE2\x80\x9Cquoted\xE2\x80\x9D"),
        std::string("trailing backslash \\"), std::string("")}) {
    Quad q;
    q.subject = Iri("http://example.org/s");
    q.predicate = Iri("http://example.org/p");
    q.object = Literal(text);
    q.graph = Iri("urn:claimgraph:source:s1");
    Quad back = ParsedBack(q);
    EXPECT_EQ(back.object, q.object) << FormatQuad(q);
    EXPECT_EQ(FormatQuad(back), FormatQuad(q));
  }
}

TEST(NQuadsWriter, CharactersAnIriMayNotHoldRawAreEscapedAndComeBack) {
  for (const std::string& iri : {std::string("http://example.org/a b"), std::string("http://example.org/<x>"),
                                 std::string("http://example.org/\"q\"{}|^`\\"), std::string("urn:x:tab\there"),
                                 std::string("http://example.org/Z\xC3\xBCrich")}) {
    Quad q;
    q.subject = Iri(iri);
    q.predicate = Iri("http://example.org/p");
    q.object = Iri(iri);
    Quad back = ParsedBack(q);
    EXPECT_EQ(back.subject, q.subject) << FormatQuad(q);
    EXPECT_EQ(back.object, q.object) << FormatQuad(q);
    EXPECT_FALSE(back.graph);
  }
}

TEST(NQuadsWriter, LanguageTagsDatatypesAndBlankNodesSurvive) {
  Quad q;
  q.subject = {RdfTerm::Kind::kBlankNode, "b1", "", ""};
  q.predicate = Iri("http://example.org/p");
  q.object = Literal("chat", "", "fr-CA");
  q.graph = RdfTerm{RdfTerm::Kind::kBlankNode, "g.1", "", ""};
  Quad back = ParsedBack(q);
  EXPECT_EQ(back.subject, q.subject);
  EXPECT_EQ(back.object, q.object);
  EXPECT_EQ(back.graph, q.graph);
  q.object = Literal("12", std::string(kXsd) + "integer");
  EXPECT_EQ(ParsedBack(q).object, q.object);
  // xsd:string is the simple literal: written without a datatype.
  q.object = Literal("x", std::string(kXsd) + "string");
  EXPECT_EQ(FormatTerm(q.object), "\"x\"");
}

TEST(NQuadsWriter, TheParserRecordsWhereEachTermStarts) {
  LineError error;
  auto q = ParseNQuadsLine("<http://a/s>  <http://a/p> \"o\" <urn:g> .", &error);
  ASSERT_TRUE(q) << error.message;
  EXPECT_EQ(q->columns.subject, 1u);
  EXPECT_EQ(q->columns.predicate, 15u);
  EXPECT_EQ(q->columns.object, 28u);
  EXPECT_EQ(q->columns.graph, 32u);
}

// A claim written as a quad (as both exporters write it) and read back (as
// both importers read it) is the same claim: names with spaces, punctuation
// and non-ASCII letters, IRIs as names, and each kind of literal.
TEST(QuadOfClaim, AClaimWrittenAsAQuadReadsBackTheSame) {
  std::vector<ClaimDraft> claims(5);
  claims[0].subject = "United States";
  claims[0].predicate = "shares-intel";
  claims[0].object_text = "People\xE2\x80\x99s Republic of China";
  claims[0].source.key = "004_8cc8e2fcc4fc9a24";
  claims[1].subject = "http://dbpedia.org/resource/Japan";
  claims[1].predicate = "founded";
  SetObjectLiteral(MakeNumberLiteral("1.25e8").value(), &claims[1]);
  claims[1].source.key = "http://example.org/graph";
  claims[2].subject = "Z\xC3\xBCrich / 50% \"x\"";
  claims[2].predicate = "since";
  SetObjectLiteral(MakeDateLiteral("2015-04").value(), &claims[2]);
  claims[2].source.key = "a source with spaces";
  claims[3].subject = "Japan";
  claims[3].predicate = "motto";
  SetObjectLiteral({LiteralKind::kString, "line one\nline \"two\"", 0}, &claims[3]);
  claims[3].source.key = std::string(kDefaultSource);
  claims[4].subject = "_:b1";
  claims[4].predicate = "pact";
  claims[4].object_text = "India";
  claims[4].source.key = "s";
  QuadMapper mapper{std::string(kDefaultSource)};
  for (ClaimDraft c : claims) {
    c.method = std::string(kNQuadsMethod);
    Quad q = QuadOfClaim(c, kDefaultSource);
    LineError error;
    std::optional<Quad> parsed = ParseNQuadsLine(FormatQuad(q), &error);
    ASSERT_TRUE(parsed) << FormatQuad(q) << ": " << error.message;
    std::optional<ClaimDraft> back = mapper.Map(*parsed, &error);
    ASSERT_TRUE(back) << FormatQuad(q) << ": " << error.message;
    EXPECT_EQ(back->subject, c.subject) << FormatQuad(q);
    EXPECT_EQ(back->predicate, c.predicate);
    EXPECT_EQ(back->object_kind, c.object_kind);
    EXPECT_EQ(back->object_text, c.object_text);
    EXPECT_EQ(back->object_number, c.object_number);
    EXPECT_EQ(back->source.key, c.source.key);
    EXPECT_EQ(back->method, c.method);
  }
}

}  // namespace
}  // namespace claimgraph::codec
