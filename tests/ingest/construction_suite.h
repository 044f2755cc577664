// The construction suite (tests/ingest/constructions/): short texts written
// for the suite from the analysts' target definitions, each with the claims an
// analyst records, run through the real pipeline with the generated gazetteer
// (examples/gazetteer.json, examples/ingest/rules.json). Shared by
// the per-entry tests (constructions_test.cc) and the figures
// (construction_figures_test.cc), which read the same runs.
//
// A claim is compared on subject, predicate, object (either order for a
// symmetric predicate) and modality. The same claim found twice in one text
// counts once. An expected claim's "time" is the text that dates it: such a
// claim matches only a claim found with a time expression that overlaps it as
// text (TimesOverlap); without one, or with another, it is a different claim
// (missing, and the claim found unexpected). An expected claim without a time
// does not look at the claim's.
#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "engine/ingest/pipeline.h"

namespace claimgraph::ingest::testing {

struct SuiteClaim {
  std::string subject, predicate, object, modality;
  std::string time;  // optional; compared when given
};

struct SuiteEntry {
  std::string id;                          // [a-z0-9_]+, the test's name
  std::vector<std::string> constructions;  // tags: "passive", "anaphora", ...
  std::string split;                       // "dev" (rules may be tuned on it) or "eval" (never)
  std::string text;
  std::vector<SuiteClaim> expect;
};

// sentences.jsonl and known_misses.tsv, or why they could not be read (the
// file and line). The entries are loaded when the tests are registered, so a
// broken file must not throw there: it yields no entries and an error that
// ConstructionSuiteData.Loads reports.
struct Suite {
  std::vector<SuiteEntry> entries;
  std::map<std::string, std::string> known_misses;  // id -> reason
  std::string error;
};
const Suite& LoadedSuite();

// gtest prints a parameter with this: the id, not the struct's bytes.
inline void PrintTo(const SuiteEntry& entry, std::ostream* os) { *os << entry.id; }

// The canonical key of a claim: "subject predicate object [modality]", the
// participants of a symmetric predicate in sorted order.
std::string ClaimKey(const std::string& subject, const std::string& predicate, const std::string& object,
                     const std::string& modality);

// What the pipeline made of one entry, computed once per process.
struct EntryOutcome {
  std::set<std::string> expected, got;    // claim keys
  std::set<std::string> missing, unexpected;
  std::map<std::string, std::string> predicate_of;  // claim key -> predicate, for every key above
  std::vector<std::string> quotes;        // every claim as the pipeline wrote it, with its quote
  bool matches() const { return missing.empty() && unexpected.empty(); }
  std::string Diff() const;               // readable: missing, unexpected, what came out
};
const EntryOutcome& RunEntry(const SuiteEntry& entry);

// The time a claim was found with ("in 2025") and the time an entry states
// ("left ECOWAS in 2025") are the same when one contains the other, ignoring
// case; an empty found time matches nothing.
bool TimesOverlap(const std::string& found, const std::string& expected);

// The pipeline the suite runs: the generated gazetteer and its rules.
std::shared_ptr<const IngestPipeline> SuitePipeline();
// The predicates of examples/gazetteer.json and whether each is symmetric.
bool KnownPredicate(const std::string& predicate);
bool SymmetricPredicate(const std::string& predicate);

}  // namespace claimgraph::ingest::testing
