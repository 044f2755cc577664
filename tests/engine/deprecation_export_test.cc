// Deprecation survives an export: JSONL and nquads-prov record each claim's
// own deprecation and its source's as of the export, an import into an empty
// store (online and bulk) hides exactly what the exporting store hid, and
// export -> import -> export reproduces the bytes. Plain N-Quads, which can
// say neither, holds only what queries answer. An import back into the
// store it came from changes no mark; a malformed deprecation is refused at
// its line with nothing written.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/io/export.h"
#include "engine/io/import.h"
#include "engine/io/snapshot_export.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::io {
namespace {

using storage::Mark;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

ImportSummary Import(storage::ClaimStore* store, const std::string& text, const std::string& name, bool bulk) {
  std::istringstream in(text);
  engine::Engine engine(store);
  ImportOptions options;
  options.bulk = bulk;
  codec::ClaimFileFormat format = ValueOrDie(codec::ClaimFileFormatOf(name));
  return ValueOrDie(ImportClaimFiles(engine, {{name, &in, format}}, options));
}

std::string Export(storage::ClaimStore* store, ExportFormat format) {
  std::ostringstream out;
  auto view = ValueOrDie(store->NewReadView());
  if (format == ExportFormat::kJsonl) ValueOrDie(ExportJsonl(*view, out));
  else if (format == ExportFormat::kNQuadsProv) ValueOrDie(ExportNQuadsProv(*view, out));
  else ValueOrDie(ExportNQuads(*view, out));
  return out.str();
}

// What a store hides, claim by claim (ids agree between stores built by one
// import each into an empty store): id -> "" (visible), "claim: reason" or
// "source: reason".
std::vector<std::string> Hidden(storage::ClaimStore* store) {
  auto view = ValueOrDie(store->NewReadView());
  std::vector<std::string> out;
  Status st = view->ForEachClaim([&](const storage::Claim& c) {
    std::optional<Mark> m = view->DeprecationOf(c.id, c.source);
    out.push_back(!m ? std::string() : (m->target == Mark::Target::kClaim ? "claim: " : "source: ") + m->reason);
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

size_t MarkCount(storage::ClaimStore* store) {
  auto view = ValueOrDie(store->NewReadView());
  size_t n = 0;
  for (uint64_t id = 1; id <= 10; ++id)
    n += view->MarksOf(Mark::Target::kClaim, id).size() + view->MarksOf(Mark::Target::kSource, id).size();
  return n;
}

const char* kClaims =
    R"({"subject":"Japan","predicate":"pact","object":"United Kingdom","source":"s1","confidence":0.9})"
    "\n"
    R"({"subject":"China","predicate":"targets","object":"United States","source":"s1"})"
    "\n"
    R"({"subject":"India","predicate":"pact","object":"France","source":"s1"})"
    "\n"
    R"({"subject":"Russia","predicate":"targets","object":"Ukraine","source":"s2","source_title":"Tabloid"})"
    "\n"
    R"({"subject":"Iran","predicate":"targets","object":"Israel","source":"s2","retracted_tx":1,"retract_reason":"misread","retracted_by":"r","retracted_at":"2026-11-02T09:00:00Z"})"
    "\n"
    R"({"subject":"Peru","predicate":"pact","object":"Chile","source":"s3"})"
    "\n";

// Claims 1-6 from one import (tx 1); then claim 1 deprecated, claim 3
// deprecated and restored, source s2 deprecated, source s3 deprecated and
// restored.
std::unique_ptr<storage::ClaimStore> BuildOriginal(const std::string& dir) {
  auto store = OpenStore(dir);
  ImportSummary s = Import(store.get(), kClaims, "claims.jsonl", false);
  EXPECT_TRUE(s.committed) << FormatRejected(s);
  auto mark = [&](Mark::Target target, uint64_t id, bool deprecate, const std::string& reason) {
    auto tx = testing::Begin(store.get());
    ASSERT_TRUE(tx->SetDeprecated(target, id, deprecate, reason).ok());
    ValueOrDie(tx->Commit());
  };
  auto source_id = [&](const std::string& key) {
    return ValueOrDie(ValueOrDie(store->NewReadView())->FindSource(key)).id;
  };
  mark(Mark::Target::kClaim, 1, true, "single anonymous source");
  mark(Mark::Target::kClaim, 3, true, "looked doubtful");
  mark(Mark::Target::kClaim, 3, false, "");
  mark(Mark::Target::kSource, source_id("s2"), true, "outlet \"discredited\"");
  mark(Mark::Target::kSource, source_id("s3"), true, "under review");
  mark(Mark::Target::kSource, source_id("s3"), false, "");
  return store;
}

const std::vector<std::string> kExpectedHidden = {
    "claim: single anonymous source", "", "", "source: outlet \"discredited\"", "source: outlet \"discredited\"", ""};

TEST(DeprecationExport, JsonlRecordsTheClaimsAndTheSourcesDeprecationAsOfTheExport) {
  TempDir a;
  auto original = BuildOriginal(a.path());
  ASSERT_EQ(Hidden(original.get()), kExpectedHidden);
  std::string e = Export(original.get(), ExportFormat::kJsonl);
  std::vector<std::string> lines;
  std::istringstream in(e);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_NE(lines[0].find(R"("deprecated_tx":2,"deprecate_reason":"single anonymous source")"), std::string::npos)
      << lines[0];
  for (size_t i : {1u, 2u, 5u}) EXPECT_EQ(lines[i].find("deprecat"), std::string::npos) << lines[i];  // restored: no mark
  // Both claims of s2, the retracted one too; a retracted claim carries no mark of its own.
  for (size_t i : {3u, 4u}) {
    EXPECT_NE(lines[i].find(R"("source_deprecated_tx":5,"source_deprecate_reason":"outlet \"discredited\"")"),
              std::string::npos)
        << lines[i];
    EXPECT_EQ(lines[i].find(R"("deprecated_tx")"), std::string::npos) << lines[i];
  }
  // As of tx 1 nothing was deprecated yet.
  std::ostringstream before;
  ValueOrDie(ExportJsonl(*ValueOrDie(original->NewReadView(1)), before));
  EXPECT_EQ(before.str().find("deprecat"), std::string::npos);
}

TEST(DeprecationExport, ImportIntoAnEmptyStoreHidesWhatTheExportingStoreHid) {
  TempDir a;
  auto original = BuildOriginal(a.path());
  for (ExportFormat format : {ExportFormat::kJsonl, ExportFormat::kNQuadsProv}) {
    const std::string name = format == ExportFormat::kJsonl ? "e.jsonl" : "e.nq";
    const std::string e1 = Export(original.get(), format);
    for (bool bulk : {false, true}) {
      SCOPED_TRACE(name + (bulk ? " bulk" : " online"));
      TempDir b, c;
      auto second = OpenStore(b.path());
      ImportSummary s = Import(second.get(), e1, name, bulk);
      ASSERT_TRUE(s.committed) << FormatRejected(s);
      EXPECT_EQ(s.claims, 6u);
      EXPECT_EQ(s.retracted, 1u);
      EXPECT_EQ(s.deprecated, 1u);
      EXPECT_EQ(s.deprecated_sources, 1u);
      EXPECT_EQ(Hidden(second.get()), kExpectedHidden);
      EXPECT_TRUE(ValueOrDie(second->VerifyLog()).ok);
      // Plain N-Quads of both stores: the same visible graph (claims 2, 3, 6).
      const std::string visible = Export(original.get(), ExportFormat::kNQuads);
      EXPECT_EQ(Export(second.get(), ExportFormat::kNQuads), visible);
      EXPECT_EQ(std::count(visible.begin(), visible.end(), '\n'), 3);
      EXPECT_EQ(visible.find("Japan"), std::string::npos);
      EXPECT_EQ(visible.find("Russia"), std::string::npos);
      // Both later stores were built by one import into an empty store: the
      // same bytes (the marks' transactions are the import's).
      const std::string e2 = Export(second.get(), format);
      auto third = OpenStore(c.path());
      ASSERT_TRUE(Import(third.get(), e2, name, bulk).committed);
      EXPECT_EQ(Export(third.get(), format), e2);
    }
  }
}

TEST(DeprecationExport, ImportBackIntoTheSameStoreChangesNoMark) {
  TempDir a;
  auto original = BuildOriginal(a.path());
  const size_t marks = MarkCount(original.get());
  ASSERT_EQ(marks, 6u);
  // Its own export: every claim a duplicate (the retracted one that very
  // record), so nothing is written and no mark changes.
  const std::string e = Export(original.get(), ExportFormat::kJsonl);
  ImportSummary again = Import(original.get(), e, "e.jsonl", false);
  EXPECT_TRUE(again.rejected.empty()) << FormatRejected(again);
  EXPECT_FALSE(again.committed);  // nothing to write
  EXPECT_EQ(again.duplicates, 6u);
  EXPECT_EQ(MarkCount(original.get()), marks);
  EXPECT_EQ(Hidden(original.get()), kExpectedHidden);
  // s3's restore is the store's own act: a file saying s3 is deprecated does
  // not overrule it, nor a live duplicate's state; a new claim the file
  // records as deprecated is deprecated.
  const std::string lines =
      R"({"subject":"Peru","predicate":"pact","object":"Chile","source":"s3","deprecated_tx":9,"deprecate_reason":"x","source_deprecated_tx":9,"source_deprecate_reason":"y"})"
      "\n"
      R"({"subject":"Peru","predicate":"pact","object":"Bolivia","source":"s3","source_deprecated_tx":9,"source_deprecate_reason":"y"})"
      "\n"
      R"({"subject":"Peru","predicate":"targets","object":"Bolivia","source":"s3","deprecated_tx":9,"deprecate_reason":"z"})"
      "\n";
  ImportSummary s = Import(original.get(), lines, "more.jsonl", false);
  ASSERT_TRUE(s.committed) << FormatRejected(s);
  EXPECT_EQ(s.claims, 2u);
  EXPECT_EQ(s.duplicates, 1u);
  EXPECT_EQ(s.deprecated, 1u);
  EXPECT_EQ(s.deprecated_sources, 0u);
  std::vector<std::string> expected = kExpectedHidden;
  expected.push_back("");          // Peru pact Bolivia: s3 stays restored
  expected.push_back("claim: z");  // Peru targets Bolivia
  EXPECT_EQ(Hidden(original.get()), expected);
  EXPECT_EQ(MarkCount(original.get()), marks + 1);
}

TEST(DeprecationExport, AMalformedDeprecationIsRefusedAtItsLineAndNothingIsWritten) {
  const std::string good = R"({"subject":"A","predicate":"pact","object":"B","source":"s")";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {good + R"(,"deprecated_tx":3})", R"("deprecated_tx" needs a non-empty "deprecate_reason")"},
      {good + R"(,"deprecate_reason":"why"})", R"("deprecate_reason" is given but "deprecated_tx" is not)"},
      {good + R"(,"deprecated_tx":0,"deprecate_reason":"why"})", "must be a transaction (1 or more) or null"},
      {good + R"(,"source_deprecated_tx":"2","source_deprecate_reason":"why"})", "must be a transaction"},
      {good + R"(,"source_deprecated_tx":2})", R"("source_deprecated_tx" needs a non-empty)"},
      {good + R"(,"retracted_tx":2,"deprecated_tx":3,"deprecate_reason":"why"})", "cannot also be deprecated"},
  };
  for (const auto& [line, expected] : cases) {
    SCOPED_TRACE(line);
    TempDir dir;
    auto store = OpenStore(dir.path());
    ImportSummary s = Import(store.get(), good + "}\n" + line + "\n", "c.jsonl", false);
    EXPECT_FALSE(s.committed);
    ASSERT_EQ(s.rejected.size(), 1u);
    EXPECT_EQ(s.rejected[0].line, 2u);
    EXPECT_NE(s.rejected[0].reason.find(expected), std::string::npos) << s.rejected[0].reason;
    EXPECT_EQ(ValueOrDie(store->NewReadView())->last_tx(), 0u);
  }
  // nquads-prov: a reason without its transaction, for a claim and a source.
  const std::string triple = "<urn:claimgraph:entity:A> <urn:claimgraph:predicate:pact> <urn:claimgraph:entity:B> "
                             "<urn:claimgraph:claim:1> .\n";
  const std::string derived = "<urn:claimgraph:claim:1> <http://www.w3.org/ns/prov#wasDerivedFrom> "
                              "<urn:claimgraph:source:s> .\n";
  for (const std::string& extra :
       {std::string("<urn:claimgraph:claim:1> <urn:claimgraph:vocab:deprecateReason> \"why\" .\n"),
        std::string("<urn:claimgraph:source:s> <urn:claimgraph:vocab:deprecatedInTransaction> "
                    "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")}) {
    SCOPED_TRACE(extra);
    TempDir dir;
    auto store = OpenStore(dir.path());
    ImportSummary s = Import(store.get(), triple + derived + extra, "c.nq", false);
    EXPECT_FALSE(s.committed);
    ASSERT_EQ(s.rejected.size(), 1u);
    EXPECT_NE(s.rejected[0].reason.find("go together"), std::string::npos) << s.rejected[0].reason;
    EXPECT_EQ(ValueOrDie(store->NewReadView())->last_tx(), 0u);
  }
}

}  // namespace
}  // namespace claimgraph::io
