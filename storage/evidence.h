// The evidence column family: each ingested text once, keyed by its raw
// SHA-256 (32 bytes), whichever sources share it.
//
//   EvidenceRecord := 1 (kept), the text's bytes to the end of the value
//                   | 2 (redacted), varint tx, svarint time_us, str principal,
//                     str reason, varint source
//
// The text is not in the hash chain — a redaction removes it without
// breaking the chain — but its SHA-256 is: sources record it, and the txlog
// records each text kept (kKeepText) and redacted (kRedact, EncodeRedactOp).
// The family's compression (zstd, else LZ4) shrinks the stored text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "storage/types.h"

namespace claimgraph::storage {

std::string EncodeKeptText(std::string_view text);
std::string EncodeRedaction(const Evidence& redacted);
Status DecodeEvidence(std::string_view in, Evidence* out);

// The evidence key of a SHA-256 given in hex as a source records it;
// nullopt when `sha256_hex` is not 64 hex digits.
std::optional<std::string> EvidenceKeyOf(std::string_view sha256_hex);

// The record of a kRedact txlog operation: the text's key and the reason.
std::string EncodeRedactOp(std::string_view key, std::string_view reason);

}  // namespace claimgraph::storage
