#include "storage/blocked_bloom.h"

#include <algorithm>
#include <bit>

namespace claimgraph::storage {
namespace {

constexpr int kProbes = 8;
constexpr size_t kKeysPerBlock = 512 / 16;

// The probes' positions in the block: double hashing on bits the block's
// choice (the high bits of a multiplicative hash) does not use.
template <typename F>
void ForEachBit(uint64_t hash, F f) {
  uint64_t g = (hash ^ (hash >> 31)) * 0xBF58476D1CE4E5B9ull;
  g ^= g >> 29;
  uint32_t a = static_cast<uint32_t>(g), b = static_cast<uint32_t>(g >> 32) | 1;
  for (int i = 0; i < kProbes; ++i, a += b) f((a >> 23) & 511);
}

}  // namespace

BlockedBloom::BlockedBloom(size_t capacity) {
  const size_t blocks = std::bit_ceil(std::max<size_t>(16, (capacity + kKeysPerBlock - 1) / kKeysPerBlock));
  blocks_.resize(blocks);
  shift_ = 64 - std::countr_zero(blocks);
  capacity_ = blocks * kKeysPerBlock;
}

void BlockedBloom::Add(uint64_t hash) {
  Block& b = const_cast<Block&>(BlockOf(hash));
  ForEachBit(hash, [&](unsigned bit) { b.words[bit >> 6] |= uint64_t{1} << (bit & 63); });
}

bool BlockedBloom::MayContain(uint64_t hash) const {
  const Block& b = BlockOf(hash);
  bool all = true;
  ForEachBit(hash, [&](unsigned bit) { all &= (b.words[bit >> 6] >> (bit & 63)) & 1; });
  return all;
}

}  // namespace claimgraph::storage
