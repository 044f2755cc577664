// Offline bulk commits: keys are collected per column family and sorted in a
// fixed memory budget (external sorts: full buffers are spilled as sorted runs
// into the store's bulk-import.tmp directory and merged at Finish), written to
// SST files and ingested with one IngestExternalFiles call, which RocksDB
// records atomically in its MANIFEST: after a crash the store holds either all
// of the import or none of it. Run files and SST files live in the temporary
// directory, which the sink removes when it is destroyed, on every path, and
// which the next bulk import removes if a killed one left it.
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>

#include "storage/byte_codec.h"
#include "storage/commit_sink.h"
#include "storage/external_sort.h"
#include "storage/posting_list.h"
#include "storage/rocks_internal.h"
#include "storage/row_sorter.h"

namespace claimgraph::storage {
namespace {

// Sorts by the first `words` words of each element (word(e, 0) most
// significant), least significant byte first and stable, skipping the bytes
// every element shares (ids are small: most bytes are zero): a few passes over
// the elements instead of std::sort's ~20 comparisons each (the sorts had been
// the biggest part of a commit). `scratch` is the copy the passes move
// between, kept by the caller from sort to sort; it may come back swapped
// with `elements`.
template <typename T, typename Word>
void RadixSortStable(std::vector<T>* elements, std::vector<T>* scratch, int words, Word word) {
  const size_t n = elements->size();
  std::vector<std::array<uint32_t, 256>> counts(words * 8);
  for (const T& e : *elements)
    for (int w = 0; w < words; ++w)
      for (int b = 0; b < 8; ++b) ++counts[w * 8 + b][(word(e, w) >> (8 * b)) & 0xFF];
  if (scratch->capacity() < n) {
    std::vector<T>().swap(*scratch);
    scratch->reserve(n);  // exactly n: the sorter sizes its buffers, not the vector's growth rule
  }
  scratch->resize(n);  // zero-fills only what it never held
  std::vector<T>*from = elements, *to = scratch;
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

// What the index sorts move: the key words in index order and the rest of the
// entry, so that writing a key reads no other memory (and the runs on disk
// hold everything the SST files need).
struct SortedIndexEntry {
  uint64_t k[4];  // the key's ids in index order; k[3] is the claim
  SourceId source;
  TxId asserted_tx;
  TxId retracted_tx;
  uint32_t confidence;
  Modality modality;
};
struct ByKeyWords {
  bool operator()(const SortedIndexEntry& a, const SortedIndexEntry& b) const {
    return std::tie(a.k[0], a.k[1], a.k[2], a.k[3]) < std::tie(b.k[0], b.k[1], b.k[2], b.k[3]);
  }
};
using IndexSorter = ExternalSorter<SortedIndexEntry, ByKeyWords>;

// One buffer of index entries in key order. Claims stream in by id (k[3]),
// so a stable radix sort on the first three words orders all four.
void SortIndexRun(std::vector<SortedIndexEntry>* run, std::vector<SortedIndexEntry>* scratch) {
  bool by_claim = true;
  for (size_t i = 1; i < run->size() && by_claim; ++i) by_claim = (*run)[i - 1].k[3] < (*run)[i].k[3];
  if (by_claim)
    RadixSortStable(run, scratch, 3, [](const SortedIndexEntry& p, int w) { return p.k[w]; });
  else
    std::stable_sort(run->begin(), run->end(), ByKeyWords());
}

// by_source: the same entries (k in spo order), sorted by source, then claim
// (format 6 writes each claim's whole entry under (source, claim)).
struct BySourceOrder {
  bool operator()(const SortedIndexEntry& a, const SortedIndexEntry& b) const {
    return std::tie(a.source, a.k[3]) < std::tie(b.source, b.k[3]);
  }
};
using BySourceSorter = ExternalSorter<SortedIndexEntry, BySourceOrder>;

void SortBySourceRun(std::vector<SortedIndexEntry>* run, std::vector<SortedIndexEntry>* scratch) {
  // By claim already (claims stream in by id): stable by source is sorted.
  if (std::is_sorted(run->begin(), run->end(), [](const auto& a, const auto& b) { return a.k[3] < b.k[3]; }))
    RadixSortStable(run, scratch, 1, [](const SortedIndexEntry& e, int) { return e.source; });
  else
    std::stable_sort(run->begin(), run->end(), BySourceOrder());
}

// How the sink shares its memory budget: each sorter's buffer (and its sort's
// scratch) gets a fixed part — of the budget, or, in an import with a memory
// account, of what the account's other holders (the transaction's tables,
// the importer's term numbering) leave of it, asked as each buffer starts.
// The four index sorts move the most bytes per claim (64 each); claim
// records come next (their encoded size, ~50-100).
constexpr size_t kIndexShare = 10;     // 1/10 each for spo, pos, osp and by_source
constexpr size_t kClaimsShare = 6;     // 1/6 for claim records
constexpr size_t kOtherShare = 64;     // 1/64 each for the other families (dictionary, names, txlog)
// Not the sink's: the write transaction's table of asserted identities
// (storage/spilling_identity_table.h), held beside the sorters (and, with an
// account, charged to it).
constexpr size_t kIdentityShare = 8;
// Not the sink's either: the transaction's tables of the entities and the
// sources it created by name (storage/spilling_name_table.h), and the N-Quads
// importer's numbering of terms (engine/io/quad_terms.h). The numbering gets
// the most: a term it forgot and meets again is looked up by name, and a
// spilled name costs two reads (at 1/32 a 20M import looked up 10.7M names
// on disk).
constexpr size_t kNamesShare = 16;
constexpr size_t kSourceNamesShare = 64;
constexpr size_t kTermNumberingShare = 4;
// The sorters share what the tables leave (the account's spare, or the
// budget when nothing is charged): together at most all of it (a generic
// sorter exists for every family but is only filled for the ones without a
// sorter of their own).
static_assert(4.0 / kIndexShare + 1.0 / kClaimsShare + (static_cast<int>(Cf::kCount) - 1) * 1.0 / kOtherShare <= 1.0);
// The tables at their shares leave the spare its floor, a quarter of the
// budget (base/memory_account.h); past their shares they charge only their
// filters and indexes.
static_assert(1.0 / kIdentityShare + 1.0 / kNamesShare + 1.0 / kSourceNamesShare + 1.0 / kTermNumberingShare <= 0.75);
size_t MinimumBudget(size_t budget) { return std::max<size_t>(budget, 64 << 10); }  // tests force many runs

class BulkSink final : public CommitSink {
 public:
  BulkSink(RocksClaimStore* store, BulkSinkOptions options) : store_(store), options_(std::move(options)) {
    namespace fs = std::filesystem;
    // The sorters spill here; a directory left by a killed import is stale
    // (its store never ingested it) and goes first.
    tmp_ = BulkTempDir(*store_);
    std::error_code ec;
    fs::remove_all(tmp_, ec);
    fs::create_directories(tmp_, ec);
    if (ec) status_ = Status::IOError("cannot create " + tmp_.string() + ": " + ec.message());
    const size_t budget = MinimumBudget(options_.memory_budget);
    spo_ = std::make_unique<IndexSorter>(SortOptions("spo", budget, kIndexShare), SortIndexRun);
    pos_ = std::make_unique<IndexSorter>(SortOptions("pos", budget, kIndexShare), SortIndexRun);
    osp_ = std::make_unique<IndexSorter>(SortOptions("osp", budget, kIndexShare), SortIndexRun);
    by_source_ = std::make_unique<BySourceSorter>(SortOptions("by_source", budget, kIndexShare), SortBySourceRun);
    for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
      const Cf cf = static_cast<Cf>(i);
      generic_[i] =
          std::make_unique<RowSorter>(SortOptions(CfName(cf), budget, cf == Cf::kClaims ? kClaimsShare : kOtherShare));
    }
  }

  ~BulkSink() override {
    // The sorters remove their runs first (members are destroyed after this
    // body, so drop them now), then the directory: nothing is left behind on
    // any path, an error's included.
    spo_.reset();
    pos_.reset();
    osp_.reset();
    by_source_.reset();
    for (auto& g : generic_) g.reset();
    std::error_code ec;
    std::filesystem::remove_all(tmp_, ec);
  }

  void Put(Cf cf, std::string key, std::string value) override { PutBytes(cf, key, value); }
  void PutBytes(Cf cf, std::string_view key, std::string_view value) override {
    generic_[static_cast<int>(cf)]->Add(key, value);
  }
  void PutIndexEntries(const IndexEntry& e) override {
    if (entries_ == UINT32_MAX) overflow_ = true;  // as before: the import's claims stay countable in 32 bits
    if (entries_ == 0) first_claim_ = e.claim;
    if (e.claim != first_claim_ + entries_) streamed_in_order_ = false;
    ++entries_;
    SortedIndexEntry p{{e.subject, e.predicate, e.object, e.claim}, e.source, e.asserted_tx, e.retracted_tx,
                       e.confidence, e.modality};
    spo_->Add(p);
    by_source_->Add(p);
    p.k[0] = e.predicate, p.k[1] = e.object, p.k[2] = e.subject;
    pos_->Add(p);
    p.k[0] = e.object, p.k[1] = e.subject, p.k[2] = e.predicate;
    osp_->Add(p);
  }
  void RetractStreamed(uint64_t n, TxId tx) override {
    // The entry went to the sorters already: its retraction is applied as the
    // merged entries are written. Kept in memory: one per retraction restored
    // (an nquads-prov or JSONL import of retracted claims), not per claim.
    if (n >= entries_) return;
    if (!streamed_in_order_) retracted_unordered_ = true;
    retracted_streamed_.emplace_back(first_claim_ + n, tx);
  }

  Status Finish() override {
    CG_RETURN_IF_ERROR(status_);
    if (overflow_) return Status::ResourceExhausted("a bulk import holds at most 4,294,967,295 claims; split the input");
    if (retracted_unordered_)
      return Status::Internal("bulk import: a retraction of a streamed claim, but claims did not stream in id order");
    std::sort(retracted_streamed_.begin(), retracted_streamed_.end());

    // One job per column family; two worker threads (this machine has two
    // cores). Each job merges its sorter's runs straight into its SST file.
    std::vector<std::function<Status()>> jobs;
    std::vector<std::pair<Cf, std::string>> files;
    auto path_of = [&](Cf cf) { return (tmp_ / (std::string(CfName(cf)) + ".sst")).string(); };
    if (entries_ > 0) {
      // spo order is the order of the sp lists, (p, o, s) order that of the po
      // lists: the spo merge writes both spo and sp_postings (format 2 has no pos).
      for (Cf cf : {Cf::kSpo, Cf::kSpPostings, Cf::kPoPostings, Cf::kOsp}) files.emplace_back(cf, path_of(cf));
      jobs.push_back([this, spo = path_of(Cf::kSpo), sp = path_of(Cf::kSpPostings)] { return WriteSpo(spo, sp); });
      jobs.push_back([this, po = path_of(Cf::kPoPostings)] { return WritePos(po); });
      jobs.push_back([this, osp = path_of(Cf::kOsp)] { return WriteOsp(osp); });
    }
    // After the index jobs, which are the longest: two workers finish sooner
    // when the long jobs start first.
    for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
      if (generic_[i]->empty()) continue;
      const Cf cf = static_cast<Cf>(i);
      files.emplace_back(cf, path_of(cf));
      jobs.push_back([this, cf, path = path_of(cf)] { return WriteGeneric(cf, path); });
    }
    if (by_source_->size() > 0) {
      files.emplace_back(Cf::kBySource, path_of(Cf::kBySource));
      jobs.push_back([this, path = path_of(Cf::kBySource)] { return WriteBySource(path); });
    }

    records_total_ = 3 * entries_ + by_source_->size();
    for (auto& g : generic_) records_total_ += g->size();
    Report("merge", 0, records_total_);
    std::vector<Status> results(jobs.size());
    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    auto worker = [&] {
      for (size_t j; !failed && (j = next.fetch_add(1)) < jobs.size();) {
        results[j] = jobs[j]();
        if (!results[j].ok()) failed = true;  // the other worker stops after its job
      }
    };
    std::thread helper(worker);
    worker();
    helper.join();
    for (auto& st : results) CG_RETURN_IF_ERROR(st);  // the destructor removes what was written
    Report("merge", records_total_, records_total_);

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
    return st;
  }

