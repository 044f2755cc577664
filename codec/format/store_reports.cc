#include "codec/format/store_reports.h"

#include <fmt/format.h>

namespace claimgraph::codec {

std::string FormatStats(const StoreStats& s) {
  std::string out = fmt::format(
      "transactions {}\nlive claims  {}\nentities     {}\npredicates   {}\nsources      {}\ndisk bytes   {}\n",
      s.transactions, s.live_claims, s.entities, s.predicates, s.sources, s.disk_bytes);
  // Only when there are some: a store that never deprecated reads as before.
  if (s.deprecated_claims) out += fmt::format("deprecated   {} (not in live claims)\n", s.deprecated_claims);
  for (const auto& p : s.by_predicate)
    out += fmt::format("  {:<16} {:>8} claims{}{}\n", p.name, p.live_claims, p.symmetric ? "  symmetric" : "",
                       p.inverse.empty() ? "" : "  inverse " + p.inverse);
  return out;
}

namespace {

std::string EvidenceLine(const VerifyReport& r) {
  if (!r.evidence_ok) {  // one line per problem, each said to be one
    std::string out;
    size_t start = 0;
    while (start <= r.evidence_problem.size()) {
      size_t end = r.evidence_problem.find('\n', start);
      if (end == std::string::npos) end = r.evidence_problem.size();
      if (!out.empty()) out += '\n';
      out += fmt::format("EVIDENCE FAILED: {}", std::string_view(r.evidence_problem).substr(start, end - start));
      start = end + 1;
    }
    return out;
  }
  return fmt::format("evidence ok: {} kept text{} ({} bytes) match their SHA-256, {} quote{} match their spans{}",
                     r.texts_checked, r.texts_checked == 1 ? "" : "s", r.text_bytes, r.quotes_checked,
                     r.quotes_checked == 1 ? "" : "s",
                     r.texts_redacted ? fmt::format("; {} text{} redacted", r.texts_redacted, r.texts_redacted == 1 ? "" : "s")
                                      : std::string());
}

}  // namespace

std::string VerifyMessage(const VerifyReport& r) {
  std::string out;
  if (!r.log_ok) {
    out = "AUDIT FAILED at tx " + std::to_string(r.first_bad_tx) + ": " + r.log_problem;
  } else {
    out = "audit ok: " + std::to_string(r.transactions_checked) + " transactions and " +
          std::to_string(r.claims_checked) + " claim records verified";
    if (r.indexes_checked && !r.indexes_ok)
      out += fmt::format("\nINDEXES FAILED: {}", r.index_problem);
    else if (r.indexes_checked)
      out += fmt::format("\nindexes ok: spo, osp, sp_postings, po_postings and by_source match all {} claim records",
                         r.index_claims_checked);
  }
  if (r.evidence_checked) {
    out += '\n';
    out += EvidenceLine(r);
  }
  return out;
}

}  // namespace claimgraph::codec
