#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/io/snapshot_export.h"
#include "engine/io/import.h"
#include "tests/codec/nquads_w3c_manifest.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::io {
namespace {

using testing::Begin;
using testing::OpenStore;
using testing::ScanIds;
using testing::TempDir;
using testing::ValueOrDie;

ImportSummary Import(storage::ClaimStore* store, const std::string& text, ImportOptions options = {}) {
  std::istringstream in(text);
  engine::Engine engine(store);
  return ValueOrDie(ImportNQuads(engine, {{"test.nq", &in}}, options));
}

std::string Export(storage::ClaimStore* store) {
  std::ostringstream out;
  auto view = ValueOrDie(store->NewReadView());
  ValueOrDie(ExportNQuads(*view, out));
  return out.str();
}

const char* kSample =
    "<urn:claimgraph:entity:United%20States> <urn:p:shares-intel> <urn:claimgraph:entity:Japan> <urn:claimgraph:source:001_44c191641f30057a> .\n"
    "<urn:claimgraph:entity:China> <http://example.org/vocab#targets> <urn:claimgraph:entity:Japan> <urn:claimgraph:source:004_8cc8e2fcc4fc9a24> .\n"
    "# a comment line\n"
    "\n"
    "<urn:claimgraph:entity:Japan> <urn:p:founded> \"1952-04-28\"^^<http://www.w3.org/2001/XMLSchema#date> <http://example.org/g> .\n"
    "<urn:claimgraph:entity:Japan> <urn:p:population> \"125000000\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    "<urn:claimgraph:entity:Japan> <urn:p:motto> \"\\u548C\"@ja .\n";

TEST(NQuadsImport, MapsIrisPredicatesGraphsAndTypedLiterals) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ImportSummary s = Import(store.get(), kSample);
  EXPECT_TRUE(s.committed);
  EXPECT_EQ(s.lines, 7u);
  EXPECT_EQ(s.claims, 5u);
  EXPECT_TRUE(s.rejected.empty());
  auto view = ValueOrDie(store->NewReadView());
  storage::EntityId us = ValueOrDie(view->FindEntity("united-states"));  // percent-decoded IRI name
  EXPECT_EQ(ValueOrDie(view->GetEntity(us)).name, "United States");
  storage::Predicate si = ValueOrDie(view->FindPredicate("shares-intel"));
  storage::Predicate targets = ValueOrDie(view->FindPredicate("targets"));  // last segment after '#'
  EXPECT_EQ(ScanIds(*view, {us, si.id}).size(), 1u);
  EXPECT_EQ(ScanIds(*view, {std::nullopt, targets.id}).size(), 1u);
  storage::Source src = ValueOrDie(view->FindSource("001_44c191641f30057a"));
  EXPECT_EQ(ValueOrDie(view->ClaimsBySource(src.id)).size(), 1u);
  EXPECT_TRUE(view->FindSource("http://example.org/g").ok());
  EXPECT_TRUE(view->FindSource("default").ok());  // the default graph
  auto date = ValueOrDie(view->FindLiteral({storage::TermKind::kDate, "1952-04-28", 0}));
  EXPECT_EQ(ScanIds(*view, {std::nullopt, std::nullopt, date}).size(), 1u);
  auto pop = ValueOrDie(view->FindLiteral({storage::TermKind::kNumber, "125000000", 0}));
  EXPECT_DOUBLE_EQ(ValueOrDie(view->GetLiteral(pop)).number, 125000000.0);
  EXPECT_TRUE(view->FindLiteral({storage::TermKind::kString, "\xE5\x92\x8C", 0}).ok());
}

TEST(NQuadsImport, AnIriThatIsAnAliasResolvesToThatEntity) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto tx = Begin(store.get());
    ValueOrDie(tx->UpsertEntity({"Japan", "country", {"http://dbpedia.org/resource/Japan"}}));
    ValueOrDie(tx->Commit());
  }
  Import(store.get(), "<http://dbpedia.org/resource/Japan> <urn:p:pact> <urn:x:uk> <urn:g:1> .\n");
  auto view = ValueOrDie(store->NewReadView());
  storage::EntityId japan = ValueOrDie(view->FindEntity("Japan"));
  EXPECT_EQ(ScanIds(*view, {japan}).size(), 1u);
  EXPECT_EQ(ValueOrDie(view->GetEntity(ValueOrDie(view->FindEntity("urn:x:uk")))).name, "urn:x:uk");
}

