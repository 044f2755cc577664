// One identity for a claim and one rule for new names, on every write path
// in process: the JSONL and N-Quads importers (bulk and online), Assert
// batches (the Assert RPC, `claimgraph load`, ingestion) and the ASSERT
// statement. The binaries' paths are in tests/server/write_paths_test.cc.
#include <gtest/gtest.h>

#include <sstream>

#include "engine/batch_write.h"
#include "engine/engine.h"
#include "engine/io/snapshot_export.h"
#include "engine/io/import.h"
#include "engine/io/schema.h"
#include "engine/write_names.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::engine {
namespace {

using testing::Begin;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

io::ImportSummary ImportJsonl(storage::ClaimStore* store, const std::string& text, bool bulk) {
  std::istringstream in(text);
  io::ImportOptions o;
  o.bulk = bulk;
  Engine engine(store);
  return ValueOrDie(io::ImportJsonl(engine, {{"claims.jsonl", &in}}, o));
}

io::ImportSummary ImportNQuads(storage::ClaimStore* store, const std::string& text, bool bulk) {
  std::istringstream in(text);
  io::ImportOptions o;
  o.bulk = bulk;
  Engine engine(store);
  return ValueOrDie(io::ImportNQuads(engine, {{"quads.nq", &in}}, o));
}

std::string ExportJsonl(storage::ClaimStore* store) {
  std::ostringstream out;
  auto view = ValueOrDie(store->NewReadView());
  ValueOrDie(io::ExportJsonl(*view, out));
  return out.str();
}

uint64_t LiveClaims(storage::ClaimStore* store) {
  auto view = ValueOrDie(store->NewReadView());
  return ValueOrDie(view->CountClaims({}, UINT64_MAX));
}

const char* kSchema = R"({"format": "claimgraph-schema/1", "predicates": [
  {"name": "pact", "symmetric": true}, {"name": "targets", "inverse": "targeted-by"}]})";

void ApplyTestSchema(storage::ClaimStore* store) {
  Engine engine(store);
  ValueOrDie(io::ApplySchema(engine, ValueOrDie(io::ParseSchemaJson(kSchema)), "test"));
}

// Two claims of one triple from one source at different spans, one with
// another modality, one retracted: every identity field matters.
const char* kClaims =
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","span":[0,10],"quote":"Japan-India"})"
    "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","span":[20,30],"quote":"again here"})"
    "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","span":[0,10],"quote":"Japan-India","modality":"proposed"})"
    "\n"
    R"({"subject":"China","predicate":"targets","object":"Japan","source":"s2","confidence":0.7})"
    "\n"
    R"({"subject":"China","predicate":"targets","object":"India","source":"s2","retracted_tx":3,"retract_reason":"wrong","retracted_by":"ann","retracted_at":"2026-01-02T03:04:05Z","asserted_at":"2026-01-01T00:00:00Z"})"
    "\n"
    R"({"subject":"India","predicate":"cameo-040","object":"Japan","source":"feed"})"
    "\n";

class WritePaths : public ::testing::TestWithParam<bool> {};  // bulk or online

TEST_P(WritePaths, JsonlImportedTwiceWritesNothingTheSecondTime) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ApplyTestSchema(store.get());
  io::ImportSummary first = ImportJsonl(store.get(), kClaims, GetParam());
  EXPECT_EQ(first.claims, 6u);
  EXPECT_EQ(first.retracted, 1u);
  EXPECT_EQ(first.duplicates, 0u);
  ASSERT_EQ(first.defined.predicates, std::vector<std::string>{"cameo-040"});
  EXPECT_EQ(first.defined.entities, 3u);
  storage::TxId last = store->LastTx();
  uint64_t live = LiveClaims(store.get());
  EXPECT_EQ(live, 5u);

  io::ImportSummary again = ImportJsonl(store.get(), kClaims, GetParam());
  EXPECT_EQ(again.claims, 0u);
  EXPECT_EQ(again.retracted, 0u);
  EXPECT_EQ(again.duplicates, 6u);
  EXPECT_TRUE(again.defined.predicates.empty());
  EXPECT_EQ(again.defined.entities, 0u);
  EXPECT_EQ(store->LastTx(), last) << "a second import of the same file must not write a transaction";
  EXPECT_EQ(LiveClaims(store.get()), live);
}

