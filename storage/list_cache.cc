#include "storage/list_cache.h"

#include <algorithm>
#include <string>

namespace claimgraph::storage {
namespace {

struct Entry {
  bool found;
  std::string bytes;
};

void DeleteEntry(const rocksdb::Slice&, void* value) { delete static_cast<Entry*>(value); }

void ReleaseHandle(void* cache, void* handle) {
  static_cast<rocksdb::Cache*>(cache)->Release(static_cast<rocksdb::Cache::Handle*>(handle));
}

// The family, the transaction, then the list's key: a view's key names the
// state it reads, so entries of older states are never found by newer views.
// Built on the stack: a list key is 16 bytes, and a lookup is per join row.
class CacheKey {
 public:
  CacheKey(Cf cf, std::string_view key, TxId tx) {
    size_ = 1 + 8 + key.size();
    if (size_ > sizeof(small_)) large_.resize(size_);
    char* out = data();
    out[0] = static_cast<char>(cf);
    for (int i = 0; i < 8; ++i) out[1 + i] = static_cast<char>(tx >> (56 - 8 * i));
    std::copy(key.begin(), key.end(), out + 9);
  }
  rocksdb::Slice slice() const { return rocksdb::Slice(size_ > sizeof(small_) ? large_.data() : small_, size_); }

 private:
  char* data() { return size_ > sizeof(small_) ? large_.data() : small_; }
  char small_[1 + 8 + 16];
  std::string large_;
  size_t size_;
};

// What an entry costs beyond its bytes: the Entry, the cache's handle and key.
constexpr size_t kEntryOverhead = 96;

}  // namespace

ListCache::ListCache(size_t capacity_bytes) {
  if (capacity_bytes == 0) return;
  // A few shards: a query thread takes a shard's lock once per list, and
  // the server runs a handful of query threads on two cores.
  constexpr int kShardBits = 4;
  cache_ = rocksdb::NewLRUCache(capacity_bytes, kShardBits, /*strict_capacity_limit=*/false);
  max_entry_bytes_ = capacity_bytes / 64;
}

bool ListCache::Lookup(Cf cf, std::string_view key, TxId tx, rocksdb::PinnableSlice* out, bool* found) const {
  if (!cache_) return false;
  rocksdb::Cache::Handle* handle = cache_->Lookup(CacheKey(cf, key, tx).slice());
  if (!handle) {
    misses_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  hits_.fetch_add(1, std::memory_order_relaxed);
  const auto* entry = static_cast<const Entry*>(cache_->Value(handle));
  *found = entry->found;
  out->Reset();
  if (!entry->found) {
    cache_->Release(handle);
    return true;
  }
  out->PinSlice(rocksdb::Slice(entry->bytes), &ReleaseHandle, cache_.get(), handle);
  return true;
}

void ListCache::Insert(Cf cf, std::string_view key, TxId tx, std::string_view value, bool found) const {
  if (!cache_ || value.size() > max_entry_bytes_) return;
  auto* entry = new Entry{found, found ? std::string(value) : std::string()};
  const size_t charge = entry->bytes.size() + key.size() + kEntryOverhead;
  // Insert takes the entry whatever it answers (on failure it is deleted).
  cache_->Insert(CacheKey(cf, key, tx).slice(), entry, charge, &DeleteEntry).PermitUncheckedError();
}

}  // namespace claimgraph::storage
