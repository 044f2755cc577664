// The text importers: one transaction over every file, lines read on a
// second thread (LinePipeline) by the reader `claimgraph load` uses too
// (codec::ClaimLineReader; a plain N-Quads file's quads as numbered terms,
// quad_terms.h) — an nquads-prov file whole, by codec::ProvReader — each claim written through the names every write
// path shares, rejections collected as file:line:column: reason, and the
// commit — or, when a line was rejected without --skip-invalid, nothing.
#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/memory_account.h"
#include "codec/claim_file.h"
#include "codec/nquads/prov_claim.h"
#include "engine/io/claim_writer.h"
#include "storage/claim_store.h"
#include "engine/io/import.h"
#include "engine/io/snapshot_export.h"
#include "engine/io/line_pipeline.h"
#include "engine/io/literal_convert.h"
#include "engine/io/quad_terms.h"

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

// A source the export recorded as deprecated (each of its lines says so).
Status DeprecateSourceOf(const codec::FileClaim& f, storage::SourceId id, ClaimWriter* w, ImportSummary* summary) {
  if (!f.source_deprecated()) return Status::Ok();
  CG_ASSIGN_OR_RETURN(bool deprecated, w->DeprecateSourceIfNew(id, f.claim.source.key, f.source_deprecate_reason));
  summary->deprecated_sources += deprecated;
  return Status::Ok();
}

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
    // Deprecated as of the export: hidden again, as the exporting store hid
    // it. A duplicate keeps the live claim's own state.
    if (f.deprecated() && !outcome.duplicate) {
      CG_RETURN_IF_ERROR(w->tx().SetDeprecated(storage::Mark::Target::kClaim, outcome.id, true, f.deprecate_reason));
      ++summary->deprecated;
    }
    return DeprecateSourceOf(f, c.source, w, summary);
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
  return DeprecateSourceOf(f, c.source, w, summary);
}

// A claim the writer refused is a rejected line (at no column: the line's
// terms are fine, the store's rule is not); any other failure stops the import.
Status RejectOrFail(const std::string& file, uint64_t line, const Status& st, ImportSummary* summary) {
  if (st.code() != StatusCode::kInvalidArgument && st.code() != StatusCode::kAlreadyExists) return st;
  summary->rejected.push_back({file, line, 0, st.message()});
  return Status::Ok();
}

// The writing half of a plain N-Quads file (quad_terms.h has the parsing
// half): a quad whose four terms have ids already is asserted as WriteClaim
// would assert the claim the file's line reads as; otherwise the claim is
// built from the terms' names and goes through WriteClaim, and on success the
// ids it resolved are kept for the lines to come. Ids are given out in the
// same order either way: only a term without an id can create a name.
//
// The names come with the line that numbered a term; what is kept of them is
// only what a later line may need to build its claim by name again: the
// predicates' and graphs' (few), and those of terms a rejected line left
// without an id (only with --skip-invalid). An entity's name is asked of the
// transaction by id (the names are held once, in its table of created names).
class QuadTermIds {
 public:
  using Take = std::function<Status(uint64_t line, uint64_t column, std::string error, const codec::FileClaim&)>;
  // `account` (may be null) is charged what the terms' ids and kept names hold.
  QuadTermIds(ClaimWriter* writer, ImportSummary* summary, base::MemoryAccount* account)
      : writer_(writer), summary_(summary), charge_(account) {
    input_.method = std::string(codec::kNQuadsMethod);
  }

