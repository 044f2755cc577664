// Claim files into the store: N-Quads (each quad a claim whose source is its
// graph; or nquads-prov, each claim a named graph with its provenance, when
// the file's first statement is one: codec/nquads/prov_claim.h) and JSON Lines
// claims (each line a claim with its provenance). The
// formats, and the line reader `claimgraph load` shares, are codec/ (claim_file.h,
// nquads/quad_claim.h, jsonl/jsonl_claim.h); this is the store's side,
// engine/io/claim_import.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "codec/claim_file.h"
#include "codec/nquads/quad_claim.h"
#include "engine/engine.h"
#include "engine/new_names.h"

namespace claimgraph::io {

struct InputFile {
  std::string name;  // for messages: "file.nq:12:5: ..."
  std::istream* in;
  codec::ClaimFileFormat format = codec::ClaimFileFormat::kNQuads;  // ImportClaimFiles reads each file as its own
};

// What a bulk import's sorts may hold in memory unless told otherwise
// (storage::kDefaultBulkMemoryBudget: this header is the server's, which
// sees no storage header).
inline constexpr size_t kDefaultImportMemoryBudget = size_t{512} << 20;

struct ImportOptions {
  std::string principal = "import";
  // false: any rejected line fails the whole import and nothing is kept.
  // true: valid lines are imported, rejected ones reported.
  bool skip_invalid = false;
  // Offline bulk path (sorted SST files); the store must have no other writer.
  bool bulk = false;
  // Bulk only: what the commit's sorts may hold in memory (storage::WriteOptions::bulk_memory_budget).
  size_t memory_budget = kDefaultImportMemoryBudget;
  // N-Quads in the default graph get this source.
  std::string default_source = std::string(codec::kDefaultSource);
  // Called every `progress_every` lines and once at the end of each stage.
  std::function<void(std::string_view stage, uint64_t done, uint64_t total)> progress;
  uint64_t progress_every = 100000;
  // Tests only: read plain N-Quads line by line into claims as JSONL is read
  // (codec::ClaimLineReader), not through numbered terms (quad_terms.h), so
  // that a test can compare the two.
  bool TEST_whole_lines = false;
  // Tests only: storage::WriteOptions::TEST_bulk_fail_merge_after.
  uint64_t TEST_fail_merge_after = 0;
};

struct RejectedLine {
  std::string file;
  uint64_t line = 0;
  uint64_t column = 0;  // 0 when the whole line is at fault (codec::LineError)
  std::string reason;
};

struct ImportSummary {
  uint64_t lines = 0;
  uint64_t claims = 0;          // claims asserted
  uint64_t retracted = 0;       // retractions restored (JSONL)
  uint64_t duplicates = 0;      // lines whose claim was live already, or earlier in the input (skipped)
  uint64_t deprecated = 0;      // claims deprecated again as the export recorded them (JSONL, nquads-prov)
  uint64_t deprecated_sources = 0;  // sources likewise (only sources this import created)
  engine::NewNames defined;     // predicates and entities this import created
  std::vector<RejectedLine> rejected;
  bool committed = false;       // false: nothing of this import was written
  engine::TxId tx = 0;         // the import's transaction (0 if none)
  double seconds = 0;
  double read_seconds = 0;     // of `seconds`, reading and resolving the lines (the rest: the commit)
  uint64_t runs_spilled = 0;   // bulk: sorted runs the commit spilled to temporary files
  uint64_t names_spilled = 0;  // bulk: new names the dictionary spilled to temporary files
  // Bulk: the most the tables that grow with the input (new names, term
  // numbering, the duplicate rule's) held at once, charged to the memory
  // account (base/memory_account.h); the sorters shared the rest.
  uint64_t tables_peak_bytes = 0;
};

// "file:12:5: reason" (codec::FormatLineError) for the first `limit` rejected
// lines, one per line: what `claimgraph load` prints for the same lines.
std::string FormatRejected(const ImportSummary& summary, size_t limit = 20);

// Imports every file, each in its own format, in ONE transaction. Without
// skip_invalid, a single rejected line in any file means nothing is written
// (summary.committed == false), as `claimgraph load` sends nothing. The
// Status is not OK only for I/O and storage failures. A retracted claim (a
// JSONL export's history) is restored with its retraction unless the store
// holds that very record already.
Result<ImportSummary> ImportClaimFiles(engine::Engine& engine, const std::vector<InputFile>& files,
                                       const ImportOptions& options);
// Every file read as N-Quads, or as JSONL, whatever its `format`.
Result<ImportSummary> ImportNQuads(engine::Engine& engine, const std::vector<InputFile>& files,
                                   const ImportOptions& options);
Result<ImportSummary> ImportJsonl(engine::Engine& engine, const std::vector<InputFile>& files,
                                  const ImportOptions& options);

}  // namespace claimgraph::io
