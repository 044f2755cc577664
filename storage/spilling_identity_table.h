// The claims a bulk import asserted, by identity, in bounded memory: the
// duplicate rule's table (storage/identity_table.h) holds at most `rows` keys;
// when it is full they are sorted by hash and written as a run file (the
// key and its value, fixed-size rows), their hashes go into one Bloom filter
// over every run, and the table starts again empty. Find asks the table
// first (the newest rows), then — only when the filter says "maybe": a
// duplicate, or ~0.2% of new claims — each run, newest first, by a binary
// search of the run's sparse index (the first hash of every 64 rows) and a
// pread of a block or two. The answer is exactly the unbounded table's: the
// value of the newest Put of the key.
//
// What stays in memory per key spilled: the filter (2-4 bytes; it doubles,
// rebuilt from the runs' hash files, when it passes its capacity) and the
// sparse index (1/8 byte). Run files live in `dir` (the bulk sink's temporary
// directory, which the sink removes) and are removed by Clear and the
// destructor. Without a dir (Bound never called) nothing is spilled.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/status.h"
#include "storage/blocked_bloom.h"
#include "storage/identity_table.h"
#include "storage/run_file.h"

namespace claimgraph::storage {

template <typename Key, typename Value, typename Hash>
class SpillingIdentityTable {
 public:
  struct Row {
    Key key;
    Value value;
  };
  static_assert(std::is_trivially_copyable_v<Row>);
  // Memory the table holds per key, at most: the row, its slots (2 a row at
  // the fullest, 8 bytes each) and the spill's sort scratch.
  static constexpr size_t kBytesPerRow = sizeof(std::pair<Key, Value>) + 16 + 16;

  SpillingIdentityTable() = default;
  SpillingIdentityTable(const SpillingIdentityTable&) = delete;
  SpillingIdentityTable& operator=(const SpillingIdentityTable&) = delete;
  ~SpillingIdentityTable() { Clear(); }

  // From now on at most `memory_bytes` / kBytesPerRow keys (a power of two, at
  // least 64) are held; the rest spill into run files in `dir`.
  void Bound(std::string dir, size_t memory_bytes) {
    dir_ = std::move(dir);
    max_rows_ = 64;
    while (max_rows_ * 2 * kBytesPerRow <= memory_bytes) max_rows_ *= 2;
  }

  // The value of the newest Put of `key`, if any; an error when a run cannot
  // be read.
  Result<std::optional<Value>> Find(const Key& key) {
    if (const Value* v = table_.Find(key)) return std::optional<Value>(*v);
    if (runs_.empty()) return std::optional<Value>();
    const uint64_t h = Hash()(key);
    if (!bloom_.MayContain(h)) return std::optional<Value>();
    for (auto run = runs_.rbegin(); run != runs_.rend(); ++run) {
      CG_ASSIGN_OR_RETURN(std::optional<Value> v, FindInRun(*run, key, h));
      if (v) return v;
    }
    return std::optional<Value>();
  }

  // Stores `value` under `key`, replacing the value it had; an error when a
  // full table cannot be spilled (a full disk): nothing can be found then.
  Status Put(const Key& key, Value value) {
    CG_RETURN_IF_ERROR(status_);
    table_.Put(key, std::move(value));
    if (max_rows_ != 0 && table_.size() >= max_rows_) status_ = Spill();
    return status_;
  }

  size_t runs() const { return runs_.size(); }
  // The bytes it holds: the table, the filter and the runs' sparse indexes
  // (what a bulk import's memory account is charged; the spill's sort
  // scratch is transient).
  size_t MemoryBytes() const { return table_.MemoryBytes() + bloom_.bytes() + index_bytes_; }
  // Empties the table, removes the runs and gives the memory back.
  void Clear() {
    table_.Clear();
    for (Run& r : runs_) {
      ::close(r.fd);
      std::error_code ec;
      std::filesystem::remove(r.path, ec);
      std::filesystem::remove(r.path + ".hash", ec);
    }
    runs_.clear();
    bloom_ = BlockedBloom();
    spilled_ = 0;
    index_bytes_ = 0;
  }