  // `take` handles what is not a numbered quad: the lines every importer reads.
  Status Write(const std::string& file, ParsedLine<QuadLine>& item, const Take& take) {
    QuadLine& q = item.value;
    if (q.renumbered) Renumber(*q.renumbered);
    if (!q.numbered || !item.error.empty())
      return take(item.line, item.column, std::move(item.error), q.claim ? *q.claim : codec::FileClaim());
    const uint32_t top = std::max({q.terms[0], q.terms[1], q.terms[2], q.terms[3]});
    if (top >= terms_.size()) {
      terms_.resize(top + 1024);
      Charge();
    }
    const Term &s = terms_[q.terms[0]], &p = terms_[q.terms[1]], &o = terms_[q.terms[2]], &g = terms_[q.terms[3]];
    if (s.known && p.known && o.known && g.known) {
      input_.subject = p.swap ? o.id : s.id;
      input_.object = p.swap ? s.id : o.id;
      input_.predicate = p.id;
      input_.source = g.id;
      Result<storage::AssertOutcome> outcome = writer_->Write(input_);
      if (!outcome.ok()) return RejectOrFail(file, item.line, outcome.status(), summary_);
      ++(outcome->duplicate ? summary_->duplicates : summary_->claims);
      return Status::Ok();
    }
    codec::FileClaim claim;
    std::string* names[4] = {&claim.claim.subject, &claim.claim.predicate, &claim.claim.object_text,
                             &claim.claim.source.key};
    CG_RETURN_IF_ERROR(NamesOf(q, names));
    claim.claim.method = std::string(codec::kNQuadsMethod);
    const size_t rejected = summary_->rejected.size();
    CG_RETURN_IF_ERROR(take(item.line, 0, "", claim));
    if (summary_->rejected.size() != rejected) {
      // Refused: its terms without an id keep their names for a later line.
      for (int i = 0; i < 4; ++i)
        if (!terms_[q.terms[i]].known) unresolved_.emplace(q.terms[i], *names[i]);
      Charge();
      return Status::Ok();
    }
    // Written: each name resolves from WriteNames' cache now.
    engine::WriteNames& resolve = writer_->names();
    CG_ASSIGN_OR_RETURN(engine::ResolvedPredicate predicate, resolve.Predicate(claim.claim.predicate));
    CG_ASSIGN_OR_RETURN(storage::EntityId subject, resolve.Entity(claim.claim.subject));
    CG_ASSIGN_OR_RETURN(storage::EntityId object, resolve.Entity(claim.claim.object_text));
    CG_ASSIGN_OR_RETURN(storage::SourceId source, resolve.Source(claim.claim.source));
    Know(q.terms[0], subject);
    Know(q.terms[1], predicate.id, predicate.swap);
    Know(q.terms[2], object);
    Know(q.terms[3], source);
    kept_.try_emplace(q.terms[1], claim.claim.predicate);
    kept_.try_emplace(q.terms[3], claim.claim.source.key);
    for (int i = 0; i < 4; ++i) unresolved_.erase(q.terms[i]);
    Charge();
    return Status::Ok();
  }

 private:
  // A term's id, as the writing thread reads it per quad: 16 bytes, the
  // names apart (a quad's four reads stay in cache for a 100k-name file).
  struct Term {
    uint64_t id = 0;
    bool swap = false;  // a predicate's inverse reading
    bool known = false;
  };
  void Know(uint32_t number, uint64_t id, bool swap = false) { terms_[number] = {id, swap, true}; }

  // The reader forgot terms and numbered the rest again: new number n is old
  // number old[n - 1]; what is kept of any other number goes.
  void Renumber(const std::vector<uint32_t>& old) {
    std::vector<Term> terms(old.size() + 1024);
    std::unordered_map<uint32_t, std::string> kept, unresolved;
    for (uint32_t n = 1; n <= old.size(); ++n) {
      const uint32_t o = old[n - 1];
      if (o < terms_.size()) terms[n] = terms_[o];
      if (auto it = kept_.find(o); it != kept_.end()) kept.emplace(n, std::move(it->second));
      if (auto it = unresolved_.find(o); it != unresolved_.end()) unresolved.emplace(n, std::move(it->second));
    }
    terms_.swap(terms);
    kept_.swap(kept);
    unresolved_.swap(unresolved);
    Charge();
  }

