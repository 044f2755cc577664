// What an N-Quads line says as a claim (QuadMapper): the names, the source
// from the graph or the default source, and each refusal with the column of
// the term at fault — what `claimgraphd import` and `claimgraph load` print.
#include "codec/nquads/quad_claim.h"

#include <gtest/gtest.h>

#include "codec/nquads/nquads_parser.h"

namespace claimgraph::codec {
namespace {

struct Mapped {
  std::optional<ClaimDraft> claim;
  LineError error;
};

Mapped Map(std::string_view line, std::string default_source = "default") {
  Mapped out;
  std::optional<Quad> quad = ParseNQuadsLine(line, &out.error);
  EXPECT_TRUE(quad) << line << ": " << out.error.message;
  if (!quad) return out;
  QuadMapper mapper(std::move(default_source));
  out.claim = mapper.Map(*quad, &out.error);
  return out;
}

TEST(QuadMapper, NamesSourceAndMethod) {
  Mapped m = Map("<urn:claimgraph:entity:United%20States> <urn:p:shares-intel> <http://x.org/Japan> <urn:claimgraph:source:s1> .");
  ASSERT_TRUE(m.claim) << m.error.message;
  EXPECT_EQ(m.claim->subject, "United States");
  EXPECT_EQ(m.claim->predicate, "shares-intel");
  EXPECT_EQ(m.claim->object_kind, ClaimDraft::ObjectKind::kEntity);
  EXPECT_EQ(m.claim->object_text, "http://x.org/Japan");
  EXPECT_EQ(m.claim->source.key, "s1");
  EXPECT_EQ(m.claim->method, "import:nquads");
  EXPECT_FALSE(m.claim->has_span);
  EXPECT_EQ(m.claim->modality, base::Modality::kAsserted);
}

TEST(QuadMapper, TheDefaultGraphGetsTheDefaultSource) {
  EXPECT_EQ(Map("<urn:e:a> <urn:p:q> <urn:e:b> .").claim.value().source.key, "default");
  EXPECT_EQ(Map("<urn:e:a> <urn:p:q> <urn:e:b> .", "feed-7").claim.value().source.key, "feed-7");
  Mapped none = Map("<urn:e:a> <urn:p:q> <urn:e:b> .", "");
  EXPECT_FALSE(none.claim);
  EXPECT_EQ(none.error.column, 0u);
}

TEST(QuadMapper, LiteralsAreTypedValues) {
  Mapped n = Map("<urn:e:a> <urn:p:founded> \"+1990\"^^<http://www.w3.org/2001/XMLSchema#integer> .");
  ASSERT_TRUE(n.claim) << n.error.message;
  EXPECT_EQ(n.claim->object_kind, ClaimDraft::ObjectKind::kNumber);
  EXPECT_EQ(n.claim->object_number, 1990);
  Mapped d = Map("<urn:e:a> <urn:p:since> \"2015-04\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .");
  ASSERT_TRUE(d.claim) << d.error.message;
  EXPECT_EQ(d.claim->object_kind, ClaimDraft::ObjectKind::kDate);
  EXPECT_EQ(d.claim->object_text, "2015-04");
  Mapped s = Map("<urn:e:a> <urn:p:motto> \"chat\"@fr .");
  ASSERT_TRUE(s.claim) << s.error.message;
  EXPECT_EQ(s.claim->object_kind, ClaimDraft::ObjectKind::kString);
}

// Each refusal points at the term at fault.
TEST(QuadMapper, RefusalsNameTheColumnOfTheTermAtFault) {
  Mapped bad_number = Map("<urn:e:a> <urn:p:q> \"12x\"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:g> .");
  EXPECT_FALSE(bad_number.claim);
  EXPECT_EQ(bad_number.error.column, 21u);
  EXPECT_EQ(bad_number.error.message, "\"12x\" is not a valid xsd:integer");
  Mapped no_subject = Map("<urn:claimgraph:entity:...> <urn:p:q> <urn:e:b> .");
  EXPECT_FALSE(no_subject.claim);
  EXPECT_EQ(no_subject.error.column, 1u);
  EXPECT_EQ(no_subject.error.message, "<urn:claimgraph:entity:...> names no entity (no letters or digits)");
  Mapped no_object = Map("<urn:e:a> <urn:p:q> _:_ .");
  EXPECT_FALSE(no_object.claim);
  EXPECT_EQ(no_object.error.column, 21u);
  Mapped no_predicate = Map("<urn:e:a>  <http://x.org/> <urn:e:b> .");
  EXPECT_FALSE(no_predicate.claim);
  EXPECT_EQ(no_predicate.error.column, 12u);
  EXPECT_EQ(no_predicate.error.message, "predicate IRI <http://x.org/> has no name segment");
  Mapped no_source = Map("<urn:e:a> <urn:p:q> <urn:e:b> <urn:claimgraph:source:> .");
  EXPECT_FALSE(no_source.claim);
  EXPECT_EQ(no_source.error.column, 31u);
  EXPECT_EQ(no_source.error.message, "the graph label names no source");
}

}  // namespace
}  // namespace claimgraph::codec
