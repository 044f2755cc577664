#include "storage/posting_list.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <tuple>

#include "storage/byte_codec.h"

namespace claimgraph::storage {
namespace {

constexpr uint8_t kPostingListVersion = 2;
constexpr uint8_t kPostingListVersion1 = 1;  // format 3: no confidence codes

// The hot loop of every two-bound pattern: inline, no bounds object.
inline bool ReadVarint(const uint8_t*& p, const uint8_t* end, uint64_t* out) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    uint8_t b = *p++;
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) {
      *out = v;
      return true;
    }
  }
  return false;
}

// The encoder's counterpart of ReadVarint: into a buffer on the stack, so
// that a posting is one append (a fold re-encodes a hub's whole list on
// every read of it while operands are pending).
inline char* WriteVarint(char* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

bool ByThirdAndClaim(const Posting& a, const Posting& b) {
  return std::tie(a.third, a.claim) < std::tie(b.third, b.claim);
}

}  // namespace

Cf CfOf(PostingKind kind) { return kind == PostingKind::kSubjectPredicate ? Cf::kSpPostings : Cf::kPoPostings; }

std::string EncodePostingKey(uint64_t first, uint64_t second) {
  std::string k;
  k.reserve(kPostingKeySize);
  PutFixed64BE(&k, first);
  PutFixed64BE(&k, second);
  return k;
}

bool DecodePostingKey(std::string_view key, uint64_t* first, uint64_t* second) {
  if (key.size() != kPostingKeySize) return false;
  *first = DecodeFixed64BE(key.data());
  *second = DecodeFixed64BE(key.data() + kIdSize);
  return true;
}

std::string PostingKeyOf(PostingKind kind, const IndexEntry& e) {
  return kind == PostingKind::kSubjectPredicate ? EncodePostingKey(e.subject, e.predicate)
                                                : EncodePostingKey(e.predicate, e.object);
}

Posting PostingOf(PostingKind kind, const IndexEntry& e) {
  return {kind == PostingKind::kSubjectPredicate ? e.object : e.subject, e.claim, e.asserted_tx, e.retracted_tx,
          e.source, e.modality, e.confidence};
}

IndexEntry EntryOf(PostingKind kind, uint64_t first, uint64_t second, const Posting& p) {
  IndexEntry e;
  if (kind == PostingKind::kSubjectPredicate) {
    e.subject = first;
    e.predicate = second;
    e.object = p.third;
  } else {
    e.predicate = first;
    e.object = second;
    e.subject = p.third;
  }
  e.claim = p.claim;
  e.asserted_tx = p.asserted_tx;
  e.retracted_tx = p.retracted_tx;
  e.source = p.source;
  e.modality = p.modality;
  e.confidence = p.confidence;
  return e;
}

std::string EncodePostingList(const std::vector<Posting>& sorted) {
  std::string out;
  EncodePostingList(sorted, &out);
  return out;
}

PostingEncoder::PostingEncoder(std::string* out, size_t reserve) : out_(out) {
  out_->clear();
  out_->reserve(reserve);
  out_->push_back(static_cast<char>(kPostingListVersion));
}

void PostingEncoder::Add(const Posting& p) {
  char buf[6 * 10 + 1];  // six varints of at most 10 bytes, the modality byte
  char* q = WriteVarint(buf, p.third - third_);
  q = WriteVarint(q, p.third == third_ && claim_ != 0 ? p.claim - claim_ : p.claim);
  q = WriteVarint(q, p.asserted_tx);
  q = WriteVarint(q, p.retracted_tx);
  q = WriteVarint(q, p.source);
  *q++ = static_cast<char>(p.modality);
  q = WriteVarint(q, p.confidence);
  out_->append(buf, q - buf);
  third_ = p.third;
  claim_ = p.claim;
}

void EncodePostingList(const std::vector<Posting>& sorted, std::string* out) {
  PostingEncoder encoder(out, 1 + sorted.size() * 12);
  for (const Posting& p : sorted) encoder.Add(p);
}

PostingDecoder::PostingDecoder(std::string_view value, bool also_version1)
    : p_(reinterpret_cast<const uint8_t*>(value.data())), end_(p_ + value.size()) {
  if (p_ != end_ && *p_ == kPostingListVersion1 && also_version1) with_confidence_ = false;
  else if (p_ == end_ || *p_ != kPostingListVersion) {
    ok_ = false;
    p_ = end_;
    return;
  }
  ++p_;
}

bool PostingDecoder::Next(Posting* out) {
  if (p_ >= end_) return false;
  uint64_t delta, claim;
  if (!ReadVarint(p_, end_, &delta) || !ReadVarint(p_, end_, &claim) || !ReadVarint(p_, end_, &out->asserted_tx) ||
      !ReadVarint(p_, end_, &out->retracted_tx) || !ReadVarint(p_, end_, &out->source) || p_ >= end_ || *p_ > 3) {
    ok_ = false;
    p_ = end_;
    return false;
  }
  out->modality = static_cast<Modality>(*p_++);
  uint64_t confidence = kConfidenceInRecord;
  if (with_confidence_ && (!ReadVarint(p_, end_, &confidence) || confidence > UINT32_MAX)) {
    ok_ = false;
    p_ = end_;
    return false;
  }
  out->confidence = static_cast<uint32_t>(confidence);
  // The first posting and every new third carry the claim id itself.
  claim_ = delta == 0 && claim_ != 0 ? claim_ + claim : claim;
  third_ += delta;
  out->third = third_;
  out->claim = claim_;
  return true;
}

