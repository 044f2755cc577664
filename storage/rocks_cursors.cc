#include "storage/rocks_cursors.h"

#include <algorithm>
#include <tuple>

#include "storage/rocks_internal.h"

namespace claimgraph::storage {
namespace {

// A cursor that is over before it starts: a read that failed.
class FailedCursor final : public ClaimCursor {
 public:
  explicit FailedCursor(Status s) : status_(std::move(s)) {}
  bool Valid() const override { return false; }
  const IndexEntry& entry() const override { return entry_; }
  void Next() override {}
  Status status() const override { return status_; }

 private:
  Status status_;
  IndexEntry entry_;
};

// The entries of spo or osp under a key prefix, one per claim, in key order.
class IndexCursor final : public ClaimCursor {
 public:
  IndexCursor(RocksCursors* owner, TripleIndex index, std::string prefix, Visibility visibility)
      : owner_(owner), index_(index), it_(owner->Take(CfOf(index))), prefix_(std::move(prefix)),
        visibility_(visibility) {
    it_->Seek(prefix_);
    Settle();
  }
  ~IndexCursor() override {
    if (it_->status().ok()) owner_->Give(CfOf(index_), std::move(it_));
  }
  bool Valid() const override { return valid_; }
  const IndexEntry& entry() const override { return entry_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  Status status() const override { return status_; }

 private:
  // Moves to the first visible entry at or after the iterator's position.
  void Settle() {
    valid_ = false;
    for (; it_->Valid(); it_->Next()) {
      rocksdb::Slice k = it_->key();
      if (!k.starts_with(prefix_)) return;
      if (!DecodeIndexEntry(index_, k.ToStringView(), it_->value().ToStringView(), &entry_)) {
        status_ = Status::Corruption(std::string("malformed entry in index ") + CfName(CfOf(index_)));
        return;
      }
      if (visibility_.Admit(entry_.asserted_tx, &entry_.retracted_tx) && !visibility_.Hides(entry_.claim, entry_.source)) {
        valid_ = true;
        return;
      }
    }
    if (!it_->status().ok()) status_ = FromRocks(it_->status(), "scanning index");
  }

  RocksCursors* owner_;
  TripleIndex index_;
  std::unique_ptr<rocksdb::Iterator> it_;
  std::string prefix_;
  Visibility visibility_;
  IndexEntry entry_;
  bool valid_ = false;
  Status status_;
};

// Reads claims from posting lists: one list (two positions bound) or every
// list under a one-word prefix (subject only, or predicate only), in key order
// and within a list in (third, claim) order: an sp list yields its claims in
// spo order, a po list in (p, o, s) order.
class PostingCursor final : public ClaimCursor {
 public:
  // One list: `value` holds it (or is empty when there is none), and
  // `pending` the updates of its merge operands not yet folded into it,
  // sorted by (third, claim), one per claim (UpsertPostings): the cursor
  // merges the two as it goes instead of RocksDB folding them into a new
  // encoding that would be decoded again.
  PostingCursor(PostingKind kind, uint64_t first, uint64_t second, std::unique_ptr<rocksdb::PinnableSlice> value,
                Visibility visibility, std::vector<Posting> pending = {})
      : kind_(kind), value_(std::move(value)), first_(first), second_(second), pending_(std::move(pending)),
        visibility_(visibility) {
    if (!value_->empty()) decoder_ = PostingDecoder(value_->ToStringView());
    Settle();
  }
  // Every list whose key starts with `prefix`.
  PostingCursor(PostingKind kind, RocksCursors* owner, std::string prefix, Visibility visibility)
      : kind_(kind), owner_(owner), it_(owner->Take(CfOf(kind))), prefix_(std::move(prefix)), visibility_(visibility) {
    it_->Seek(prefix_);
    if (OpenList()) Settle();
  }
  ~PostingCursor() override {
    if (it_ && it_->status().ok()) owner_->Give(CfOf(kind_), std::move(it_));
  }
  bool Valid() const override { return valid_; }
  const IndexEntry& entry() const override { return entry_; }
  void Next() override { Settle(); }
  void NextFact() override {
    // The list's other postings of this third, skipped undecoded (not while
    // merging pending updates: those take the general way below).
    if (pending_.empty()) decoder_.SkipSameThird();
    ClaimCursor::NextFact();
  }
  Status status() const override { return status_; }

