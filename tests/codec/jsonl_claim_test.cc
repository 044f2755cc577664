// The JSONL claim codec: a claim written by FormatJsonlClaim parses back to
// the same claim, every field; and a refused line says why and at which
// column.
#include "codec/jsonl/jsonl_claim.h"

#include <gtest/gtest.h>

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
  c.confidence = 0.9;
  c.method = "manual";
  c.modality = base::Modality::kReported;
  c.valid = {"1949", "1991-12-26"};
  f.id = 12;
  f.tx = 7;
  f.principal = "analyst";
  f.asserted_at_us = 1795432650123456;
  f.retracted_tx = 9;
  f.retract_reason = "misread";
  f.retracted_by = "ada";
  f.retracted_at_us = 1795432660000000;
  return f;
}

std::optional<FileClaim> Parse(std::string_view line, LineError* error) { return ParseJsonlClaim(line, error); }

void ExpectSameClaim(const FileClaim& a, const FileClaim& b) {
  EXPECT_EQ(a.claim.subject, b.claim.subject);
  EXPECT_EQ(a.claim.predicate, b.claim.predicate);
  EXPECT_EQ(a.claim.object_kind, b.claim.object_kind);
  EXPECT_EQ(a.claim.object_text, b.claim.object_text);
  EXPECT_EQ(a.claim.object_number, b.claim.object_number);
  EXPECT_EQ(a.claim.source.key, b.claim.source.key);
  EXPECT_EQ(a.claim.source.title, b.claim.source.title);
  EXPECT_EQ(a.claim.source.publisher, b.claim.source.publisher);
  EXPECT_EQ(a.claim.source.published, b.claim.source.published);
  EXPECT_EQ(a.claim.source.url, b.claim.source.url);
  EXPECT_EQ(a.claim.source.sha256, b.claim.source.sha256);
  EXPECT_EQ(a.claim.has_span, b.claim.has_span);
  EXPECT_EQ(a.claim.span_begin, b.claim.span_begin);
  EXPECT_EQ(a.claim.span_end, b.claim.span_end);
  EXPECT_EQ(a.claim.quote, b.claim.quote);
  EXPECT_EQ(a.claim.confidence, b.claim.confidence);
  EXPECT_EQ(a.claim.method, b.claim.method);
  EXPECT_EQ(a.claim.modality, b.claim.modality);
  EXPECT_EQ(a.claim.valid, b.claim.valid);
  EXPECT_EQ(a.principal, b.principal);
  EXPECT_EQ(a.asserted_at_us, b.asserted_at_us);
  EXPECT_EQ(a.retracted(), b.retracted());
  EXPECT_EQ(a.retract_reason, b.retract_reason);
  EXPECT_EQ(a.retracted_by, b.retracted_by);
  EXPECT_EQ(a.retracted_at_us, b.retracted_at_us);
}

TEST(JsonlClaim, WrittenThenParsedIsTheSameClaimAndWritesTheSameLine) {
  std::vector<FileClaim> claims(4, FullClaim());
  SetObjectLiteral(MakeNumberLiteral("125000000").value(), &claims[1].claim);
  claims[1].retracted_tx = 0;
  claims[1].retract_reason = claims[1].retracted_by = "";
  claims[1].retracted_at_us = 0;
  SetObjectLiteral(MakeDateLiteral("2015-04-01").value(), &claims[2].claim);
  claims[2].claim.has_span = false;
  claims[2].claim.span_begin = claims[2].claim.span_end = 0;
  SetObjectLiteral({LiteralKind::kString, "a \"string\" value", 0}, &claims[3].claim);
  claims[3].claim.modality = base::Modality::kDenied;
  claims[1].claim.valid = {};
  claims[2].claim.valid = {"2015-04", ""};
  claims[3].claim.valid = {"", "2016"};
  for (const FileClaim& claim : claims) {
    std::string line = FormatJsonlClaim(claim);
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
    LineError error;
    std::optional<FileClaim> back = Parse(line, &error);
    ASSERT_TRUE(back) << line << "\n" << error.column << ": " << error.message;
    ExpectSameClaim(*back, claim);
    // id and tx are the exporting store's: kept by neither, but the line
    // written again from the parsed claim differs only there.
    back->id = claim.id;
    back->tx = claim.tx;
    back->retracted_tx = claim.retracted_tx;
    EXPECT_EQ(FormatJsonlClaim(*back), line);
  }
}