void PostingDecoder::SkipSameThird() {
  // After the zero delta: the claim, two transactions and the source
  // (varints), the modality byte and, in version 2, the confidence varint:
  // each ends at a byte with the high bit clear. A posting is 7-12 bytes,
  // so its ends are found eight bytes at a time (a byte a step was 7% of a
  // two-hop join's instructions): the bytes with the high bit clear are the
  // set bits of ~w & 0x80..80, and the posting ends after the fields-th.
  static_assert(std::endian::native == std::endian::little, "the first byte in memory is the word's lowest");
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const int fields = with_confidence_ ? 6 : 5;
  while (p_ < end_ && *p_ == 0) {
    const uint8_t* q = p_ + 1;
    int missing = fields;
    while (missing > 0 && end_ - q >= 8) {
      uint64_t w;
      std::memcpy(&w, q, 8);
      uint64_t ends = ~w & kHighBits, last = 0;
      for (; missing > 0 && ends != 0; --missing) {  // (no popcount: x86-64's baseline has none)
        last = ends;
        ends &= ends - 1;
      }
      q += missing > 0 ? 8 : (std::countr_zero(last) >> 3) + 1;
    }
    while (missing > 0 && q < end_) missing -= *q++ < 0x80;  // the list's last few bytes
    if (missing > 0) return;
    p_ = q;
  }
}

bool DecodePostingList(std::string_view value, std::vector<Posting>* out) {
  PostingDecoder d(value);
  Posting p;
  while (d.Next(&p)) out->push_back(p);
  return d.ok();
}

uint64_t CountPostings(std::string_view value) {
  if (value.empty()) return 0;
  const uint8_t version = static_cast<uint8_t>(value[0]);
  const uint64_t bytes_per_posting = version == kPostingListVersion ? 7 : version == kPostingListVersion1 ? 6 : 0;
  if (bytes_per_posting == 0) return 0;
  uint64_t ends = 0;  // bytes that end a varint (or are the modality)
  for (size_t i = 1; i < value.size(); ++i) ends += static_cast<uint8_t>(value[i]) < 0x80;
  return ends / bytes_per_posting;
}

void UpsertPostings(std::vector<Posting>* list, std::vector<Posting> updates) {
  auto same = [](const Posting& a, const Posting& b) { return a.third == b.third && a.claim == b.claim; };
  // One update per key, the last one given (a claim asserted and retracted in
  // one transaction arrives twice).
  std::stable_sort(updates.begin(), updates.end(), ByThirdAndClaim);
  size_t kept = 0;
  for (size_t i = 0; i < updates.size(); ++i) {
    if (kept > 0 && same(updates[kept - 1], updates[i])) updates[kept - 1] = updates[i];
    else updates[kept++] = updates[i];
  }
  updates.resize(kept);
  if (!std::is_sorted(list->begin(), list->end(), ByThirdAndClaim)) std::sort(list->begin(), list->end(), ByThirdAndClaim);
  std::vector<Posting> out;
  out.reserve(list->size() + updates.size());
  auto a = list->begin(), b = updates.begin();
  while (a != list->end() || b != updates.end()) {
    if (b == updates.end() || (a != list->end() && ByThirdAndClaim(*a, *b))) {
      out.push_back(*a++);
    } else {
      if (a != list->end() && same(*a, *b)) ++a;  // the update replaces it
      out.push_back(*b++);
    }
  }
  *list = std::move(out);
}

bool FoldPostingUpdates(const std::string_view* base, const std::vector<std::string_view>& updates, std::string* out) {
  std::vector<Posting> pending;
  size_t update_bytes = 0;
  for (std::string_view u : updates) {
    if (!DecodePostingList(u, &pending)) return false;
    update_bytes += u.size();
  }
  std::vector<Posting> sorted;
  UpsertPostings(&sorted, std::move(pending));  // sorted, the later update of a claim kept
  // The base streams from its encoding into the output: a hub's list is
  // decoded and encoded once, never held as postings (every read of a list
  // with pending operands pays this).
  PostingDecoder decoder;
  if (base) decoder = PostingDecoder(*base);
  PostingEncoder encoder(out, (base ? base->size() : 0) + update_bytes);
  auto next = sorted.begin();
  Posting p;
  while (decoder.Next(&p)) {
    for (; next != sorted.end() && ByThirdAndClaim(*next, p); ++next) encoder.Add(*next);
    if (next != sorted.end() && next->third == p.third && next->claim == p.claim) encoder.Add(*next++);  // replaced
    else encoder.Add(p);
  }
  if (!decoder.ok()) return false;
  for (; next != sorted.end(); ++next) encoder.Add(*next);
  return true;
}

}  // namespace claimgraph::storage
