// claimgraphd's offline subcommands: they open the data directory directly
// (the server must not be running on it) and exit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "codec/nquads/quad_claim.h"
#include "engine/io/import.h"
#include "engine/query_result.h"

namespace claimgraph::server {

struct ImportCommand {
  std::string data_dir;
  std::vector<std::string> schema_files;
  std::vector<std::string> files;  // .nq/.nt (N-Quads, nquads-prov when its first statement is) or .jsonl (claims)
  bool skip_invalid = false;
  bool online = false;  // WriteBatch instead of SST ingest
  uint64_t memory_budget = io::kDefaultImportMemoryBudget;  // bytes; bulk only
  std::string principal = "import";
  std::string default_source = std::string(codec::kDefaultSource);
};
int RunImport(const ImportCommand& cmd);

struct ExportCommand {
  std::string data_dir;
  std::string format = "jsonl";  // jsonl | nquads | nquads-prov
  std::optional<uint64_t> as_of;
  std::string output = "-";
};
int RunExport(const ExportCommand& cmd);

struct QueryCommand {
  std::string data_dir;
  std::string format = "table";  // table | json | csv
  bool timing = false;
  std::string text;
  std::string file;  // when set, the statements of this file ("-": standard input) instead of `text`
  std::string principal = "local";
  uint64_t max_rows = engine::ExecuteOptions{}.max_rows;  // as `serve --max-rows`
};
// Runs one ClaimQL statement in-process; exit 1 with the diagnostic on stderr.
// With `file`, its statements in order, stopping at the first error, printed
// as "FILE:LINE:COLUMN: message" — the same text `claimgraph query -f` prints.
int RunQuery(const QueryCommand& cmd);

struct IngestCommand {
  std::string data_dir;
  std::string schema_file, rules_file;  // the gazetteer and the rules
  std::string manifest;                 // optional TSV with per-file title, publisher, published
  std::string source_key, title, publisher, published, url;  // override the manifest
  std::vector<std::string> files;
  bool dry_run = false;
  bool quiet = false;  // summary lines only
  bool explain = false;  // per claim: the rule, cue, clause and how the arguments were chosen
  std::string principal = "ingest";
};
// Extracts claims from articles and writes one transaction per document.
int RunIngest(const IngestCommand& cmd);

// With `indexes`, also the derived indexes against the claim records.
int RunVerify(const std::string& data_dir, bool indexes, bool evidence);
int RunStats(const std::string& data_dir);
// A snapshot of a stopped server's store (engine/snapshot.h) in `out_dir`.
int RunSnapshot(const std::string& data_dir, const std::string& out_dir);

}  // namespace claimgraph::server
