// The loop both text importers share: one transaction over every file, lines
// parsed on a second thread (LinePipeline), each parsed line applied to the
// transaction, rejections collected as file:line:column: reason, and the
// commit — or, when a line was rejected without --skip-invalid, nothing.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "engine/io/claim_writer.h"
#include "engine/io/import_types.h"
#include "engine/io/line_pipeline.h"
#include "engine/io/nquads_import.h"

namespace claimgraph::io {

// MakeParse: () -> a LinePipeline parse function for one file.
// MakeApply: (ClaimWriter*) -> Status(Parsed&, ImportSummary*), called once.
template <typename Parsed, typename MakeParse, typename MakeApply>
Result<ImportSummary> DriveImport(storage::ClaimStore* store, const std::vector<InputFile>& files,
                                  const ImportOptions& options, const std::string& format, MakeParse make_parse,
                                  MakeApply make_apply) {
  auto started = std::chrono::steady_clock::now();
  storage::WriteOptions wo;
  wo.principal = options.principal;
  wo.bulk = options.bulk;
  wo.progress = options.progress;
  wo.note = "import of " + std::to_string(files.size()) + " " + format + " file(s)";
  CG_ASSIGN_OR_RETURN(auto writer, ClaimWriter::Create(store, wo));
  auto apply = make_apply(writer.get());
  ImportSummary summary;
  for (const auto& file : files) {
    LinePipeline<Parsed, decltype(make_parse())> pipeline(file.in, make_parse());
    std::vector<ParsedLine<Parsed>> batch;
    while (pipeline.Next(&batch)) {
      for (auto& item : batch) {
        ++summary.lines;
        if (options.progress && summary.lines % options.progress_every == 0) options.progress("parse", summary.lines, 0);
        if (item.blank) continue;
        if (!item.error.empty()) {
          summary.rejected.push_back({file.name, item.line, item.column, std::move(item.error)});
          continue;
        }
        Status st = apply(item.value, &summary);
        if (!st.ok()) {
          if (st.code() != StatusCode::kInvalidArgument && st.code() != StatusCode::kAlreadyExists) return st;
          summary.rejected.push_back({file.name, item.line, 0, st.message()});
        }
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

}  // namespace claimgraph::io
