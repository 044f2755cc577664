#include "codec/format/claim_lines.h"

#include <cstdio>

namespace claimgraph::codec {

std::string FormatClaimLines(std::string_view subject, std::string_view predicate, std::string_view object,
                             std::string_view modality, double confidence, uint64_t span_begin, uint64_t span_end,
                             std::string_view quote) {
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", confidence);
  std::string out = "  [" + std::string(modality) + " " + conf + "] " + std::string(subject) + " " +
                    std::string(predicate) + " " + std::string(object) + "  @" + std::to_string(span_begin) + ".." +
                    std::to_string(span_end) + "\n      \"";
  for (char c : quote) out.push_back(c == '\n' ? ' ' : c);
  out += "\"\n";
  return out;
}

}  // namespace claimgraph::codec
