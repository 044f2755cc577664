// The nquads-prov codec without a store: claims written by ProvQuadWriter
// read back by ProvReader to the same claims, every field, whatever the order
// of the statements; and what the reader refuses, at which line.
#include "codec/nquads/prov_claim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "codec/jsonl/jsonl_claim.h"
#include "codec/nquads/term_mapping.h"

namespace claimgraph::codec {
namespace {

FileClaim FullClaim() {
  FileClaim f;
  ClaimDraft& c = f.claim;
  c.subject = "Japan \"JP\"";
  c.predicate = "pact";
  c.object_text = "United Kingdom";
  c.source = {"002_ef227a66c8fea69d", "A title, with \"quotes\"", "Publisher", "2015-02", "https://x.org/a?b=c",
              "0f343b0931126a20f133d67c2b018a3b"};
  c.has_span = true;
  c.span_begin = 1893;
  c.span_end = 2051;
  c.quote = "line one\nline two\t\xE2\x80\x9Cquoted\xE2\x80\x9D \\ back";
  c.confidence = 0.1 + 0.2;  // not short in decimal: written so it reads back the same double
  c.method = "manual";
  c.modality = base::Modality::kReported;
  c.valid = {"1949", "1991-12-26"};
  f.id = 12;
  f.tx = 7;
  f.principal = "analyst/1 ü";
  f.asserted_at_us = 1795432650123456;
  return f;
}

// Claims written and read back, as JSONL (which shows every field).
std::vector<std::string> RoundTrip(const std::vector<FileClaim>& claims, bool reverse = false) {
  ProvQuadWriter writer;
  std::string text;
  for (const auto& c : claims) writer.Write(c, &text);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  if (reverse) std::reverse(lines.begin(), lines.end());
  ProvReader reader;
  for (size_t i = 0; i < lines.size(); ++i) reader.Add(i + 1, lines[i]);
  std::vector<std::string> out;
  for (const auto& c : reader.Finish()) {
    EXPECT_EQ(c.error.message, "") << "line " << c.line;
    out.push_back(FormatJsonlClaim(c.claim));
  }
  return out;
}

std::vector<std::string> AsJsonl(const std::vector<FileClaim>& claims) {
  std::vector<std::string> out;
  for (const auto& c : claims) out.push_back(FormatJsonlClaim(c));
  return out;
}

TEST(ProvClaim, EveryFieldReadsBackInAnyOrder) {
  FileClaim full = FullClaim();
  FileClaim bare;  // no span, quote, method, principal or valid time; the same source
  bare.claim.subject = "http://www.wikidata.org/entity/Q17";
  bare.claim.predicate = "founded";
  SetObjectLiteral(*MakeDateLiteral("1952-04-28"), &bare.claim);
  bare.claim.source = full.claim.source;
  bare.claim.confidence = 1;
  bare.claim.method = "import:nquads-prov";  // what the reader gives a claim that names none
  bare.claim.modality = base::Modality::kDenied;
  bare.id = 13;
  bare.tx = 8;
  bare.asserted_at_us = 1;
  FileClaim retracted = FullClaim();  // an IRI source, a free-text date, a number, retracted
  retracted.id = 40;
  retracted.claim.source = {"https://example.org/doc", "", "", "spring 2015", "", ""};
  retracted.claim.object_kind = ClaimDraft::ObjectKind::kNumber;
  SetObjectLiteral(*MakeNumberLiteral("-1.5e-3"), &retracted.claim);
  retracted.claim.valid = {"", "2016-02"};
  retracted.retracted_tx = 9;
  retracted.retracted_by = "reviewer";
  retracted.retract_reason = "misread \"it\"";
  retracted.retracted_at_us = 1795432650999999;
  const std::vector<FileClaim> claims = {full, bare, retracted};
  EXPECT_EQ(RoundTrip(claims), AsJsonl(claims));
  EXPECT_EQ(RoundTrip(claims, /*reverse=*/true), AsJsonl(claims));
}

// Found by the fuzzer: a source keyed "urn:claimgraph:claim:5" (read from
// <urn:claimgraph:source:urn:claimgraph:claim:5>) was written back as the IRI
// <urn:claimgraph:claim:5>, so its title read back as a statement about claim
// graph 5. Names and keys in claimgraph's own namespace are written encoded.
TEST(ProvClaim, NamesAndKeysThatAreNoPlainIriReadBack) {
  FileClaim f = FullClaim();
  f.claim.subject = "urn:claimgraph:claim:5";
  f.claim.object_text = "urn:claimgraph:entity:Japan";
  f.claim.source.key = "urn:claimgraph:claim:5";
  FileClaim g = FullClaim();
  g.id = 13;
  g.claim.source.key = "urn:claimgraph:principal:x";
  g.claim.object_text = "tag:United\x98Kingdom";  // percent-decoded into a stray byte: no IRI
  const std::vector<FileClaim> claims = {f, g};
  EXPECT_EQ(RoundTrip(claims), AsJsonl(claims));
  EXPECT_EQ(RoundTrip(claims, /*reverse=*/true), AsJsonl(claims));
  EXPECT_EQ(SourceToIri("urn:claimgraph:claim:5").value, "urn:claimgraph:source:urn%3Aclaimgraph%3Aclaim%3A5");
  EXPECT_EQ(EntityToIri("urn:claimgraph:claim:5").value, "urn:claimgraph:entity:urn%3Aclaimgraph%3Aclaim%3A5");
  EXPECT_EQ(SourceToIri("https://example.org/doc").value, "https://example.org/doc");
  EXPECT_EQ(EntityToIri("tag:United\x98Kingdom").value, "urn:claimgraph:entity:tag%3AUnited%98Kingdom");
  EXPECT_EQ(EntityToIri("tag:Côte").value, "tag:Côte");
}

// Two spellings of one source key describe one source: what either says
// reaches every claim of the source, and so survives a round trip.
TEST(ProvClaim, OneSourceUnderTwoSpellingsIsOneSource) {
  ProvReader reader;
  reader.Add(1, "<urn:x> <urn:p> <urn:y> <urn:claimgraph:claim:1> .");
  reader.Add(2, "<urn:claimgraph:claim:1> <http://www.w3.org/ns/prov#wasDerivedFrom> "
                "<urn:claimgraph:source:https://example.org/doc> .");
  reader.Add(3, "<urn:x> <urn:p> <urn:z> <urn:claimgraph:claim:2> .");
  reader.Add(4, "<urn:claimgraph:claim:2> <http://www.w3.org/ns/prov#wasDerivedFrom> <https://example.org/doc> .");
  reader.Add(5, "<https://example.org/doc> <http://purl.org/dc/terms/date> \"spring 2015\" .");
  std::vector<ProvClaim> read = reader.Finish();
  ASSERT_EQ(read.size(), 2u);
  std::vector<FileClaim> claims;
  for (const auto& c : read) {
    ASSERT_EQ(c.error.message, "") << "line " << c.line;
    EXPECT_EQ(c.claim.claim.source.key, "https://example.org/doc");
    EXPECT_EQ(c.claim.claim.source.published, "spring 2015");
    claims.push_back(c.claim);
  }
  EXPECT_EQ(RoundTrip(claims), AsJsonl(claims));
}

TEST(ProvClaim, TheShapeIsRecognizedByTheFirstStatement) {
  std::istringstream prov("# a comment\n\n<urn:x> <urn:p> <urn:y> <urn:claimgraph:claim:3> .\n");
  EXPECT_TRUE(IsProvNQuads(prov));
  std::string first;
  std::getline(prov, first);
  EXPECT_EQ(first, "# a comment");  // left where it was
  std::istringstream plain("<urn:x> <urn:p> <urn:y> <urn:claimgraph:source:s> .\n");
  EXPECT_FALSE(IsProvNQuads(plain));
  std::istringstream claim0("<urn:x> <urn:p> <urn:y> <urn:claimgraph:claim:0> .\n");
  EXPECT_FALSE(IsProvNQuads(claim0));  // claim numbers start at 1
}

TEST(ProvClaim, RefusalsSayWhatAndWhere) {
  const std::string c = "<urn:claimgraph:claim:1>";
  ProvReader reader;
  reader.Add(1, "<urn:x> <urn:p> <urn:y> " + c + " .");
  reader.Add(2, c + " <http://www.w3.org/ns/prov#wasDerivedFrom> \"not an IRI\" .");
  reader.Add(3, "<urn:claimgraph:claim:2> <urn:claimgraph:vocab:confidence> \"1.5\" .");
  reader.Add(4, "<urn:x> <urn:p> <urn:y> <urn:claimgraph:claim:2> .");
  reader.Add(5, "<urn:claimgraph:claim:2> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:s> .");
  reader.Add(6, "<urn:claimgraph:claim:3> <urn:claimgraph:vocab:retractReason> \"why\" .");
  reader.Add(7, "<urn:x> <urn:p> <urn:y> <urn:claimgraph:claim:3> .");
  reader.Add(8, "<urn:claimgraph:claim:3> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:s> .");
  reader.Add(9, "<urn:claimgraph:claim:3> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:t> .");
  reader.Add(10, "<urn:x> <urn:p> \"unterminated <urn:claimgraph:claim:4> .");
  std::vector<ProvClaim> out = reader.Finish();
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].line, 10u);  // syntax errors first, as met
  EXPECT_EQ(out[1].line, 2u);
  EXPECT_EQ(out[1].error.column, 69u);  // the object
  EXPECT_EQ(out[1].error.message, "<http://www.w3.org/ns/prov#wasDerivedFrom> takes an IRI");
  EXPECT_EQ(out[2].line, 3u);
  EXPECT_EQ(out[2].error.message, "confidence \"1.5\" is not a number within [0, 1]");
  EXPECT_EQ(out[3].line, 9u);
  EXPECT_EQ(out[3].error.message, "a second http://www.w3.org/ns/prov#wasDerivedFrom statement about the same subject");
}

TEST(ProvClaim, RetractionDetailsWithoutTheRetractionAreRefused) {
  ProvReader reader;
  reader.Add(1, "<urn:x> <urn:p> <urn:y> <urn:claimgraph:claim:1> .");
  reader.Add(2, "<urn:claimgraph:claim:1> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:s> .");
  reader.Add(3, "<urn:claimgraph:claim:1> <urn:claimgraph:vocab:retractReason> \"why\" .");
  std::vector<ProvClaim> out = reader.Finish();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].line, 1u);
  EXPECT_NE(out[0].error.message.find("retractedInTransaction"), std::string::npos) << out[0].error.message;
}

}  // namespace
}  // namespace claimgraph::codec
