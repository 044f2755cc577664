// Generated names for test data: Numbered("e", 7) == "e7".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::testing {

// A function rather than `"e" + std::to_string(i)` at each use: GCC 12 inlines
// that expression and warns -Wrestrict about a memcpy of 2^63 bytes, a false
// positive (GCC bugs 105329 and 105651); appending to a named string does not.
inline std::string Numbered(std::string_view prefix, uint64_t n) {
  std::string name(prefix);
  name += std::to_string(n);
  return name;
}

}  // namespace claimgraph::testing