TEST(NQuadsImport, InverseNamesAreStoredAsTheForwardPredicate) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto tx = Begin(store.get());
    storage::Predicate t;
    t.name = "targets";
    t.inverse = "targeted-by";
    ValueOrDie(tx->DefinePredicate(t));
    ValueOrDie(tx->Commit());
  }
  Import(store.get(), "<urn:x:Japan> <urn:p:targeted-by> <urn:x:China> <urn:g:1> .\n");
  auto view = ValueOrDie(store->NewReadView());
  auto china = ValueOrDie(view->FindEntity("urn:x:China"));
  auto japan = ValueOrDie(view->FindEntity("urn:x:Japan"));
  auto targets = ValueOrDie(view->FindPredicate("targets"));
  EXPECT_EQ(ScanIds(*view, {china, targets.id, japan}).size(), 1u);
  EXPECT_FALSE(view->FindPredicate("targeted-by").ok());
}

TEST(NQuadsImport, ARejectedLineFailsTheWholeImportByDefault) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  std::string text = std::string(kSample) +
                     "<urn:x:a> <urn:p:pact> \"12x\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
                     "<relative> <urn:p:pact> <urn:x:b> .\n";
  ImportSummary s = Import(store.get(), text);
  EXPECT_FALSE(s.committed);
  ASSERT_EQ(s.rejected.size(), 2u);
  EXPECT_EQ(s.rejected[0].line, 8u);
  EXPECT_NE(s.rejected[0].reason.find("xsd:integer"), std::string::npos) << s.rejected[0].reason;
  EXPECT_EQ(s.rejected[1].line, 9u);
  EXPECT_EQ(s.rejected[1].column, 1u);
  EXPECT_NE(s.rejected[1].reason.find("relative IRI"), std::string::npos);
  EXPECT_NE(FormatRejected(s).find("test.nq:9:1: relative IRI"), std::string::npos) << FormatRejected(s);
  // Nothing of it was kept.
  EXPECT_EQ(store->LastTx(), 0u);
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_TRUE(ValueOrDie(view->ListEntities()).empty());
}

TEST(NQuadsImport, SkipInvalidKeepsTheValidLinesOnly) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ImportOptions o;
  o.skip_invalid = true;
  ImportSummary s = Import(store.get(),
                           "<urn:x:a> <urn:p:pact> <urn:x:b> .\n"
                           "<urn:x:lonely> <urn:p:1bad> <urn:x:c> .\n"
                           "<urn:x:c> <urn:p:pact> <urn:x:d> .\n",
                           o);
  EXPECT_TRUE(s.committed);
  EXPECT_EQ(s.claims, 2u);
  ASSERT_EQ(s.rejected.size(), 1u);
  EXPECT_EQ(s.rejected[0].line, 2u);
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ScanIds(*view, {}).size(), 2u);
  // The rejected line left no entity behind.
  EXPECT_EQ(view->FindEntity("urn:x:lonely").status().code(), StatusCode::kNotFound);
}

TEST(NQuadsImport, ReimportingTheSameFileAddsNoDuplicateClaims) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Import(store.get(), kSample);
  ImportSummary again = Import(store.get(), kSample);
  EXPECT_EQ(again.claims, 0u);
  EXPECT_EQ(again.duplicates, 5u);
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ScanIds(*view, {}).size(), 5u);
}

TEST(NQuadsImport, ExportThenImportRoundTrips) {
  TempDir a, b;
  auto first = OpenStore(a.path());
  Import(first.get(), kSample);
  std::string exported = Export(first.get());
  EXPECT_EQ(std::count(exported.begin(), exported.end(), '\n'), 5);
  auto second = OpenStore(b.path());
  ImportSummary s = Import(second.get(), exported);
  EXPECT_TRUE(s.rejected.empty()) << FormatRejected(s);
  EXPECT_EQ(Export(second.get()), exported);
}

TEST(NQuadsImport, BulkPathGivesTheSameStore) {
  TempDir a, b;
  auto online = OpenStore(a.path());
  auto bulk = OpenStore(b.path());
  Import(online.get(), kSample);
  ImportOptions o;
  o.bulk = true;
  Import(bulk.get(), kSample, o);
  EXPECT_EQ(Export(online.get()), Export(bulk.get()));
  EXPECT_TRUE(ValueOrDie(bulk->VerifyLog()).ok);
}

