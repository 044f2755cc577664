#include "engine/io/nquads_import.h"

#include <chrono>
#include <unordered_map>

#include "engine/io/claim_writer.h"
#include "engine/io/import_driver.h"
#include "engine/io/line_pipeline.h"
#include "engine/io/nquads_parser.h"
#include "engine/io/term_mapping.h"
#include "storage/normalize.h"

namespace claimgraph::io {
namespace {

// Memoizes what each distinct IRI resolves to: a file names the same few
// entities, predicates and graphs on many lines, and decoding, normalizing
// and looking them up once each is most of the per-line work.
class TermResolver {
 public:
  TermResolver(ClaimWriter* w, const ImportOptions& options) : w_(w), options_(options) {}

  Result<storage::EntityId> Entity(const RdfTerm& t) {
    auto& cache = t.kind == RdfTerm::Kind::kBlankNode ? blank_entities_ : entities_;
    auto it = cache.find(t.value);
    if (it != cache.end()) return it->second;
    std::string name = EntityNameFromTerm(t);
    if (storage::NormalizeAlias(name).empty())
      return Status::InvalidArgument("<" + t.value + "> names no entity (no letters or digits)");
    CG_ASSIGN_OR_RETURN(storage::EntityId id, w_->Entity(name));
    cache.emplace(t.value, id);
    return id;
  }

  bool Known(const RdfTerm& t) const {
    const auto& cache = t.kind == RdfTerm::Kind::kBlankNode ? blank_entities_ : entities_;
    return cache.count(t.value) > 0;
  }

  // Validation only (no entity is created): used before anything is written.
  Status CheckEntity(const RdfTerm& t) {
    auto& cache = t.kind == RdfTerm::Kind::kBlankNode ? blank_entities_ : entities_;
    if (cache.count(t.value)) return Status::Ok();
    if (storage::NormalizeAlias(EntityNameFromTerm(t)).empty())
      return Status::InvalidArgument("<" + t.value + "> names no entity (no letters or digits)");
    return Status::Ok();
  }

  Result<ResolvedPredicate> Predicate(const RdfTerm& t) {
    auto it = predicates_.find(t.value);
    if (it != predicates_.end()) return it->second;
    std::string name = PredicateNameFromIri(t.value);
    if (name.empty()) return Status::InvalidArgument("predicate IRI <" + t.value + "> has no name segment");
    CG_ASSIGN_OR_RETURN(ResolvedPredicate p, w_->Predicate(name));
    predicates_.emplace(t.value, p);
    return p;
  }

  Result<storage::SourceId> Source(const std::optional<RdfTerm>& graph) {
    const std::string& raw = graph ? graph->value : options_.default_source;
    auto& cache = graph && graph->kind == RdfTerm::Kind::kBlankNode ? blank_sources_ : sources_;
    auto it = cache.find(raw);
    if (it != cache.end()) return it->second;
    std::string key = graph ? SourceKeyFromTerm(*graph) : options_.default_source;
    if (key.empty()) return Status::InvalidArgument("the graph label names no source");
    CG_ASSIGN_OR_RETURN(storage::SourceId id, w_->Source({key, "", "", "", "", ""}));
    cache.emplace(raw, id);
    return id;
  }

 private:
  ClaimWriter* w_;
  const ImportOptions& options_;
  std::unordered_map<std::string, storage::EntityId> entities_, blank_entities_;
  std::unordered_map<std::string, ResolvedPredicate> predicates_;
  std::unordered_map<std::string, storage::SourceId> sources_, blank_sources_;
};

// Turns one parsed quad into a claim in the transaction. Errors are the
// line's rejection reasons; everything that can reject the line is checked
// before anything is created, so a rejected line leaves no entity behind.
Status ImportQuad(const Quad& q, TermResolver* terms, ClaimWriter* w, ImportSummary* summary) {
  std::optional<storage::Literal> literal;
  if (q.object.kind == RdfTerm::Kind::kLiteral) {
    CG_ASSIGN_OR_RETURN(literal, LiteralFromTerm(q.object));
  } else if (!terms->Known(q.object)) {
    CG_RETURN_IF_ERROR(terms->CheckEntity(q.object));
  }
  if (!terms->Known(q.subject)) CG_RETURN_IF_ERROR(terms->CheckEntity(q.subject));
  if (q.graph && q.graph->value == kSourceIriPrefix) return Status::InvalidArgument("the graph label names no source");
  CG_ASSIGN_OR_RETURN(ResolvedPredicate pred, terms->Predicate(q.predicate));
  if (pred.swap && literal) {
    const std::string name = PredicateNameFromIri(q.predicate.value);  // named: see MakeNumberLiteral
    return Status::InvalidArgument("'" + name + "' is an inverse reading; its object must be an entity, not a literal");
  }
  CG_ASSIGN_OR_RETURN(storage::EntityId subject, terms->Entity(q.subject));
  storage::TermId object;
  if (literal) {
    CG_ASSIGN_OR_RETURN(object, w->tx().InternLiteral(*literal));
  } else {
    CG_ASSIGN_OR_RETURN(object, terms->Entity(q.object));
  }
  CG_ASSIGN_OR_RETURN(storage::SourceId source, terms->Source(q.graph));
  storage::ClaimInput c;
  c.subject = pred.swap ? object : subject;
  c.object = pred.swap ? subject : object;
  c.predicate = pred.id;
  c.source = source;
  c.method = "import:nquads";
  CG_ASSIGN_OR_RETURN(storage::AssertOutcome outcome, w->Write(c));
  ++(outcome.duplicate ? summary->duplicates : summary->claims);
  return Status::Ok();
}

}  // namespace

Result<ImportSummary> ImportNQuads(storage::ClaimStore* store, const std::vector<InputFile>& files,
                                   const ImportOptions& options) {
  auto make_parse = [] {
    return [error = ParseError()](const std::string& line, ParsedLine<Quad>* out) mutable {
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
  };
  auto make_apply = [&options](ClaimWriter* writer) {
    return [writer, terms = std::make_shared<TermResolver>(writer, options)](Quad& quad, ImportSummary* summary) {
      return ImportQuad(quad, terms.get(), writer, summary);
    };
  };
  return DriveImport<Quad>(store, files, options, "N-Quads", make_parse, make_apply);
}

}  // namespace claimgraph::io
