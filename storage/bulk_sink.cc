// Offline bulk commits: keys are collected per column family, sorted, written
// to SST files and ingested with one IngestExternalFiles call, which RocksDB
// records atomically in its MANIFEST: after a crash the store holds either all
// of the import or none of it.
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>

#include "storage/byte_codec.h"
#include "storage/commit_sink.h"
#include "storage/posting_list.h"
#include "storage/rocks_internal.h"

namespace claimgraph::storage {
namespace {

// Keys and values of one column family, back to back in 4 MiB chunks (a
// million claim records had been two million strings to allocate and free).
class RowArena {
 public:
  void Add(std::string_view key, std::string_view value) {
    const size_t need = key.size() + value.size();
    if (chunks_.empty() || chunks_.back().size() + need > chunks_.back().capacity()) {
      chunks_.emplace_back();
      chunks_.back().reserve(std::max<size_t>(kChunk, need));
    }
    std::string& chunk = chunks_.back();
    const char* at = chunk.data() + chunk.size();  // stays put: the chunk never grows past its capacity
    chunk.append(key).append(value);
    rows_.push_back({at, static_cast<uint32_t>(key.size()), static_cast<uint32_t>(value.size())});
  }
  struct Row {
    const char* bytes;
    uint32_t key_size, value_size;
    std::string_view key() const { return {bytes, key_size}; }
    std::string_view value() const { return {bytes + key_size, value_size}; }
  };
  std::vector<Row>& rows() { return rows_; }
  bool empty() const { return rows_.empty(); }

 private:
  static constexpr size_t kChunk = 4 << 20;
  std::vector<std::string> chunks_;
  std::vector<Row> rows_;
};

// Sorts by the first `words` words of each element (word(e, 0) most
// significant), least significant byte first and stable, skipping the bytes
// every element shares (ids are small: most bytes are zero): a few passes over
// the elements instead of std::sort's ~20 comparisons each (the sorts had been
// the biggest part of a commit).
template <typename T, typename Word>
void RadixSortStable(std::vector<T>* elements, int words, Word word) {
  const size_t n = elements->size();
  std::vector<std::array<uint32_t, 256>> counts(words * 8);
  for (const T& e : *elements)
    for (int w = 0; w < words; ++w)
      for (int b = 0; b < 8; ++b) ++counts[w * 8 + b][(word(e, w) >> (8 * b)) & 0xFF];
  std::vector<T> other(n);
  std::vector<T>*from = elements, *to = &other;
  for (int w = words - 1; w >= 0; --w) {
    for (int b = 0; b < 8; ++b) {
      const auto& count = counts[w * 8 + b];
      if (std::find(count.begin(), count.end(), static_cast<uint32_t>(n)) != count.end()) continue;  // one value
      uint32_t offset[256];
      uint32_t sum = 0;
      for (int v = 0; v < 256; ++v) {
        offset[v] = sum;
        sum += count[v];
      }
      for (const T& e : *from) (*to)[offset[(word(e, w) >> (8 * b)) & 0xFF]++] = e;
      std::swap(from, to);
    }
  }
  if (from != elements) elements->swap(*from);
}

// What the sorts move: the key words in index order and the rest of the
// entry (56 bytes, not the 96 of key plus entry: the sorts were a tenth of a
// load). Its transactions are the sink's `tx_` (0 when live) unless the
// entries' transactions differ (then the writers read entries_[entry]):
// reading the value from the sorted element, not from the entry, saves a
// cache miss per key written.
struct PackedIndexEntry {
  uint64_t k[4];
  SourceId source;
  uint32_t entry;  // index into entries_
  uint32_t confidence;
  Modality modality;
  bool retracted;
};

class BulkSink final : public CommitSink {
 public:
  BulkSink(RocksClaimStore* store, std::function<void(std::string_view, uint64_t, uint64_t)> progress)
      : store_(store), progress_(std::move(progress)) {}

  void Put(Cf cf, std::string key, std::string value) override { PutBytes(cf, key, value); }
  void PutBytes(Cf cf, std::string_view key, std::string_view value) override {
    generic_[static_cast<int>(cf)].Add(key, value);
  }
  void PutIndexEntries(const IndexEntry& e) override {
    if (entries_.size() == UINT32_MAX) overflow_ = true;  // PackedIndexEntry holds a 32-bit position
    if (entries_.empty()) tx_ = e.asserted_tx;
    one_tx_ = one_tx_ && e.asserted_tx == tx_ && (e.retracted_tx == 0 || e.retracted_tx == tx_);
    entries_.push_back(e);
  }
  void RetractStreamed(uint64_t n, TxId tx) override {
    if (n >= entries_.size()) return;
    entries_[n].retracted_tx = tx;
    one_tx_ = one_tx_ && tx == tx_;
  }