// A store with an inverse name and a symmetric predicate, for the files below.
std::unique_ptr<storage::ClaimStore> StoreWithVocabulary(const std::string& dir) {
  auto store = OpenStore(dir);
  auto tx = Begin(store.get());
  storage::Predicate targets;
  targets.name = "targets";
  targets.inverse = "targeted-by";
  ValueOrDie(tx->DefinePredicate(targets));
  storage::Predicate pact;
  pact.name = "pact";
  pact.symmetric = true;
  ValueOrDie(tx->DefinePredicate(pact));
  ValueOrDie(tx->Commit());
  return store;
}

// Many batches of the import's pipeline (2,048 lines each), names first met
// all along the file, blank nodes, percent-encoded and plain IRIs, the default
// graph, typed literals, an inverse name, a symmetric predicate written both
// ways, repeated lines, comments.
std::string MixedQuads(int lines) {
  std::string out;
  for (int i = 0; i < lines; ++i) {
    const int s = (i * 7919) % 997 + i / 100, o = (i * 104729 + 13) % 1009;
    std::string subject = i % 11 == 0 ? "_:b" + std::to_string(s % 50) : "<urn:x:e" + std::to_string(s) + ">";
    std::string predicate = i % 13 == 0 ? "<urn:p:targeted-by>"
                            : i % 19 == 0 ? "<urn:p:pact>"
                                          : "<urn:p:p" + std::to_string(i % 7) + ">";
    std::string object = i % 17 == 0 && i % 13 != 0
                             ? "\"" + std::to_string(i % 5) + "\"^^<http://www.w3.org/2001/XMLSchema#integer>"
                             : "<urn:claimgraph:entity:E%20" + std::to_string(o) + ">";
    std::string graph = i % 5 == 0 ? "" : " <urn:g:" + std::to_string(i % 23) + ">";
    if (i % 29 == 0) out += "# comment\n\n";
    out += subject + " " + predicate + " " + object + graph + " .\n";
    if (i % 31 == 0) out += subject + " " + predicate + " " + object + graph + " .\n";  // the same claim again
    if (i % 19 == 0 && object[0] == '<')
      out += object + " " + predicate + " " + subject + graph + " .\n";  // pact read the other way: the same claim
  }
  return out;
}

// Every claim by id (triple, source, method) and every entity by id: what a
// second path must give the same.
std::string Snapshot(storage::ClaimStore* store) {
  auto view = ValueOrDie(store->NewReadView());
  std::string out;
  for (const auto& e : ValueOrDie(view->ListEntities())) out += "entity " + std::to_string(e.id) + " " + e.name + "\n";
  for (storage::ClaimId id = 1;; ++id) {
    auto c = view->GetClaim(id);
    if (!c.ok()) break;
    out += "claim " + std::to_string(id) + " " + std::to_string(c->subject) + " " + std::to_string(c->predicate) +
           " " + std::to_string(c->object) + " " + std::to_string(c->source) + " " + c->method + "\n";
  }
  return out + Export(store);
}

std::string Rejections(const ImportSummary& s) {
  std::string out;
  for (const auto& r : s.rejected)
    out += r.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column) + ": " + r.reason + "\n";
  return out;
}

// One text imported into two fresh stores with the same options: through
// numbered terms (the importer's way) and line by line (TEST_whole_lines).
struct ImportedBothWays {
  ImportedBothWays(const std::string& text, ImportOptions o)
      : numbered(StoreWithVocabulary(a.path())), whole(StoreWithVocabulary(b.path())) {
    fast = Import(numbered.get(), text, o);
    o.TEST_whole_lines = true;
    slow = Import(whole.get(), text, o);
  }
  TempDir a, b;
  std::unique_ptr<storage::ClaimStore> numbered, whole;
  ImportSummary fast, slow;
};

TEST(NQuadsImport, NumberedTermsGiveTheSameClaimsAndIdsAsLineByLine) {
  const std::string text = MixedQuads(12000);
  for (bool bulk : {false, true}) {
    ImportOptions o;
    o.bulk = bulk;
    ImportedBothWays both(text, o);
    const ImportSummary &fast = both.fast, &slow = both.slow;
    auto &numbered = both.numbered, &whole = both.whole;
    ASSERT_TRUE(fast.committed) << FormatRejected(fast);
    EXPECT_EQ(fast.lines, slow.lines);
    EXPECT_EQ(fast.claims, slow.claims);
    EXPECT_GT(fast.claims, 11000u);
    EXPECT_EQ(fast.duplicates, slow.duplicates);
    EXPECT_GT(fast.duplicates, 600u);  // repeated lines and pact both ways
    EXPECT_EQ(fast.defined.entities, slow.defined.entities);
    EXPECT_EQ(fast.defined.first_entities, slow.defined.first_entities);
    EXPECT_EQ(fast.defined.predicates, slow.defined.predicates);
    EXPECT_EQ(Snapshot(numbered.get()), Snapshot(whole.get())) << "bulk " << bulk;
    EXPECT_TRUE(ValueOrDie(numbered->VerifyLog()).ok);
  }
}

