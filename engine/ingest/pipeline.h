// The ingestion pipeline: Document -> cleaned text (with its map back to the
// original) -> sentences -> entity mentions -> candidate claims -> claims.
// Immutable once built, so one pipeline serves concurrent requests.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ingest/cleaned_text.h"
#include "engine/ingest/extractor.h"
#include "engine/ingest/mentions.h"
#include "engine/ingest/rules.h"
#include "engine/ingest/sentences.h"
#include "engine/io/schema.h"
#include "base/modality.h"

namespace claimgraph::ingest {

// A time expression kept with a claim. IngestDocument stores from/to as the
// claim's valid time when they pass base::CheckValidTime; ingest prints it.
struct ClaimTime {
  std::string text;      // as written: "in July 2013", "during the Cold War"; "" = none
  std::string from, to;  // ISO 8601, possibly partial ("2013-07"); "" = open or unknown
};

// Why the rules made a claim, for review (`ingest --explain`).
struct ClaimExplanation {
  std::string clause;                       // the cue's clause, as written
  uint64_t clause_begin = 0, clause_end = 0;  // its bytes in the ORIGINAL text
  std::string subject_choice, object_choice;  // how the argument pattern chose them
  std::string modality_reason;
};

struct ExtractedClaim {
  std::string subject, predicate, object;  // canonical entity names
  base::Modality modality = base::Modality::kAsserted;
  double confidence = 0;
  uint64_t span_begin = 0, span_end = 0;  // byte offsets into the ORIGINAL text
  std::string quote;                      // exactly original[span_begin, span_end)
  std::string cue;                        // the cue as written
  std::string rule;                       // "<relation id>.<pattern>": "shares-intel.between"
  // The participants the evidence names by a former name, as written there
  // ("USSR" for Russia), in text order. The method says so too.
  std::vector<std::string> former_names;
  // "rules:<version>/<rule>:<cue>": "rules:2/shares-intel.between:intelligence-sharing", and for a claim
  // with former names "...; \"USSR\" read as Russia (former name)", so that the stored claim keeps that
  // the text spoke of the older state.
  std::string method;
  ClaimTime time;
  ClaimExplanation explanation;  // filled when Extract is asked to explain
};

struct Extraction {
  CleanedText cleaned;
  size_t sentences = 0;
  size_t mentions = 0;
  std::vector<ExtractedClaim> claims;
};

class IngestPipeline {
 public:
  IngestPipeline(const io::Schema& schema, IngestRules rules);
  IngestPipeline(const IngestPipeline&) = delete;
  IngestPipeline& operator=(const IngestPipeline&) = delete;

  // `explain`: fill each claim's explanation (its clause and how its
  // arguments were chosen), which costs a few copies per claim; the rule,
  // method and time are always there.
  Extraction Extract(std::string_view original, bool explain = false) const;

  // The stages, for tests and tools.
  const BoilerplateFilter& boilerplate() const { return boilerplate_; }
  const SentenceSplitter& sentence_splitter() const { return splitter_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  const ListBuilder& list_builder() const { return lists_; }
  const std::string& method() const { return method_; }  // "rules:<version>", the prefix of every claim's method

 private:
  IngestRules rules_;
  BoilerplateFilter boilerplate_;
  SentenceSplitter splitter_;
  Gazetteer gazetteer_;
  ListBuilder lists_;
  RelationExtractor extractor_;
  std::string method_;
};

// Reads the schema (examples/schema.json) and rules (examples/ingest/rules.json) files.
Result<std::shared_ptr<const IngestPipeline>> LoadIngestPipeline(const std::string& schema_path,
                                                                 const std::string& rules_path);

}  // namespace claimgraph::ingest