TEST_P(WritePaths, NQuadsImportedTwiceWritesNothingTheSecondTime) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  const std::string quads =
      "<urn:claimgraph:entity:Japan> <urn:p:pact> <urn:claimgraph:entity:India> <urn:claimgraph:source:a> .\n"
      "<urn:claimgraph:entity:Japan> <urn:p:pact> <urn:claimgraph:entity:India> <urn:claimgraph:source:b> .\n"
      "<urn:claimgraph:entity:Japan> <urn:p:pact> <urn:claimgraph:entity:India> <urn:claimgraph:source:a> .\n";
  io::ImportSummary first = ImportNQuads(store.get(), quads, GetParam());
  EXPECT_EQ(first.claims, 2u);
  EXPECT_EQ(first.duplicates, 1u);  // the third line repeats the first
  storage::TxId last = store->LastTx();
  io::ImportSummary again = ImportNQuads(store.get(), quads, GetParam());
  EXPECT_EQ(again.claims, 0u);
  EXPECT_EQ(again.duplicates, 3u);
  EXPECT_EQ(store->LastTx(), last);
}

TEST_P(WritePaths, ExportImportedIntoTheSameStoreWritesNothingAndIntoAnEmptyOneRoundTrips) {
  TempDir dir, empty;
  auto store = OpenStore(dir.path());
  ApplyTestSchema(store.get());
  ImportJsonl(store.get(), kClaims, GetParam());
  // A retracted claim asserted again: the history holds both.
  auto tx = Begin(store.get());
  auto japan = ValueOrDie(tx->FindEntity("Japan")), india = ValueOrDie(tx->FindEntity("India"));
  storage::ClaimInput c;
  c.subject = japan;
  c.predicate = ValueOrDie(tx->FindPredicate("pact")).id;
  c.object = india;
  c.source = ValueOrDie(tx->FindSource("s1"));
  c.has_span = true;
  c.span_begin = 0;
  c.span_end = 10;
  c.quote = "Japan-India";
  storage::ClaimId live = ValueOrDie(tx->FindLiveClaim(c)).value();
  ASSERT_TRUE(tx->Retract(live, "re-read").ok());
  ValueOrDie(tx->Commit());
  tx.reset();  // the writer lock goes with the transaction
  tx = Begin(store.get());
  auto reasserted = ValueOrDie(storage::AssertUnlessLive(*tx, c));
  EXPECT_FALSE(reasserted.duplicate) << "a retracted claim asserted again is a new assertion";
  ValueOrDie(tx->Commit());
  tx.reset();

  std::string exported = ExportJsonl(store.get());
  storage::TxId last = store->LastTx();
  io::ImportSummary again = ImportJsonl(store.get(), exported, GetParam());
  EXPECT_EQ(again.claims, 0u) << exported;
  EXPECT_EQ(store->LastTx(), last);

  auto fresh = OpenStore(empty.path());
  ApplyTestSchema(fresh.get());
  io::ImportSummary restored = ImportJsonl(fresh.get(), exported, GetParam());
  EXPECT_EQ(restored.duplicates, 0u);
  EXPECT_EQ(restored.retracted, 2u);
  // Ids and transactions are the new store's own; everything else is kept.
  auto strip = [](std::string s) {
    std::string out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) {
      for (const char* key : {"\"id\":", "\"tx\":", "\"retracted_tx\":"}) {
        size_t at = line.find(key);
        if (at != std::string::npos) line.erase(at, line.find(',', at) - at);
      }
      out += line + "\n";
    }
    return out;
  };
  EXPECT_EQ(strip(ExportJsonl(fresh.get())), strip(exported));
}