// Every source's claims through the by_source index (what FROM SOURCE reads),
// which neither Snapshot nor VerifyIndexes looks at.
std::string BySource(storage::ClaimStore* store) {
  auto view = ValueOrDie(store->NewReadView());
  std::string out;
  for (storage::SourceId s = 1;; ++s) {
    auto source = view->GetSource(s);
    if (!source.ok()) break;
    out += "source ";
    out += std::to_string(s);
    out += ":";
    for (storage::ClaimId c : ValueOrDie(view->ClaimsBySource(s))) {
      out += " ";
      out += std::to_string(c);
    }
    out += "\n";
  }
  return out;
}

// The same text bulk-imported into `tiny` with a 64 KiB budget (every sort
// and the duplicate rule's table spill) and into `big` with 1 GiB (nothing does).
std::pair<ImportSummary, ImportSummary> ImportInTinyAndBigBudgets(storage::ClaimStore* tiny, storage::ClaimStore* big,
                                                                  const std::string& text,
                                                                  size_t tiny_budget = 64 << 10) {
  ImportOptions o;
  o.bulk = true;
  o.memory_budget = tiny_budget;
  ImportSummary spilled = Import(tiny, text, o);
  o.memory_budget = 1 << 30;
  return {std::move(spilled), Import(big, text, o)};
}

// A budget so small that every sort spills dozens of runs (and the runs are
// merged in more than one pass) gives the store a budget that holds
// everything gives: the same claims, ids, entities, index entries and
// by_source entries.
TEST(NQuadsImport, ATinyMemoryBudgetGivesTheSameStoreAsABigOne) {
  const std::string text = MixedQuads(20000);
  TempDir a, b;
  auto tiny = StoreWithVocabulary(a.path());
  auto big = StoreWithVocabulary(b.path());
  const auto [spilled, held] = ImportInTinyAndBigBudgets(tiny.get(), big.get(), text);
  ASSERT_TRUE(spilled.committed) << FormatRejected(spilled);
  ASSERT_TRUE(held.committed) << FormatRejected(held);
  EXPECT_GT(spilled.runs_spilled, 4u * 64u);  // more runs than one merge reads at once
  EXPECT_EQ(held.runs_spilled, 0u);
  EXPECT_GT(spilled.names_spilled, 1000u) << "the new names were spilled and read back";
  EXPECT_EQ(held.names_spilled, 0u);
  EXPECT_EQ(spilled.claims, held.claims);
  EXPECT_GT(spilled.claims, 18000u);
  EXPECT_EQ(spilled.duplicates, held.duplicates);
  EXPECT_EQ(Snapshot(tiny.get()), Snapshot(big.get()));
  EXPECT_EQ(BySource(tiny.get()), BySource(big.get()));
  EXPECT_NE(BySource(tiny.get()).find("source 2: "), std::string::npos);
  for (auto* store : {tiny.get(), big.get()}) {
    storage::AuditReport log = ValueOrDie(store->VerifyLog());
    EXPECT_TRUE(log.ok) << log.problem;
    storage::AuditReport indexes = ValueOrDie(store->VerifyIndexes());
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(a.path()) / "bulk-import.tmp"));
}

