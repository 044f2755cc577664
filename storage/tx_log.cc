#include "storage/tx_log.h"

#include "storage/byte_codec.h"
#include "base/sha256.h"

namespace claimgraph::storage {

std::string EncodeTxBody(const TxRecord& rec) {
  std::string out(1, 1);
  PutFixed64BE(&out, rec.tx);
  PutSignedVarint(&out, rec.time_us);
  PutLengthPrefixed(&out, rec.principal);
  PutLengthPrefixed(&out, rec.note);
  PutVarint(&out, rec.ops.size());
  for (const auto& op : rec.ops) {
    out.push_back(static_cast<char>(op.kind));
    PutVarint(&out, op.first);
    PutVarint(&out, op.count);
    PutLengthPrefixed(&out, op.record);
  }
  std::string digest = rec.records_digest.size() == kHashSize ? rec.records_digest : std::string(kHashSize, '\0');
  std::string prev = rec.prev_hash.size() == kHashSize ? rec.prev_hash : std::string(kHashSize, '\0');
  out.append(digest);
  out.append(prev);
  return out;
}

std::string SealTxRecord(TxRecord* rec) {
  std::string body = EncodeTxBody(*rec);
  rec->hash = base::Sha256Digest(body);
  body.append(rec->hash);
  return body;
}

Status DecodeTxRecord(std::string_view value, TxRecord* out) {
  if (value.size() < kHashSize + 1) return Status::Corruption("txlog record is too short");
  ByteReader r(value.substr(0, value.size() - kHashSize));
  uint8_t version = r.Byte();
  if (version != 1) return Status::Corruption("txlog record has unknown version " + std::to_string(version));
  out->tx = r.Fixed64BE();
  out->time_us = r.SignedVarint();
  out->principal = r.LengthPrefixed();
  out->note = r.LengthPrefixed();
  uint64_t n = r.Varint();
  out->ops.clear();
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    TxOperation op;
    uint8_t kind = r.Byte();
    if (kind < 1 || kind > static_cast<uint8_t>(TxOperation::Kind::kMark)) return Status::Corruption("txlog record has unknown operation " + std::to_string(kind));
    op.kind = static_cast<TxOperation::Kind>(kind);
    op.first = r.Varint();
    op.count = r.Varint();
    op.record = r.LengthPrefixed();
    out->ops.push_back(std::move(op));
  }
  out->records_digest = r.Bytes(kHashSize);
  out->prev_hash = r.Bytes(kHashSize);
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("txlog record is malformed");
  out->hash = value.substr(value.size() - kHashSize);
  return Status::Ok();
}

bool VerifyTxRecordHash(std::string_view value) {
  if (value.size() < kHashSize) return false;
  return base::Sha256Digest(value.substr(0, value.size() - kHashSize)) == value.substr(value.size() - kHashSize);
}

void RecordsDigest::Add(std::string_view record) {
  std::string length;
  PutVarint(&length, record.size());
  hash_.Update(length);
  hash_.Update(record);
}

std::string RecordsDigest::Finish() { return hash_.Finish(); }

}  // namespace claimgraph::storage
