// Bytes that live as long as a table of many small names does, packed in
// 1 MiB blocks: one allocation per block instead of one per name (~32 bytes
// of a std::string plus a heap chunk), and nothing is copied as it grows.
// For the tables an import fills with a million names (the transaction's
// created entities, the N-Quads reader's term numbering).
#pragma once

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace claimgraph::base {

class ByteArena {
 public:
  // `size` bytes, valid until Clear or the arena's end.
  char* Allocate(size_t size) {
    // An empty arena has no block even for 0 bytes (an empty text: the
    // default graph's, the first a renumbered N-Quads numbering keeps).
    if (blocks_.empty() || used_ + size > block_size_) {
      block_size_ = std::max(kBlockSize, size);  // a request longer than a block gets its own
      blocks_.push_back(std::make_unique<char[]>(block_size_));
      reserved_ += block_size_;
      used_ = 0;
    }
    char* p = blocks_.back().get() + used_;
    used_ += size;
    return p;
  }
  // A copy of `s` in the arena.
  std::string_view Store(std::string_view s) {
    char* p = Allocate(s.size());
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    return std::string_view(p, s.size());
  }
  // Gives every block back.
  void Clear() {
    std::vector<std::unique_ptr<char[]>>().swap(blocks_);
    used_ = block_size_ = reserved_ = 0;
  }
  // The bytes its blocks hold (what a memory account is charged).
  size_t bytes() const { return reserved_ + blocks_.capacity() * sizeof(blocks_[0]); }

 private:
  static constexpr size_t kBlockSize = 1 << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0, block_size_ = 0;  // of the last block
  size_t reserved_ = 0;                // every block's size
};

}  // namespace claimgraph::base
