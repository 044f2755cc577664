#include "engine/io/snapshot_export.h"

#include <array>
#include <unordered_set>

#include "codec/nquads/nquads_writer.h"
#include "codec/nquads/quad_claim.h"
#include "engine/io/claim_of.h"

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
    // The graph as queries answer it: a retracted or deprecated claim is out
    // (plain N-Quads has no way to say either; nquads-prov and JSONL do).
    if (c.retracted_tx != 0 || view.DeprecationOf(c.id, c.source)) return Status::Ok();
    if (!seen.insert({c.subject, c.predicate, c.object, c.source}).second) return Status::Ok();
    CG_ASSIGN_OR_RETURN(codec::FileClaim claim, FileClaimOf(c, names));
    out << codec::FormatQuad(codec::QuadOfClaim(claim.claim, options.default_source)) << '\n';
    ++lines;
    return out ? Status::Ok() : Status::IOError("writing N-Quads output");
  });
  CG_RETURN_IF_ERROR(st);
  return lines;
}

}  // namespace claimgraph::io
