// Rendering results for people and scripts: an aligned table that fits a
// terminal width, JSON Lines (one object per row, keys in RETURN order), CSV.
#pragma once

#include <string>
#include <vector>

#include "codec/value.h"

namespace claimgraph::codec {

struct TableOptions {
  size_t max_width = 0;           // 0 = no limit; otherwise wide cells are cut with "…"
  bool show_provenance = false;   // a last column "provenance" with claim ids
};

std::string FormatTable(const std::vector<std::string>& columns, const std::vector<std::vector<Value>>& rows,
                        const std::vector<std::vector<uint64_t>>& provenance, const TableOptions& options = {});
// One line: {"col1": value, ...} (+ "_provenance": [ids] when given).
std::string FormatJsonRow(const std::vector<std::string>& columns, const std::vector<Value>& row,
                          const std::vector<uint64_t>* provenance = nullptr);
std::string FormatCsvRow(const std::vector<std::string>& cells);
std::vector<std::string> CellsOf(const std::vector<Value>& row);

}  // namespace claimgraph::codec
