#include "server/row_wire.h"

#include <google/protobuf/io/coded_stream.h>

#include <bit>
#include <cstring>
#include <iterator>

namespace claimgraph::server {
namespace {

using google::protobuf::io::CodedOutputStream;
using K = engine::Value::Kind;

// Tags (field number << 3 | wire type) of claimgraph.v1's Row, RowBatch,
// Value, Entity and ValueList. Wire types: 0 varint, 1 fixed64, 2 length-delimited.
constexpr uint8_t kRepeatedField1 = 0x0A;  // RowBatch.rows, Row.values, ValueList.values
constexpr uint8_t kRowProvenance = 0x12;   // packed
constexpr uint8_t kNullValue = 0x08;
constexpr uint8_t kBoolValue = 0x10;
constexpr uint8_t kNumberValue = 0x19;
constexpr uint8_t kStringValue = 0x22;
constexpr uint8_t kDateValue = 0x2A;
constexpr uint8_t kEntityValue = 0x32;
constexpr uint8_t kPredicateValue = 0x3A;
constexpr uint8_t kClaimValue = 0x40;
constexpr uint8_t kListValue = 0x4A;
constexpr uint8_t kIntValue = 0x50;
constexpr uint8_t kEntityId = 0x08;
constexpr uint8_t kEntityName = 0x12;

size_t VarintSize(uint64_t n) { return CodedOutputStream::VarintSize64(n); }
// A length-delimited field of `body` bytes, tag included.
size_t Delimited(size_t body) { return 1 + VarintSize(body) + body; }

// The Entity message's bytes. proto3: a plain field at its default is not written.
size_t EntitySize(uint64_t id, std::string_view name) {
  return (id ? 1 + VarintSize(id) : 0) + (name.empty() ? 0 : Delimited(name.size()));
}

size_t ValueSize(const engine::Value& v, ValueNumbers numbers);

size_t ListSize(const engine::Value& v, ValueNumbers numbers) {
  size_t n = 0;
  for (const auto& x : v.list) n += Delimited(ValueSize(x, numbers));
  return n;
}

// The Value message's own bytes (without its tag and length). A oneof member
// is written even at its default; an empty list sets none (as ToProto).
size_t ValueSize(const engine::Value& v, ValueNumbers numbers) {
  switch (v.kind) {
    case K::kNull: return 2;
    case K::kBool: return 2;
    case K::kNumber:
      if (auto whole = SentAsInteger(v, numbers)) return 1 + VarintSize(static_cast<uint64_t>(*whole));
      return 9;
    case K::kDate:
    case K::kString:
    case K::kPredicate: return Delimited(v.text.size());
    case K::kEntity: return Delimited(EntitySize(v.id, v.text));
    case K::kClaim: return 1 + VarintSize(v.id);
    case K::kList: return v.list.empty() ? 0 : Delimited(ListSize(v, numbers));
  }
  return 0;
}

uint8_t* Varint(uint64_t n, uint8_t* p) { return CodedOutputStream::WriteVarint64ToArray(n, p); }

uint8_t* Text(uint8_t tag, std::string_view text, uint8_t* p) {
  *p++ = tag;
  p = Varint(text.size(), p);
  std::memcpy(p, text.data(), text.size());
  return p + text.size();
}

// Value.entity: its tag, length and the Entity message.
uint8_t* WriteEntity(uint64_t id, std::string_view name, uint8_t* p) {
  *p++ = kEntityValue;
  p = Varint(EntitySize(id, name), p);
  if (id) {
    *p++ = kEntityId;
    p = Varint(id, p);
  }
  return name.empty() ? p : Text(kEntityName, name, p);
}

uint8_t* WriteValue(const engine::Value& v, ValueNumbers numbers, uint8_t* p) {
  switch (v.kind) {
    case K::kNull: *p++ = kNullValue; *p++ = 1; return p;
    case K::kBool: *p++ = kBoolValue; *p++ = v.boolean ? 1 : 0; return p;
    case K::kNumber:
      if (auto whole = SentAsInteger(v, numbers)) {
        *p++ = kIntValue;
        return Varint(static_cast<uint64_t>(*whole), p);
      }
      *p++ = kNumberValue;
      return CodedOutputStream::WriteLittleEndian64ToArray(std::bit_cast<uint64_t>(v.number), p);
    case K::kDate: return Text(kDateValue, v.text, p);
    case K::kString: return Text(kStringValue, v.text, p);
    case K::kPredicate: return Text(kPredicateValue, v.text, p);
    case K::kEntity: return WriteEntity(v.id, v.text, p);
    case K::kClaim: *p++ = kClaimValue; return Varint(v.id, p);
    case K::kList:
      if (v.list.empty()) return p;
      *p++ = kListValue;
      p = Varint(ListSize(v, numbers), p);
      for (const auto& x : v.list) {
        *p++ = kRepeatedField1;
        p = Varint(ValueSize(x, numbers), p);
        p = WriteValue(x, numbers, p);
      }
      return p;
  }
  return p;
}

// The one row writer. `kept` (null, or one per cell) gives the cells written
// from kept bytes (a view with null data: the cell is written from its value).
void AppendRow(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance, ValueNumbers numbers,
               const std::string_view* kept, std::string* out) {
  // Sizes first (a length comes before its bytes), then one pass writing.
  constexpr size_t kInline = 16;
  size_t value_sizes_inline[kInline];
  std::vector<size_t> value_sizes_heap;
  size_t* value_sizes = value_sizes_inline;
  if (row.size() > kInline) {
    value_sizes_heap.resize(row.size());
    value_sizes = value_sizes_heap.data();
  }
  size_t row_size = 0;
  for (size_t i = 0; i < row.size(); ++i) {
    if (kept && kept[i].data()) {
      row_size += kept[i].size();
      continue;
    }
    value_sizes[i] = ValueSize(row[i], numbers);
    row_size += Delimited(value_sizes[i]);
  }
  size_t packed = 0;
  for (uint64_t id : provenance) packed += VarintSize(id);
  if (!provenance.empty()) row_size += Delimited(packed);

  const size_t start = out->size();
  out->resize(start + Delimited(row_size));
  uint8_t* p = reinterpret_cast<uint8_t*>(out->data()) + start;
  *p++ = kRepeatedField1;
  p = Varint(row_size, p);
  for (size_t i = 0; i < row.size(); ++i) {
    if (kept && kept[i].data()) {
      std::memcpy(p, kept[i].data(), kept[i].size());
      p += kept[i].size();
      continue;
    }
    *p++ = kRepeatedField1;
    p = Varint(value_sizes[i], p);
    p = WriteValue(row[i], numbers, p);
  }
  if (!provenance.empty()) {
    *p++ = kRowProvenance;
    p = Varint(packed, p);
    for (uint64_t id : provenance) p = Varint(id, p);
  }
}

}  // namespace

void AppendRowBatchEntry(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance,
                         ValueNumbers numbers, std::string* out) {
  AppendRow(row, provenance, numbers, nullptr, out);
}

void EntityCellWriter::set_names(engine::EntityNames* names) {
  names_ = names;
  columns_.clear();
}

Status EntityCellWriter::Append(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance,
                                std::string* out) {
  if (!names_) {
    AppendRow(row, provenance, numbers_, nullptr, out);
    return Status::Ok();
  }
  if (columns_.size() < row.size()) columns_.resize(row.size());
  if (cells_.size() < row.size()) cells_.resize(row.size());
  bool any = false;
  for (size_t i = 0; i < row.size(); ++i) {
    const engine::Value& v = row[i];
    cells_[i] = std::string_view();
    if (v.kind != engine::Value::Kind::kEntity || v.id == 0 || !v.text.empty()) continue;
    any = true;
    Column& c = columns_[i];
    if (c.entity != v.id) {
      // The cell AppendRowBatchEntry writes for Value::Entity(id, name).
      c.entity = 0;  // (if the name cannot be had, nothing is kept)
      CG_ASSIGN_OR_RETURN(std::string_view name, names_->Name(v.id));
      const size_t value_size = Delimited(EntitySize(v.id, name));  // ValueSize of an entity
      c.cell.resize(Delimited(value_size));
      uint8_t* p = reinterpret_cast<uint8_t*>(c.cell.data());
      *p++ = kRepeatedField1;
      p = Varint(value_size, p);
      WriteEntity(v.id, name, p);
      c.entity = v.id;
    }
    cells_[i] = c.cell;
  }
  AppendRow(row, provenance, numbers_, any ? cells_.data() : nullptr, out);
  return Status::Ok();
}

}  // namespace claimgraph::server