  BulkSinkStats stats() const override {
    BulkSinkStats s;
    s.runs_spilled = spo_->runs_spilled() + pos_->runs_spilled() + osp_->runs_spilled() + by_source_->runs_spilled();
    for (const auto& g : generic_) s.runs_spilled += g->runs_spilled();
    return s;
  }

 private:
  // A sorter's options: 1/`share` of the budget, or of the account's spare.
  ExternalSortOptions SortOptions(std::string name, size_t budget, size_t share) const {
    ExternalSortOptions o;
    o.dir = tmp_.string();
    o.name = std::move(name);
    o.budget_bytes = budget / share;
    if (const base::MemoryAccount* account = options_.account)
      o.budget_now = [account, share] { return MinimumBudget(account->Spare()) / share; };
    o.TEST_fail_after = options_.TEST_fail_merge_after;
    return o;
  }

  // Progress of the merges, from both workers: each merge counts its records
  // and adds them up (and reports) every 2^20, so the two workers do not
  // share a counter's cache line record after record.
  class MergeCounter {
   public:
    explicit MergeCounter(BulkSink* sink) : sink_(sink) {}
    void Add() {
      if (++pending_ == (1 << 20)) {
        sink_->Report("merge", sink_->records_merged_ += pending_, sink_->records_total_);
        pending_ = 0;
      }
    }

