// The claims one write transaction asserted, by identity: what the duplicate
// rule looks up once per claim (a bulk import asserts millions).
//
// Open addressing over 8-byte slots (a 32-bit row number and 32 bits
// of the hash), the keys themselves packed in fixed-size blocks: a lookup of a
// new claim — the common case of an import — reads one or two slots and no
// key, and the table is a few allocations, not one node per claim (freeing a
// million nodes had cost a tenth of an import). Blocks, not one vector: a
// vector of rows copied itself at each doubling, briefly holding the rows
// twice (a bulk import's peak memory). Holds up to 2^32 - 2 keys (a bulk
// import is refused past 2^32 - 1 claims anyway: BulkSink).
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace claimgraph::storage {

template <typename Key, typename Value, typename Hash>
class IdentityTable {
 public:
  // The value stored under `key`, or nullptr.
  Value* Find(const Key& key) {
    const uint64_t h = Hash()(key);
    for (size_t i = h & mask_; !slots_.empty(); i = (i + 1) & mask_) {
      const Slot s = slots_[i];
      if (s.row == 0) return nullptr;
      if (s.tag == Tag(h) && Row(s.row).first == key) return &Row(s.row).second;
    }
    return nullptr;
  }
  // Stores `value` under `key`, replacing the value it had.
  void Put(const Key& key, Value value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = Hash()(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.row == 0) {
        if (size_ / kBlockRows == blocks_.size()) blocks_.push_back(std::make_unique<std::pair<Key, Value>[]>(kBlockRows));
        blocks_[size_ / kBlockRows][size_ % kBlockRows] = {key, std::move(value)};
        s = {static_cast<uint32_t>(++size_), Tag(h)};
        return;
      }
      if (s.tag == Tag(h) && Row(s.row).first == key) {
        Row(s.row).second = std::move(value);
        return;
      }
    }
  }
  size_t size() const { return size_; }
  // The bytes its slots and row blocks hold (what a memory account is charged).
  size_t MemoryBytes() const {
    return slots_.capacity() * sizeof(Slot) + blocks_.size() * kBlockRows * sizeof(std::pair<Key, Value>);
  }
  // Calls f(row) for every (key, value) row, in the order they were added.
  template <typename F>
  void ForEach(F f) const {
    for (size_t r = 0; r < size_; ++r) f(std::as_const(blocks_[r / kBlockRows][r % kBlockRows]));
  }
  // Empties the table and keeps its memory for the rows to come.
  void Reset() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }
  // Empties the table and gives its memory back.
  void Clear() {
    std::vector<Slot>().swap(slots_);
    std::vector<std::unique_ptr<std::pair<Key, Value>[]>>().swap(blocks_);
    size_ = 0;
    mask_ = 0;
  }

 private:
  struct Slot {
    uint32_t row = 0;  // 1 + the row's number; 0 = empty
    uint32_t tag = 0;  // the hash's high bits
  };
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32); }
  static constexpr size_t kBlockRows = 1 << 14;
  std::pair<Key, Value>& Row(uint32_t row) { return blocks_[(row - 1) / kBlockRows][(row - 1) % kBlockRows]; }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.row == 0) continue;
      const uint64_t h = Hash()(Row(s.row).first);
      size_t i = h & mask_;
      while (slots_[i].row != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<std::unique_ptr<std::pair<Key, Value>[]>> blocks_;  // of kBlockRows rows
  size_t size_ = 0;
};

}  // namespace claimgraph::storage
