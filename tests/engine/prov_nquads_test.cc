// nquads-prov: each claim a named graph with its provenance in PROV-O and
// Dublin Core terms. Export -> import into an empty store -> export gives the
// same bytes, the stores agree field for field (their JSONL exports), Debian's
// rapper parses the file, and a broken claim graph is refused at its line
// with nothing written.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/io/import.h"
#include "engine/io/snapshot_export.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::io {
namespace {

using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

ImportSummary Import(storage::ClaimStore* store, const std::string& text, const std::string& name) {
  std::istringstream in(text);
  engine::Engine engine(store);
  codec::ClaimFileFormat format = ValueOrDie(codec::ClaimFileFormatOf(name));
  return ValueOrDie(ImportClaimFiles(engine, {{name, &in, format}}, {}));
}

std::string ExportProv(storage::ClaimStore* store) {
  std::ostringstream out;
  ValueOrDie(ExportNQuadsProv(*ValueOrDie(store->NewReadView()), out));
  return out.str();
}

std::string ExportJsonlText(storage::ClaimStore* store) {
  std::ostringstream out;
  ValueOrDie(ExportJsonl(*ValueOrDie(store->NewReadView()), out));
  return out.str();
}

// Every kind of field: spans and quotes (with characters N-Quads escapes),
// every modality, confidence, method, valid time open and closed, a retracted
// claim, sources with and without publisher, URL, date and SHA-256, and
// literal objects (number, string, date) beside entities, one an IRI.
const char* kClaims =
    R"({"subject":"Japan","predicate":"pact","object":"United Kingdom","source":"002_ef227a66c8fea69d","source_title":"Archive \"A\"","source_publisher":"Europe Asia Security Forum","source_published":"2015-02","source_url":"https://example.org/a?x=1&y=2","source_sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","span":[1893,2051],"quote":"Japan and Britain \u201cagreed\u201d\nline two\\ \"q\"","confidence":0.9,"method":"manual","modality":"reported","valid_from":"1943","valid_to":"1945-08","principal":"analyst 1","asserted_at":"2026-11-01T08:00:00.000001Z"})"
    "\n"
    R"({"subject":"China","predicate":"targets","object":"United States","source":"004_8cc8e2fcc4fc9a24","confidence":0.7,"modality":"asserted","retracted_tx":3,"retract_reason":"misread","retracted_by":"reviewer","retracted_at":"2026-11-02T09:00:00Z"})"
    "\n"
    R"({"subject":"Japan","predicate":"population","object":125000000,"object_kind":"number","source":"stats","source_published":"2016","valid_to":"2016-02-29","modality":"proposed","confidence":0.333333333333333})"
    "\n"
    R"({"subject":"Japan","predicate":"founded","object":"1952-04-28","object_kind":"date","source":"stats","modality":"denied","valid_from":"1952-04-28"})"
    "\n"
    R"({"subject":"Japan","predicate":"motto","object":"wa \"harmony\"","object_kind":"string","source":"https://example.org/doc","source_title":"Doc","method":"ingest:rules","confidence":0.5})"
    "\n"
    R"({"subject":"http://www.wikidata.org/entity/Q17","predicate":"gdp","object":-1.5e-3,"object_kind":"number","source":"stats","span":[0,0]})"
    "\n"
    R"({"subject":"China","predicate":"targets","object":"United States","source":"004_8cc8e2fcc4fc9a24","confidence":0.8})"
    "\n";

// One line per quad.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct Stores {
  TempDir a, b;
  std::unique_ptr<storage::ClaimStore> first, second;
  std::string prov;
};

// A store built from kClaims, its nquads-prov export, and that imported into
// an empty store.
void Build(Stores* s) {
  s->first = OpenStore(s->a.path());
  ImportSummary built = Import(s->first.get(), kClaims, "claims.jsonl");
  ASSERT_TRUE(built.committed) << FormatRejected(built);
  ASSERT_EQ(built.claims, 7u);
  s->prov = ExportProv(s->first.get());
  s->second = OpenStore(s->b.path());
  ImportSummary imported = Import(s->second.get(), s->prov, "claims.nq");
  ASSERT_TRUE(imported.committed) << FormatRejected(imported);
  EXPECT_EQ(imported.claims, 7u);
  EXPECT_EQ(imported.retracted, 1u);
}