TEST_P(WritePaths, AnNQuadsExportImportedIntoItsOwnStoreWritesNothing) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Engine engine(store.get());
  ApplyTestSchema(store.get());
  ImportJsonl(store.get(), kClaims, GetParam());  // claims with spans, quotes, another modality
  std::ostringstream quads;
  {
    auto view = ValueOrDie(store->NewReadView());
    ValueOrDie(io::ExportNQuads(*view, quads));
  }
  storage::TxId last = store->LastTx();
  io::ImportSummary again = ImportNQuads(store.get(), quads.str(), GetParam());
  EXPECT_EQ(again.claims, 0u) << quads.str();
  EXPECT_EQ(store->LastTx(), last);
  // A bare line is subsumed by a claim with evidence, not the other way round:
  // the same triple with a span from the same source is a new claim.
  ClaimDraft d;
  d.subject = "China";
  d.predicate = "targets";
  d.object_text = "Japan";
  d.source.key = "s2";
  d.modality = base::Modality::kReported;
  d.has_span = true;
  d.span_begin = 1;
  d.span_end = 2;
  d.quote = "x";
  EXPECT_TRUE(ValueOrDie(AssertBatch(engine, {d}, "tester", "")).duplicates.empty());
}

INSTANTIATE_TEST_SUITE_P(BulkAndOnline, WritePaths, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? std::string("Bulk") : std::string("Online"); });

TEST(ClaimIdentity, SymmetricOrderMethodAndConfidenceDoNotMakeANewClaim) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Engine engine(store.get());
  ApplyTestSchema(store.get());
  std::vector<ClaimDraft> drafts(4);
  for (auto& d : drafts) {
    d.subject = "Japan";
    d.predicate = "pact";
    d.object_text = "India";
    d.source.key = "s1";
    d.has_span = true;
    d.span_begin = 5;
    d.span_end = 9;
    d.quote = "pact";
  }
  std::swap(drafts[1].subject, drafts[1].object_text);  // India pact Japan: the same, pact is symmetric
  drafts[2].method = "rules:2";
  drafts[2].confidence = 0.4;
  drafts[3].predicate = "targets";  // directed: a different claim
  BatchResult r = ValueOrDie(AssertBatch(engine, drafts, "tester", "batch-1"));
  ASSERT_EQ(r.claim_ids.size(), 4u);
  EXPECT_EQ(r.claim_ids[1], r.claim_ids[0]);
  EXPECT_EQ(r.claim_ids[2], r.claim_ids[0]);
  EXPECT_NE(r.claim_ids[3], r.claim_ids[0]);
  EXPECT_EQ(r.duplicates, (std::vector<size_t>{1, 2}));
  // A retry with the same key gets the same answer, duplicates included.
  BatchResult retry = ValueOrDie(AssertBatch(engine, drafts, "tester", "batch-1"));
  EXPECT_TRUE(retry.replayed);
  EXPECT_EQ(retry.claim_ids, r.claim_ids);
  EXPECT_EQ(retry.duplicates, r.duplicates);
  // Another batch of the same claims writes nothing: no transaction.
  storage::TxId last = store->LastTx();
  BatchResult other = ValueOrDie(AssertBatch(engine, drafts, "tester", "batch-2"));
  EXPECT_EQ(other.tx, 0u);
  EXPECT_EQ(other.duplicates, (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_EQ(store->LastTx(), last);
}

TEST(ClaimIdentity, TheAssertStatementSkipsALiveClaim) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ApplyTestSchema(store.get());
  Engine engine(store.get());
  const char* kAssert = "ASSERT \"Japan\" pact \"India\" SOURCE \"s1\" SPAN 1..4 QUOTE \"abc\"";
  auto first = ValueOrDie(engine.Execute(kAssert, {}));
  EXPECT_NE(first.stats.written_tx, 0u);
  storage::TxId last = store->LastTx();
  auto again = ValueOrDie(engine.Execute("ASSERT \"India\" pact \"Japan\" SOURCE \"s1\" SPAN 1..4 QUOTE \"abc\" METHOD \"x\"", {}));
  EXPECT_EQ(again.stats.written_tx, 0u);
  EXPECT_NE(again.message.find("duplicate"), std::string::npos) << again.message;
  EXPECT_EQ(store->LastTx(), last);
}

