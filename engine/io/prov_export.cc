#include "codec/nquads/prov_claim.h"
#include "engine/io/claim_of.h"
#include "engine/io/snapshot_export.h"

namespace claimgraph::io {

// Every claim, retracted ones included (their retraction is provenance too),
// in id order, as the JSONL export writes them.
Result<uint64_t> ExportNQuadsProv(const storage::ReadView& view, std::ostream& out) {
  NameCache names(view);
  codec::ProvQuadWriter writer;
  uint64_t quads = 0;
  std::string text;
  Status st = view.ForEachClaim([&](const storage::Claim& c) -> Status {
    CG_ASSIGN_OR_RETURN(codec::FileClaim claim, FileClaimOf(c, names));
    text.clear();
    quads += writer.Write(claim, &text);
    out << text;
    return out ? Status::Ok() : Status::IOError("writing N-Quads output");
  });
  CG_RETURN_IF_ERROR(st);
  return quads;
}

}  // namespace claimgraph::io
