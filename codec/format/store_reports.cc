#include "codec/format/store_reports.h"

#include <fmt/format.h>

namespace claimgraph::codec {

std::string FormatStats(const StoreStats& s) {
  std::string out = fmt::format(
      "transactions {}\nlive claims  {}\nentities     {}\npredicates   {}\nsources      {}\ndisk bytes   {}\n",
      s.transactions, s.live_claims, s.entities, s.predicates, s.sources, s.disk_bytes);
  for (const auto& p : s.by_predicate)
    out += fmt::format("  {:<16} {:>8} claims{}{}\n", p.name, p.live_claims, p.symmetric ? "  symmetric" : "",
                       p.inverse.empty() ? "" : "  inverse " + p.inverse);
  return out;
}

std::string VerifyMessage(const VerifyReport& r) {
  if (!r.log_ok) return "AUDIT FAILED at tx " + std::to_string(r.first_bad_tx) + ": " + r.log_problem;
  std::string out = "audit ok: " + std::to_string(r.transactions_checked) + " transactions and " +
                    std::to_string(r.claims_checked) + " claim records verified";
  if (!r.indexes_checked) return out;
  if (!r.indexes_ok) return out + "\nINDEXES FAILED: " + r.index_problem;
  return out + "\nindexes ok: spo, osp, sp_postings and po_postings match all " +
         std::to_string(r.index_claims_checked) + " claim records";
}

}  // namespace claimgraph::codec