 private:
  static constexpr size_t kBlock = 64;  // rows per sparse-index entry
  struct Run {
    std::string path;
    int fd = -1;
    uint64_t rows = 0;
    std::vector<uint64_t> first_hash;  // of rows 0, kBlock, 2 kBlock, ...
  };

  Status Spill() {
    std::vector<std::pair<uint64_t, const std::pair<Key, Value>*>> order;
    order.reserve(table_.size());
    table_.ForEach([&](const std::pair<Key, Value>& kv) { order.emplace_back(Hash()(kv.first), &kv); });
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Run run;
    run.path = dir_ + "/identities-" + std::to_string(runs_.size()) + ".run";
    // Plain: FindInRun reads its rows at their offsets.
    CG_ASSIGN_OR_RETURN(RunWriter rows, RunWriter::Create(run.path, RunFormat::kPlain));
    CG_ASSIGN_OR_RETURN(RunWriter hashes, RunWriter::Create(run.path + ".hash"));
    for (const auto& [h, kv] : order) {
      if (run.rows % kBlock == 0) run.first_hash.push_back(h);
      const Row row{kv->first, kv->second};
      CG_RETURN_IF_ERROR(rows.Write(&row, sizeof(row)));
      CG_RETURN_IF_ERROR(hashes.Write(&h, sizeof(h)));
      ++run.rows;
    }
    CG_RETURN_IF_ERROR(rows.Close());
    CG_RETURN_IF_ERROR(hashes.Close());
    run.fd = ::open(run.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (run.fd < 0) return Status::IOError("cannot open " + run.path + ": " + std::strerror(errno));
    index_bytes_ += run.first_hash.capacity() * sizeof(uint64_t) + sizeof(Run);
    runs_.push_back(std::move(run));
    spilled_ += order.size();
    if (spilled_ > bloom_.capacity()) {
      CG_RETURN_IF_ERROR(RebuildBloom());
    } else {
      for (const auto& o : order) bloom_.Add(o.first);
    }
    table_.Reset();
    return Status::Ok();
  }

  // A filter for twice the keys spilled, filled from every run's hashes.
  Status RebuildBloom() {
    bloom_ = BlockedBloom();  // the old one's memory goes first
    bloom_ = BlockedBloom(spilled_ * 2);
    for (const Run& r : runs_) {
      CG_ASSIGN_OR_RETURN(RunReader hashes, RunReader::Open(r.path + ".hash"));
      for (uint64_t h;;) {
        CG_ASSIGN_OR_RETURN(bool more, hashes.Read(&h, sizeof(h)));
        if (!more) break;
        bloom_.Add(h);
      }
    }
    return Status::Ok();
  }

  Result<std::optional<Value>> FindInRun(const Run& run, const Key& key, uint64_t h) {
    // Rows of hash h start in the last block whose first hash is below h
    // (or in the first block).
    size_t b = std::lower_bound(run.first_hash.begin(), run.first_hash.end(), h) - run.first_hash.begin();
    if (b > 0) --b;
    Row rows[kBlock];
    for (; b < run.first_hash.size(); ++b) {
      if (run.first_hash[b] > h) break;
      const size_t n = std::min<uint64_t>(kBlock, run.rows - b * kBlock);
      CG_RETURN_IF_ERROR(ReadFullyAt(run.fd, run.path, rows, n * sizeof(Row), b * kBlock * sizeof(Row)));
      for (size_t i = 0; i < n; ++i) {
        const uint64_t rh = Hash()(rows[i].key);
        if (rh > h) return std::optional<Value>();
        if (rh == h && rows[i].key == key) return std::optional<Value>(rows[i].value);
      }
    }
    return std::optional<Value>();
  }

  IdentityTable<Key, Value, Hash> table_;
  size_t max_rows_ = 0;  // 0: unbounded
  std::string dir_;
  std::vector<Run> runs_;  // oldest first
  BlockedBloom bloom_;
  uint64_t spilled_ = 0;
  size_t index_bytes_ = 0;  // the runs' sparse indexes
  Status status_;
};

}  // namespace claimgraph::storage