 private:
  // Starts decoding the list under the iterator; false past the prefix.
  bool OpenList() {
    valid_ = false;
    if (!it_->Valid()) {
      if (!it_->status().ok()) status_ = FromRocks(it_->status(), "scanning posting lists");
      return false;
    }
    rocksdb::Slice k = it_->key();
    if (!k.starts_with(prefix_)) return false;
    if (!DecodePostingKey(k.ToStringView(), &first_, &second_)) {
      status_ = Status::Corruption("malformed posting list key");
      return false;
    }
    decoder_ = PostingDecoder(it_->value().ToStringView());
    return true;
  }

  // The list's next posting: the decoder's, or with pending updates the
  // smaller of its lookahead and the next update by (third, claim), an
  // update replacing the list's posting of the same claim.
  bool NextPosting(Posting* out) {
    if (pending_.empty()) return decoder_.Next(out);
    if (!lookahead_read_) {
      has_lookahead_ = decoder_.Next(&lookahead_);
      lookahead_read_ = true;
    }
    const bool has_update = next_pending_ < pending_.size();
    if (!has_lookahead_ && !has_update) return false;
    if (has_update && (!has_lookahead_ || std::tie(pending_[next_pending_].third, pending_[next_pending_].claim) <=
                                              std::tie(lookahead_.third, lookahead_.claim))) {
      *out = pending_[next_pending_++];
      if (has_lookahead_ && lookahead_.third == out->third && lookahead_.claim == out->claim) lookahead_read_ = false;
      return true;
    }
    *out = lookahead_;
    lookahead_read_ = false;
    return true;
  }

  // Moves to the next visible posting.
  void Settle() {
    valid_ = false;
    Posting p;
    for (;;) {
      while (NextPosting(&p)) {
        if (!visibility_.Admit(p.asserted_tx, &p.retracted_tx) || visibility_.Hides(p.claim, p.source)) continue;
        entry_ = EntryOf(kind_, first_, second_, p);
        valid_ = true;
        return;
      }
      if (!decoder_.ok()) {
        status_ = Status::Corruption("malformed posting list");
        return;
      }
      if (!it_) return;
      it_->Next();
      if (!OpenList()) return;
    }
  }