   private:
    BulkSink* sink_;
    uint64_t pending_ = 0;
  };
  void Report(std::string_view stage, uint64_t done, uint64_t total) {
    if (!options_.progress) return;
    std::lock_guard<std::mutex> lock(report_mutex_);
    options_.progress(stage, done, total);
  }

  Status Open(rocksdb::SstFileWriter* writer, const std::string& path) {
    return FromRocks(writer->Open(path), "creating " + path);
  }

  Status WriteGeneric(Cf cf, const std::string& path) {
    MergeCounter merged(this);
    rocksdb::SstFileWriter writer = NewWriter(Options(cf));
    CG_RETURN_IF_ERROR(Open(&writer, path));
    std::string last;
    bool first = true;
    CG_RETURN_IF_ERROR(generic_[static_cast<int>(cf)]->Merge([&](std::string_view key, std::string_view value) -> Status {
      if (!first && last == key) return Status::Internal(std::string("bulk import wrote a key twice in ") + CfName(cf));
      first = false;
      last.assign(key);
      merged.Add();
      return FromRocks(writer.Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size())),
                       "writing SST");
    }));
    return FromRocks(writer.Finish(), "finishing " + path);
  }

  // The entry `p` stands for, sorted in `index` order, with its retraction if
  // it was restored after it streamed in.
  IndexEntry EntryOf(TripleIndex index, const SortedIndexEntry& p) const {
    IndexEntry e;
    switch (index) {
      case TripleIndex::kSpo: e.subject = p.k[0]; e.predicate = p.k[1]; e.object = p.k[2]; break;
      case TripleIndex::kPos: e.predicate = p.k[0]; e.object = p.k[1]; e.subject = p.k[2]; break;
      case TripleIndex::kOsp: e.object = p.k[0]; e.subject = p.k[1]; e.predicate = p.k[2]; break;
    }
    e.claim = p.k[3];
    e.asserted_tx = p.asserted_tx;
    e.retracted_tx = p.retracted_tx;
    e.source = p.source;
    e.modality = p.modality;
    e.confidence = p.confidence;
    if (!retracted_streamed_.empty() && e.claim >= first_claim_ && e.claim < first_claim_ + entries_) {
      auto it = std::lower_bound(retracted_streamed_.begin(), retracted_streamed_.end(), std::make_pair(e.claim, TxId{0}));
      if (it != retracted_streamed_.end() && it->first == e.claim) e.retracted_tx = it->second;
    }
    return e;
  }

  // The spo merge writes two files: the spo index and the sp posting lists.
  Status WriteSpo(const std::string& spo_path, const std::string& sp_path) {
    MergeCounter merged(this);
    IndexSst spo(this, TripleIndex::kSpo);
    PostingListSst sp(this, PostingKind::kSubjectPredicate);
    CG_RETURN_IF_ERROR(spo.Open(spo_path));
    CG_RETURN_IF_ERROR(sp.Open(sp_path));
    CG_RETURN_IF_ERROR(spo_->Merge([&](const SortedIndexEntry& p) -> Status {
      merged.Add();
      CG_RETURN_IF_ERROR(spo.Add(p));
      return sp.Add(p);
    }));
    CG_RETURN_IF_ERROR(spo.Finish());
    return sp.Finish();
  }
  Status WritePos(const std::string& po_path) {
    MergeCounter merged(this);
    PostingListSst po(this, PostingKind::kPredicateObject);
    CG_RETURN_IF_ERROR(po.Open(po_path));
    CG_RETURN_IF_ERROR(pos_->Merge([&](const SortedIndexEntry& p) -> Status {
      merged.Add();
      return po.Add(p);
    }));
    return po.Finish();
  }
  Status WriteOsp(const std::string& osp_path) {
    MergeCounter merged(this);
    IndexSst osp(this, TripleIndex::kOsp);
    CG_RETURN_IF_ERROR(osp.Open(osp_path));
    CG_RETURN_IF_ERROR(osp_->Merge([&](const SortedIndexEntry& p) -> Status {
      merged.Add();
      return osp.Add(p);
    }));
    return osp.Finish();
  }

  // The spo or osp index: one key per entry, in merged order.
  class IndexSst {
   public:
    IndexSst(BulkSink* sink, TripleIndex index)
        : sink_(sink), index_(index), writer_(NewWriter(sink->Options(CfOf(index)))) {}
    Status Open(const std::string& path) {
      path_ = path;
      return sink_->Open(&writer_, path);
    }
    Status Add(const SortedIndexEntry& p) {
      char key[kTripleKeySize], value[kMaxIndexValueSize];
      for (int w = 0; w < 4; ++w)  // the words are in index order already
        for (int b = 0; b < 8; ++b) key[w * 8 + b] = static_cast<char>(p.k[w] >> (56 - 8 * b));
      const size_t value_size = EncodeIndexValue(sink_->EntryOf(index_, p), value);
      return FromRocks(writer_.Put(rocksdb::Slice(key, sizeof key), rocksdb::Slice(value, value_size)), "writing SST");
    }
    Status Finish() { return FromRocks(writer_.Finish(), "finishing " + path_); }

   private:
    BulkSink* sink_;
    TripleIndex index_;
    rocksdb::SstFileWriter writer_;
    std::string path_;
  };

  // One list per run of equal (k[0], k[1]) in merged order (spo order for sp
  // lists, (p, o, s) order for po lists). A list the store already has (an
  // import into a non-empty store) is merged with the new postings, not
  // replaced. Holds one list at a time.
  class PostingListSst {
   public:
    PostingListSst(BulkSink* sink, PostingKind kind)
        : sink_(sink), kind_(kind), writer_(NewWriter(sink->Options(CfOf(kind)))) {}
    Status Open(const std::string& path) {
      path_ = path;
      CG_RETURN_IF_ERROR(sink_->Open(&writer_, path));
      // Into an empty store (the usual bulk load) there is nothing to merge with.
      std::unique_ptr<rocksdb::Iterator> it(
          sink_->store_->db()->NewIterator(rocksdb::ReadOptions(), sink_->store_->cf(CfOf(kind_))));
      it->SeekToFirst();
      CG_RETURN_IF_ERROR(FromRocks(it->status(), "reading posting lists"));
      store_has_lists_ = it->Valid();
      return Status::Ok();
    }
    Status Add(const SortedIndexEntry& p) {
      if (!list_.empty() && (p.k[0] != first_ || p.k[1] != second_)) CG_RETURN_IF_ERROR(Flush());
      first_ = p.k[0];
      second_ = p.k[1];
      list_.push_back(PostingOf(
          kind_, sink_->EntryOf(kind_ == PostingKind::kSubjectPredicate ? TripleIndex::kSpo : TripleIndex::kPos, p)));
      return Status::Ok();
    }
    Status Finish() {
      if (!list_.empty()) CG_RETURN_IF_ERROR(Flush());
      return FromRocks(writer_.Finish(), "finishing " + path_);
    }

   private:
    Status Flush() {
      const std::string key = EncodePostingKey(first_, second_);
      if (store_has_lists_) {
        stored_.clear();
        CG_RETURN_IF_ERROR(sink_->store_->ReadPostingList(CfOf(kind_), key, &stored_));
        if (!stored_.empty()) {
          UpsertPostings(&stored_, std::move(list_));
          std::swap(list_, stored_);
        }
      }
      EncodePostingList(list_, &value_);
      list_.clear();
      return FromRocks(writer_.Put(key, value_), "writing SST");
    }

    BulkSink* sink_;
    PostingKind kind_;
    rocksdb::SstFileWriter writer_;
    std::string path_;
    bool store_has_lists_ = false;
    uint64_t first_ = 0, second_ = 0;  // the key of list_
    std::vector<Posting> list_, stored_;
    std::string value_;
  };

  Status WriteBySource(const std::string& path) {
    MergeCounter merged(this);
    rocksdb::SstFileWriter writer = NewWriter(Options(Cf::kBySource));
    CG_RETURN_IF_ERROR(Open(&writer, path));
    CG_RETURN_IF_ERROR(by_source_->Merge([&](const SortedIndexEntry& p) -> Status {
      merged.Add();
      const IndexEntry e = EntryOf(TripleIndex::kSpo, p);  // with a retraction restored after it streamed in
      return FromRocks(writer.Put(EncodeBySourceKey(e.source, e.claim), EncodeBySourceValue(e)), "writing SST");
    }));
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
  BulkSinkOptions options_;
  std::filesystem::path tmp_;
  Status status_;  // of creating tmp_
  std::unique_ptr<IndexSorter> spo_, pos_, osp_;
  std::unique_ptr<BySourceSorter> by_source_;
  std::unique_ptr<RowSorter> generic_[static_cast<int>(Cf::kCount)];
  uint64_t entries_ = 0;  // PutIndexEntries calls
  ClaimId first_claim_ = 0;
  bool streamed_in_order_ = true;  // entry n was claim first_claim_ + n
  bool retracted_unordered_ = false;  // a RetractStreamed came when streamed_in_order_ was false
  bool overflow_ = false;
  std::vector<std::pair<ClaimId, TxId>> retracted_streamed_;
  uint64_t records_total_ = 0;
  std::atomic<uint64_t> records_merged_{0};
  std::mutex report_mutex_;
};
}  // namespace

std::unique_ptr<CommitSink> NewBulkSink(RocksClaimStore* store, BulkSinkOptions options) {
  return std::make_unique<BulkSink>(store, std::move(options));
}

std::string BulkTempDir(const RocksClaimStore& store) {
  return (std::filesystem::path(store.dir()) / "bulk-import.tmp").string();
}

size_t BulkIdentityBudget(size_t memory_budget) { return MinimumBudget(memory_budget) / kIdentityShare; }
size_t BulkNamesBudget(size_t memory_budget) { return MinimumBudget(memory_budget) / kNamesShare; }
size_t BulkSourceNamesBudget(size_t memory_budget) { return MinimumBudget(memory_budget) / kSourceNamesShare; }
size_t BulkTermNumberingBudget(size_t memory_budget) { return MinimumBudget(memory_budget) / kTermNumberingShare; }

}  // namespace claimgraph::storage
