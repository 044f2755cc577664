// Engine values and records to and from their protobuf messages.
#pragma once

#include "claimgraph/v1/claimgraph.pb.h"
#include "engine/batch_write.h"
#include "engine/ingest/pipeline.h"
#include "engine/value.h"
#include "storage/claim_store.h"

namespace claimgraph::server {

void ToProto(const engine::Value& v, v1::Value* out);
Status ToProto(const storage::ReadView& view, const storage::Claim& c, v1::Claim* out);
// A claim the ingestion pipeline found but did not store (a dry run): no id, tx or principal.
void ToProto(const ingest::ExtractedClaim& c, const std::string& source_key, v1::Claim* out);
engine::ClaimDraft FromProto(const v1::ClaimInput& in);
v1::Modality ToProto(storage::Modality m);

}  // namespace claimgraph::server
