// Sorting more key/value rows than a memory budget holds (a bulk import's
// claim records, dictionary and name records): rows are packed into chunks
// up to the budget; a full set is sorted by key and written to a run file;
// Merge reads the runs back with the last, unspilled set and hands every row
// over in key order. Claim records arrive in key order already, so their
// runs cost a check and a sequential write, no sort.
//
// Contract as storage/external_sort.h: equal keys come out in the order they
// were added; run files are removed once merged and by the destructor on
// every path; the caller owns the directory.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/external_sort.h"

namespace claimgraph::storage {

class RowSorter {
 public:
  explicit RowSorter(ExternalSortOptions options);
  RowSorter(const RowSorter&) = delete;
  RowSorter& operator=(const RowSorter&) = delete;
  ~RowSorter();

  // Errors are kept and returned by Merge, as ExternalSorter does.
  void Add(std::string_view key, std::string_view value);
  bool empty() const { return rows_added_ == 0; }
  uint64_t size() const { return rows_added_; }
  size_t runs_spilled() const { return spilled_; }

  // Calls visit(key, value) for every row in key order. Call once.
  Status Merge(const std::function<Status(std::string_view key, std::string_view value)>& visit);

 private:
  struct Row {
    const char* bytes;
    uint32_t key_size, value_size;
    std::string_view key() const { return {bytes, key_size}; }
    std::string_view value() const { return {bytes + key_size, value_size}; }
  };
  void SortRows();
  Status Spill();
  void Clear();
  std::string RunPath(size_t n) const;
  Status MergeRuns(const std::vector<std::string>& paths, bool with_memory,
                   const std::function<Status(std::string_view, std::string_view)>& visit);
  bool RunsAreInOrder() const;
  Status Concatenate(const std::function<Status(std::string_view, std::string_view)>& visit);
  void RemoveRuns();

  ExternalSortOptions options_;
  std::vector<std::string> chunks_;  // rows' bytes, back to back; a chunk never grows past its capacity
  std::vector<Row> rows_;
  size_t bytes_held_ = 0;
  size_t limit_ = 0;  // the budget when the last chunk started
  std::vector<std::string> runs_;  // oldest first
  // Each spilled run's first and last key: runs that follow one another
  // without overlapping (claim records, which arrive in key order) are read
  // one after the other, with no merge and no key comparison.
  std::vector<std::pair<std::string, std::string>> bounds_;
  size_t next_run_ = 0;
  size_t spilled_ = 0;
  uint64_t rows_added_ = 0;
  Status status_;
};

}  // namespace claimgraph::storage
