#include "engine/io/import_types.h"

namespace claimgraph::io {

std::string FormatRejected(const ImportSummary& summary, size_t limit) {
  std::string out;
  size_t shown = 0;
  for (const auto& r : summary.rejected) {
    // Appended piece by piece into one buffer rather than a temporary per
    // line, which with GCC 12 also avoids a -Wrestrict false positive on the
    // inlined `"x" + std::to_string(n)` (GCC bug 105651).
    if (shown++ == limit) {
      out.append("... and ").append(std::to_string(summary.rejected.size() - limit)).append(" more rejected lines\n");
      break;
    }
    out.append(r.file).append(":").append(std::to_string(r.line));
    if (r.column) out.append(":").append(std::to_string(r.column));
    out.append(": ").append(r.reason).append("\n");
  }
  return out;
}

}  // namespace claimgraph::io
