// Engine values and records to and from their protobuf messages.
#pragma once

#include <cstdint>
#include <optional>

#include "claimgraph/v1/claimgraph.pb.h"
#include "engine/batch_write.h"
#include "engine/ingest/pipeline.h"
#include "engine/value.h"
#include "engine/records.h"

namespace claimgraph::server {

// Whether a whole number goes out as int_value (QueryRequest.integers) or,
// for a client that predates it, as number_value.
enum class ValueNumbers { kDoubles, kIntegers };

// The number `v` goes out as int_value, or nullopt for number_value (and for
// a value that is not a number): the rule ToProto and the row writer share.
std::optional<int64_t> SentAsInteger(const engine::Value& v, ValueNumbers numbers);

void ToProto(const engine::Value& v, v1::Value* out, ValueNumbers numbers = ValueNumbers::kDoubles);
void ToProto(const engine::ClaimRecord& c, v1::Claim* out);
void ToProto(const engine::SourceSummary& s, v1::Source* out);
void ToProto(const engine::HistoryEvent& e, v1::HistoryEvent* out);
// The change alone; its transaction's tx, time and principal go in the WatchResponse.
void ToProto(const engine::ChangeEvent& e, v1::Change* out);
void ToProto(const engine::VerifyReport& r, v1::VerifyAuditResponse* out);
void ToProto(const engine::StoreStats& s, v1::StatsResponse* out);
// A claim the ingestion pipeline found but did not store (a dry run): no id, tx or principal.
void ToProto(const ingest::ExtractedClaim& c, const std::string& source_key, v1::Claim* out);
// Why the pipeline made it; `explain` adds the clause and the argument choices.
void ToProto(const ingest::ExtractedClaim& c, bool explain, v1::ClaimExplanation* out);
engine::ClaimDraft FromProto(const v1::ClaimInput& in);
v1::Modality ToProto(base::Modality m);

}  // namespace claimgraph::server
