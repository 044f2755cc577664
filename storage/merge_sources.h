// The k-way merge both external sorters run (external_sort.h for fixed-size
// records, row_sorter.h for key/value rows): sources numbered 0..n-1, each
// already sorted, merged through a heap of source numbers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "base/status.h"

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

}  // namespace claimgraph::storage
