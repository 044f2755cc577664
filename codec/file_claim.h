// A claim as a claim file holds it: the claim itself and, in a JSONL export,
// the exporting store's record of it (who entered it and when, whether and
// why it was retracted). An N-Quads line has only the claim.
#pragma once

#include <cstdint>
#include <string>

#include "codec/claim_draft.h"

namespace claimgraph::codec {

struct FileClaim {
  ClaimDraft claim;
  // The exporting store's bookkeeping: written on export, assigned anew on import.
  uint64_t id = 0;
  uint64_t tx = 0;
  // Kept on import: the history the export recorded.
  std::string principal;       // "" = the importing transaction's principal
  int64_t asserted_at_us = 0;  // 0 = the importing transaction's time
  uint64_t retracted_tx = 0;   // 0 = live; on import only whether it is 0 counts
  std::string retract_reason, retracted_by;
  int64_t retracted_at_us = 0;

  bool retracted() const { return retracted_tx != 0; }
};

}  // namespace claimgraph::codec