TEST(NewNames, EveryPathDefinesAnUnknownPredicateAndRefusesALikelyTypo) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Engine engine(store.get());
  ApplyTestSchema(store.get());
  // JSONL: a typo is a rejected line with its position; a new name is defined.
  io::ImportSummary typo = ImportJsonl(
      store.get(), R"({"subject":"A","predicate":"pactt","object":"B","source":"s"})" "\n", true);
  ASSERT_EQ(typo.rejected.size(), 1u);
  EXPECT_EQ(typo.rejected[0].line, 1u);
  EXPECT_NE(typo.rejected[0].reason.find("did you mean 'pact'"), std::string::npos) << typo.rejected[0].reason;
  EXPECT_FALSE(typo.committed);
  // Assert batches: the same answer.
  ClaimDraft d;
  d.subject = "A";
  d.predicate = "pactt";
  d.object_text = "B";
  d.source.key = "s";
  auto refused = AssertBatch(engine, {d}, "tester", "");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("did you mean 'pact'"), std::string::npos);
  d.predicate = "allies-with";
  BatchResult defined = ValueOrDie(AssertBatch(engine, {d}, "tester", ""));
  EXPECT_EQ(defined.defined.predicates, std::vector<std::string>{"allies-with"});
  EXPECT_EQ(defined.defined.entities, 2u);
  auto view = ValueOrDie(store->NewReadView());
  storage::Predicate p = ValueOrDie(view->FindPredicate("allies-with"));
  EXPECT_FALSE(p.symmetric);
  EXPECT_EQ(p.domain, "ANY");
  // The inverse name reads the predicate backwards.
  d.predicate = "targeted-by";
  BatchResult inverse = ValueOrDie(AssertBatch(engine, {d}, "tester", ""));
  EXPECT_TRUE(inverse.defined.predicates.empty());
}

TEST(NewNames, LooksLikeTypoOf) {
  EXPECT_TRUE(LooksLikeTypoOf("pactt", "pact"));
  EXPECT_TRUE(LooksLikeTypoOf("pac", "pact"));
  EXPECT_TRUE(LooksLikeTypoOf("pcat", "pact"));
  EXPECT_TRUE(LooksLikeTypoOf("Pact", "pact"));
  EXPECT_TRUE(LooksLikeTypoOf("Member-Of", "member-of"));
  EXPECT_TRUE(LooksLikeTypoOf("shares_intel", "shares-intel"));
  EXPECT_TRUE(LooksLikeTypoOf("cameo-04O", "cameo-040"));
  EXPECT_FALSE(LooksLikeTypoOf("cameo-041", "cameo-040"));
  EXPECT_FALSE(LooksLikeTypoOf("cameo-0401", "cameo-040"));
  EXPECT_FALSE(LooksLikeTypoOf("cameo-04", "cameo-040"));
  EXPECT_FALSE(LooksLikeTypoOf("cameo-004", "cameo-040"));
  EXPECT_FALSE(LooksLikeTypoOf("targets", "pact"));
  EXPECT_FALSE(LooksLikeTypoOf("sanctions", "sanctioned-by"));
}

TEST(Schema, ApplyingItAgainWritesNothingAndAConflictNamesThePredicate) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Engine schema_engine(store.get());
  io::Schema schema = ValueOrDie(io::ParseSchemaJson(kSchema));
  EXPECT_NE(ValueOrDie(io::ApplySchema(schema_engine, schema, "test")), 0u);
  EXPECT_EQ(ValueOrDie(io::ApplySchema(schema_engine, schema, "test")), 0u);
  schema.predicates[0].symmetric = false;
  auto conflict = io::ApplySchema(schema_engine, schema, "test");
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(conflict.status().message().find("predicate 'pact'"), std::string::npos) << conflict.status().ToString();
}

TEST(Schema, ANameThatAlreadyNamesAnotherEntityInTheStoreIsRefusedNotMerged) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Engine engine(store.get());
  ValueOrDie(engine.Execute(R"(DEFINE ENTITY "Democratic Republic of the Congo" TYPE country ALIASES "Congo")", {}));
  storage::TxId before = store->LastTx();
  auto conflict = io::ApplySchema(engine, ValueOrDie(io::ParseSchemaJson(R"({"format": "claimgraph-schema/1",
      "entities": [{"name": "Republic of the Congo", "type": "country", "aliases": ["Congo"]}]})")), "test");
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(conflict.status().message().find("\"Congo\", a name of entity \"Republic of the Congo\" here, already "
                                             "names entity \"Democratic Republic of the Congo\" in the store"),
            std::string::npos)
      << conflict.status().message();
  EXPECT_EQ(store->LastTx(), before);  // nothing written
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(view->FindEntity("Republic of the Congo").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace claimgraph::engine
