// Engine values and records to and from their protobuf messages.
#pragma once

#include "claimgraph/v1/claimgraph.pb.h"
#include "engine/batch_write.h"
#include "engine/value.h"
#include "storage/claim_store.h"

namespace claimgraph::server {

void ToProto(const engine::Value& v, v1::Value* out);
Status ToProto(const storage::ReadView& view, const storage::Claim& c, v1::Claim* out);
engine::ClaimDraft FromProto(const v1::ClaimInput& in);

}  // namespace claimgraph::server
