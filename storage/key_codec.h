// The on-disk format of a claimgraph store (format version 6).
//
// A store is one RocksDB database with these column families. Names, tags and
// layouts below are the format: DO NOT CHANGE them without bumping
// kFormatVersion (meta "format_version") and writing a migration.
//
//   meta      "format_version" -> fixed32be version (kFormatVersion)
//             "idem/" key       -> varint tx, varint first_claim, varint claims, varint retracted
//                                 [, varint n, n x varint answered claim id]
//             "counters"       -> varint next_entity, next_predicate, next_source,
//                                 next_literal, next_claim, last_tx
//   dict      'P' name                      -> fixed64be predicate id
//             'S' source key                -> fixed64be source id
//             'L' kind(1) lexical           -> fixed64be literal term id
//   alias     NormalizeAlias(alias)         -> fixed64be entity id
//                                              (the canonical name is an alias too)
//   names     'E' fixed64be entity id       -> EntityRecord
//             'P' fixed64be predicate id    -> PredicateRecord
//             'S' fixed64be source id       -> SourceRecord
//             'L' fixed64be literal term id -> LiteralRecord
//   claims    fixed64be claim id, 0x00      -> ClaimRecord (immutable)
//             fixed64be claim id, 0x01      -> RetractionRecord (immutable)
//   spo       s p o claim (4 x fixed64be)   -> IndexValue
//   pos       p o s claim                   -> IndexValue   (format 1 only: a format-2
//                                              store keeps the family empty, and
//                                              VerifyIndexes reports any entry in it)
//   osp       o s p claim                   -> IndexValue
//   by_source fixed64be source id, fixed64be claim id -> BySourceValue (format 6;
//                                              "" up to format 5)
//   txlog     fixed64be tx id               -> TxRecord body || sha256(body)
//   sp_postings fixed64be s, fixed64be p    -> PostingList (posting_list.h), and
//                                              merge operands: PostingLists of upserts (format 5)
//   po_postings fixed64be p, fixed64be o    -> PostingList, and merge operands
//   evidence  raw SHA-256 of a text (32)    -> EvidenceRecord (evidence.h): the text as
//                                              ingested, or its redaction (format 3)
//   marks     fixed64be tx, byte target, fixed64be id -> MarkValue (marks.h): a claim or a
//                                              source deprecated or restored (format 4)
//
//   IndexValue := varint asserted_tx, varint retracted_tx (0 = live),
//                 varint source id, byte modality,
//                 varint confidence code (format 4; types.h ConfidenceCodeOf:
//                 round(c × 1000) + 1 when exact, 0 = read the claim record)
//   BySourceValue := varint subject, varint predicate, varint object, IndexValue
//                 (the claim's whole index entry, rewritten on retraction like
//                 spo's: FROM SOURCE reads no claim record)
//   Records (record_codec.h) start with a version byte (1) and use varints and
//   length-prefixed strings; the TxRecord layout is in tx_log.h.
//
// Big-endian ids make byte order equal numeric order, so every triple pattern
// is one Get or one prefix seek (KeysOf, below): a posting list, or the lists
// under one word, when the bound positions lead an sp or po list key; else a
// prefix of spo (all three bound; nothing bound: a full scan) or osp (the
// object, and maybe the subject). The claim id at the end of an spo or osp key
// keeps one entry per claim (a fact is a run of entries with the same triple).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/claim_store.h"
#include "storage/types.h"

