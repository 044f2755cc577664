#include "server/offline_commands.h"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "codec/claim_file.h"
#include "codec/format/result_format.h"
#include "codec/script/run_script.h"
#include "engine/engine.h"
#include "engine/io/export.h"
#include "engine/io/import.h"
#include "engine/io/schema.h"
#include "engine/snapshot.h"
#include "server/progress.h"

namespace claimgraph::server {
namespace {

int Fail(const Status& s) {
  std::cerr << "error: " << s.ToString() << "\n";
  return 1;
}

Result<std::unique_ptr<engine::Engine>> OpenExisting(const std::string& dir, bool read_only) {
  engine::OpenOptions o;
  o.create_if_missing = false;
  o.read_only = read_only;
  return engine::Engine::Open(dir, o);
}

}  // namespace

int RunImport(const ImportCommand& cmd) {
  auto opened = engine::Engine::Open(cmd.data_dir, engine::OpenOptions{});
  if (!opened.ok()) return Fail(opened.status());
  engine::Engine& engine = **opened;

  for (const auto& path : cmd.schema_files) {
    auto tx = io::ApplySchemaFile(engine, path, cmd.principal);
    if (!tx.ok()) return Fail(tx.status());
    std::cout << (*tx ? fmt::format("schema {}: applied in tx {}\n", path, *tx)
                      : fmt::format("schema {}: nothing new, the store has all of it\n", path));
  }

  // Every file in one transaction, each read in its own format: a bad line
  // in any of them means nothing is imported, as `claimgraph load` sends nothing.
  std::vector<std::unique_ptr<std::ifstream>> streams;
  std::vector<io::InputFile> inputs;
  for (const auto& f : cmd.files) {
    // The same rule as `claimgraph load` (codec/claim_file.h).
    Result<codec::ClaimFileFormat> format = codec::ClaimFileFormatOf(f);
    if (!format.ok()) return Fail(format.status());
    streams.push_back(std::make_unique<std::ifstream>(f, std::ios::binary));
    if (!*streams.back()) return Fail(Status::NotFound("cannot read " + f));
    inputs.push_back({f, streams.back().get(), *format});
  }
  if (inputs.empty()) return 0;
  ProgressReporter progress("import");
  io::ImportOptions options;
  options.principal = cmd.principal;
  options.skip_invalid = cmd.skip_invalid;
  options.bulk = !cmd.online;
  options.memory_budget = cmd.memory_budget;
  options.default_source = cmd.default_source;
  options.progress = [&](std::string_view stage, uint64_t done, uint64_t total) {
    progress.Update(stage, done, total);
  };
  auto result = io::ImportClaimFiles(engine, inputs, options);
  progress.Finish();
  if (!result.ok()) return Fail(result.status());
  const io::ImportSummary& s = *result;
  if (!s.rejected.empty()) std::cerr << io::FormatRejected(s);
  if (!s.committed && !s.rejected.empty()) {
    std::cerr << fmt::format("error: {} of {} lines rejected; nothing was imported (use --skip-invalid to import "
                             "the valid lines)\n",
                             s.rejected.size(), s.lines);
    return 1;
  }
  std::cout << fmt::format(
      "imported {} claims from {} lines of {} file(s) in {:.2f} s ({:.0f} claims/s); {} duplicates skipped, {} "
      "rejected; {}\n",
      s.claims, s.lines, inputs.size(), s.seconds, s.seconds > 0 ? s.claims / s.seconds : 0.0, s.duplicates,
      s.rejected.size(), s.tx ? fmt::format("tx {}", s.tx) : std::string("nothing written"));
  if (s.committed && (s.retracted || s.deprecated || s.deprecated_sources))
    std::cout << fmt::format("history restored from the export: {} retractions, {} claims and {} sources deprecated\n",
                             s.retracted, s.deprecated, s.deprecated_sources);
  if (options.bulk && s.committed)
    std::cout << fmt::format("phases: read {:.2f} s, sort/merge/ingest {:.2f} s; {} sorted runs and {} new names "
                             "spilled within a {} MiB memory budget (its tables of names and identities peaked at {} "
                             "MiB)\n",
                             s.read_seconds, s.seconds - s.read_seconds, s.runs_spilled, s.names_spilled,
                             cmd.memory_budget >> 20, s.tables_peak_bytes >> 20);
  for (const auto& line : engine::DescribeNewNames(s.defined)) std::cout << line << "\n";
  return s.rejected.empty() ? 0 : 2;  // 2: imported with --skip-invalid, but not everything
}

int RunExport(const ExportCommand& cmd) {
  auto engine = OpenExisting(cmd.data_dir, true);
  if (!engine.ok()) return Fail(engine.status());
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (cmd.output != "-") {
    file.open(cmd.output, std::ios::binary);
    if (!file) return Fail(Status::IOError("cannot write " + cmd.output));
    out = &file;
  }
  auto format = io::ParseExportFormat(cmd.format);
  if (!format.ok()) return Fail(format.status());
  auto exported = io::Export(**engine, *format, cmd.as_of, *out);
  if (!exported.ok()) return Fail(exported.status());
  out->flush();
  std::cerr << fmt::format("exported {} {} as of tx {}\n", exported->lines, io::ExportLineNoun(*format),
                           exported->as_of);
  return 0;
}

namespace {

// Streams json/csv rows as the engine produces them.
class StreamingPrinter : public engine::RowSink {
 public:
  explicit StreamingPrinter(std::string format) : format_(std::move(format)) {}
  Status Header(const std::vector<std::string>& columns, std::optional<engine::TxId>) override {
    columns_ = columns;
    if (format_ == "csv" && !columns.empty()) std::cout << codec::FormatCsvRow(columns) << "\n";
    return Status::Ok();
  }
  Status Row(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance) override {
    if (format_ == "json")
      std::cout << codec::FormatJsonRow(columns_, row, provenance.empty() ? nullptr : &provenance) << "\n";
    else
      std::cout << codec::FormatCsvRow(codec::CellsOf(row)) << "\n";
    return std::cout ? Status::Ok() : Status::IOError("writing output");
  }

