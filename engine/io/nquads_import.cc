#include "engine/io/nquads_import.h"

#include <chrono>

#include "engine/io/claim_writer.h"
#include "engine/io/line_pipeline.h"
#include "engine/io/nquads_parser.h"
#include "engine/io/term_mapping.h"
#include "storage/normalize.h"

namespace claimgraph::io {
namespace {

// Turns one parsed quad into a claim in the transaction. Errors are the
// line's rejection reasons.
Status ImportQuad(const Quad& q, const ImportOptions& options, ClaimWriter* w, ImportSummary* summary) {
  // Everything that can reject the line is checked before anything is created,
  // so that a rejected line leaves no entity or predicate behind.
  std::string pname = PredicateNameFromIri(q.predicate.value);
  if (pname.empty()) return Status::InvalidArgument("predicate IRI <" + q.predicate.value + "> has no name segment");
  std::optional<storage::Literal> literal;
  if (q.object.kind == RdfTerm::Kind::kLiteral) {
    CG_ASSIGN_OR_RETURN(literal, LiteralFromTerm(q.object));
  }
  std::string source_key = q.graph ? SourceKeyFromTerm(*q.graph) : options.default_source;
  if (source_key.empty()) return Status::InvalidArgument("the graph label names no source");
  for (const RdfTerm* t : {&q.subject, &q.object})
    if (t->kind != RdfTerm::Kind::kLiteral && storage::NormalizeAlias(EntityNameFromTerm(*t)).empty())
      return Status::InvalidArgument("<" + t->value + "> names no entity (no letters or digits)");
  CG_ASSIGN_OR_RETURN(ResolvedPredicate pred, w->Predicate(pname));
  if (pred.swap && literal)
    return Status::InvalidArgument("'" + pname + "' is an inverse reading; its object must be an entity, not a literal");
  CG_ASSIGN_OR_RETURN(storage::EntityId subject, w->Entity(EntityNameFromTerm(q.subject)));
  storage::TermId object;
  if (literal) {
    CG_ASSIGN_OR_RETURN(object, w->tx().InternLiteral(*literal));
  } else {
    CG_ASSIGN_OR_RETURN(object, w->Entity(EntityNameFromTerm(q.object)));
  }
  CG_ASSIGN_OR_RETURN(storage::SourceId source, w->Source({source_key, "", "", "", "", ""}));
  storage::ClaimInput c;
  c.subject = pred.swap ? object : subject;
  c.object = pred.swap ? subject : object;
  c.predicate = pred.id;
  c.source = source;
  c.method = "import:nquads";
  CG_ASSIGN_OR_RETURN(bool dup, w->IsDuplicate(c.subject, c.predicate, c.object, c.source));
  if (dup) {
    ++summary->duplicates;
    return Status::Ok();
  }
  CG_ASSIGN_OR_RETURN(storage::ClaimId id, w->tx().Assert(c));
  (void)id;
  w->Remember(c.subject, c.predicate, c.object, c.source);
  ++summary->claims;
  return Status::Ok();
}

}  // namespace

Result<ImportSummary> ImportNQuads(storage::ClaimStore* store, const std::vector<InputFile>& files,
                                   const ImportOptions& options) {
  auto started = std::chrono::steady_clock::now();
  storage::WriteOptions wo;
  wo.principal = options.principal;
  wo.bulk = options.bulk;
  wo.progress = options.progress;
  wo.note = "import of " + std::to_string(files.size()) + " N-Quads file(s)";
  CG_ASSIGN_OR_RETURN(auto writer, ClaimWriter::Create(store, wo));
  ImportSummary summary;
  for (const auto& file : files) {
    auto parse = [error = ParseError()](const std::string& line, ParsedLine<Quad>* out) mutable {
      std::optional<Quad> quad = ParseNQuadsLine(line, &error);
      if (quad) {
        out->value = std::move(*quad);
      } else if (error.message.empty()) {
        out->blank = true;
      } else {
        out->column = error.column;
        out->error = error.message;
      }
    };
    LinePipeline<Quad, decltype(parse)> pipeline(file.in, std::move(parse));
    std::vector<ParsedLine<Quad>> batch;
    while (pipeline.Next(&batch)) {
      for (auto& item : batch) {
        ++summary.lines;
        if (options.progress && summary.lines % options.progress_every == 0) options.progress("parse", summary.lines, 0);
        if (item.blank) continue;
        if (!item.error.empty()) {
          summary.rejected.push_back({file.name, item.line, item.column, std::move(item.error)});
          continue;
        }
        Status st = ImportQuad(item.value, options, writer.get(), &summary);
        if (!st.ok()) {
          if (st.code() != StatusCode::kInvalidArgument && st.code() != StatusCode::kAlreadyExists) return st;
          summary.rejected.push_back({file.name, item.line, 0, st.message()});
        }
      }
    }
    if (pipeline.io_error()) return Status::IOError("reading " + file.name);
  }
  if (options.progress) options.progress("parse", summary.lines, summary.lines);
  if (!summary.rejected.empty() && !options.skip_invalid) {
    summary.claims = 0;
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;  // the transaction is dropped: nothing is written
  }
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, writer->tx().Commit());
  summary.committed = info.tx != 0;
  summary.tx = info.tx;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace claimgraph::io
