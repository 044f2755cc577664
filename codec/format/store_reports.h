// The store's statistics and the result of verifying it, as plain data, and
// the text every tool prints for them: `claimgraphd stats|verify` (from the
// engine's structs), `claimgraph stats|verify` (from the Stats and VerifyAudit
// responses) and AUDIT VERIFY's message — so each reads the same everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace claimgraph::codec {

struct PredicateSummary {
  std::string name;
  bool symmetric = false;
  std::string inverse;  // "" = none
  std::string domain, range;
  uint64_t live_claims = 0;
};

struct StoreStats {
  uint64_t transactions = 0;  // the last committed transaction
  uint64_t live_claims = 0;
  uint64_t entities = 0;
  uint64_t predicates = 0;
  uint64_t sources = 0;
  uint64_t disk_bytes = 0;                    // approximate: SST + WAL
  std::vector<PredicateSummary> by_predicate;  // filled when asked for (a count per predicate)
  // Not retracted but deprecated (DEPRECATE): kept, skipped by default
  // answers, and not in live_claims.
  uint64_t deprecated_claims = 0;
};

// What `claimgraphd stats` and `claimgraph stats` print: a line a count, then
// one per predicate when counted.
std::string FormatStats(const StoreStats& stats);

// The hash-chained log, and optionally the derived indexes, checked against
// the claim records.
struct VerifyReport {
  bool log_ok = true;
  uint64_t transactions_checked = 0;
  uint64_t claims_checked = 0;
  uint64_t first_bad_tx = 0;  // 0 when the log is intact
  std::string log_problem;
  // Only when indexes were asked for and the log was intact (a broken log
  // makes the index check meaningless).
  bool indexes_checked = false;
  bool indexes_ok = true;
  uint64_t index_claims_checked = 0;
  std::string index_problem;
  // Only when evidence was asked for; checked whatever the log says (a kept
  // text is proved by its own SHA-256, not by the chain).
  bool evidence_checked = false;
  bool evidence_ok = true;
  uint64_t texts_checked = 0;   // kept texts rehashed
  uint64_t text_bytes = 0;      // their size
  uint64_t texts_redacted = 0;  // taken down: reported, not a failure
  uint64_t quotes_checked = 0;  // claims with a span into a kept text
  std::string evidence_problem;  // one line per kind of problem, the first of each
  // The newest transaction and its hash (hex; "" for an empty store): the
  // nodes of a cluster that applied the same stream show the same pair.
  uint64_t head_tx = 0;
  std::string head_hash;

  bool ok() const { return log_ok && indexes_ok && evidence_ok; }
  const std::string& problem() const {
    return !log_ok ? log_problem : !indexes_ok ? index_problem : evidence_problem;
  }
};

// What `claimgraphd verify`, AUDIT VERIFY and the console print: "audit ok:
// ..." or "AUDIT FAILED at tx N: ...", then the indexes' line if checked,
// then the evidence's ("evidence ok: ..." or "EVIDENCE FAILED: ...").
std::string VerifyMessage(const VerifyReport& report);

}  // namespace claimgraph::codec
