#include "engine/io/import_types.h"

namespace claimgraph::io {

std::string FormatRejected(const ImportSummary& summary, size_t limit) {
  std::string out;
  size_t shown = 0;
  for (const auto& r : summary.rejected) {
    if (shown++ == limit) {
      out += "... and " + std::to_string(summary.rejected.size() - limit) + " more rejected lines\n";
      break;
    }
    out += r.file + ":" + std::to_string(r.line);
    if (r.column) out += ":" + std::to_string(r.column);
    out += ": " + r.reason + "\n";
  }
  return out;
}

}  // namespace claimgraph::io