  Status Finish() override {
    namespace fs = std::filesystem;
    if (overflow_) return Status::ResourceExhausted("a bulk import holds at most 4,294,967,295 claims; split the input");
    const fs::path tmp = fs::path(store_->dir()) / "bulk-import.tmp";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    if (ec) return Status::IOError("cannot create " + tmp.string() + ": " + ec.message());

    // One job per column family; two worker threads (this machine has two cores).
    std::vector<std::function<Status()>> jobs;
    std::vector<std::pair<Cf, std::string>> files;
    if (!entries_.empty()) {
      // spo order is the order of the sp lists, (p, o, s) order that of the po
      // lists: the spo run writes both spo and sp_postings (format 2 has no pos).
      auto path_of = [&](Cf cf) { return (tmp / (std::string(CfName(cf)) + ".sst")).string(); };
      for (Cf cf : {Cf::kSpo, Cf::kSpPostings, Cf::kPoPostings, Cf::kOsp}) files.emplace_back(cf, path_of(cf));
      jobs.push_back([this, spo = path_of(Cf::kSpo), sp = path_of(Cf::kSpPostings)] {
        auto sorted = Sorted(TripleIndex::kSpo);
        CG_RETURN_IF_ERROR(WriteIndex(TripleIndex::kSpo, sorted, spo));
        return WritePostingLists(PostingKind::kSubjectPredicate, sorted, sp);
      });
      jobs.push_back([this, po = path_of(Cf::kPoPostings)] {
        return WritePostingLists(PostingKind::kPredicateObject, Sorted(TripleIndex::kPos), po);
      });
      jobs.push_back([this, osp = path_of(Cf::kOsp)] { return WriteIndex(TripleIndex::kOsp, Sorted(TripleIndex::kOsp), osp); });
      files.emplace_back(Cf::kBySource, path_of(Cf::kBySource));
      jobs.push_back([this, path = path_of(Cf::kBySource)] { return WriteBySource(path); });
    }
    // After the index jobs, which are the longest: two workers finish sooner
    // when the long jobs start first.
    for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
      if (generic_[i].empty()) continue;
      Cf cf = static_cast<Cf>(i);
      std::string path = (tmp / (std::string(CfName(cf)) + ".sst")).string();
      files.emplace_back(cf, path);
      jobs.push_back([this, cf, path] { return WriteGeneric(cf, path); });
    }

    Report("sst", 0, jobs.size());
    std::vector<Status> results(jobs.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t j; (j = next.fetch_add(1)) < jobs.size();) {
        results[j] = jobs[j]();
        Report("sst", ++files_done_, jobs.size());
      }
    };
    std::thread helper(worker);
    worker();
    helper.join();
    for (auto& st : results)
      if (!st.ok()) {
        fs::remove_all(tmp, ec);
        return st;
      }

    std::vector<rocksdb::IngestExternalFileArg> args;
    for (auto& [cf, path] : files) {
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store_->cf(cf);
      arg.external_files = {path};
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    Report("ingest", 0, 1);
    Status st = FromRocks(store_->db()->IngestExternalFiles(args), "ingesting SST files");
    store_->ForgetCounters();
    Report("ingest", 1, 1);
    fs::remove_all(tmp, ec);
    return st;
  }

 private:
  void Report(std::string_view stage, uint64_t done, uint64_t total) {
    if (progress_) progress_(stage, done, total);
  }

  Status Open(rocksdb::SstFileWriter* writer, const std::string& path) {
    return FromRocks(writer->Open(path), "creating " + path);
  }