  PostingKind kind_;
  std::unique_ptr<rocksdb::PinnableSlice> value_;  // one list
  RocksCursors* owner_ = nullptr;                  // lists under a prefix:
  std::unique_ptr<rocksdb::Iterator> it_;          //   their iterator, from owner_
  std::string prefix_;
  uint64_t first_ = 0, second_ = 0;
  PostingDecoder decoder_;
  std::vector<Posting> pending_;  // one list's unfolded updates
  size_t next_pending_ = 0;
  Posting lookahead_;  // the decoder's next posting, while merging with pending_
  bool lookahead_read_ = false, has_lookahead_ = false;
  Visibility visibility_;
  IndexEntry entry_;
  bool valid_ = false;
  Status status_;
};

}  // namespace

RocksCursors::RocksCursors(const RocksClaimStore* store, const rocksdb::Snapshot* snapshot, TxId snapshot_tx)
    : store_(store), snapshot_tx_(snapshot_tx) {
  ro_.snapshot = snapshot;
}

bool RocksCursors::CachedList(Cf cf, const std::string& key, rocksdb::PinnableSlice* value, bool* found) const {
  const ListCache* cache = store_->list_cache();
  return cache && cache->Lookup(cf, key, snapshot_tx_, value, found);
}

void RocksCursors::KeepList(Cf cf, const std::string& key, const rocksdb::PinnableSlice& value, bool found) const {
  if (const ListCache* cache = store_->list_cache()) cache->Insert(cf, key, snapshot_tx_, value.ToStringView(), found);
}

RocksCursors::~RocksCursors() = default;

std::unique_ptr<ClaimCursor> RocksCursors::Open(PatternKeys keys, Visibility visibility) {
  switch (keys.path) {
    case AccessPath::kSpPostings:
    case AccessPath::kPoPostings: {
      const PostingKind kind =
          keys.path == AccessPath::kSpPostings ? PostingKind::kSubjectPredicate : PostingKind::kPredicateObject;
      uint64_t first, second;
      if (!DecodePostingKey(keys.prefix, &first, &second))  // one word bound: every list under it
        return OpenLists(kind, std::move(keys.prefix), visibility);
      std::unique_ptr<rocksdb::PinnableSlice> value;
      bool found = false;
      if (!prefetched_.empty() && (value = TakePrefetched(keys.cf, keys.prefix, &found))) {
        if (!found) value->Reset();
      } else if (peeked_ && peeked_->cf == keys.cf && peeked_->key == keys.prefix) {
        value = std::move(peeked_->value);
        if (!peeked_->found) value->Reset();
        peeked_.reset();
      } else {
        value = std::make_unique<rocksdb::PinnableSlice>();
        if (!CachedList(keys.cf, keys.prefix, value.get(), &found)) {
          std::vector<Posting> pending;
          Status read = ReadListApart(keys.cf, keys.prefix, &value, &pending);
          if (!read.ok()) return std::make_unique<FailedCursor>(std::move(read));
          // A list read whole (no operands pending) is the list as of this
          // snapshot; one with pending parts is not kept.
          if (pending.empty()) KeepList(keys.cf, keys.prefix, *value, !value->empty());
          return std::make_unique<PostingCursor>(kind, first, second, std::move(value), visibility, std::move(pending));
        }
      }
      return std::make_unique<PostingCursor>(kind, first, second, std::move(value), visibility);
    }
    case AccessPath::kSpo:
    case AccessPath::kFullScan:
      return std::make_unique<IndexCursor>(this, TripleIndex::kSpo, std::move(keys.prefix), visibility);
    case AccessPath::kOsp:
      return std::make_unique<IndexCursor>(this, TripleIndex::kOsp, std::move(keys.prefix), visibility);
  }
  return std::make_unique<FailedCursor>(Status::Internal("no cursor for this access path"));
}

Status RocksCursors::ReadListApart(Cf cf, const std::string& key, std::unique_ptr<rocksdb::PinnableSlice>* value,
                                   std::vector<Posting>* pending) {
  // GetMergeOperands gives the list's base value and its operands in the
  // order they were written (a key with no base: operands only). Most lists
  // have none pending: one slot first, then as many as there are. Past
  // kMaxApart a Get folds them (RocksDB's merge operator: the same result).
  constexpr int kMaxApart = 4096;
  std::vector<rocksdb::PinnableSlice> parts(1);
  rocksdb::GetMergeOperandsOptions options;
  options.expected_max_number_of_operands = 1;
  int n = 0;
  rocksdb::Status s = store_->db()->GetMergeOperands(ro_, store_->cf(cf), key, parts.data(), &options, &n);
  if (s.IsIncomplete() && n <= kMaxApart) {
    parts = std::vector<rocksdb::PinnableSlice>(n);
    options.expected_max_number_of_operands = n;
    s = store_->db()->GetMergeOperands(ro_, store_->cf(cf), key, parts.data(), &options, &n);
  }
  *value = std::make_unique<rocksdb::PinnableSlice>();
  if (s.IsNotFound()) return Status::Ok();
  if (s.IsIncomplete()) {
    s = store_->db()->Get(ro_, store_->cf(cf), key, value->get());
    if (s.IsNotFound()) (*value)->Reset();
    return s.ok() || s.IsNotFound() ? Status::Ok() : FromRocks(s, "reading a posting list");
  }
  if (!s.ok()) return FromRocks(s, "reading a posting list");
  if (n == 0) return Status::Ok();
  **value = std::move(parts[0]);
  if (n == 1) return Status::Ok();
  std::vector<Posting> updates;
  for (int i = 1; i < n; ++i)
    if (!DecodePostingList(parts[i].ToStringView(), &updates)) return Status::Corruption("malformed posting list operand");
  UpsertPostings(pending, std::move(updates));  // sorted, the later update of a claim kept
  return Status::Ok();
}

void RocksCursors::Prefetch(std::vector<PatternKeys> keys) {
  prefetched_.clear();
  next_prefetched_ = 0;
  uint64_t first, second;
  for (auto& k : keys)
    if ((k.path == AccessPath::kSpPostings || k.path == AccessPath::kPoPostings) &&
        DecodePostingKey(k.prefix, &first, &second))
      prefetched_.push_back(Prefetched{k.cf, std::move(k.prefix)});
  constexpr size_t kMaxKeptList = 1 << 20, kMaxKeptBytes = 32 << 20;
  size_t kept = 0;
  // MultiGet wants one column family and sorted keys: sort an index per
  // family, keep the entries themselves in the order the Opens will ask.
  for (Cf cf : {Cf::kSpPostings, Cf::kPoPostings}) {
    std::vector<size_t> order;
    for (size_t i = 0; i < prefetched_.size(); ++i) {
      Prefetched& p = prefetched_[i];
      if (p.cf != cf) continue;
      if (!CachedList(cf, p.key, &p.value, &p.found)) order.push_back(i);
      else if (p.found) kept += p.value.size();
    }
    if (order.empty()) continue;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return prefetched_[a].key < prefetched_[b].key; });
    std::vector<rocksdb::Slice> slices;
    std::vector<rocksdb::PinnableSlice> values(order.size());
    std::vector<rocksdb::Status> statuses(order.size());
    for (size_t i : order) slices.emplace_back(prefetched_[i].key);
    store_->db()->MultiGet(ro_, store_->cf(cf), slices.size(), slices.data(), values.data(), statuses.data(),
                           /*sorted_input=*/true);
    for (size_t j = 0; j < order.size(); ++j) {
      Prefetched& p = prefetched_[order[j]];
      if (statuses[j].ok() || statuses[j].IsNotFound()) KeepList(cf, p.key, values[j], statuses[j].ok());
      // Memory: a batch keeps at most kMaxKeptBytes of lists (a block-cache
      // value is pinned, not copied; a memtable one is copied); past it, or
      // for one hub-sized list, the Open reads the list itself.
      if (statuses[j].ok() && (values[j].size() > kMaxKeptList || kept + values[j].size() > kMaxKeptBytes)) {
        p.taken = true;
        continue;
      }
      if (statuses[j].ok()) {
        kept += values[j].size();
        p.found = true;
        p.value = std::move(values[j]);
      } else if (!statuses[j].IsNotFound()) {
        p.taken = true;  // not kept: the Open reads it again and reports the error
      }
    }
  }
}

