// The entities one write transaction created by name alone
// (ResolveOrCreateEntity: an import meets ~1M new names at 20M claims), or
// the sources it created by key alone, in one compact table: the lookup key
// (an entity's normalized name, a source's key) -> id, and by id the name
// (an entity's name as first written; a source's key), for the record and
// the alias or dictionary row written at commit.
//
// The names are packed in an arena (base/byte_arena.h); each entity is a
// 16-byte entry (id, where its names start) and 2–4 8-byte slots of open
// addressing, at most half full (entry number and 32 bits of the hash), so a
// lookup of an unknown name reads one or two slots and no name. About 50
// bytes plus the names' bytes an entity, where the maps of strings it
// replaces (the alias cache, the new aliases, the Entity records) held the
// names three times over at ~400 bytes. Ids are added in increasing order
// (the transaction hands them out so), which makes the by-id lookup a binary
// search and the commit's walk a merge with the transaction's other entity
// changes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "base/byte_arena.h"
#include "storage/types.h"

namespace claimgraph::storage {

class CreatedNameTable {
 public:
  struct Created {
    EntityId id;
    std::string_view norm;  // the lookup key: an entity's NormalizeAlias(name), a source's key
    std::string_view name;  // an entity's name as first written; a source's key
  };

  // The id created under `norm`, if any.
  std::optional<EntityId> Find(std::string_view norm) const {
    const uint64_t h = Hash(norm);
    for (size_t i = h & mask_; !slots_.empty(); i = (i + 1) & mask_) {
      const Slot s = slots_[i];
      if (s.entry == 0) return std::nullopt;
      if (s.tag == Tag(h) && At(s.entry - 1).norm == norm) return entries_[s.entry - 1].id;
    }
    return std::nullopt;
  }
  // The entity created with id `id`, if this table holds it.
  std::optional<Created> FindId(EntityId id) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), id,
                               [](const Entry& e, EntityId want) { return e.id < want; });
    if (it == entries_.end() || it->id != id) return std::nullopt;
    return At(it - entries_.begin());
  }
  // Adds an entity; `norm` is not in the table and `id` is above every id in it.
  void Add(std::string_view norm, std::string_view name, EntityId id) {
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.push_back({id, Store(norm, name)});
    const uint64_t h = Hash(norm);
    size_t i = h & mask_;
    while (slots_[i].entry != 0) i = (i + 1) & mask_;
    slots_[i] = {static_cast<uint32_t>(entries_.size()), Tag(h)};
  }
  size_t size() const { return entries_.size(); }
  // The bytes it holds: entries, slots and the names' arena (what a bulk
  // import's memory account is charged).
  size_t MemoryBytes() const {
    return entries_.capacity() * sizeof(Entry) + slots_.capacity() * sizeof(Slot) + names_.bytes();
  }
  // The i-th entity added (ids increase with i).
  Created At(size_t i) const {
    const char* p = entries_[i].names;
    uint32_t norm_size, name_size;
    std::memcpy(&norm_size, p, 4);
    std::memcpy(&name_size, p + 4, 4);
    const std::string_view norm(p + 8, norm_size);
    // Most names are their own normal form: stored once (name_size 0; a name
    // is never empty, as its normal form is not).
    return {entries_[i].id, norm, name_size == 0 ? norm : std::string_view(p + 8 + norm_size, name_size)};
  }
  // Empties the table and gives its memory back.
  void Clear() {
    std::vector<Entry>().swap(entries_);
    std::vector<Slot>().swap(slots_);
    names_.Clear();
    mask_ = 0;
  }

 private:
  struct Entry {
    EntityId id;
    const char* names;  // in names_: norm size, name size (4 bytes each), norm, name
  };
  struct Slot {
    uint32_t entry = 0;  // 1 + the entry's number; 0 = empty
    uint32_t tag = 0;    // the hash's high bits
  };
  static uint64_t Hash(std::string_view s) { return std::hash<std::string_view>()(s); }
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32); }

  const char* Store(std::string_view norm, std::string_view name) {
    const uint32_t norm_size = static_cast<uint32_t>(norm.size());
    const uint32_t name_size = name == norm ? 0 : static_cast<uint32_t>(name.size());
    char* p = names_.Allocate(8 + norm_size + name_size);
    std::memcpy(p, &norm_size, 4);
    std::memcpy(p + 4, &name_size, 4);
    std::memcpy(p + 8, norm.data(), norm_size);
    if (name_size) std::memcpy(p + 8 + norm_size, name.data(), name_size);
    return p;
  }

  void Grow() {
    const size_t n = slots_.empty() ? 1024 : 2 * slots_.size();
    std::vector<Slot>().swap(slots_);  // rebuilt from the entries: the old slots go first
    slots_.assign(n, Slot{});
    mask_ = slots_.size() - 1;
    // The entries vector doubles: keep its growth in step with the slots'.
    entries_.reserve(slots_.size() / 2);
    for (size_t e = 0; e < entries_.size(); ++e) {
      const uint64_t h = Hash(At(e).norm);
      size_t i = h & mask_;
      while (slots_[i].entry != 0) i = (i + 1) & mask_;
      slots_[i] = {static_cast<uint32_t>(e + 1), Tag(h)};
    }
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  base::ByteArena names_;
};

}  // namespace claimgraph::storage
