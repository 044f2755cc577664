// The claims one write transaction asserted, by identity: what the duplicate
// rule looks up once per claim (a bulk import asserts millions).
//
// Open addressing over 8-byte slots (a 32-bit position in `rows_` and 32 bits
// of the hash), the keys themselves packed in one vector: a lookup of a new
// claim — the common case of an import — reads one or two slots and no key,
// and the whole table is three allocations, not one node per claim (freeing a
// million nodes had cost a tenth of an import). Holds up to 2^32 - 2 keys (a
// bulk import is refused past 2^32 - 1 claims anyway: BulkSink).
#pragma once

#include <cstdint>
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
      if (s.tag == Tag(h) && rows_[s.row - 1].first == key) return &rows_[s.row - 1].second;
    }
    return nullptr;
  }
  // Stores `value` under `key`, replacing the value it had.
  void Put(const Key& key, Value value) {
    if ((rows_.size() + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = Hash()(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.row == 0) {
        rows_.emplace_back(key, std::move(value));
        s = {static_cast<uint32_t>(rows_.size()), Tag(h)};
        return;
      }
      if (s.tag == Tag(h) && rows_[s.row - 1].first == key) {
        rows_[s.row - 1].second = std::move(value);
        return;
      }
    }
  }
  size_t size() const { return rows_.size(); }

 private:
  struct Slot {
    uint32_t row = 0;  // 1 + position in rows_; 0 = empty
    uint32_t tag = 0;  // the hash's high bits
  };
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32); }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    rows_.reserve(slots_.size() / 2);
    for (const Slot& s : old) {
      if (s.row == 0) continue;
      const uint64_t h = Hash()(rows_[s.row - 1].first);
      size_t i = h & mask_;
      while (slots_[i].row != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<std::pair<Key, Value>> rows_;
};

}  // namespace claimgraph::storage