  // The names of a line's four terms: carried by the line when it numbered
  // one; else (a term a rejected line left without an id) from what is kept,
  // an entity's from the transaction.
  Status NamesOf(QuadLine& q, std::string* names[4]) {
    if (q.names) {
      for (int i = 0; i < 4; ++i) *names[i] = std::move((*q.names)[i]);
      return Status::Ok();
    }
    for (int i = 0; i < 4; ++i) {
      const uint32_t number = q.terms[i];
      const Term& term = terms_[number];
      if (!term.known) {
        auto it = unresolved_.find(number);
        if (it == unresolved_.end()) return Status::Internal("N-Quads term " + std::to_string(number) + " has no name");
        *names[i] = it->second;
      } else if (i == 0 || i == 2) {
        CG_ASSIGN_OR_RETURN(storage::Entity entity, writer_->tx().GetEntity(term.id));
        *names[i] = std::move(entity.name);
      } else {
        *names[i] = kept_.at(number);
      }
    }
    return Status::Ok();
  }
  void Charge() {
    constexpr size_t kNode = 64;  // an unordered_map node with a short string, roughly
    charge_.Set(terms_.capacity() * sizeof(Term) + (kept_.size() + unresolved_.size()) * kNode);
  }

  ClaimWriter* writer_;
  ImportSummary* summary_;
  storage::ClaimInput input_;  // a bare claim; its four ids set per quad
  std::vector<Term> terms_;    // by number
  std::unordered_map<uint32_t, std::string> kept_;        // predicates' and graphs' names, by number
  std::unordered_map<uint32_t, std::string> unresolved_;  // names of terms no line has written yet
  base::MemoryCharge charge_;  // terms_, kept_ and unresolved_
};

}  // namespace

static_assert(kDefaultImportMemoryBudget == storage::kDefaultBulkMemoryBudget);

Result<ImportSummary> ImportClaimFiles(engine::Engine& engine, const std::vector<InputFile>& files,
                                       const ImportOptions& options) {
  auto started = std::chrono::steady_clock::now();
  // A bulk import's one memory account (base/memory_account.h): the
  // transaction's tables, the sorters and the term numbering below share it.
  // Declared before the writer, which holds it.
  base::MemoryAccount account(options.memory_budget);
  base::MemoryAccount* const bulk_account = options.bulk ? &account : nullptr;
  storage::WriteOptions wo;
  wo.principal = options.principal;
  wo.bulk = options.bulk;
  wo.progress = options.progress;
  wo.bulk_memory_budget = options.memory_budget;
  wo.bulk_memory_account = bulk_account;
  wo.TEST_bulk_fail_merge_after = options.TEST_fail_merge_after;
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
    return st.ok() ? st : RejectOrFail(file, line, st, &summary);
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
    if (file.format == codec::ClaimFileFormat::kNQuads && !options.TEST_whole_lines) {
      LinePipeline<QuadLine, QuadLineReader> pipeline(file.in, QuadLineReader(read_options, bulk_account,
                                                                     options.bulk ? storage::BulkTermNumberingBudget(options.memory_budget) : 0));
      QuadTermIds ids(writer.get(), &summary, bulk_account);
      auto take_line = [&](uint64_t line, uint64_t column, std::string error, const codec::FileClaim& claim) {
        return take(file.name, line, column, std::move(error), claim);
      };
      std::vector<ParsedLine<QuadLine>> batch;
      while (pipeline.Next(&batch)) {
        for (auto& item : batch) {
          ++summary.lines;
          if (options.progress && summary.lines % options.progress_every == 0) options.progress("parse", summary.lines, 0);
          if (item.blank) continue;
          CG_RETURN_IF_ERROR(ids.Write(file.name, item, take_line));
        }
      }
      if (pipeline.io_error()) return Status::IOError("reading " + file.name);
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
    summary.claims = summary.retracted = summary.duplicates = summary.deprecated = summary.deprecated_sources = 0;
    summary.seconds = seconds();
    return summary;  // the transaction is dropped: nothing is written
  }
  summary.defined = writer->defined();
  summary.read_seconds = seconds();
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, writer->tx().Commit());
  summary.committed = info.tx != 0;
  summary.tx = info.tx;
  summary.runs_spilled = info.bulk.runs_spilled;
  summary.names_spilled = info.bulk.names_spilled;
  summary.tables_peak_bytes = account.peak_charged();
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