 private:
  std::string format_;
  std::vector<std::string> columns_;
};

}  // namespace

int RunQuery(const QueryCommand& cmd) {
  auto opened = OpenExisting(cmd.data_dir, false);
  if (!opened.ok()) return Fail(opened.status());
  engine::Engine& engine = **opened;
  engine::ExecuteOptions options;
  options.principal = cmd.principal;
  options.max_rows = cmd.max_rows;
  StreamingPrinter printer(cmd.format);
  // Prints one statement's result as `claimgraph query` would; returns its error unprinted.
  auto run = [&](std::string_view text) -> Status {
    auto started = std::chrono::steady_clock::now();
    auto result = engine.Execute(text, options, cmd.format == "table" ? nullptr : &printer);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!result.ok()) return result.status();
    for (const auto& w : result->warnings) std::cerr << "warning: " << w << "\n";
    // As `claimgraph query` prints it: no empty table above a statement's message.
    if (cmd.format == "table" && !result->columns.empty() && !(result->rows.empty() && !result->message.empty()))
      std::cout << codec::FormatTable(result->columns, result->rows, result->provenance,
                                      {0, result->with_provenance});
    if (!result->message.empty()) std::cerr << result->message << "\n";
    if (cmd.timing)
      std::cerr << fmt::format("time: {:.3f} ms (cpu {:.3f} ms), {} rows\n", ms, result->stats.cpu_ms, result->stats.rows);
    std::cout.flush();  // each statement's results as it finishes, not when a file ends
    return Status::Ok();
  };
  if (!cmd.file.empty()) return codec::RunScriptFile(cmd.file, run, std::cerr);
  Status status = run(cmd.text);
  if (!status.ok()) {
    std::cerr << "error: " << status.message() << "\n";
    return 1;
  }
  return 0;
}

int RunVerify(const std::string& data_dir, bool indexes, bool evidence) {
  auto engine = OpenExisting(data_dir, true);
  if (!engine.ok()) return Fail(engine.status());
  auto report = (*engine)->Verify(indexes, evidence);
  if (!report.ok()) return Fail(report.status());
  std::cout << codec::VerifyMessage(*report) << "\n";
  return report->ok() ? 0 : 1;
}

int RunSnapshot(const std::string& data_dir, const std::string& out_dir) {
  // Read-write: RocksDB's checkpoint needs a writable handle, and so the
  // store's lock, which also says clearly when a server holds it.
  auto engine = OpenExisting(data_dir, false);
  if (!engine.ok()) return Fail(engine.status());
  auto info = engine::WriteSnapshot(**engine, out_dir);
  if (!info.ok()) return Fail(info.status());
  std::cout << engine::SnapshotSummary(*info, out_dir) << "\n";
  return 0;
}

int RunStats(const std::string& data_dir) {
  auto engine = OpenExisting(data_dir, true);
  if (!engine.ok()) return Fail(engine.status());
  auto stats = (*engine)->Stats(true);
  if (!stats.ok()) return Fail(stats.status());
  std::cout << codec::FormatStats(*stats);
  return 0;
}

}  // namespace claimgraph::server
