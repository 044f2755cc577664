// The k-way merge both external sorters run (external_sort.h for fixed-size
// records, row_sorter.h for key/value rows): sources numbered 0..n-1, each
// already sorted, merged through a heap of source numbers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"
#include "storage/run_file.h"

namespace claimgraph::storage {

// `next(s)` moves source s to its next record (Result<bool>: false when it has
// none left); `comes_after(a, b)` says whether source a's current record goes
// after source b's (the caller breaks ties, by source number, to keep a
// stable order); `visit(s)` takes source s's current record (Status).
template <typename Next, typename ComesAfter, typename Visit>
Status MergeSources(size_t sources, Next next, ComesAfter comes_after, Visit visit) {
  std::vector<size_t> heap;  // a max-heap under comes_after: the front goes first
  for (size_t s = 0; s < sources; ++s) {
    CG_ASSIGN_OR_RETURN(bool has, next(s));
    if (has) heap.push_back(s);
  }
  std::make_heap(heap.begin(), heap.end(), comes_after);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), comes_after);
    const size_t s = heap.back();
    CG_RETURN_IF_ERROR(visit(s));
    CG_ASSIGN_OR_RETURN(bool has, next(s));
    if (has)
      std::push_heap(heap.begin(), heap.end(), comes_after);
    else
      heap.pop_back();
  }
  return Status::Ok();
}

// Merges neighbouring run files of `runs` (oldest first), at most `fan_in`
// at a time, until at most `max_runs` are left, in order (so ties keep
// their order). Pass after pass over the list: each pass rewrites every
// record once at most, and the last merges only as many runs as it must.
// (Merging the oldest runs into one, again and again, rewrote the first
// records once per merge: a small budget's thousand runs cost ~15 rewrites
// of the data.) `merge(group, out)` writes the group's runs merged into
// `out`; `new_path()` names a new run. The list always names every file
// there is (a merged run is listed before it is written, its group unlisted
// once it is complete), so whatever fails, the caller's cleanup finds them.
template <typename Merge, typename NewPath>
Status ReduceRuns(std::vector<std::string>* runs, size_t max_runs, size_t fan_in, Merge merge, NewPath new_path) {
  size_t at = 0;
  while (runs->size() > max_runs && max_runs > 0) {
    if (runs->size() - at < 2) {  // this pass is over: the next starts at the oldest run again
      at = 0;
      continue;
    }
    const size_t n = std::min({fan_in, runs->size() - at, runs->size() - max_runs + 1});
    const std::vector<std::string> group(runs->begin() + at, runs->begin() + at + n);
    const std::string merged = new_path();
    runs->insert(runs->begin() + at, merged);
    CG_ASSIGN_OR_RETURN(RunWriter out, RunWriter::Create(merged));
    CG_RETURN_IF_ERROR(merge(group, &out));
    CG_RETURN_IF_ERROR(out.Close());
    runs->erase(runs->begin() + at + 1, runs->begin() + at + 1 + n);
    std::error_code ec;
    for (const auto& p : group) std::filesystem::remove(p, ec);
    ++at;
  }
  return Status::Ok();
}

}  // namespace claimgraph::storage
