#include "codec/jsonl/jsonl_claim.h"
#include "engine/io/claim_of.h"
#include "engine/io/snapshot_export.h"

namespace claimgraph::io {

Result<uint64_t> ExportJsonl(const storage::ReadView& view, std::ostream& out) {
  NameCache names(view);
  uint64_t lines = 0;
  Status st = view.ForEachClaim([&](const storage::Claim& c) -> Status {
    CG_ASSIGN_OR_RETURN(codec::FileClaim claim, FileClaimOf(c, names));
    out << codec::FormatJsonlClaim(claim) << '\n';
    ++lines;
    return out ? Status::Ok() : Status::IOError("writing JSONL output");
  });
  CG_RETURN_IF_ERROR(st);
  return lines;
}

}  // namespace claimgraph::io