namespace claimgraph::storage {

// 2: posting lists (sp_postings, po_postings) instead of pos. A version-1
// store is migrated when opened read-write (migrate.cc: the lists are built
// from spo and pos, then pos is emptied).
// 3: the evidence column family (ingested texts by SHA-256) and the txlog
// operations kKeepText and kRedact. A version-2 store gains the (empty)
// family when opened read-write and is recorded as version 3.
// 4: the claim's confidence, coded, in every index value and posting
// (posting lists version 2), so that BELIEF reads no claim record; the marks
// column family (deprecations and restores) and the txlog operation kMark.
// A version-3 store is migrated when opened read-write
// (migrate.cc: MigrateFormat3To4Confidence; the marks family is created
// empty by the open).
// 5: online commits add to sp_postings and po_postings by RocksDB merge
// operands (posting_list.h, posting_merge.h) instead of rewriting each list
// they touch. A version-4 store is one without operands: opened read-write it
// is recorded as version 5 (nothing is rewritten); read-only, it is read as it
// is. A version-4 binary refuses a version-5 store, whose operands it could
// not fold.
// 6: by_source values carry the claim's index entry (BySourceValue above),
// so that a source's claims are one prefix read instead of a point read of
// each claim's record and retraction. A version-5 store is migrated when
// opened read-write (migrate.cc: MigrateFormat5To6BySource fills the values
// from spo); read-only, its empty values are read as before, through the
// claim records.
inline constexpr uint32_t kFormatVersion = 6;

// The column families, in the order the store opens them (static_cast<int>(cf)
// indexes its handles). kPos stays for format 1 (see pos above).
enum class Cf : int {
  kDefault = 0, kMeta, kDict, kAlias, kNames, kClaims, kSpo, kPos, kOsp, kBySource, kTxlog,
  kSpPostings, kPoPostings,  // format 2 (posting_list.h)
  kEvidence,                 // format 3 (evidence.h)
  kMarks,                    // format 4 (marks.h)
  kCount
};
const char* CfName(Cf cf);

// The key orders of the per-claim indexes. Format 2 writes spo and osp; kPos
// is format 1's pos, read by the migration, and the (p, o, s) order bulk
// import sorts the po lists in.
enum class TripleIndex { kSpo, kPos, kOsp };
Cf CfOf(TripleIndex index);

// A pattern's access path — ChooseAccessPath (claim_store.h), the one routing
// rule — spelled as keys: every key of `cf` that answers the pattern starts
// with `prefix`. A posting list with both of its key words bound has its
// whole key as the prefix (one Get); a full scan has an empty one.
struct PatternKeys {
  AccessPath path;
  Cf cf;
  std::string prefix;
};
PatternKeys KeysOf(const TriplePattern& pattern);

// Every id in a key, and the value of a dict or alias entry, is fixed64be.
inline constexpr size_t kIdSize = 8;
// The key sizes of the families whose keys are ids and tags only.
inline constexpr size_t kTripleKeySize = 4 * kIdSize;     // spo, osp (and format 1's pos)
inline constexpr size_t kNamesKeySize = 1 + kIdSize;      // NameTag, id
inline constexpr size_t kClaimKeySize = kIdSize + 1;      // claim id, record tag
inline constexpr size_t kBySourceKeySize = 2 * kIdSize;  // source id, claim id
inline constexpr size_t kTxKeySize = kIdSize;

// Decoders return false when the key or value is not of its family's size.
std::string EncodeTripleKey(TripleIndex index, EntityId s, PredicateId p, TermId o, ClaimId claim);
// Decodes an index key back into s, p, o and claim.
bool DecodeTripleKey(TripleIndex index, std::string_view key, IndexEntry* out);

std::string EncodeIndexValue(const IndexEntry& e);
// The same bytes into `out`, returning their number (a bulk load writes
// millions of values: no string each).
inline constexpr size_t kMaxIndexValueSize = 3 * 10 + 1 + 5;
size_t EncodeIndexValue(const IndexEntry& e, char (&out)[kMaxIndexValueSize]);
bool DecodeIndexValue(std::string_view value, IndexEntry* out);
// A format-3 value (no confidence code: sets kConfidenceInRecord), for the
// migration to format 4.
bool DecodeFormat3IndexValue(std::string_view value, IndexEntry* out);
// One whole entry of spo or osp: its key and its value.
bool DecodeIndexEntry(TripleIndex index, std::string_view key, std::string_view value, IndexEntry* out);

// The first byte of a names and of a dict key: what kind of record it names.
// DO NOT CHANGE the values: they are on disk.
enum class NameTag : char { kEntity = 'E', kPredicate = 'P', kSource = 'S', kLiteral = 'L' };
std::string EncodeNamesKey(NameTag tag, uint64_t id);
// The prefix of every names key with this tag.
std::string NamesKeyPrefix(NameTag tag);
bool DecodeNamesKey(std::string_view key, uint64_t* id);  // leaves the tag to the caller's prefix
std::string EncodeDictKey(NameTag tag, std::string_view text);
std::string EncodeLiteralDictKey(TermKind kind, std::string_view lexical);

// The last byte of a claims key. DO NOT CHANGE: on disk.
inline constexpr uint8_t kClaimAssertionTag = 0x00;
inline constexpr uint8_t kClaimRetractionTag = 0x01;
std::string EncodeClaimKey(ClaimId id, uint8_t record_tag);
bool DecodeClaimKey(std::string_view key, ClaimId* id, uint8_t* record_tag);
std::string EncodeBySourceKey(SourceId source, ClaimId claim);
bool DecodeBySourceKey(std::string_view key, SourceId* source, ClaimId* claim);
std::string EncodeBySourceValue(const IndexEntry& e);
// A format-6 entry, key and value; false when either is malformed or the
// value names another source than the key. (A format-5 value is empty: the
// caller reads the claim record instead.)
bool DecodeBySourceEntry(std::string_view key, std::string_view value, IndexEntry* out);
std::string EncodeTxKey(TxId tx);
bool DecodeTxKey(std::string_view key, TxId* tx);
std::string EncodeId(uint64_t id);  // the value of dict and alias entries
bool DecodeId(std::string_view value, uint64_t* id);

inline constexpr std::string_view kMetaFormatVersion = "format_version";
inline constexpr std::string_view kMetaCounters = "counters";
inline constexpr std::string_view kMetaIdempotencyPrefix = "idem/";

}  // namespace claimgraph::storage