  Status WriteGeneric(Cf cf, const std::string& path) {
    auto& rows = generic_[static_cast<int>(cf)].rows();
    auto by_key = [](const RowArena::Row& a, const RowArena::Row& b) { return a.key() < b.key(); };
    // Claims arrive in id order already: checking is much cheaper than sorting.
    if (!std::is_sorted(rows.begin(), rows.end(), by_key)) std::sort(rows.begin(), rows.end(), by_key);
    rocksdb::SstFileWriter writer = NewWriter(Options(cf));
    CG_RETURN_IF_ERROR(Open(&writer, path));
    const RowArena::Row* last = nullptr;
    for (const auto& row : rows) {
      if (last && last->key() == row.key())
        return Status::Internal(std::string("bulk import wrote a key twice in ") + CfName(cf));
      CG_RETURN_IF_ERROR(FromRocks(writer.Put(row.key(), row.value()), "writing SST"));
      last = &row;
    }
    return FromRocks(writer.Finish(), "finishing " + path);
  }

  // The claims' index keys in `index` order.
  std::vector<PackedIndexEntry> Sorted(TripleIndex index) const {
    std::vector<PackedIndexEntry> packed(entries_.size());
    for (size_t i = 0; i < entries_.size(); ++i) {
      const IndexEntry& e = entries_[i];
      auto& p = packed[i];
      p.entry = static_cast<uint32_t>(i);
      switch (index) {
        case TripleIndex::kSpo: p.k[0] = e.subject; p.k[1] = e.predicate; p.k[2] = e.object; break;
        case TripleIndex::kPos: p.k[0] = e.predicate; p.k[1] = e.object; p.k[2] = e.subject; break;
        case TripleIndex::kOsp: p.k[0] = e.object; p.k[1] = e.subject; p.k[2] = e.predicate; break;
      }
      p.k[3] = e.claim;
      p.source = e.source;
      p.confidence = e.confidence;
      p.modality = e.modality;
      p.retracted = e.retracted_tx != 0;
    }
    // k[3] is the claim id: claims stream in by id, so a stable sort on the
    // first three words gives the order of all four.
    bool by_claim = true;
    for (size_t i = 1; i < packed.size() && by_claim; ++i) by_claim = packed[i - 1].k[3] < packed[i].k[3];
    if (by_claim) {
      RadixSortStable(&packed, 3, [](const PackedIndexEntry& p, int w) { return p.k[w]; });
    } else {
      std::sort(packed.begin(), packed.end(), [](const PackedIndexEntry& a, const PackedIndexEntry& b) {
        return std::tie(a.k[0], a.k[1], a.k[2], a.k[3]) < std::tie(b.k[0], b.k[1], b.k[2], b.k[3]);
      });
    }
    return packed;
  }


  // The entry `p` stands for, sorted in `index` order.
  IndexEntry EntryOf(TripleIndex index, const PackedIndexEntry& p) const {
    if (!one_tx_) return entries_[p.entry];
    IndexEntry e;
    switch (index) {
      case TripleIndex::kSpo: e.subject = p.k[0]; e.predicate = p.k[1]; e.object = p.k[2]; break;
      case TripleIndex::kPos: e.predicate = p.k[0]; e.object = p.k[1]; e.subject = p.k[2]; break;
      case TripleIndex::kOsp: e.object = p.k[0]; e.subject = p.k[1]; e.predicate = p.k[2]; break;
    }
    e.claim = p.k[3];
    e.asserted_tx = tx_;
    e.retracted_tx = p.retracted ? tx_ : 0;
    e.source = p.source;
    e.modality = p.modality;
    e.confidence = p.confidence;
    return e;
  }

  Status WriteIndex(TripleIndex index, const std::vector<PackedIndexEntry>& sorted, const std::string& path) {
    rocksdb::SstFileWriter writer = NewWriter(Options(CfOf(index)));
    CG_RETURN_IF_ERROR(Open(&writer, path));
    char key[kTripleKeySize], value[kMaxIndexValueSize];
    for (const auto& p : sorted) {
      for (int w = 0; w < 4; ++w)  // the words are in index order already
        for (int b = 0; b < 8; ++b) key[w * 8 + b] = static_cast<char>(p.k[w] >> (56 - 8 * b));
      const size_t value_size = EncodeIndexValue(EntryOf(index, p), value);
      CG_RETURN_IF_ERROR(FromRocks(writer.Put(rocksdb::Slice(key, sizeof key), rocksdb::Slice(value, value_size)),
                                   "writing SST"));
    }
    return FromRocks(writer.Finish(), "finishing " + path);
  }