TEST(NQuadsProv, ExportImportExportIsByteIdenticalAndKeepsEveryField) {
  Stores s;
  Build(&s);
  EXPECT_EQ(ExportProv(s.second.get()), s.prov);
  // Field for field, by the format that carries every one of them.
  EXPECT_EQ(ExportJsonlText(s.second.get()), ExportJsonlText(s.first.get()));
}

TEST(NQuadsProv, WritesTheClaimAsANamedGraphAndItsProvenanceInProvAndDublinCore) {
  Stores s;
  Build(&s);
  const std::vector<std::string> lines = Lines(s.prov);
  auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
  const std::string c1 = "<urn:claimgraph:claim:1>";
  const std::string src = "<urn:claimgraph:source:002_ef227a66c8fea69d>";
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "<urn:claimgraph:entity:Japan> <urn:claimgraph:predicate:pact> <urn:claimgraph:entity:United%20Kingdom> " +
                c1 + " .");
  EXPECT_TRUE(has(c1 + " <http://www.w3.org/ns/prov#wasDerivedFrom> " + src + " ."));
  EXPECT_TRUE(has(c1 + " <http://www.w3.org/ns/prov#wasAttributedTo> <urn:claimgraph:principal:analyst%201> ."));
  EXPECT_TRUE(has(c1 +
                  " <http://www.w3.org/ns/prov#generatedAtTime> "
                  "\"2026-11-01T08:00:00.000001Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> ."));
  EXPECT_TRUE(has(c1 + " <urn:claimgraph:vocab:confidence> \"0.9\"^^<http://www.w3.org/2001/XMLSchema#double> ."));
  EXPECT_TRUE(has(c1 + " <urn:claimgraph:vocab:validFrom> \"1943\"^^<http://www.w3.org/2001/XMLSchema#gYear> ."));
  EXPECT_TRUE(
      has(c1 + " <urn:claimgraph:vocab:validTo> \"1945-08\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> ."));
  EXPECT_TRUE(has(c1 + " <urn:claimgraph:vocab:modality> \"reported\" ."));
  EXPECT_TRUE(has(src + " <http://purl.org/dc/terms/publisher> \"Europe Asia Security Forum\" ."));
  EXPECT_TRUE(has(src + " <http://purl.org/dc/terms/date> \"2015-02\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> ."));
  EXPECT_TRUE(has(src + " <http://purl.org/dc/terms/source> "
                        "\"https://example.org/a?x=1&y=2\"^^<http://www.w3.org/2001/XMLSchema#anyURI> ."));
  // Statements about a source are written once, however many claims cite it.
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](const std::string& l) {
                            return l.rfind("<urn:claimgraph:source:stats> <http://purl.org/dc/terms/date>", 0) == 0;
                          }),
            1);
  const std::string c2 = "<urn:claimgraph:claim:2>";
  EXPECT_TRUE(has(c2 + " <urn:claimgraph:vocab:retractReason> \"misread\" ."));
  EXPECT_TRUE(has(c2 + " <urn:claimgraph:vocab:retractedBy> <urn:claimgraph:principal:reviewer> ."));
}

TEST(NQuadsProv, StatementsInAnyOrderReadBackToTheSameClaims) {
  Stores s;
  Build(&s);
  // As another store might write the file back: the same quads, reordered
  // (the first still a claim's, which is how the shape is recognized).
  std::vector<std::string> lines = Lines(s.prov);
  std::reverse(lines.begin() + 1, lines.end());
  std::string shuffled = "# reordered\n\n";
  for (const auto& l : lines) shuffled += l + "\n";
  TempDir c;
  auto third = OpenStore(c.path());
  ImportSummary imported = Import(third.get(), shuffled, "claims.nq");
  ASSERT_TRUE(imported.committed) << FormatRejected(imported);
  EXPECT_EQ(ExportProv(third.get()), s.prov);
}

TEST(NQuadsProv, ImportingTheSameFileAgainSkipsEveryClaimAsDuplicate) {
  Stores s;
  Build(&s);
  ImportSummary again = Import(s.second.get(), s.prov, "claims.nq");
  EXPECT_EQ(again.claims, 0u);
  EXPECT_EQ(again.duplicates, 7u);
}

