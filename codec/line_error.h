// What is wrong with one line of an interchange file, and where. Every line
// format in codec/ (N-Quads, JSONL claims) reports its errors this way, and
// every tool prints them with FormatLineError, so the same bad line reads the
// same whether `claimgraphd import` or `claimgraph load` met it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::codec {

struct LineError {
  uint64_t column = 0;  // 1-based byte column of the offending text; 0 = the line as a whole
  std::string message;  // empty: no error
};

// "FILE:LINE:COLUMN: message", or "FILE:LINE: message" when the column is 0.
std::string FormatLineError(std::string_view file, uint64_t line, uint64_t column, std::string_view message);

}  // namespace claimgraph::codec
