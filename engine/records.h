// What the engine's typed calls return (engine.h): plain structs with names
// resolved, no storage type. The server turns them into protobuf messages,
// the offline commands into text, the SHOW/HISTORY/AUDIT statements into rows;
// each is read from the store in one place (engine/lookup/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/modality.h"
#include "base/valid_time.h"
#include "codec/format/store_reports.h"
#include "engine/value.h"

namespace claimgraph::engine {

using ClaimId = uint64_t;
using TxId = uint64_t;

// Statistics and verification reports are plain data the CLI prints too
// (from the Stats and VerifyAudit responses): codec/format/store_reports.h.
using codec::PredicateSummary;
using codec::StoreStats;
using codec::VerifyReport;

struct SourceRecord {
  uint64_t id = 0;
  std::string key;  // the source's stable name
  std::string title;
  std::string publisher;
  std::string published;  // ISO 8601 date, possibly partial
  std::string url;
  std::string sha256;  // hex digest of the document text ("" when unknown)
};

// One claim as stored, its ends and source by name.
struct ClaimRecord {
  ClaimId id = 0;
  Value subject;    // an entity: id and name
  Value predicate;  // a predicate: id and name
  Value object;     // an entity or a literal: number, string, date
  SourceRecord source;
  bool has_span = false;
  uint64_t span_begin = 0, span_end = 0;  // byte offsets into the source's text
  std::string quote;
  double confidence = 1.0;
  std::string method;
  base::Modality modality = base::Modality::kAsserted;
  base::ValidTime valid;  // when the fact held ("" ends = not known)
  TxId asserted_tx = 0;
  std::string principal;
  int64_t asserted_at_us = 0;
  TxId retracted_tx = 0;  // 0 while live
  std::string retract_reason;
  std::string retracted_by;
  int64_t retracted_at_us = 0;
  // Deprecated as of the read (by the claim's own mark or its source's):
  // the mark's transaction (0 = not deprecated) and reason.
  TxId deprecated_tx = 0;
  std::string deprecated_reason;
  bool deprecated_by_source = false;
};

// A source's text as the store keeps it (by its SHA-256, shared by every
// source with the same text).
struct SourceEvidence {
  std::string state = "none";  // "kept", "redacted" (taken down), "none" (never kept)
  uint64_t bytes = 0;          // kept: the text's size
  std::string text;            // kept, and asked for: the text as ingested
  // Redacted: the transaction, who, when and why, and the source it was
  // redacted for (the text is gone for every source that shared it).
  TxId redacted_tx = 0;
  int64_t redacted_at_us = 0;
  std::string redacted_by;
  std::string reason;
  std::string redacted_for;  // source key
};

struct SourceSummary {
  SourceRecord source;
  uint64_t live_claims = 0;  // not retracted and not deprecated
  SourceEvidence evidence;
  // Deprecated (DEPRECATE SOURCE): the mark's transaction (0 = not) and reason.
  TxId deprecated_tx = 0;
  std::string deprecated_reason;
};

// One event in a claim's life, oldest first: "asserted", then "retracted".
struct HistoryEvent {
  TxId tx = 0;
  int64_t time_us = 0;  // when the transaction committed
  std::string event;
  std::string principal;
  std::string detail;  // asserted: modality, confidence, method; retracted, deprecated, restored: the reason
};

// What a transaction did to a claim, as the log records it (CHANGES, the
// Watch RPC). kDeprecated and kRestored are reserved for the deprecation
// marks (issue 14): named here, in the docs and in the proto so that clients
// handle them, written by no transaction yet.
enum class ChangeKind { kAsserted, kRetracted, kDeprecated, kRestored };
const char* ChangeKindName(ChangeKind kind);  // "asserted", "retracted", "deprecated", "restored"

struct ChangeEvent {
  TxId tx = 0;
  int64_t time_us = 0;    // when the transaction committed
  std::string principal;  // the transaction's (who committed the change)
  ChangeKind kind = ChangeKind::kAsserted;
  ClaimId claim = 0;
  Value subject;    // an entity: id and name
  Value predicate;  // a predicate: id and name
  Value object;     // an entity or a literal
  std::string source;  // the claim's source key
  std::string reason;  // retracted, deprecated, restored: the reason given ("" when none)
};

}  // namespace claimgraph::engine
