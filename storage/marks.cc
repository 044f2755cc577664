#include "storage/marks.h"

#include "storage/byte_codec.h"

namespace claimgraph::storage {
namespace {

bool ValidTarget(uint8_t b) { return b == uint8_t(Mark::Target::kClaim) || b == uint8_t(Mark::Target::kSource); }

}  // namespace

std::string EncodeMarkKey(const Mark& mark) {
  std::string key;
  PutFixed64BE(&key, mark.tx);
  key.push_back(static_cast<char>(mark.target));
  PutFixed64BE(&key, mark.id);
  return key;
}

std::string EncodeMarkValue(const Mark& mark) {
  std::string value(1, mark.deprecated ? '\1' : '\0');
  PutLengthPrefixed(&value, mark.reason);
  return value;
}

bool DecodeMark(std::string_view key, std::string_view value, Mark* out) {
  if (key.size() != kMarkKeySize) return false;
  ByteReader k(key);
  out->tx = k.Fixed64BE();
  const uint8_t target = k.Byte();
  out->id = k.Fixed64BE();
  if (!k.ok() || !ValidTarget(target)) return false;
  out->target = static_cast<Mark::Target>(target);
  ByteReader v(value);
  const uint8_t state = v.Byte();
  out->reason = std::string(v.LengthPrefixed());
  out->deprecated = state == 1;
  return v.ok() && v.AtEnd() && state <= 1;
}

std::string EncodeMarkOp(const Mark& mark) {
  std::string record(1, static_cast<char>(mark.target));
  record += EncodeMarkValue(mark);
  return record;
}

bool DecodeMarkOp(const TxOperation& op, TxId tx, Mark* out) {
  if (op.kind != TxOperation::Kind::kMark || op.record.empty()) return false;
  Mark key_part;
  key_part.tx = tx;
  key_part.target = static_cast<Mark::Target>(op.record[0]);
  key_part.id = op.first;
  if (!ValidTarget(static_cast<uint8_t>(op.record[0]))) return false;
  return DecodeMark(EncodeMarkKey(key_part), std::string_view(op.record).substr(1), out);
}

MarkTable::MarkTable() : data_(std::make_shared<Data>()) {}

std::shared_ptr<const MarkTable> MarkTable::Extend(const MarkTable& base, std::vector<Mark> added, TxId covered) {
  auto table = std::make_shared<MarkTable>(base);
  table->covered_ = covered;
  if (added.empty()) return table;  // shares base's marks
  auto data = std::make_shared<Data>(*base.data_);
  for (Mark& m : added) {
    auto& index = m.target == Mark::Target::kClaim ? data->claim_marks : data->source_marks;
    index[m.id].push_back(data->marks.size());
    data->marks.push_back(std::move(m));
  }
  data->newest = Compute(data->marks, data->marks.back().tx);
  table->data_ = std::move(data);
  return table;
}

std::shared_ptr<const HiddenClaims> MarkTable::Compute(const std::vector<Mark>& marks, TxId as_of) {
  auto hidden = std::make_shared<HiddenClaims>();
  // In transaction order, so each target ends in its newest state.
  for (const Mark& m : marks) {
    if (m.tx > as_of) break;
    auto& set = m.target == Mark::Target::kClaim ? hidden->claims : hidden->sources;
    if (m.deprecated) set.insert(m.id); else set.erase(m.id);
  }
  if (hidden->claims.empty() && hidden->sources.empty()) return nullptr;
  return hidden;
}

std::shared_ptr<const HiddenClaims> MarkTable::HiddenAsOf(TxId as_of) const {
  if (data_->marks.empty() || as_of < data_->marks.front().tx) return nullptr;
  if (as_of >= data_->marks.back().tx) return data_->newest;
  return Compute(data_->marks, as_of);  // an AS OF between marks: rare, O(marks)
}

const std::vector<size_t>* MarkTable::PositionsOf(Mark::Target target, uint64_t id) const {
  const auto& index = target == Mark::Target::kClaim ? data_->claim_marks : data_->source_marks;
  auto it = index.find(id);
  return it == index.end() ? nullptr : &it->second;
}

std::optional<Mark> MarkTable::Latest(Mark::Target target, uint64_t id, TxId as_of) const {
  const std::vector<size_t>* positions = PositionsOf(target, id);
  if (!positions) return std::nullopt;
  for (auto it = positions->rbegin(); it != positions->rend(); ++it)
    if (data_->marks[*it].tx <= as_of) return data_->marks[*it];
  return std::nullopt;
}

std::vector<Mark> MarkTable::All(Mark::Target target, uint64_t id, TxId as_of) const {
  std::vector<Mark> out;
  if (const std::vector<size_t>* positions = PositionsOf(target, id))
    for (size_t i : *positions)
      if (data_->marks[i].tx <= as_of) out.push_back(data_->marks[i]);
  return out;
}

Status CheckMarkTransition(const MarkTable& table, TxId as_of, Mark::Target target, uint64_t id, bool deprecate,
                           const std::string& name, SourceId claims_source, const std::string& source_name) {
  const std::optional<Mark> latest = table.Latest(target, id, as_of);
  const bool deprecated = latest && latest->deprecated;
  if (deprecate && deprecated)
    return Status::FailedPrecondition(name + " is already deprecated (tx " + std::to_string(latest->tx) + ": " +
                                      latest->reason + ")");
  if (!deprecate && !deprecated) {
    if (target == Mark::Target::kClaim) {
      const std::optional<Mark> by_source = table.Latest(Mark::Target::kSource, claims_source, as_of);
      if (by_source && by_source->deprecated)
        return Status::FailedPrecondition(name + " is not deprecated itself; its " + source_name + " is, since tx " +
                                          std::to_string(by_source->tx) + ": restore the source");
    }
    return Status::FailedPrecondition(name + " is not deprecated");
  }
  return Status::Ok();
}

}  // namespace claimgraph::storage
