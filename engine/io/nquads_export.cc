#include "engine/io/nquads_export.h"

#include <array>
#include <unordered_set>

#include "engine/io/name_cache.h"
#include "engine/io/nquads_parser.h"
#include "engine/io/term_mapping.h"

namespace claimgraph::io {

Result<uint64_t> ExportNQuads(const storage::ReadView& view, std::ostream& out, const ExportOptions& options) {
  NameCache names(view);
  struct Hash {
    size_t operator()(const std::array<uint64_t, 4>& f) const {
      size_t h = 1469598103934665603ull;
      for (uint64_t v : f) h = (h ^ v) * 1099511628211ull;
      return h;
    }
  };
  std::unordered_set<std::array<uint64_t, 4>, Hash> seen;  // N-Quads is a set of quads
  uint64_t lines = 0;
  Status st = view.ForEachClaim([&](const storage::Claim& c) -> Status {
    if (c.retracted_tx != 0) return Status::Ok();
    if (!seen.insert({c.subject, c.predicate, c.object, c.source}).second) return Status::Ok();
    Quad q;
    CG_ASSIGN_OR_RETURN(const storage::Entity* s, names.Entity(c.subject));
    CG_ASSIGN_OR_RETURN(const storage::Predicate* p, names.Predicate(c.predicate));
    CG_ASSIGN_OR_RETURN(const storage::Source* src, names.Source(c.source));
    q.subject = EntityToIri(s->name);
    q.predicate = PredicateToIri(p->name);
    if (storage::IsEntityTerm(c.object)) {
      CG_ASSIGN_OR_RETURN(const storage::Entity* o, names.Entity(c.object));
      q.object = EntityToIri(o->name);
    } else {
      CG_ASSIGN_OR_RETURN(const storage::Literal* l, names.Literal(c.object));
      q.object = LiteralToTerm(*l);
    }
    if (src->key != options.default_source) q.graph = SourceToIri(src->key);
    out << FormatQuad(q) << '\n';
    ++lines;
    return out ? Status::Ok() : Status::IOError("writing N-Quads output");
  });
  CG_RETURN_IF_ERROR(st);
  return lines;
}

}  // namespace claimgraph::io
