// The names one bulk transaction created (storage/created_name_table.h), in
// bounded memory: the dictionary of a bulk import, built as it reads. An
// import of 50M claims creates ~3M entities and sources, ~200 bytes each
// across the tables that held them; this one holds at most its share of the
// import's budget and spills the rest, as the duplicate rule's table does
// (storage/spilling_identity_table.h).
//
// When the in-memory table passes its bytes, its names are appended to one
// names file in id order (ids only grow, so every spill's names follow the
// last's: one file, one sparse index of (first id, offset) per 64 names) and
// its (hash, offset of the name) rows, sorted by hash, to one hashes file as
// a run with its own sparse index and its own Bloom filter, and the table
// starts again empty.
//
// - Find(norm): the table, then each run, newest first, whose filter says
//   "maybe" (the run that holds it, or ~0.2% of the others; a norm is added
//   once, so the first match is the only one): a pread of the run's 16 rows
//   around the hash, and a row whose hash matches is checked against the
//   name itself, a pread of its record at the row's offset. (One filter over
//   every run, and rows that named ids, had a spilled name met again probe
//   every newer run and read a 64-name block to check it: twice the read
//   phase of a 20M import, most of it copying bytes out of the page cache.)
// - FindId(id): the table, or a binary search of the names file's index and a
//   pread of one block.
// - ForEach: every name in id order — the names file front to back, then the
//   table (what Commit writes as dictionary rows and log operations).
//
// Without Bound (an online transaction) nothing spills. Its files live in the
// bulk sink's temporary directory (removed with it) and are removed by Clear
// and the destructor.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "storage/blocked_bloom.h"
#include "storage/created_name_table.h"

namespace claimgraph::storage {

class SpillingNameTable {
 public:
  using Created = CreatedNameTable::Created;
  using HashFunction = uint64_t (*)(std::string_view);
  static uint64_t DefaultHash(std::string_view norm) { return std::hash<std::string_view>()(norm); }

  // `hash`: what the runs and the filter key on (a test gives a poor one, so
  // that names share hashes and a hash's rows span blocks).
  explicit SpillingNameTable(HashFunction hash = DefaultHash) : hash_(hash) {}
  SpillingNameTable(const SpillingNameTable&) = delete;
  SpillingNameTable& operator=(const SpillingNameTable&) = delete;
  ~SpillingNameTable() { Clear(); }

  // From now on the table holds about `memory_bytes` (at least 1,024 names) and
  // spills the rest into `dir`/`prefix`.names and .hashes.
  void Bound(std::string dir, std::string prefix, size_t memory_bytes);

  // The id created under `norm`, if any; an error when a spilled run cannot
  // be read.
  Result<std::optional<EntityId>> Find(std::string_view norm);
  // The name created with `id`, if this table holds it; its views stay valid
  // until the next call.
  Result<std::optional<Created>> FindId(EntityId id);
  // Adds a name; `norm` is not in the table and `id` is above every id in it.
  // An error when a full table cannot be spilled (a full disk): the table
  // answers nothing after that.
  Status Add(std::string_view norm, std::string_view name, EntityId id);
  // Calls `each` with every name in id order; stops at its first error.
  Status ForEach(const std::function<Status(const Created&)>& each);

  uint64_t size() const { return spilled_ + table_.size(); }
  uint64_t spilled() const { return spilled_; }
  size_t runs() const { return runs_.size(); }
  // The bytes it holds: the table, the filter and the sparse indexes (what a
  // bulk import's memory account is charged).
  size_t MemoryBytes() const;
  // Empties the table, removes the files and gives the memory back.
  void Clear();

 private:
  static constexpr size_t kBlock = 64;        // names per entry of the names file's index
  static constexpr size_t kRowBlock = 16;     // hash rows per entry of a run's index
  static constexpr size_t kMinSpill = 1024;  // names
  struct HashRow {
    uint64_t hash;
    uint64_t offset;  // of the name's record in the names file
  };
  struct Run {  // one spill's rows in the hashes file
    uint64_t offset = 0, rows = 0;
    std::vector<uint64_t> first_hash;  // of rows 0, kRowBlock, 2 kRowBlock, ...
    BlockedBloom bloom;                // its rows' hashes
  };
  struct NameBlock {  // kBlock names of the names file
    EntityId first_id;
    uint64_t offset;
  };

  Status Spill();
  Status OpenFiles();
  // The spilled name whose record starts at `offset`, read into block_.
  Result<Created> ReadNameAt(uint64_t offset);
  Result<std::optional<EntityId>> FindInRun(const Run& run, std::string_view norm, uint64_t hash);
  // The spilled name `id`, read into block_; nullopt when none was spilled.
  Result<std::optional<Created>> ReadSpilled(EntityId id);

  HashFunction hash_;
  CreatedNameTable table_;
  size_t max_bytes_ = 0;  // 0: unbounded
  std::string names_path_, hashes_path_;
  int names_fd_ = -1, hashes_fd_ = -1;  // appended by Spill, read by pread
  uint64_t names_size_ = 0, hashes_size_ = 0;
  std::vector<NameBlock> name_blocks_;
  std::vector<Run> runs_;  // oldest first
  uint64_t spilled_ = 0;
  EntityId last_spilled_id_ = 0;
  std::string block_;  // what ReadSpilled or ReadNameAt read last
  Status status_;
};

}  // namespace claimgraph::storage