// Duplicates far apart — the whole input twice, so each claim of the second
// half repeats one asserted thousands of claims (and, in a tiny budget,
// hundreds of spilled identity runs) before — are found as with a budget that
// holds everything; importing the file again into either store writes nothing.
TEST(NQuadsImport, DuplicatesAcrossSpilledIdentitiesAreFoundAsInABigBudget) {
  const std::string once = MixedQuads(8000);
  const std::string text = once + once;
  TempDir a, b;
  auto tiny = StoreWithVocabulary(a.path());
  auto big = StoreWithVocabulary(b.path());
  const auto [spilled, held] = ImportInTinyAndBigBudgets(tiny.get(), big.get(), text);
  ASSERT_TRUE(spilled.committed) << FormatRejected(spilled);
  ASSERT_TRUE(held.committed) << FormatRejected(held);
  EXPECT_EQ(spilled.claims, held.claims);
  EXPECT_EQ(spilled.duplicates, held.duplicates);
  EXPECT_EQ(spilled.lines, held.lines);
  EXPECT_GT(spilled.duplicates, spilled.claims);  // the second half is all duplicates
  EXPECT_EQ(Snapshot(tiny.get()), Snapshot(big.get()));
  EXPECT_EQ(Export(tiny.get()), Export(big.get()));
  for (auto* store : {tiny.get(), big.get()}) {
    const std::string before = Snapshot(store);
    ImportOptions o;
    o.bulk = true;
    o.memory_budget = 64 << 10;
    const ImportSummary again = Import(store, once, o);
    EXPECT_EQ(again.claims, 0u);
    EXPECT_EQ(again.duplicates, (spilled.claims + spilled.duplicates) / 2);  // every claim line of one half
    EXPECT_EQ(Snapshot(store), before);  // nothing new
    storage::AuditReport indexes = ValueOrDie(store->VerifyIndexes());
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(a.path()) / "bulk-import.tmp"));
}

// More names than the importer's memos hold (they are emptied at 65,536
// spellings: engine/write_names.h, codec/nquads/quad_claim.h), each met again
// long after its memo entry was dropped: every name is still one entity, and
// a small budget and a big one give the same store. The small one is 4 MiB,
// a quarter of what the name tables would hold: they spill, and so do the
// sorts (~800 runs). At
// 64 KiB, as the tests above use, they spilled ~140,000 runs of a few rows,
// which said nothing more and took minutes under the sanitizers.
TEST(NQuadsImport, NamesBeyondTheMemosStillResolveToOneEntityEach) {
  const int names = 34000;  // of each kind: 68,000 spellings and IRIs, past the memos' 65,536
  std::string text;
  for (int i = 0; i < 2 * names; ++i)
    text += "<urn:x:e" + std::to_string(i % names) + "> <urn:p:p1> <urn:claimgraph:entity:E%20" +
            std::to_string((i * 3 + 1) % names) + "> <urn:g:" + std::to_string(i % 5) + "> .\n";
  TempDir a, b;
  auto tiny = StoreWithVocabulary(a.path());
  auto big = StoreWithVocabulary(b.path());
  const auto [spilled, held] = ImportInTinyAndBigBudgets(tiny.get(), big.get(), text, 4 << 20);
  ASSERT_TRUE(spilled.committed) << FormatRejected(spilled);
  EXPECT_GT(spilled.names_spilled, 30000u);  // most of the 68,000 names went to disk and were read back
  EXPECT_EQ(held.names_spilled, 0u);
  EXPECT_GT(spilled.runs_spilled, 100u);
  EXPECT_EQ(held.runs_spilled, 0u);
  EXPECT_EQ(spilled.defined.entities, 2u * names);  // e<n> and "E <n>", each once
  EXPECT_EQ(spilled.duplicates, 1u * names);  // the second pass repeats the first (34,000 lines are 0 mod 5)
  EXPECT_EQ(spilled.claims, 1u * names);
  EXPECT_EQ(spilled.claims, held.claims);
  EXPECT_EQ(spilled.defined.entities, held.defined.entities);
  auto view = ValueOrDie(tiny->NewReadView());
  EXPECT_EQ(ValueOrDie(view->ListEntities()).size(), 2u * names);
  EXPECT_EQ(Snapshot(tiny.get()), Snapshot(big.get()));
  storage::AuditReport log = ValueOrDie(tiny->VerifyLog());
  EXPECT_TRUE(log.ok) << log.problem;
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(a.path()) / "bulk-import.tmp"));
}

