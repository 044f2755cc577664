// The text importers: one transaction over every file, lines read on a
// second thread (LinePipeline) by the reader `claimgraph load` uses too
// (codec::ClaimLineReader) — an nquads-prov file whole, by codec::ProvReader — each claim written through the names every write
// path shares, rejections collected as file:line:column: reason, and the
// commit — or, when a line was rejected without --skip-invalid, nothing.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "codec/claim_file.h"
#include "codec/nquads/prov_claim.h"
#include "engine/io/claim_writer.h"
#include "storage/claim_store.h"
#include "engine/io/import.h"
#include "engine/io/snapshot_export.h"
#include "engine/io/line_pipeline.h"
#include "engine/io/literal_convert.h"
#include "engine/io/import.h"

namespace claimgraph::io {
namespace {

// The parsing thread's half: one reader per file.
struct ReadClaimLine {
  std::unique_ptr<codec::ClaimLineReader> reader;
  void operator()(const std::string& text, ParsedLine<codec::FileClaim>* out) {
    codec::ClaimLine line;
    reader->Read(text, &line);
    out->blank = line.blank;
    out->column = line.error.column;
    out->error = std::move(line.error.message);
    out->value = std::move(line.claim);
  }
};

// The writing half: a line the reader accepted, into the transaction. Errors
// are the line's rejection reasons (only what needs the store is left to
// check: a likely typo of a predicate, an inverse reading with a literal).
Status WriteClaim(const codec::FileClaim& f, ClaimWriter* w, ImportSummary* summary) {
  CG_ASSIGN_OR_RETURN(storage::ClaimInput c, w->names().Resolve(f.claim));
  c.principal = f.principal;
  c.asserted_at_us = f.asserted_at_us;
  if (!f.retracted()) {
    CG_ASSIGN_OR_RETURN(storage::AssertOutcome outcome, w->Write(c));
    ++(outcome.duplicate ? summary->duplicates : summary->claims);
    return Status::Ok();
  }
  // A retracted claim is history: restored unless that very record is here.
  CG_ASSIGN_OR_RETURN(bool seen, w->SeenRetractedRecord(c, f.retracted_at_us));
  if (seen) {
    ++summary->duplicates;
    return Status::Ok();
  }
  CG_ASSIGN_OR_RETURN(storage::ClaimId id, w->tx().Assert(c));
  ++summary->claims;
  CG_RETURN_IF_ERROR(w->tx().RestoreRetraction(id, f.retract_reason, f.retracted_by, f.retracted_at_us));
  ++summary->retracted;
  return Status::Ok();
}

}  // namespace

Result<ImportSummary> ImportClaimFiles(engine::Engine& engine, const std::vector<InputFile>& files,
                                       const ImportOptions& options) {
  auto started = std::chrono::steady_clock::now();
  storage::WriteOptions wo;
  wo.principal = options.principal;
  wo.bulk = options.bulk;
  wo.progress = options.progress;
  wo.note = "import of " + std::to_string(files.size()) + " file(s)";
  CG_ASSIGN_OR_RETURN(auto writer, ClaimWriter::Create(engine.store(), wo));
  codec::ClaimFileOptions read_options;
  read_options.default_source = options.default_source;
  ImportSummary summary;
  auto take = [&](const std::string& file, uint64_t line, uint64_t column, std::string error,
                  const codec::FileClaim& claim) -> Status {
    if (!error.empty()) {
      summary.rejected.push_back({file, line, column, std::move(error)});
      return Status::Ok();
    }
    Status st = WriteClaim(claim, writer.get(), &summary);
    if (!st.ok()) {
      if (st.code() != StatusCode::kInvalidArgument && st.code() != StatusCode::kAlreadyExists) return st;
      summary.rejected.push_back({file, line, 0, st.message()});
    }
    return Status::Ok();
  };
  for (const auto& file : files) {
    // nquads-prov spreads a claim over many statements, in any order: the
    // file is read whole, then its claims written in their numbers' order.
    if (file.format == codec::ClaimFileFormat::kNQuads && codec::IsProvNQuads(*file.in)) {
      codec::ProvReader reader;
      std::string text;
      uint64_t line = 0;
      while (std::getline(*file.in, text)) {
        reader.Add(++line, text);
        ++summary.lines;
        if (options.progress && summary.lines % options.progress_every == 0) options.progress("parse", summary.lines, 0);
      }
      if (file.in->bad()) return Status::IOError("reading " + file.name);
      for (auto& c : reader.Finish())
        CG_RETURN_IF_ERROR(take(file.name, c.line, c.error.column, std::move(c.error.message), c.claim));
      continue;
    }
    ReadClaimLine read{std::make_unique<codec::ClaimLineReader>(file.format, read_options)};
    LinePipeline<codec::FileClaim, ReadClaimLine> pipeline(file.in, std::move(read));
    std::vector<ParsedLine<codec::FileClaim>> batch;
    while (pipeline.Next(&batch)) {
      for (auto& item : batch) {
        ++summary.lines;
        if (options.progress && summary.lines % options.progress_every == 0) options.progress("parse", summary.lines, 0);
        if (item.blank) continue;
        CG_RETURN_IF_ERROR(take(file.name, item.line, item.column, std::move(item.error), item.value));
      }
    }
    if (pipeline.io_error()) return Status::IOError("reading " + file.name);
  }
  if (options.progress) options.progress("parse", summary.lines, summary.lines);
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  if (!summary.rejected.empty() && !options.skip_invalid) {
    summary.claims = summary.retracted = summary.duplicates = 0;
    summary.seconds = seconds();
    return summary;  // the transaction is dropped: nothing is written
  }
  summary.defined = writer->defined();
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, writer->tx().Commit());
  summary.committed = info.tx != 0;
  summary.tx = info.tx;
  summary.seconds = seconds();
  return summary;
}

Result<ImportSummary> ImportNQuads(engine::Engine& engine, const std::vector<InputFile>& files,
                                   const ImportOptions& options) {
  std::vector<InputFile> as_nquads = files;
  for (auto& f : as_nquads) f.format = codec::ClaimFileFormat::kNQuads;
  return ImportClaimFiles(engine, as_nquads, options);
}

Result<ImportSummary> ImportJsonl(engine::Engine& engine, const std::vector<InputFile>& files,
                                  const ImportOptions& options) {
  std::vector<InputFile> as_jsonl = files;
  for (auto& f : as_jsonl) f.format = codec::ClaimFileFormat::kJsonl;
  return ImportClaimFiles(engine, as_jsonl, options);
}

}  // namespace claimgraph::io