TEST(JsonlClaim, TheLineKeepsTheDocumentedKeyOrder) {
  FileClaim f = FullClaim();
  f.retracted_tx = 0;
  std::string line = FormatJsonlClaim(f);
  size_t at = 0;
  for (const char* key : {"id", "subject", "predicate", "object", "object_kind", "source", "source_title",
                          "source_publisher", "source_published", "source_url", "source_sha256", "span", "quote",
                          "confidence", "method", "modality", "valid_from", "valid_to", "tx", "principal", "asserted_at", "retracted_tx",
                          "retract_reason", "retracted_by", "retracted_at"}) {
    std::string quoted = "\"";  // appended, not "\"" + std::string(key): GCC bug 105651's -Wrestrict
    quoted.append(key).append("\":");
    size_t found = line.find(quoted, at);
    ASSERT_NE(found, std::string::npos) << key << " in " << line;
    at = found + 1;
  }
  EXPECT_NE(line.find("\"retracted_tx\":null"), std::string::npos) << line;
  EXPECT_NE(line.find("\"retracted_at\":null"), std::string::npos) << line;
  // Valid time is written only when known: without it the line is as before.
  f.claim.valid = {};
  line = FormatJsonlClaim(f);
  EXPECT_EQ(line.find("valid_"), std::string::npos) << line;
  f.claim.valid = {"", "1991"};
  line = FormatJsonlClaim(f);
  EXPECT_EQ(line.find("valid_from"), std::string::npos) << line;
  EXPECT_NE(line.find("\"modality\":\"reported\",\"valid_to\":\"1991\",\"tx\""), std::string::npos) << line;
}

struct Refused {
  const char* line;
  uint64_t column;
  const char* message;
};

class JsonlRefusal : public ::testing::TestWithParam<Refused> {};

TEST_P(JsonlRefusal, SaysWhyAndWhere) {
  LineError error;
  EXPECT_FALSE(Parse(GetParam().line, &error)) << GetParam().line;
  EXPECT_EQ(error.message, GetParam().message) << GetParam().line;
  EXPECT_EQ(error.column, GetParam().column) << GetParam().line;
}

#define CLAIM(rest) R"({"subject":"Japan","predicate":"pact","object":"India","source":"s")" rest "}"

INSTANTIATE_TEST_SUITE_P(
    Lines, JsonlRefusal,
    ::testing::Values(
        // Span elements: the element at fault; a span of the wrong length: the span.
        Refused{CLAIM(R"(,"span":[3,"x"])"), 79, "\"span\" must be [begin, end] with 0 <= begin <= end"},
        Refused{CLAIM(R"(,"span":[5])"), 76, "\"span\" must be [begin, end] with 0 <= begin <= end"},
        Refused{CLAIM(R"(,"span":[9,3])"), 76, "\"span\" must be [begin, end] with 0 <= begin <= end"},
        Refused{CLAIM(R"(,"span":"3..9")"), 76, "\"span\" must be [begin, end] with 0 <= begin <= end"},
        Refused{CLAIM(R"(,"span":[-1,3])"), 77, "\"span\" must be [begin, end] with 0 <= begin <= end"},
        Refused{CLAIM(R"(,"modality":"rumoured")"), 80,
                "modality \"rumoured\" is not one of asserted, reported, proposed, denied"},
        Refused{CLAIM(R"(,"confidance":0.5)"), 69, "unknown key \"confidance\""},
        Refused{CLAIM(R"(,"confidence":1.5)"), 82, "\"confidence\" must be within [0, 1]"},
        Refused{CLAIM(R"(,"quote":7)"), 77, "\"quote\" must be a string"},
        // Valid time: the value at fault, in the words every write path uses.
        Refused{CLAIM(R"(,"valid_from":"2015-02-30")"), 82,
                "valid_from \"2015-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)"},
        Refused{CLAIM(R"(,"valid_from":"1949","valid_to":"1991-13")"), 100,
                "valid_to \"1991-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)"},
        Refused{CLAIM(R"(,"valid_to":"1949","valid_from":"1991")"), 100,
                "valid_from \"1991\" is after valid_to \"1949\""},
        Refused{CLAIM(R"(,"valid_to":1991)"), 80, "\"valid_to\" must be a string"},
        Refused{CLAIM(R"(,"object_kind":"date")"), 48,
                "\"India\" is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)"},
        Refused{CLAIM(R"(,"object_kind":"colour")"), 83,
                "object_kind \"colour\" is not one of entity, string, number, date"},
        Refused{CLAIM(R"(,"asserted_at":"yesterday")"), 83,
                "\"yesterday\" is not an ISO 8601 timestamp (e.g. 2026-11-01 or 2026-11-01T00:00:00Z)"},
        Refused{R"({"subject":"Japan","predicate":"pact","object":"India","source":""})", 65,
                "\"source\" must not be empty: every claim needs a source"},
        Refused{R"({"subject":"Japan","predicate":"pact","object":"India","source":null})", 65,
                "\"source\" must not be empty: every claim needs a source"},
        Refused{R"({"subject":"Japan","predicate":"","object":"India","source":"s"})", 32,
                "\"predicate\" must not be empty"},
        Refused{R"({"subject":"...","predicate":"pact","object":"India","source":"s"})", 12,
                "entity name \"...\" has no letters or digits"},
        Refused{R"({"subject":"Japan","predicate":"pact","object":"India"})", 0, "missing \"source\""},
        Refused{R"(["Japan","pact","India","s"])", 1, "a claim line must be a JSON object"},
        Refused{R"({"subject":"Japan","predicate":"pact","object": )", 0, "not valid JSON"},
        Refused{R"({"subject":"Japan",,"predicate":"pact","object":"India","source":"s"})", 20, "not valid JSON"}));

#undef CLAIM

}  // namespace
}  // namespace claimgraph::codec
