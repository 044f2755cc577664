#include "storage/key_codec.h"

#include "storage/byte_codec.h"
#include "storage/claim_store.h"

namespace claimgraph::storage {

const char* CfName(Cf cf) {
  switch (cf) {
    case Cf::kDefault: return "default";
    case Cf::kMeta: return "meta";
    case Cf::kDict: return "dict";
    case Cf::kAlias: return "alias";
    case Cf::kNames: return "names";
    case Cf::kClaims: return "claims";
    case Cf::kSpo: return "spo";
    case Cf::kPos: return "pos";
    case Cf::kOsp: return "osp";
    case Cf::kBySource: return "by_source";
    case Cf::kTxlog: return "txlog";
    case Cf::kSpPostings: return "sp_postings";
    case Cf::kPoPostings: return "po_postings";
    case Cf::kEvidence: return "evidence";
    case Cf::kMarks: return "marks";
    case Cf::kCount: break;
  }
  return "?";
}

Cf CfOf(TripleIndex index) {
  switch (index) {
    case TripleIndex::kSpo: return Cf::kSpo;
    case TripleIndex::kPos: return Cf::kPos;
    case TripleIndex::kOsp: return Cf::kOsp;
  }
  return Cf::kSpo;
}

PatternKeys KeysOf(const TriplePattern& p) {
  const AccessPath path = ChooseAccessPath(p.subject.has_value(), p.predicate.has_value(), p.object.has_value());
  PatternKeys keys{path, Cf::kSpo, {}};
  // Each path reads a key family whose leading words are exactly the bound
  // positions, in that family's order.
  auto put = [&](const std::optional<uint64_t>& word) {
    if (word) PutFixed64BE(&keys.prefix, *word);
  };
  switch (path) {
    case AccessPath::kSpPostings:
      keys.cf = Cf::kSpPostings;
      put(p.subject);
      put(p.predicate);
      break;
    case AccessPath::kPoPostings:
      keys.cf = Cf::kPoPostings;
      put(p.predicate);
      put(p.object);
      break;
    case AccessPath::kSpo:
      put(p.subject);
      put(p.predicate);
      put(p.object);
      break;
    case AccessPath::kOsp:
      keys.cf = Cf::kOsp;
      put(p.object);
      put(p.subject);
      break;
    case AccessPath::kFullScan:
      break;
  }
  return keys;
}

AccessPath ChooseAccessPath(bool s, bool p, bool o) {
  if (s && !o) return AccessPath::kSpPostings;
  if (!s && p) return AccessPath::kPoPostings;
  if (s && p && o) return AccessPath::kSpo;
  if (o) return AccessPath::kOsp;
  return AccessPath::kFullScan;
}

const char* AccessPathName(AccessPath path) {
  switch (path) {
    case AccessPath::kSpPostings: return "sp_postings";
    case AccessPath::kPoPostings: return "po_postings";
    case AccessPath::kSpo: return "spo";
    case AccessPath::kOsp: return "osp";
    case AccessPath::kFullScan: return "spo (full scan)";
  }
  return "?";
}

std::string EncodeTripleKey(TripleIndex index, EntityId s, PredicateId p, TermId o, ClaimId claim) {
  std::string k;
  k.reserve(kTripleKeySize);
  switch (index) {
    case TripleIndex::kSpo: PutFixed64BE(&k, s); PutFixed64BE(&k, p); PutFixed64BE(&k, o); break;
    case TripleIndex::kPos: PutFixed64BE(&k, p); PutFixed64BE(&k, o); PutFixed64BE(&k, s); break;
    case TripleIndex::kOsp: PutFixed64BE(&k, o); PutFixed64BE(&k, s); PutFixed64BE(&k, p); break;
  }
  PutFixed64BE(&k, claim);
  return k;
}

bool DecodeTripleKey(TripleIndex index, std::string_view key, IndexEntry* out) {
  if (key.size() != kTripleKeySize) return false;
  uint64_t a = DecodeFixed64BE(key.data()), b = DecodeFixed64BE(key.data() + kIdSize),
           c = DecodeFixed64BE(key.data() + 2 * kIdSize);
  out->claim = DecodeFixed64BE(key.data() + 3 * kIdSize);
  switch (index) {
    case TripleIndex::kSpo: out->subject = a; out->predicate = b; out->object = c; break;
    case TripleIndex::kPos: out->predicate = a; out->object = b; out->subject = c; break;
    case TripleIndex::kOsp: out->object = a; out->subject = b; out->predicate = c; break;
  }
  return true;
}

std::string EncodeIndexValue(const IndexEntry& e) {
  std::string v;
  PutVarint(&v, e.asserted_tx);
  PutVarint(&v, e.retracted_tx);
  PutVarint(&v, e.source);
  v.push_back(static_cast<char>(e.modality));
  PutVarint(&v, e.confidence);
  return v;
}

size_t EncodeIndexValue(const IndexEntry& e, char (&out)[kMaxIndexValueSize]) {
  size_t n = 0;
  auto varint = [&](uint64_t v) {
    while (v >= 0x80) {
      out[n++] = static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out[n++] = static_cast<char>(v);
  };
  varint(e.asserted_tx);
  varint(e.retracted_tx);
  varint(e.source);
  out[n++] = static_cast<char>(e.modality);
  varint(e.confidence);
  return n;
}

bool DecodeIndexValue(std::string_view value, IndexEntry* out) {
  ByteReader r(value);
  out->asserted_tx = r.Varint();
  out->retracted_tx = r.Varint();
  out->source = r.Varint();
  uint8_t m = r.Byte();
  const uint64_t confidence = r.Varint();
  if (!r.ok() || !r.AtEnd() || m > 3 || confidence > UINT32_MAX) return false;
  out->modality = static_cast<Modality>(m);
  out->confidence = static_cast<uint32_t>(confidence);
  return true;
}

bool DecodeFormat3IndexValue(std::string_view value, IndexEntry* out) {
  ByteReader r(value);
  out->asserted_tx = r.Varint();
  out->retracted_tx = r.Varint();
  out->source = r.Varint();
  uint8_t m = r.Byte();
  if (!r.ok() || !r.AtEnd() || m > 3) return false;
  out->modality = static_cast<Modality>(m);
  out->confidence = kConfidenceInRecord;
  return true;
}

bool DecodeIndexEntry(TripleIndex index, std::string_view key, std::string_view value, IndexEntry* out) {
  return DecodeTripleKey(index, key, out) && DecodeIndexValue(value, out);
}

std::string EncodeNamesKey(NameTag tag, uint64_t id) {
  std::string k = NamesKeyPrefix(tag);
  PutFixed64BE(&k, id);
  return k;
}

std::string NamesKeyPrefix(NameTag tag) { return std::string(1, static_cast<char>(tag)); }

bool DecodeNamesKey(std::string_view key, uint64_t* id) {
  if (key.size() != kNamesKeySize) return false;
  *id = DecodeFixed64BE(key.data() + 1);
  return true;
}

std::string EncodeDictKey(NameTag tag, std::string_view text) {
  std::string k(1, static_cast<char>(tag));
  k.append(text);
  return k;
}

std::string EncodeLiteralDictKey(TermKind kind, std::string_view lexical) {
  std::string k(1, static_cast<char>(NameTag::kLiteral));
  k.push_back(static_cast<char>(kind));
  k.append(lexical);
  return k;
}

std::string EncodeClaimKey(ClaimId id, uint8_t record_tag) {
  std::string k;
  PutFixed64BE(&k, id);
  k.push_back(static_cast<char>(record_tag));
  return k;
}

bool DecodeClaimKey(std::string_view key, ClaimId* id, uint8_t* record_tag) {
  if (key.size() != kClaimKeySize) return false;
  *id = DecodeFixed64BE(key.data());
  *record_tag = static_cast<uint8_t>(key[kIdSize]);
  return true;
}

std::string EncodeBySourceKey(SourceId source, ClaimId claim) {
  std::string k;
  PutFixed64BE(&k, source);
  PutFixed64BE(&k, claim);
  return k;
}

bool DecodeBySourceKey(std::string_view key, SourceId* source, ClaimId* claim) {
  if (key.size() != kBySourceKeySize) return false;
  *source = DecodeFixed64BE(key.data());
  *claim = DecodeFixed64BE(key.data() + kIdSize);
  return true;
}

std::string EncodeBySourceValue(const IndexEntry& e) {
  std::string v;
  PutVarint(&v, e.subject);
  PutVarint(&v, e.predicate);
  PutVarint(&v, e.object);
  char value[kMaxIndexValueSize];
  v.append(value, EncodeIndexValue(e, value));
  return v;
}

bool DecodeBySourceEntry(std::string_view key, std::string_view value, IndexEntry* out) {
  SourceId source;
  if (!DecodeBySourceKey(key, &source, &out->claim)) return false;
  ByteReader r(value);
  out->subject = r.Varint();
  out->predicate = r.Varint();
  out->object = r.Varint();
  if (!r.ok()) return false;
  return DecodeIndexValue(value.substr(r.position()), out) && out->source == source;
}

std::string EncodeTxKey(TxId tx) { return EncodeId(tx); }

bool DecodeTxKey(std::string_view key, TxId* tx) { return DecodeId(key, tx); }

std::string EncodeId(uint64_t id) {
  std::string k;
  PutFixed64BE(&k, id);
  return k;
}

bool DecodeId(std::string_view value, uint64_t* id) {
  if (value.size() != kIdSize) return false;
  *id = DecodeFixed64BE(value.data());
  return true;
}

}  // namespace claimgraph::storage