// One memory account for the whole import (base/memory_account.h): the tables
// of new names, the term numbering and the duplicate rule's table each hold
// at most their share of it and spill (or, the numbering, start again) past
// it. Three times as many claims, each bringing two new names, peak at what
// the smaller file peaks at plus the filters and sparse indexes of what they
// spilled (a few bytes a name), where the tables had held ~200 bytes a name;
// and they still give the store a budget that holds everything gives.
TEST(NQuadsImport, TheNameTablesStayInTheirSharesHoweverManyNamesArrive) {
  auto new_names = [](int claims) {
    std::string text;
    for (int i = 0; i < claims; ++i)
      text += "<urn:x:subject-with-a-longer-name-" + std::to_string(i) + "> <urn:p:p1> <urn:x:object-" +
              std::to_string(i) + "> <urn:g:" + std::to_string(i / 50) + "> .\n";
    return text;
  };
  ImportOptions o;
  o.bulk = true;
  o.memory_budget = 8 << 20;
  TempDir a, b, c;
  auto small_store = StoreWithVocabulary(a.path());
  auto large_store = StoreWithVocabulary(b.path());
  const ImportSummary small = Import(small_store.get(), new_names(30000), o);
  const std::string large_text = new_names(90000);
  const ImportSummary large = Import(large_store.get(), large_text, o);
  ASSERT_TRUE(small.committed) << FormatRejected(small);
  ASSERT_TRUE(large.committed) << FormatRejected(large);
  EXPECT_EQ(large.claims, 90000u);
  EXPECT_EQ(large.defined.entities, 180000u);
  EXPECT_GT(small.names_spilled, 0u);
  EXPECT_GT(large.names_spilled, 150000u) << "the names past the tables' shares are on disk";
  // Measured: ~22 bytes a further claim (two names, an identity, the filters
  // sized for twice what they hold when they were last rebuilt).
  EXPECT_LT(large.tables_peak_bytes, small.tables_peak_bytes + 32 * 60000)
      << small.tables_peak_bytes << " then " << large.tables_peak_bytes;
  // The same file in a budget that holds everything: the same store.
  auto big_store = StoreWithVocabulary(c.path());
  o.memory_budget = 1 << 30;
  const ImportSummary held = Import(big_store.get(), large_text, o);
  ASSERT_TRUE(held.committed) << FormatRejected(held);
  EXPECT_EQ(held.runs_spilled, 0u);
  EXPECT_EQ(held.names_spilled, 0u);
  EXPECT_GT(held.tables_peak_bytes, large.tables_peak_bytes + (16 << 20)) << "unbounded, the names are all held";
  EXPECT_EQ(Snapshot(large_store.get()), Snapshot(big_store.get()));
  EXPECT_EQ(BySource(large_store.get()), BySource(big_store.get()));
  storage::AuditReport log = ValueOrDie(large_store->VerifyLog());
  EXPECT_TRUE(log.ok) << log.problem;
  storage::AuditReport indexes = ValueOrDie(large_store->VerifyIndexes());
  EXPECT_TRUE(indexes.ok) << indexes.problem;
}

// A merge that fails part-way (a full disk, say) fails the import: nothing is
// written and no temporary file is left.
TEST(NQuadsImport, AFailedMergeWritesNothingAndLeavesNoTemporaryFiles) {
  const std::string text = MixedQuads(20000);
  TempDir d;
  auto store = StoreWithVocabulary(d.path());
  const auto tmp = std::filesystem::path(d.path()) / "bulk-import.tmp";
  // A killed import's leftovers: the next import clears them.
  std::filesystem::create_directories(tmp);
  std::ofstream(tmp / "spo-0.run") << "stale";
  ImportOptions o;
  o.bulk = true;
  o.memory_budget = 64 << 10;
  o.TEST_fail_merge_after = 5000;
  std::istringstream in(text);
  engine::Engine engine(store.get());
  Result<ImportSummary> failed = ImportNQuads(engine, {{"test.nq", &in}}, o);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("TEST: merge of"), std::string::npos) << failed.status().ToString();
  EXPECT_FALSE(std::filesystem::exists(tmp));
  EXPECT_EQ(store->LastTx(), 1u);  // the vocabulary's transaction only
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(view->GetClaim(1).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(ValueOrDie(view->ListEntities()).empty());
  storage::AuditReport indexes = ValueOrDie(store->VerifyIndexes());
  EXPECT_TRUE(indexes.ok) << indexes.problem;
  // The store takes the same import afterwards.
  o.TEST_fail_merge_after = 0;
  EXPECT_TRUE(Import(store.get(), text, o).committed);
  EXPECT_FALSE(std::filesystem::exists(tmp));
  EXPECT_EQ(store->LastTx(), 2u);
}

