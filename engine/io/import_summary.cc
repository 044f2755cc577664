#include "engine/io/import.h"

#include "codec/line_error.h"

namespace claimgraph::io {

std::string FormatRejected(const ImportSummary& summary, size_t limit) {
  std::string out;
  size_t shown = 0;
  for (const auto& r : summary.rejected) {
    // Appended piece by piece into one buffer: with GCC 12 an inlined
    // `"x" + std::to_string(n)` warns -Wrestrict, a false positive (GCC bug 105651).
    if (shown++ == limit) {
      out.append("... and ").append(std::to_string(summary.rejected.size() - limit)).append(" more rejected lines\n");
      break;
    }
    out.append(codec::FormatLineError(r.file, r.line, r.column, r.reason)).append("\n");
  }
  return out;
}

}  // namespace claimgraph::io
