#include "storage/record_reader.h"

#include <rocksdb/iterator.h>

#include <memory>

#include "storage/record_codec.h"
#include "storage/tx_log.h"

namespace claimgraph::storage {
namespace {

std::string Named(std::string_view kind, uint64_t id) { return std::string(kind) + " " + std::to_string(id); }

// Reads and decodes one record named `kind id`; the decoder leaves the id alone.
template <typename Record>
Result<Record> GetRecord(const RecordReader& reader, Cf cf, const std::string& key, std::string_view kind, uint64_t id,
                         Status (*decode)(std::string_view, Record*)) {
  std::string value;
  Record out;
  Status st = reader.Get(cf, key, Named(kind, id), &value);
  if (st.ok()) st = decode(value, &out).WithContext(Named(kind, id));
  if (!st.ok()) return st;
  return out;
}

}  // namespace

RecordReader::RecordReader(const RocksClaimStore* store, const rocksdb::Snapshot* snapshot) : store_(store) {
  ro_.snapshot = snapshot;
}

Result<bool> RecordReader::GetIfPresent(Cf cf, std::string_view key, std::string_view what, std::string* value) const {
  rocksdb::Status s = store_->db()->Get(ro_, store_->cf(cf), key, value);
  if (s.IsNotFound()) return false;
  CG_RETURN_IF_ERROR(FromRocks(s, "reading " + std::string(what)));
  return true;
}

Status RecordReader::Get(Cf cf, std::string_view key, std::string_view what, std::string* value) const {
  CG_ASSIGN_OR_RETURN(bool found, GetIfPresent(cf, key, what, value));
  if (!found) return Status::NotFound(std::string(what) + " not found");
  return Status::Ok();
}

Result<uint64_t> RecordReader::GetId(Cf cf, std::string_view key, std::string_view what) const {
  std::string value;
  CG_RETURN_IF_ERROR(Get(cf, key, what, &value));
  uint64_t id;
  if (!DecodeId(value, &id))
    return Status::Corruption(std::string(what) + ": malformed " + CfName(cf) + " entry (" +
                              std::to_string(value.size()) + " bytes, not " + std::to_string(kIdSize) + ")");
  return id;
}

Result<Entity> RecordReader::GetEntity(EntityId id) const {
  CG_ASSIGN_OR_RETURN(Entity e, GetRecord(*this, Cf::kNames, EncodeNamesKey(NameTag::kEntity, id), "entity", id,
                                          &DecodeEntity));
  e.id = id;
  return e;
}

Result<Predicate> RecordReader::GetPredicate(PredicateId id) const {
  CG_ASSIGN_OR_RETURN(Predicate p, GetRecord(*this, Cf::kNames, EncodeNamesKey(NameTag::kPredicate, id), "predicate",
                                             id, &DecodePredicate));
  p.id = id;
  return p;
}

Result<Source> RecordReader::GetSource(SourceId id) const {
  CG_ASSIGN_OR_RETURN(Source s, GetRecord(*this, Cf::kNames, EncodeNamesKey(NameTag::kSource, id), "source", id,
                                          &DecodeSource));
  s.id = id;
  return s;
}

Result<Literal> RecordReader::GetLiteral(TermId id) const {
  return GetRecord(*this, Cf::kNames, EncodeNamesKey(NameTag::kLiteral, id), "literal", id, &DecodeLiteral);
}

Result<Claim> RecordReader::GetClaimRecord(ClaimId id) const {
  CG_ASSIGN_OR_RETURN(Claim c, GetRecord(*this, Cf::kClaims, EncodeClaimKey(id, kClaimAssertionTag), "claim", id,
                                         &DecodeClaim));
  c.id = id;
  return c;
}

Result<std::optional<Claim>> RecordReader::GetRetraction(ClaimId id) const {
  std::string value;
  const std::string what = Named("retraction of claim", id);
  CG_ASSIGN_OR_RETURN(bool found, GetIfPresent(Cf::kClaims, EncodeClaimKey(id, kClaimRetractionTag), what, &value));
  if (!found) return std::optional<Claim>();
  Claim r;
  r.id = id;
  CG_RETURN_IF_ERROR(DecodeRetraction(value, &r).WithContext(what));
  return std::optional<Claim>(std::move(r));
}

Result<TxRecord> RecordReader::GetTxRecord(TxId tx) const {
  return GetRecord(*this, Cf::kTxlog, EncodeTxKey(tx), "transaction", tx, &DecodeTxRecord);
}

Result<Counters> RecordReader::GetCounters() const {
  std::string value;
  CG_RETURN_IF_ERROR(Get(Cf::kMeta, kMetaCounters, "meta counters", &value));
  Counters counters;
  CG_RETURN_IF_ERROR(DecodeCounters(value, &counters));
  return counters;
}

template <typename Record>
Status RecordReader::ForEachName(NameTag tag, std::string_view kind, Status (*decode)(std::string_view, Record*),
                                 const std::function<Result<bool>(Record&)>& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(Cf::kNames)));
  const std::string prefix = NamesKeyPrefix(tag);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    uint64_t id;
    if (!DecodeNamesKey(it->key().ToStringView(), &id))
      return Status::Corruption("malformed names key");
    Record record;
    Status st = decode(it->value().ToStringView(), &record);
    if (!st.ok()) return st.WithContext(Named(kind, id));
    record.id = id;
    CG_ASSIGN_OR_RETURN(bool more, fn(record));
    if (!more) return Status::Ok();
  }
  return FromRocks(it->status(), "scanning names");
}

Status RecordReader::ForEachEntity(const std::function<Result<bool>(Entity&)>& fn) const {
  return ForEachName(NameTag::kEntity, "entity", &DecodeEntity, fn);
}

Status RecordReader::ForEachPredicate(const std::function<Result<bool>(Predicate&)>& fn) const {
  return ForEachName(NameTag::kPredicate, "predicate", &DecodePredicate, fn);
}

Status RecordReader::ForEachSource(const std::function<Result<bool>(Source&)>& fn) const {
  return ForEachName(NameTag::kSource, "source", &DecodeSource, fn);
}

void ApplyRetraction(const Claim& retraction, Claim* claim) {
  claim->retracted_tx = retraction.retracted_tx;
  claim->retract_reason = retraction.retract_reason;
  claim->retracted_by = retraction.retracted_by;
  claim->retracted_at_us = retraction.retracted_at_us;
}

}  // namespace claimgraph::storage
