// A Bloom filter over 64-bit hashes whose probes for one key all fall in one
// 64-byte block (one cache line): what a bulk import asks once per claim, for
// the identities it spilled (storage/spilling_identity_table.h). "No" is
// exact; "maybe" is wrong for ~0.1-0.3% of absent keys at the designed load
// (16 bits a key: 8 probes in a 512-bit block).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace claimgraph::storage {

class BlockedBloom {
 public:
  // Sized for `capacity` keys (at least 512) at 16 bits a key.
  explicit BlockedBloom(size_t capacity = 0);
  void Add(uint64_t hash);
  bool MayContain(uint64_t hash) const;
  size_t capacity() const { return capacity_; }
  size_t bytes() const { return blocks_.size() * sizeof(Block); }

 private:
  struct alignas(64) Block {
    uint64_t words[8] = {};
  };
  const Block& BlockOf(uint64_t hash) const { return blocks_[(hash * 0x9E3779B97F4A7C15ull) >> shift_]; }
  std::vector<Block> blocks_;  // a power of two of them
  int shift_ = 64;             // 64 - log2(blocks_.size())
  size_t capacity_ = 0;
};

}  // namespace claimgraph::storage
