#include "storage/row_sorter.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "storage/merge_sources.h"

namespace claimgraph::storage {
namespace {

// A million claim records had been two million strings to allocate and free:
// rows are packed into chunks of this size instead.
constexpr size_t kChunk = 4 << 20;
constexpr size_t kMaxFanIn = 64;

// One row in a run file: key size, value size (4 bytes each, native order:
// the file never leaves this process), key, value.
struct RowHeader {
  uint32_t key_size, value_size;
};

// A run being read back: the current row, in buffers reused row after row.
struct RowCursor {
  RunReader reader;
  std::string key, value;
  Result<bool> Next() {
    RowHeader h;
    CG_ASSIGN_OR_RETURN(bool has, reader.Read(&h, sizeof h));
    if (!has) return false;
    key.resize(h.key_size);
    value.resize(h.value_size);
    CG_ASSIGN_OR_RETURN(bool k, reader.Read(key.data(), key.size()));
    CG_ASSIGN_OR_RETURN(bool v, reader.Read(value.data(), value.size()));
    if ((!k && h.key_size) || (!v && h.value_size)) return Status::Corruption("run file ends inside a row");
    return true;
  }
};

}  // namespace

RowSorter::RowSorter(ExternalSortOptions options) : options_(std::move(options)) {}

RowSorter::~RowSorter() { RemoveRuns(); }

void RowSorter::Add(std::string_view key, std::string_view value) {
  if (!status_.ok()) return;
  const size_t need = key.size() + value.size();
  if (chunks_.empty() || chunks_.back().size() + need > chunks_.back().capacity()) {
    // The budget now (a bulk import's sorters share what its tables leave,
    // external_sort.h), asked once a chunk.
    limit_ = options_.budget_now ? options_.budget_now() : options_.budget_bytes;
    chunks_.emplace_back();
    // Chunks of a quarter of the budget at most, so a small budget is not
    // exceeded by its first chunk.
    chunks_.back().reserve(std::max(std::clamp<size_t>(limit_ / 4, 4096, kChunk), need));
    bytes_held_ += chunks_.back().capacity();
  }
  std::string& chunk = chunks_.back();
  const char* at = chunk.data() + chunk.size();  // stays put: the chunk never grows past its capacity
  chunk.append(key).append(value);
  rows_.push_back({at, static_cast<uint32_t>(key.size()), static_cast<uint32_t>(value.size())});
  ++rows_added_;
  // The row index counts twice: a sort may need a copy of it.
  if (bytes_held_ + 2 * rows_.size() * sizeof(Row) >= limit_) status_ = Spill();
}

void RowSorter::SortRows() {
  auto by_key = [](const Row& a, const Row& b) { return a.key() < b.key(); };
  // Claim records arrive in key order: checking is much cheaper than sorting.
  if (!std::is_sorted(rows_.begin(), rows_.end(), by_key)) std::stable_sort(rows_.begin(), rows_.end(), by_key);
}

std::string RowSorter::RunPath(size_t n) const {
  return options_.dir + "/" + options_.name + "-" + std::to_string(n) + ".run";
}

Status RowSorter::Spill() {
  SortRows();
  const std::string path = RunPath(next_run_++);
  runs_.push_back(path);  // listed before it is written: removed on every path
  CG_ASSIGN_OR_RETURN(RunWriter out, RunWriter::Create(path));
  for (const Row& row : rows_) {
    const RowHeader h{row.key_size, row.value_size};
    CG_RETURN_IF_ERROR(out.Write(&h, sizeof h));
    CG_RETURN_IF_ERROR(out.Write(row.bytes, row.key_size + row.value_size));
  }
  CG_RETURN_IF_ERROR(out.Close());
  bounds_.emplace_back(std::string(rows_.front().key()), std::string(rows_.back().key()));
  Clear();
  ++spilled_;
  return Status::Ok();
}

bool RowSorter::RunsAreInOrder() const {
  if (bounds_.size() != runs_.size()) return false;
  for (size_t i = 1; i < bounds_.size(); ++i)
    if (!(bounds_[i - 1].second < bounds_[i].first)) return false;
  return bounds_.empty() || rows_.empty() || bounds_.back().second < rows_.front().key();
}

Status RowSorter::Concatenate(const std::function<Status(std::string_view, std::string_view)>& visit) {
  for (const auto& path : runs_) {
    CG_ASSIGN_OR_RETURN(RunReader reader, RunReader::Open(path));
    RowCursor cursor{std::move(reader), {}, {}};
    for (;;) {
      CG_ASSIGN_OR_RETURN(bool has, cursor.Next());
      if (!has) break;
      CG_RETURN_IF_ERROR(visit(cursor.key, cursor.value));
    }
  }
  for (const Row& row : rows_) CG_RETURN_IF_ERROR(visit(row.key(), row.value()));
  return Status::Ok();
}

void RowSorter::Clear() {
  std::vector<std::string>().swap(chunks_);
  std::vector<Row>().swap(rows_);
  bytes_held_ = 0;
}

Status RowSorter::Merge(const std::function<Status(std::string_view, std::string_view)>& visit) {
  CG_RETURN_IF_ERROR(status_);
  SortRows();
  uint64_t handed = 0;
  auto counted = [&](std::string_view k, std::string_view v) -> Status {
    if (options_.TEST_fail_after && ++handed > options_.TEST_fail_after)
      return Status::IOError("TEST: merge of " + options_.name + " failed after " +
                             std::to_string(options_.TEST_fail_after) + " rows");
    return visit(k, v);
  };
  if (!runs_.empty() && RunsAreInOrder()) {
    Status st = Concatenate(counted);
    RemoveRuns();
    Clear();
    return st;
  }
  // Spilled runs (bounds_) no longer match the list once merged: Concatenate
  // was decided above.
  CG_RETURN_IF_ERROR(ReduceRuns(
      &runs_, kMaxFanIn - 1, kMaxFanIn,
      [&](const std::vector<std::string>& group, RunWriter* out) {
        return MergeRuns(group, false, [&](std::string_view k, std::string_view v) -> Status {
          const RowHeader h{static_cast<uint32_t>(k.size()), static_cast<uint32_t>(v.size())};
          CG_RETURN_IF_ERROR(out->Write(&h, sizeof h));
          CG_RETURN_IF_ERROR(out->Write(k.data(), k.size()));
          return out->Write(v.data(), v.size());
        });
      },
      [&] { return RunPath(next_run_++); }));
  Status st = MergeRuns(runs_, true, counted);
  RemoveRuns();
  Clear();
  return st;
}

Status RowSorter::MergeRuns(const std::vector<std::string>& paths, bool with_memory,
                            const std::function<Status(std::string_view, std::string_view)>& visit) {
  if (paths.empty()) {
    for (const Row& row : rows_) CG_RETURN_IF_ERROR(visit(row.key(), row.value()));
    return Status::Ok();
  }
  std::vector<RowCursor> cursors;
  for (const auto& p : paths) {
    CG_ASSIGN_OR_RETURN(RunReader reader, RunReader::Open(p));
    cursors.push_back({std::move(reader), {}, {}});
  }
  const size_t memory = cursors.size();  // the source number of the rows in memory
  size_t memory_at = 0;
  auto key_of = [&](size_t s) -> std::string_view { return s == memory ? rows_[memory_at - 1].key() : cursors[s].key; };
  auto next = [&](size_t s) -> Result<bool> {
    if (s < memory) return cursors[s].Next();
    if (!with_memory || memory_at == rows_.size()) return false;
    ++memory_at;
    return true;
  };
  auto after = [&](size_t a, size_t b) {
    const int c = key_of(a).compare(key_of(b));
    return c != 0 ? c > 0 : a > b;
  };
  return MergeSources(memory + 1, next, after, [&](size_t s) {
    return s == memory ? visit(rows_[memory_at - 1].key(), rows_[memory_at - 1].value())
                       : visit(cursors[s].key, cursors[s].value);
  });
}

void RowSorter::RemoveRuns() {
  std::error_code ec;
  for (const auto& p : runs_) std::filesystem::remove(p, ec);
  runs_.clear();
  bounds_.clear();
}

}  // namespace claimgraph::storage
