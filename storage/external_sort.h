// Sorting more fixed-size records than a memory budget holds (a bulk import's
// index entries): records are buffered up to the budget; a full buffer is
// sorted and written to a run file by a background thread while the next one
// fills (the import's writing thread does not wait for the sort and the
// disk); Merge reads the runs back together with the last, unspilled buffer
// and hands every record over in order. Nothing is spilled when everything
// fits, so a small import costs what an in-memory sort does.
//
// Contract: T is trivially copyable (runs hold its bytes); `Less` is a strict
// weak order; records that compare equal come out in the order they were
// added (runs are merged oldest first on ties, and `sort_run` must be stable
// for that to hold within a run). Run files live in `dir` (which the caller
// creates and removes) and are deleted by the sorter as soon as they are
// merged, and by its destructor on every path.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <type_traits>
#include <vector>

#include "base/status.h"
#include "storage/merge_sources.h"
#include "storage/run_file.h"

namespace claimgraph::storage {

struct ExternalSortOptions {
  std::string dir;   // where run files go
  std::string name;  // run files are dir/name-N.run
  size_t budget_bytes = 64 << 20;  // the buffer plus its sort's scratch
  // When set, the budget now, asked as each buffer starts (instead of
  // budget_bytes): a bulk import's sorters share what its growing tables
  // leave of one account (base/memory_account.h), so their runs shrink as the
  // tables grow.
  std::function<size_t()> budget_now;
  // Tests only: Merge fails with an IOError after handing over this many
  // records (0: never), to check that a failed merge leaves nothing behind.
  uint64_t TEST_fail_after = 0;
};

template <typename T, typename Less>
class ExternalSorter {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  // Sorts one buffer stably by Less. `scratch` is the sorter's own and kept
  // between runs (a radix sort's copy: sized anew only when the runs' size
  // changes, so its pages are not faulted in again for every run); the sort
  // may swap it with the run.
  using SortRun = std::function<void(std::vector<T>* run, std::vector<T>* scratch)>;
  // The default `sort_run` is std::stable_sort.
  explicit ExternalSorter(ExternalSortOptions options, SortRun sort_run = {})
      : options_(std::move(options)), sort_run_(std::move(sort_run)) {
    if (!sort_run_) sort_run_ = [](std::vector<T>* v, std::vector<T>*) { std::stable_sort(v->begin(), v->end(), Less()); };
  }
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;
  ~ExternalSorter() {
    (void)WaitForSpill();  // its file is listed in runs_: removed below
    RemoveRuns();
  }

  // Errors (a full disk) are kept and returned by Merge; later adds are dropped.
  void Add(const T& record) {
    if (!status_.ok()) return;
    if (buffer_.empty()) StartBuffer();
    buffer_.push_back(record);
    ++size_;
    if (buffer_.size() >= capacity_) status_ = StartSpill();
  }

  uint64_t size() const { return size_; }
  size_t runs_spilled() const { return spilled_; }
  // How many records the buffer being filled takes before it spills.
  size_t buffer_capacity() const { return capacity_; }

  // Calls visit(record) for every record added, in order; stops at the first
  // error (of visit's, or of reading a run). Call once.
  Status Merge(const std::function<Status(const T&)>& visit) {
    CG_RETURN_IF_ERROR(status_);
    CG_RETURN_IF_ERROR(WaitForSpill());
    std::vector<T>().swap(spilling_);
    SortWithScratch(&buffer_);
    // Merge neighbouring runs, kMaxFanIn at a time, until all runs and the
    // buffer can be read at once (a file and a read buffer each).
    CG_RETURN_IF_ERROR(ReduceRuns(
        &runs_, kMaxFanIn - 1, kMaxFanIn,
        [&](const std::vector<std::string>& group, RunWriter* out) {
          return MergeRuns(group, nullptr, [&](const T& r) { return out->Write(&r, sizeof r); });
        },
        [&] { return RunPath(next_run_++); }));
    uint64_t handed = 0;
    auto counted = [&](const T& r) -> Status {
      if (options_.TEST_fail_after && ++handed > options_.TEST_fail_after)
        return Status::IOError("TEST: merge of " + options_.name + " failed after " +
                               std::to_string(options_.TEST_fail_after) + " records");
      return visit(r);
    };
    std::vector<T>().swap(scratch_);
    Status st = MergeRuns(runs_, &buffer_, counted);
    RemoveRuns();
    std::vector<T>().swap(buffer_);
    return st;
  }

 private:
  static constexpr size_t kMaxFanIn = 64;

  std::string RunPath(size_t n) const { return options_.dir + "/" + options_.name + "-" + std::to_string(n) + ".run"; }