TEST(NQuadsProv, RapperParsesTheExport) {
  const bool ci = std::getenv("CI") != nullptr && std::string(std::getenv("CI")) == "true";
  if (std::system("command -v rapper >/dev/null 2>&1") != 0) {
    if (ci) FAIL() << "rapper (Debian raptor2-utils) is missing; tools/install-deps.sh installs it";
    GTEST_SKIP() << "rapper not installed (apt-get install raptor2-utils); required when CI=true";
  }
  Stores s;
  Build(&s);
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  const std::string file = dir.path() + "/claims.nq";
  std::ofstream(file, std::ios::binary) << s.prov;
  const std::string log = dir.path() + "/rapper.log";
  int rc = std::system(("rapper -i nquads -c '" + file + "' > '" + log + "' 2>&1").c_str());
  std::ifstream in(log);
  std::string output((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(rc, 0) << output;
  EXPECT_NE(output.find("returned " + std::to_string(Lines(s.prov).size()) + " "), std::string::npos) << output;
}

TEST(NQuadsProv, ABrokenClaimGraphIsRefusedAtItsLineAndNothingIsWritten) {
  const std::string c1 = "<urn:claimgraph:claim:1>";
  const std::string text =
      "<urn:claimgraph:entity:A> <urn:claimgraph:predicate:p> <urn:claimgraph:entity:B> " + c1 + " .\n" +  // 1
      c1 + " <urn:claimgraph:vocab:confidence> \"0.5\"^^<http://www.w3.org/2001/XMLSchema#double> .\n" +    // 2
      "<urn:claimgraph:claim:2> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:claimgraph:source:s> .\n" +  // 3
      "<urn:claimgraph:entity:A> <urn:claimgraph:predicate:p> \"x\" <urn:claimgraph:source:s> .\n" +        // 4
      "<urn:claimgraph:claim:3> <urn:claimgraph:vocab:confidance> \"1\" .\n" +                              // 5
      "<urn:claimgraph:entity:A> <urn:claimgraph:predicate:p> <urn:claimgraph:entity:C> <urn:claimgraph:claim:3> .\n" +
      "<urn:claimgraph:claim:3> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:claimgraph:source:s> .\n" +  // 7
      "<urn:claimgraph:source:t> <http://purl.org/dc/terms/title> \"T\" .\n" +                              // 8
      "<urn:claimgraph:claim:4> <urn:claimgraph:vocab:modality> \"rumoured\" .\n";                          // 9
  TempDir a;
  auto store = OpenStore(a.path());
  ImportSummary s = Import(store.get(), text, "bad.nq");
  EXPECT_FALSE(s.committed);
  EXPECT_EQ(store->LastTx(), 0u);
  std::string all = FormatRejected(s);
  auto reported = [&](const std::string& what) { return all.find(what) != std::string::npos; };
  EXPECT_TRUE(reported("bad.nq:4:60: graph <urn:claimgraph:source:s> is not a claim graph")) << all;
  EXPECT_TRUE(reported("bad.nq:1: claim <urn:claimgraph:claim:1> has no prov:wasDerivedFrom")) << all;
  EXPECT_TRUE(reported("bad.nq:3: claim graph <urn:claimgraph:claim:2> holds no triple")) << all;
  EXPECT_TRUE(reported("bad.nq:5:26: <urn:claimgraph:vocab:confidance> is not a term claimgraph reads")) << all;
  EXPECT_TRUE(reported("bad.nq:8:1: <urn:claimgraph:source:t> is neither a claim graph nor the source")) << all;
  EXPECT_TRUE(reported("bad.nq:9")) << all;
  EXPECT_EQ(s.rejected.size(), 6u) << all;
}

TEST(NQuadsProv, PlainNQuadsAreStillReadAsOneClaimPerQuad) {
  TempDir a;
  auto store = OpenStore(a.path());
  ImportSummary s = Import(store.get(),
                           "<urn:claimgraph:entity:A> <urn:claimgraph:predicate:p> <urn:claimgraph:entity:B> .\n"
                           "<urn:claimgraph:claim:1> <urn:claimgraph:vocab:quote> \"x\" .\n",
                           "plain.nq");
  // The file is plain N-Quads (its first statement says so); a claimgraph
  // provenance statement in it is refused, not read as a claim.
  EXPECT_FALSE(s.committed);
  ASSERT_EQ(s.rejected.size(), 1u);
  EXPECT_EQ(s.rejected[0].line, 2u);
  EXPECT_NE(s.rejected[0].reason.find("nquads-prov"), std::string::npos);
}

}  // namespace
}  // namespace claimgraph::io