  // One list per run of equal (k[0], k[1]) in `sorted` (spo order for sp
  // lists, (p, o, s) order for po lists). A list the store already has (an import
  // into a non-empty store) is merged with the new postings, not replaced.
  Status WritePostingLists(PostingKind kind, const std::vector<PackedIndexEntry>& sorted, const std::string& path) {
    const Cf cf = CfOf(kind);
    rocksdb::SstFileWriter writer = NewWriter(Options(cf));
    CG_RETURN_IF_ERROR(Open(&writer, path));
    // Into an empty store (the usual bulk load) there is nothing to merge with.
    bool store_has_lists;
    {
      std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(rocksdb::ReadOptions(), store_->cf(cf)));
      it->SeekToFirst();
      CG_RETURN_IF_ERROR(FromRocks(it->status(), "reading posting lists"));
      store_has_lists = it->Valid();
    }
    std::vector<Posting> list, stored;
    std::string value;
    for (size_t i = 0; i < sorted.size();) {
      size_t j = i;
      list.clear();
      for (; j < sorted.size() && sorted[j].k[0] == sorted[i].k[0] && sorted[j].k[1] == sorted[i].k[1]; ++j)
        list.push_back(PostingOf(kind, EntryOf(kind == PostingKind::kSubjectPredicate ? TripleIndex::kSpo : TripleIndex::kPos,
                                               sorted[j])));
      std::string key = EncodePostingKey(sorted[i].k[0], sorted[i].k[1]);
      if (store_has_lists) {
        stored.clear();
        CG_RETURN_IF_ERROR(store_->ReadPostingList(cf, key, &stored));
        if (!stored.empty()) {
          UpsertPostings(&stored, std::move(list));
          std::swap(list, stored);
        }
      }
      EncodePostingList(list, &value);
      CG_RETURN_IF_ERROR(FromRocks(writer.Put(key, value), "writing SST"));
      i = j;
    }
    return FromRocks(writer.Finish(), "finishing " + path);
  }

  // Each claim's whole entry under (source, claim id): from entries_, after
  // RetractStreamed patched them.
  Status WriteBySource(const std::string& path) {
    std::vector<std::pair<SourceId, uint32_t>> order(entries_.size());  // source, index into entries_
    bool by_claim = true;
    for (size_t i = 0; i < entries_.size(); ++i) {
      order[i] = {entries_[i].source, static_cast<uint32_t>(i)};
      by_claim = by_claim && (i == 0 || entries_[i - 1].claim < entries_[i].claim);
    }
    // By claim already (claims stream in by id): stable by source is sorted.
    if (by_claim)
      RadixSortStable(&order, 1, [](const std::pair<SourceId, uint32_t>& e, int) { return e.first; });
    else
      std::sort(order.begin(), order.end(), [this](const auto& a, const auto& b) {
        return std::tie(a.first, entries_[a.second].claim) < std::tie(b.first, entries_[b.second].claim);
      });
    rocksdb::SstFileWriter writer = NewWriter(Options(Cf::kBySource));
    CG_RETURN_IF_ERROR(Open(&writer, path));
    for (const auto& [source, i] : order)
      CG_RETURN_IF_ERROR(FromRocks(
          writer.Put(EncodeBySourceKey(source, entries_[i].claim), EncodeBySourceValue(entries_[i])), "writing SST"));
    return FromRocks(writer.Finish(), "finishing " + path);
  }

  rocksdb::Options Options(Cf cf) {
    return rocksdb::Options(rocksdb::DBOptions(), ColumnFamilyOptionsFor(cf, store_->options()));
  }

  // The files are ingested (moved) right away: no point dropping their pages
  // from the OS cache while writing them.
  static rocksdb::SstFileWriter NewWriter(const rocksdb::Options& options) {
    return rocksdb::SstFileWriter(rocksdb::EnvOptions(), options, nullptr, /*invalidate_page_cache=*/false);
  }

  RocksClaimStore* store_;
  std::function<void(std::string_view, uint64_t, uint64_t)> progress_;
  RowArena generic_[static_cast<int>(Cf::kCount)];
  std::vector<IndexEntry> entries_;
  TxId tx_ = 0;         // the first entry's asserted_tx
  bool one_tx_ = true;  // every entry asserted in tx_, and live or retracted in tx_
  bool overflow_ = false;
  std::atomic<uint64_t> files_done_{0};
};

}  // namespace

std::unique_ptr<CommitSink> NewBulkSink(RocksClaimStore* store,
                                        std::function<void(std::string_view, uint64_t, uint64_t)> progress) {
  return std::make_unique<BulkSink>(store, std::move(progress));
}

}  // namespace claimgraph::storage
