// Posting lists: every claim of one (subject, predicate) or one (predicate,
// object) pair packed into a single value.
//
// Why: a pattern with two positions bound ("entity-0" p0 ?o) is the common
// case, and reading it from the per-claim spo index costs one RocksDB iterator
// step per claim — most of a hub query's time. One Get of a packed list and a
// tight varint decode read the same entries several times faster. The lists
// are derived from the claims like spo and osp, which answer the patterns no
// list key leads with (all three positions bound, the object without the
// predicate, nothing); po_postings took the place of format 1's pos index.
// Bulk import writes the lists whole and sorted. An online commit adds to a
// list without reading it (format 5): it writes a RocksDB merge operand, the
// postings it adds or re-writes encoded as a PostingList, and the merge
// operator (posting_merge.h) folds the operands into the list at read,
// flush and compaction time (FoldPostingUpdates) — so a commit on a hub costs
// its own claims, not the hub's list, and every reader still sees one whole
// list. Retracted claims stay in their lists (history reads them).
//
//   sp_postings  fixed64be subject, fixed64be predicate -> PostingList
//   po_postings  fixed64be predicate, fixed64be object  -> PostingList
//
//   PostingList := version byte (2), then entries sorted by (third, claim):
//     varint third delta (from the previous entry's third; 0 = same third)
//     varint claim (delta from the previous claim if the third is the same,
//                   else the claim id itself)
//     varint asserted_tx, varint retracted_tx (0 = live), varint source,
//     byte modality, varint confidence code (types.h: ConfidenceCodeOf)
//   "third" is the object in sp_postings and the subject in po_postings.
//   Version 1 (store format 2 and 3) lacks the confidence code; only the
//   migration to format 4 reads it (PostingDecoder's also_version1).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/key_codec.h"
#include "storage/types.h"

namespace claimgraph::storage {

struct Posting {
  uint64_t third = 0;
  ClaimId claim = 0;
  TxId asserted_tx = 0;
  TxId retracted_tx = 0;
  SourceId source = 0;
  Modality modality = Modality::kAsserted;
  uint32_t confidence = kConfidenceInRecord;  // coded, as IndexEntry::confidence
  bool operator==(const Posting&) const = default;
};

enum class PostingKind { kSubjectPredicate, kPredicateObject };
Cf CfOf(PostingKind kind);  // sp_postings, po_postings

// A list's key: its first and second word, fixed64be each.
inline constexpr size_t kPostingKeySize = 2 * kIdSize;
std::string EncodePostingKey(uint64_t first, uint64_t second);
// False unless `key` is kPostingKeySize bytes.
bool DecodePostingKey(std::string_view key, uint64_t* first, uint64_t* second);
// The posting key of an index entry and its entry's third position.
std::string PostingKeyOf(PostingKind kind, const IndexEntry& e);
Posting PostingOf(PostingKind kind, const IndexEntry& e);
// Rebuilds the index entry from a list's key words and one posting.
IndexEntry EntryOf(PostingKind kind, uint64_t first, uint64_t second, const Posting& p);

// `sorted` must be ordered by (third, claim) without duplicates.
std::string EncodePostingList(const std::vector<Posting>& sorted);
void EncodePostingList(const std::vector<Posting>& sorted, std::string* out);  // replaces *out, reusing its buffer
// Writes a list one posting at a time (given in (third, claim) order) into
// *out, replacing it and reusing its buffer.
class PostingEncoder {
 public:
  PostingEncoder(std::string* out, size_t reserve);
  void Add(const Posting& p);

 private:
  std::string* out_;
  uint64_t third_ = 0;
  uint64_t claim_ = 0;
};

// Appends to `out`; false if the value is malformed.
bool DecodePostingList(std::string_view value, std::vector<Posting>* out);

// How many postings a well-formed list holds, without decoding them: each
// posting is six varints and the modality byte, so seven bytes with the high
// bit clear (a version-1 list's six). Several times faster than decoding, for
// the planner's estimates, which count a pattern's lists. 0 for a value that
// is not a list; a malformed one gets a count, not an error.
uint64_t CountPostings(std::string_view value);

// Merges `updates` into `list` (both sorted or not): one posting per
// (third, claim), an update replacing what the list had (a retraction
// re-writes its claim's posting). The result is sorted.
void UpsertPostings(std::vector<Posting>* list, std::vector<Posting> updates);

// A list's pending updates, folded: `base` (nullptr when the key has no list
// yet) with each encoded list of `updates` upserted in order, the later
// winning — UpsertPostings of their concatenation, written to *out. False if
// any value is malformed. One linear merge of the base with the sorted
// updates, however many there are: a hub with thousands of pending operands
// folds in O(list + updates log updates), not O(operands × list), and the
// base streams from its encoding to the result.
bool FoldPostingUpdates(const std::string_view* base, const std::vector<std::string_view>& updates, std::string* out);

// Streams the postings of one encoded list without materializing it.
class PostingDecoder {
 public:
  PostingDecoder() = default;
  // A version-1 list (no confidence codes: each posting gets
  // kConfidenceInRecord) is malformed unless `also_version1`.
  explicit PostingDecoder(std::string_view value, bool also_version1 = false);
  // False at the end or on malformed input (then ok() is false).
  bool Next(Posting* out);
  // Skips the postings that follow with the third of the last one Next
  // returned, without decoding them (a fact's other claims, when one is all
  // the reader needs). Each such posting starts with a zero third delta, one
  // byte; the first posting of a new third carries its claim id whole, so
  // nothing the decoder keeps goes stale. Bytes it cannot skip (a truncated
  // list) are left for Next to report.
  void SkipSameThird();
  bool ok() const { return ok_; }

 private:
  const uint8_t* p_ = nullptr;
  const uint8_t* end_ = nullptr;
  uint64_t third_ = 0;
  uint64_t claim_ = 0;
  bool with_confidence_ = true;
  bool ok_ = true;
};

}  // namespace claimgraph::storage