std::unique_ptr<rocksdb::PinnableSlice> RocksCursors::TakePrefetched(Cf cf, const std::string& key, bool* found) {
  // The Opens come in the order the keys were given; a row whose scan did
  // not open (or opened twice: a symmetric pattern's reverse read) moves the
  // expected position by a few at most.
  constexpr size_t kLookAhead = 4;
  while (next_prefetched_ < prefetched_.size() && prefetched_[next_prefetched_].taken) ++next_prefetched_;  // not kept
  for (size_t i = next_prefetched_; i < prefetched_.size() && i < next_prefetched_ + kLookAhead; ++i) {
    Prefetched& p = prefetched_[i];
    if (p.taken || p.cf != cf || p.key != key) continue;
    p.taken = true;
    next_prefetched_ = i + 1;
    *found = p.found;
    return std::make_unique<rocksdb::PinnableSlice>(std::move(p.value));
  }
  return nullptr;
}

Result<const rocksdb::PinnableSlice*> RocksCursors::PeekList(Cf cf, const std::string& key) {
  if (!peeked_ || peeked_->cf != cf || peeked_->key != key) {
    Peeked p{cf, key, false, std::make_unique<rocksdb::PinnableSlice>()};
    if (!CachedList(cf, key, p.value.get(), &p.found)) {
      auto s = store_->db()->Get(ro_, store_->cf(cf), key, p.value.get());
      if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "reading a posting list");
      p.found = s.ok();
      KeepList(cf, key, *p.value, p.found);
    }
    peeked_ = std::move(p);
  }
  return peeked_->found ? peeked_->value.get() : nullptr;
}

std::unique_ptr<ClaimCursor> RocksCursors::OpenLists(PostingKind kind, std::string prefix, Visibility visibility) {
  return std::make_unique<PostingCursor>(kind, this, std::move(prefix), visibility);
}

std::unique_ptr<rocksdb::Iterator> RocksCursors::Take(Cf cf) {
  auto& free = free_[static_cast<int>(cf)];
  if (free.empty()) return std::unique_ptr<rocksdb::Iterator>(store_->db()->NewIterator(ro_, store_->cf(cf)));
  auto it = std::move(free.back());
  free.pop_back();
  return it;
}

void RocksCursors::Give(Cf cf, std::unique_ptr<rocksdb::Iterator> it) {
  auto& free = free_[static_cast<int>(cf)];
  if (free.size() < 8) free.push_back(std::move(it));
}

}  // namespace claimgraph::storage