  // An empty buffer, sized by the budget now: a third of it holds the
  // records being added, a third the buffer being spilled, a third its
  // sort's scratch (a radix sort needs a copy).
  //
  // The allocation is kept from run to run while it fits the share and is
  // no more than an eighth under it: a fresh buffer costs a page fault per
  // 4 KiB as it fills and the allocator's madvise when freed, and in a bulk
  // import the share shrinks a little at every run as the name tables grow
  // (at 20M claims that made page faults a sixth of the writing thread's
  // time). A share that fell below the allocation gets a new one an eighth
  // under it, so that the next few shares still fit it; the budget is never
  // passed.
  void StartBuffer() {
    const size_t budget = options_.budget_now ? options_.budget_now() : options_.budget_bytes;
    const size_t share = std::max<size_t>(1, budget / (3 * sizeof(T)));
    const size_t floor = share - share / 8;
    buffer_.clear();
    const size_t have = buffer_.capacity();
    if (have > share) {
      std::vector<T>().swap(buffer_);  // a smaller share: give the rest back
      capacity_ = std::max<size_t>(1, floor);
    } else if (have >= floor && have > 0) {
      capacity_ = have;
    } else {
      capacity_ = share;
    }
    buffer_.reserve(capacity_);
  }

  // Hands the full buffer to a background spill (after the previous one
  // finished) and starts an empty one.
  Status StartSpill() {
    CG_RETURN_IF_ERROR(WaitForSpill());
    spilling_.swap(buffer_);
    StartBuffer();
    const std::string path = RunPath(next_run_++);
    runs_.push_back(path);  // listed before it is written: removed on every path
    ++spilled_;
    spill_ = std::async(std::launch::async, [this, path] { return WriteRun(&spilling_, path); });
    return Status::Ok();
  }
  Status WaitForSpill() {
    if (!spill_.valid()) return Status::Ok();
    return spill_.get();
  }
  // The scratch follows the runs' size: one an eighth smaller than it is
  // given back (the share shrank) rather than kept over the budget.
  void SortWithScratch(std::vector<T>* run) {
    if (scratch_.capacity() > run->size() + run->size() / 8) std::vector<T>().swap(scratch_);
    sort_run_(run, &scratch_);
  }
  Status WriteRun(std::vector<T>* run, const std::string& path) {
    SortWithScratch(run);
    CG_ASSIGN_OR_RETURN(RunWriter out, RunWriter::Create(path));
    CG_RETURN_IF_ERROR(out.Write(run->data(), run->size() * sizeof(T)));
    return out.Close();
  }

  // The records of `paths` (in that order on ties) and then of `memory`, merged.
  Status MergeRuns(const std::vector<std::string>& paths, const std::vector<T>* memory,
                   const std::function<Status(const T&)>& visit) {
    if (paths.empty() && memory) {
      for (const T& r : *memory) CG_RETURN_IF_ERROR(visit(r));
      return Status::Ok();
    }
    std::vector<RunReader> readers;
    std::vector<T> heads(paths.size() + 1);
    for (size_t i = 0; i < paths.size(); ++i) {
      CG_ASSIGN_OR_RETURN(RunReader reader, RunReader::Open(paths[i]));
      readers.push_back(std::move(reader));
    }
    size_t memory_at = 0;
    auto next = [&](size_t source) -> Result<bool> {
      if (source < readers.size()) return readers[source].Read(&heads[source], sizeof(T));
      if (!memory || memory_at == memory->size()) return false;
      heads[source] = (*memory)[memory_at++];
      return true;
    };
    // A min-heap on (record, source): equal records leave the older source first.
    auto after = [&](size_t a, size_t b) {
      if (Less()(heads[b], heads[a])) return true;
      if (Less()(heads[a], heads[b])) return false;
      return a > b;
    };
    // The memory buffer is source paths.size().
    return MergeSources(paths.size() + 1, next, after, [&](size_t s) { return visit(heads[s]); });
  }

  static void RemoveFiles(const std::vector<std::string>& paths) {
    std::error_code ec;
    for (const auto& p : paths) std::filesystem::remove(p, ec);
  }
  void RemoveRuns() {
    RemoveFiles(runs_);
    runs_.clear();
  }

  ExternalSortOptions options_;
  SortRun sort_run_;
  std::vector<T> scratch_;  // sort_run_'s; used by one sort at a time (the spill, or Merge after it)
  size_t capacity_ = 1;  // of buffer_, set as it starts
  std::vector<T> buffer_;
  std::vector<T> spilling_;  // the buffer the background spill sorts and writes
  std::future<Status> spill_;
  std::vector<std::string> runs_;  // oldest first
  size_t next_run_ = 0;
  size_t spilled_ = 0;
  uint64_t size_ = 0;
  Status status_;
};

}  // namespace claimgraph::storage
