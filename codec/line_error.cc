#include "codec/line_error.h"

namespace claimgraph::codec {

std::string FormatLineError(std::string_view file, uint64_t line, uint64_t column, std::string_view message) {
  // Appended piece by piece into one buffer: with GCC 12 an inlined
  // `"x" + std::to_string(n)` warns -Wrestrict, a false positive (GCC bug 105651).
  std::string out(file);
  out.append(":").append(std::to_string(line));
  if (column) out.append(":").append(std::to_string(column));
  out.append(": ").append(message);
  return out;
}

}  // namespace claimgraph::codec