TEST(NQuadsImport, AnErrorInALaterBatchIsReportedAtItsLineAndNothingIsWritten) {
  std::string text = MixedQuads(10000);
  // Line numbers past the first batches: a syntax error, a predicate taken
  // for a typo (refused by the writer, so its terms get no ids), the same
  // typo again, and a term that names no entity.
  text += "<urn:x:e1> <urn:p:p1> <urn:x:e2> <urn:g:1>\n";
  text += "<urn:x:e1> <urn:p:pactt> <urn:x:new-one> <urn:g:1> .\n";
  text += "<urn:x:e3> <urn:p:pactt> <urn:x:new-one> <urn:g:2> .\n";
  text += "<urn:x:e3> <urn:p:p2> <urn:claimgraph:entity:%2D%2D> .\n";
  text += "<urn:x:e3> <urn:p:p2> <urn:x:new-one> .\n";
  const uint64_t last = std::count(text.begin(), text.end(), '\n');
  for (bool bulk : {false, true}) {
    ImportOptions o;
    o.bulk = bulk;
    ImportedBothWays both(text, o);
    const ImportSummary &fast = both.fast, &slow = both.slow;
    auto &numbered = both.numbered, &whole = both.whole;
    EXPECT_FALSE(fast.committed);
    ASSERT_EQ(fast.rejected.size(), 4u) << FormatRejected(fast);
    EXPECT_EQ(fast.rejected[0].line, last - 4);
    EXPECT_EQ(fast.rejected[0].column, 43u);
    EXPECT_NE(fast.rejected[0].reason.find("expected '.'"), std::string::npos) << fast.rejected[0].reason;
    EXPECT_EQ(fast.rejected[1].line, last - 3);
    EXPECT_NE(fast.rejected[1].reason.find("did you mean 'pact'"), std::string::npos) << fast.rejected[1].reason;
    EXPECT_EQ(fast.rejected[2].line, last - 2);
    EXPECT_EQ(fast.rejected[2].reason, fast.rejected[1].reason);
    EXPECT_EQ(fast.rejected[3].line, last - 1);
    EXPECT_EQ(fast.rejected[3].column, 23u);
    EXPECT_EQ(Rejections(fast), Rejections(slow));
    // Nothing was written, in either store.
    EXPECT_EQ(numbered->LastTx(), 1u);
    EXPECT_EQ(ValueOrDie(numbered->NewReadView())->GetClaim(1).status().code(), StatusCode::kNotFound);
    EXPECT_TRUE(ValueOrDie(ValueOrDie(numbered->NewReadView())->ListEntities()).empty());
    EXPECT_EQ(Snapshot(numbered.get()), Snapshot(whole.get()));
  }
}

// A rejected line leaves its new terms numbered but without ids; a later
// line that numbers nothing new still writes them, its other terms' names
// found again (the writer keeps no copy of an entity's name: it asks the
// transaction, here for "E 13" of MixedQuads' first line).
TEST(NQuadsImport, SkipInvalidOnNumberedTermsKeepsWhatLineByLineKeeps) {
  std::string text = MixedQuads(5000);
  text += "<urn:x:e1> <urn:p:pactt> <urn:x:new-one> <urn:g:1> .\n";
  text += "<urn:x:e1> <urn:p:p1> <urn:x:new-one> <urn:g:1> .\n";
  text += "<urn:x:e3> <urn:p:pactt> <urn:x:new-one> <urn:g:2> .\n";
  // An inverse reading, the default graph and a known entity beside a term
  // a rejected line numbered.
  text += "<urn:claimgraph:entity:E%2013> <urn:p:pactt> <urn:x:new-two> .\n";
  text += "<urn:x:new-two> <urn:p:targeted-by> <urn:claimgraph:entity:E%2013> .\n";
  text += MixedQuads(3000);
  ImportOptions o;
  o.skip_invalid = true;
  o.bulk = true;
  ImportedBothWays both(text, o);
  const ImportSummary &fast = both.fast, &slow = both.slow;
  auto &numbered = both.numbered, &whole = both.whole;
  EXPECT_TRUE(fast.committed);
  EXPECT_EQ(fast.rejected.size(), 3u);
  EXPECT_EQ(Rejections(fast), Rejections(slow));
  EXPECT_EQ(fast.claims, slow.claims);
  EXPECT_EQ(fast.duplicates, slow.duplicates);
  EXPECT_EQ(Snapshot(numbered.get()), Snapshot(whole.get()));
}

