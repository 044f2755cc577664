#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "engine/io/import.h"
#include "engine/io/snapshot_export.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::io {
namespace {

using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

ImportSummary Import(storage::ClaimStore* store, const std::string& text, ImportOptions options = {}) {
  std::istringstream in(text);
  engine::Engine engine(store);
  return ValueOrDie(ImportJsonl(engine, {{"claims.jsonl", &in}}, options));
}

std::string Export(storage::ClaimStore* store) {
  std::ostringstream out;
  ValueOrDie(ExportJsonl(*ValueOrDie(store->NewReadView()), out));
  return out.str();
}

const char* kClaims =
    R"({"subject":"Japan","predicate":"pact","object":"United Kingdom","source":"002_ef227a66c8fea69d","source_title":"Archive","source_publisher":"Europe Asia Security Forum","source_published":"2015-02","span":[1893,2051],"quote":"Japan and Britain \u201cagreed\u201d","confidence":0.9,"method":"manual","modality":"reported","valid_from":"1943","valid_to":"1945-08","principal":"analyst-1","asserted_at":"2026-11-01T08:00:00.000001Z"})"
    "\n"
    R"({"subject":"China","predicate":"targets","object":"United States","source":"004_8cc8e2fcc4fc9a24","confidence":0.7,"modality":"asserted","retracted_tx":3,"retract_reason":"misread","retracted_by":"reviewer","retracted_at":"2026-11-02T09:00:00Z"})"
    "\n"
    R"({"subject":"Japan","predicate":"population","object":125000000,"object_kind":"number","source":"stats","valid_to":"2016-02-29"})"
    "\n"
    R"({"subject":"Japan","predicate":"founded","object":"1952-04-28","object_kind":"date","source":"stats"})"
    "\n";

TEST(Jsonl, ExportImportExportReproducesEveryProvenanceField) {
  TempDir a, b, c;
  auto first = OpenStore(a.path());
  ImportSummary s = Import(first.get(), kClaims);
  ASSERT_TRUE(s.committed) << FormatRejected(s);
  EXPECT_EQ(s.claims, 4u);
  EXPECT_EQ(s.retracted, 1u);
  std::string e1 = Export(first.get());

  auto second = OpenStore(b.path());
  ASSERT_TRUE(Import(second.get(), e1).committed);
  std::string e2 = Export(second.get());
  // Both stores were built by one import into an empty store: even ids and
  // transaction numbers agree, so the exports are identical byte for byte.
  EXPECT_EQ(e1, e2);

  auto third = OpenStore(c.path());
  ASSERT_TRUE(Import(third.get(), e2).committed);
  EXPECT_EQ(Export(third.get()), e2);

  std::istringstream lines(e1);
  std::string line;
  std::getline(lines, line);
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["quote"], "Japan and Britain \u201cagreed\u201d");
  EXPECT_EQ(j["span"], nlohmann::json::array({1893, 2051}));
  EXPECT_EQ(j["principal"], "analyst-1");
  EXPECT_EQ(j["asserted_at"], "2026-11-01T08:00:00.000001Z");
  EXPECT_EQ(j["modality"], "reported");
  EXPECT_EQ(j["source_publisher"], "Europe Asia Security Forum");
  EXPECT_EQ(j["valid_from"], "1943");
  EXPECT_EQ(j["valid_to"], "1945-08");
  std::getline(lines, line);
  j = nlohmann::json::parse(line);
  EXPECT_EQ(j["retract_reason"], "misread");
  // Written only when set: a claim without valid time exports as before.
  EXPECT_FALSE(j.contains("valid_from"));
  EXPECT_FALSE(j.contains("valid_to"));
  EXPECT_EQ(j["retracted_by"], "reviewer");
  EXPECT_EQ(j["retracted_at"], "2026-11-02T09:00:00.000000Z");
  std::getline(lines, line);
  j = nlohmann::json::parse(line);
  EXPECT_FALSE(j.contains("valid_from"));
  EXPECT_EQ(j["valid_to"], "2016-02-29");
}

TEST(Jsonl, RetractedClaimsStayInvisibleAfterImport) {
  TempDir a;
  auto store = OpenStore(a.path());
  Import(store.get(), kClaims);
  auto view = ValueOrDie(store->NewReadView());
  auto china = ValueOrDie(view->FindEntity("China"));
  EXPECT_TRUE(testing::ScanIds(*view, {china}).empty());
  EXPECT_EQ(ValueOrDie(view->GetClaim(2)).retract_reason, "misread");
}

TEST(Jsonl, BadLinesAreReportedWithTheirReasonAndNothingIsWritten) {
  TempDir a;
  auto store = OpenStore(a.path());
  std::string text = std::string(kClaims) +
                     "{not json\n"
                     R"({"subject":"Japan","predicate":"pact","object":"UK","source":"s","confidance":0.5})" "\n"
                     R"({"subject":"Japan","predicate":"pact","object":"UK"})" "\n"
                     R"({"subject":"Japan","predicate":"pact","object":"UK","source":"s","confidence":2})" "\n"
                     R"({"subject":"Japan","predicate":"pact","object":"UK","source":"s","modality":"rumoured"})" "\n"
                     R"([1,2,3])" "\n"
                     R"({"subject":"Japan","predicate":"pact","object":"UK","source":"s","valid_from":"2015-02-30"})" "\n"
                     R"({"subject":"Japan","predicate":"pact","object":"UK","source":"s","valid_from":"1991","valid_to":"1949"})" "\n";
  ImportSummary s = Import(store.get(), text);
  EXPECT_FALSE(s.committed);
  ASSERT_EQ(s.rejected.size(), 8u);
  EXPECT_EQ(s.rejected[0].line, 5u);
  EXPECT_NE(s.rejected[0].reason.find("not valid JSON"), std::string::npos);
  EXPECT_NE(s.rejected[1].reason.find("unknown key \"confidance\""), std::string::npos);
  EXPECT_NE(s.rejected[2].reason.find("missing \"source\""), std::string::npos);
  EXPECT_NE(s.rejected[3].reason.find("confidence"), std::string::npos);
  EXPECT_NE(s.rejected[4].reason.find("rumoured"), std::string::npos);
  EXPECT_NE(s.rejected[6].reason.find(
                "valid_from \"2015-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)"),
            std::string::npos)
      << s.rejected[6].reason;
  EXPECT_NE(s.rejected[7].reason.find("valid_from \"1991\" is after valid_to \"1949\""), std::string::npos)
      << s.rejected[7].reason;
  EXPECT_EQ(store->LastTx(), 0u);
}

}  // namespace
}  // namespace claimgraph::io
