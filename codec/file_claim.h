// A claim as a claim file holds it: the claim itself and, in a JSONL or
// nquads-prov export, the exporting store's record of it (who entered it and
// when, whether and why it was retracted, whether it or its source was
// deprecated as of the export). An N-Quads line has only the claim.
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
  // Deprecation as of the export (DEPRECATE CLAIM / SOURCE; a reason is
  // required): the claim's own mark and its source's, each tx 0 when not
  // deprecated. On import only whether the tx is 0 counts; the reason is kept.
  // A retracted claim carries no deprecation of its own (it is out of every
  // answer already, and a store refuses to deprecate it).
  uint64_t deprecated_tx = 0;
  std::string deprecate_reason;
  uint64_t source_deprecated_tx = 0;
  std::string source_deprecate_reason;

  bool retracted() const { return retracted_tx != 0; }
  bool deprecated() const { return deprecated_tx != 0; }
  bool source_deprecated() const { return source_deprecated_tx != 0; }
};

}  // namespace claimgraph::codec
