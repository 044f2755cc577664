// The records claimgraph keeps: entities, predicates, sources, literal values
// and claims with their full provenance. Plain data, no RocksDB types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/modality.h"
#include "base/valid_time.h"

namespace claimgraph::storage {

using EntityId = uint64_t;
using PredicateId = uint64_t;
using SourceId = uint64_t;
using ClaimId = uint64_t;
using TxId = uint64_t;
// A term is what may stand in object position: an entity or a literal value.
// Its top 8 bits say which (TermKind); an entity's TermId equals its EntityId.
using TermId = uint64_t;

// DO NOT CHANGE the values: they are the top byte of every TermId on disk.
enum class TermKind : uint8_t { kEntity = 0, kString = 1, kNumber = 2, kDate = 3 };

inline TermKind KindOfTerm(TermId id) { return static_cast<TermKind>(id >> 56); }
inline TermId MakeTermId(TermKind kind, uint64_t sequence) {
  return (static_cast<uint64_t>(kind) << 56) | (sequence & 0x00FFFFFFFFFFFFFFull);
}
inline bool IsEntityTerm(TermId id) { return KindOfTerm(id) == TermKind::kEntity; }
const char* TermKindName(TermKind kind);

using base::Modality;  // stored by number in claim records and index values
using base::ModalityName;
using base::ParseModality;

struct Entity {
  EntityId id = 0;
  std::string name;                  // canonical name, e.g. "United States"
  std::string type;                  // country, group, organization, person, ... ("" = unknown)
  std::vector<std::string> aliases;  // as written; matched after NormalizeAlias()
  bool operator==(const Entity&) const = default;
};

struct Predicate {
  PredicateId id = 0;
  std::string name;          // e.g. "shares-intel"
  bool symmetric = false;
  std::string inverse;       // name of the inverse reading ("" = none), e.g. "targeted-by"
  std::string domain = "ANY";
  std::string range = "ANY";
  bool operator==(const Predicate&) const = default;
};

struct Source {
  SourceId id = 0;
  std::string key;        // the source's stable name: "004_8cc8e2fcc4fc9a24", or a graph IRI
  std::string title;
  std::string publisher;
  std::string published;  // ISO 8601 date, possibly partial ("2015-04", "2023")
  std::string url;
  std::string sha256;     // hex digest of the document text ("" when unknown)
  bool operator==(const Source&) const = default;
};

// A literal value in object position. Numbers keep their lexical form and
// their value; dates are ISO 8601 text, which sorts chronologically.
struct Literal {
  TermKind kind = TermKind::kString;
  std::string lexical;
  double number = 0;  // meaningful for kNumber only
  bool operator==(const Literal&) const = default;
};

// One source's assertion of a fact, with provenance. Immutable once written;
// retraction is recorded beside it, never over it.
struct Claim {
  ClaimId id = 0;
  EntityId subject = 0;
  PredicateId predicate = 0;
  TermId object = 0;
  SourceId source = 0;
  // Byte offsets [span_begin, span_end) into the source's original UTF-8 text.
  bool has_span = false;
  uint64_t span_begin = 0;
  uint64_t span_end = 0;
  std::string quote;
  double confidence = 1.0;
  std::string method;  // "manual", "import:nquads", "rules:1", ...
  Modality modality = Modality::kAsserted;
  // When the fact held, as the source says ("" ends = not known). Not part of
  // the claim's identity: read from the same words, like confidence.
  base::ValidTime valid;
  TxId asserted_tx = 0;
  std::string principal;       // who entered it
  int64_t asserted_at_us = 0;  // when it was entered, µs since the Unix epoch
  // Retraction; retracted_tx == 0 while the claim is live.
  TxId retracted_tx = 0;
  std::string retract_reason;
  std::string retracted_by;
  int64_t retracted_at_us = 0;
  bool operator==(const Claim&) const = default;
};

// A claim's identity: two claim records are the same claim when they agree
// on subject, predicate, object, source, span (present or not, and where),
// quote and modality. For a symmetric predicate subject and object are
// unordered ("A pact B" and "B pact A" from one passage are one claim).
// Method, confidence, valid time, principal and times are NOT part of it: they say how
// and when a claim was recorded, not what the source says, and counting one
// passage twice because a second extractor or analyst met it would inflate
// every count and every measure of support. Every write path skips a claim
// whose identity is already live (docs/architecture.md, "Claim identity").
struct ClaimIdentity {
  EntityId subject = 0;
  PredicateId predicate = 0;
  TermId object = 0;
  SourceId source = 0;
  bool has_span = false;
  uint64_t span_begin = 0, span_end = 0;
  Modality modality = Modality::kAsserted;
  std::string quote;
  bool operator==(const ClaimIdentity&) const = default;
};
// With subject <= object when `symmetric`, so equal identities compare equal.
ClaimIdentity IdentityOf(const Claim& claim, bool symmetric);

// A claim's confidence as the indexes carry it (format 4), so that BELIEF
// needs no claim record: round(c × 1000) + 1 when that gives c back exactly
// (c a whole number of thousandths in [0, 1]: 1.0, 0.85, 0.7, 0.5 …; a varint
// of at most 2 bytes), else kConfidenceInRecord — the reader takes c from the
// claim record. Exact either way: ConfidenceOfCode(ConfidenceCodeOf(c)) is
// bit for bit c whenever the code is not kConfidenceInRecord.
inline constexpr uint32_t kConfidenceInRecord = 0;
uint32_t ConfidenceCodeOf(double confidence);
// Only for code != kConfidenceInRecord. Division is correctly rounded, so
// this is the double nearest (code − 1) / 1000, what parsing "0.85" gives.
inline double ConfidenceOfCode(uint32_t code) { return static_cast<double>(code - 1) / 1000.0; }

// One claim as the indexes hold it (an spo or osp entry, or a posting in an sp
// or po list): its triple and id, and what scans need to decide visibility
// (as of a transaction), source and modality filters and BELIEF without
// reading the claim record.
struct IndexEntry {
  EntityId subject = 0;
  PredicateId predicate = 0;
  TermId object = 0;
  ClaimId claim = 0;
  TxId asserted_tx = 0;
  TxId retracted_tx = 0;  // 0 = live
  SourceId source = 0;
  Modality modality = Modality::kAsserted;
  // The claim's confidence, coded (ConfidenceCodeOf above); kConfidenceInRecord
  // when not representable, or read from a format-3 value by the migration.
  uint32_t confidence = kConfidenceInRecord;
  bool operator==(const IndexEntry&) const = default;
};
// The index entry of a claim record, with these transactions.
IndexEntry IndexEntryOf(const Claim& claim, TxId asserted_tx, TxId retracted_tx);

// A triple pattern: any position may be bound.
struct TriplePattern {
  std::optional<EntityId> subject;
  std::optional<PredicateId> predicate;
  std::optional<TermId> object;
};

// A source's text as the evidence column family holds it, by the text's
// SHA-256: kept (the bytes, exactly as ingested), redacted (removed by a
// takedown; who, when and why stay) or none (never kept: a source entered by
// hand or imported, whose text the store never saw).
struct Evidence {
  enum class State { kNone, kKept, kRedacted };
  State state = State::kNone;
  std::string text;  // kKept only
  // kRedacted only: the transaction that redacted it, and the source it was
  // asked for (other sources with the same text lost it too).
  TxId redacted_tx = 0;
  int64_t redacted_at_us = 0;
  std::string redacted_by;
  std::string reason;
  SourceId redacted_source = 0;
  bool operator==(const Evidence&) const = default;
};
const char* EvidenceStateName(Evidence::State state);  // "kept", "redacted", "none"

// A deprecation, or its undoing (a restore), of one claim or of one source —
// every claim of a discredited outlet, those asserted later included. The
// claims stay and keep their history; default answers skip a deprecated
// claim, as Wikidata's best-rank view skips deprecated statements.
// Recorded in the marks family (marks.h) and the txlog (kMark).
struct Mark {
  // DO NOT CHANGE the values: on disk.
  enum class Target : uint8_t { kClaim = 'C', kSource = 'S' };
  Target target = Target::kClaim;
  uint64_t id = 0;  // a claim id or a source id
  TxId tx = 0;
  bool deprecated = true;  // false: restored
  std::string reason;
  bool operator==(const Mark&) const = default;
};
const char* MarkTargetName(Mark::Target target);  // "claim", "source"

// A transaction as recorded in the hash-chained log.
struct TxOperation {
  // DO NOT CHANGE the values: stored in txlog records.
  enum class Kind : uint8_t {
    kAssertRange = 1,   // claims [first, first + count)
    kRetract = 2,       // claim `first`
    kEntity = 3,        // entity `first` defined or changed; `record` is its new record
    kPredicate = 4,
    kSource = 5,
    kLiteral = 6,
    kKeepText = 7,  // format 3: source `first`'s text kept; `record` is its raw SHA-256
    kRedact = 8,    // format 3: source `first`'s text redacted; `record` is EncodeRedactOp
    kMark = 9,      // format 4: claim or source `first` deprecated or restored; `record` is EncodeMarkOp
  };
  Kind kind = Kind::kAssertRange;
  uint64_t first = 0;
  uint64_t count = 1;
  std::string record;  // encoded record for dictionary operations
  bool operator==(const TxOperation&) const = default;
};

struct TxRecord {
  TxId tx = 0;
  int64_t time_us = 0;
  std::string principal;
  std::string note;  // e.g. "bulk import of 3 files", "RETRACT CLAIM 12"
  std::vector<TxOperation> ops;
  std::string records_digest;  // SHA-256 (raw 32 bytes) of every claims-CF record this tx wrote
  std::string prev_hash;       // SHA-256 of the previous record (32 zero bytes for tx 1)
  std::string hash;            // SHA-256 of this record's canonical encoding
};

// The mark a kMark operation of transaction `tx` records (false when `op` is
// not one, or is malformed): for readers of the log such as the change feed.
bool DecodeMarkOp(const TxOperation& op, TxId tx, Mark* out);

}  // namespace claimgraph::storage
