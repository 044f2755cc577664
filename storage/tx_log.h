// The transaction log record and its hash chain.
//
//   TxRecord body := 1 (version), fixed64be tx, svarint time_us, str principal,
//                    str note, varint n, op[n], bytes32 records_digest, bytes32 prev_hash
//   op            := byte kind, varint first, varint count, str record
//   stored value  := body || sha256(body)
//
// records_digest is SHA-256 over every record the transaction wrote into the
// claims column family, in the order written, each as varint length + bytes.
// The chain (prev_hash) makes any change, removal or reordering of a record
// detectable; records_digest extends that to the claim records themselves.
#pragma once

#include <string>
#include <string_view>

#include "base/sha256.h"
#include "base/status.h"
#include "storage/types.h"

namespace claimgraph::storage {

inline constexpr size_t kHashSize = 32;

// Encodes the body of `rec` (everything but rec.hash).
std::string EncodeTxBody(const TxRecord& rec);
// Computes rec->hash from the body and returns the stored value.
std::string SealTxRecord(TxRecord* rec);
// Parses a stored value. Does not check the hash; VerifyTxRecordHash does.
Status DecodeTxRecord(std::string_view value, TxRecord* out);
// True when the stored hash equals sha256 of the stored body.
bool VerifyTxRecordHash(std::string_view value);

// Accumulates records_digest.
class RecordsDigest {
 public:
  void Add(std::string_view record);
  std::string Finish();  // raw 32 bytes
 private:
  base::Sha256 hash_;
};

}  // namespace claimgraph::storage