// The numbering forgets the terms not met again when it passes its share of
// a bulk import's budget and numbers the rest again (engine/io/quad_terms.h):
// a hundred frequent subjects survive every time, 30,000 objects do not, and
// a term only rejected lines have numbered survives with its name (the
// writing thread keeps it under its new number) until a valid line writes
// it. What is written, refused and counted is what reading line by line
// gives.
TEST(NQuadsImport, ForgottenAndRenumberedTermsKeepWhatLineByLineKeeps) {
  std::string text;
  for (int i = 0; i < 30000; ++i) {
    text += "<urn:x:hot-" + std::to_string(i % 100) + "> <urn:p:p1> <urn:x:obj-" + std::to_string(i) + "> <urn:g:" +
            std::to_string(i % 7) + "> .\n";
    if (i >= 5000 && i < 14000 && i % 1000 == 0)  // refused (a likely typo), its object numbered but never written
      text += "<urn:x:hot-3> <urn:p:pactt> <urn:x:late-one> <urn:g:1> .\n";
    if (i == 14500) text += "<urn:x:late-one> <urn:p:p1> <urn:x:hot-5> <urn:g:2> .\n";
  }
  ImportOptions o;
  o.skip_invalid = true;
  o.bulk = true;
  o.memory_budget = 1 << 20;  // the numbering's share, 256 KiB, holds ~4,000 terms
  ImportedBothWays both(text, o);
  const ImportSummary &fast = both.fast, &slow = both.slow;
  EXPECT_TRUE(fast.committed);
  EXPECT_EQ(fast.rejected.size(), 9u);
  EXPECT_EQ(Rejections(fast), Rejections(slow));
  EXPECT_EQ(fast.claims, 30001u);
  EXPECT_EQ(fast.claims, slow.claims);
  EXPECT_EQ(Snapshot(both.numbered.get()), Snapshot(both.whole.get()));
}

// Quads in the default graph (an N-Triples dump) through the numbering's
// forgetting: the first line's terms never come back, so the first term kept
// is the default graph, whose text is empty (a fresh arena once crashed on
// it). What is written is what reading line by line gives.
TEST(NQuadsImport, DefaultGraphTriplesThroughForgettingKeepWhatLineByLineKeeps) {
  std::string text = "<urn:x:a> <urn:p:once> <urn:x:b> .\n";
  for (int i = 0; i < 12000; ++i)
    text += "<urn:x:s" + std::to_string(i) + "> <urn:p:p1> <urn:x:o" + std::to_string(i) + "> .\n";
  ImportOptions o;
  o.bulk = true;
  o.memory_budget = 1 << 20;  // the numbering's share, 256 KiB, holds ~4,000 terms
  ImportedBothWays both(text, o);
  ASSERT_TRUE(both.fast.committed) << FormatRejected(both.fast);
  EXPECT_EQ(both.fast.claims, 12001u);
  EXPECT_EQ(both.fast.claims, both.slow.claims);
  EXPECT_EQ(Snapshot(both.numbered.get()), Snapshot(both.whole.get()));
}

// The importer reads a file through the same parser, line by line: every W3C
// negative case is refused there too, reported as file:line:column at the
// place the parser test pins.
using namespace codec;  // w3c::

class W3cNegativeImport : public ::testing::TestWithParam<w3c::SyntaxCase> {};
TEST_P(W3cNegativeImport, IsRejectedAsFileLineColumn) {
  const w3c::SyntaxCase& c = GetParam();
  TempDir dir;
  auto store = OpenStore(dir.path());
  ImportSummary s = Import(store.get(), std::string(c.document));
  EXPECT_FALSE(s.committed);
  ASSERT_EQ(s.rejected.size(), 1u) << FormatRejected(s);
  EXPECT_EQ(s.rejected[0].line, c.line);
  EXPECT_EQ(s.rejected[0].column, c.column);
  std::string where = "test.nq:" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": ";
  EXPECT_EQ(FormatRejected(s).rfind(where, 0), 0u) << FormatRejected(s);
  EXPECT_EQ(store->LastTx(), 0u);
}
INSTANTIATE_TEST_SUITE_P(W3c, W3cNegativeImport, ::testing::ValuesIn(w3c::kNegative),
                         [](const auto& info) { return std::string(info.param.name); });

// ... and every positive case is imported whole: nothing in the suite is
// refused for its syntax, nor for what the lines map to.
class W3cPositiveImport : public ::testing::TestWithParam<w3c::SyntaxCase> {};
TEST_P(W3cPositiveImport, IsImportedWhole) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  ImportSummary s = Import(store.get(), std::string(GetParam().document));
  EXPECT_TRUE(s.rejected.empty()) << FormatRejected(s);
  // A file of comments and blank lines writes nothing, so commits nothing.
  EXPECT_EQ(s.committed, s.claims > 0);
}
INSTANTIATE_TEST_SUITE_P(W3c, W3cPositiveImport, ::testing::ValuesIn(w3c::kPositive),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace claimgraph::io
