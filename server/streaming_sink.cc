#include "server/streaming_sink.h"

#include "server/proto_convert.h"
#include "server/row_wire.h"

namespace claimgraph::server {

google::protobuf::ArenaOptions StreamingSink::ArenaOptionsFor(char* block) {
  google::protobuf::ArenaOptions options;
  options.initial_block = block;
  options.initial_block_size = kArenaBlockBytes;
  options.start_block_size = 4 * kArenaBlockBytes;
  options.max_block_size = 1024 * 1024;
  return options;
}

Status StreamingSink::Header(const std::vector<std::string>& columns, std::optional<engine::TxId> as_of) {
  for (const auto& c : columns) pending_->mutable_header()->add_columns(c);
  if (as_of) pending_->mutable_header()->set_as_of_tx(*as_of);
  return Status::Ok();
}

Status StreamingSink::Row(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance) {
  uint32_t batched;
  if (form_ == RowForm::kWire) {
    CG_RETURN_IF_ERROR(cells_.Append(row, provenance, &wire_batch_));
    batched = ++wire_rows_;
  } else {
    v1::Row* out = pending_->mutable_batch()->add_rows();
    for (const auto& v : row) ToProto(v, out->add_values(), numbers_);
    for (uint64_t id : provenance) out->add_provenance(id);
    batched = static_cast<uint32_t>(pending_->batch().rows_size());
  }
  if (batched >= batch_rows_) {
    if (cancelled_ && cancelled_()) return Status::Cancelled("the client went away");
    if (form_ == RowForm::kWire) Seal();
    const bool written = write_(pending_);
    if (lent_batch_) {
      wire_batch_.swap(*lent_batch_);
      wire_batch_.clear();
      lent_batch_ = nullptr;
    }
    wire_rows_ = 0;
    if (!written) return Status::Cancelled("the client went away");
    arena_.Reset();
    pending_ = google::protobuf::Arena::CreateMessage<v1::QueryResponse>(&arena_);
  }
  return Status::Ok();
}

bool StreamingSink::TakeEntitiesById(engine::EntityNames* names) {
  if (form_ != RowForm::kWire) return false;  // messages are built whole (the HTTP API's JSON)
  cells_.set_names(names);
  return true;
}

void StreamingSink::Seal() {
  google::protobuf::UnknownFieldSet* fields = pending_->GetReflection()->MutableUnknownFields(pending_);
  if (pending_->has_header()) {
    pending_->header().SerializeToString(fields->AddLengthDelimited(v1::QueryResponse::kHeaderFieldNumber));
    pending_->clear_header();
  }
  if (wire_rows_ > 0) {
    lent_batch_ = fields->AddLengthDelimited(v1::QueryResponse::kBatchFieldNumber);
    lent_batch_->swap(wire_batch_);
  }
  if (pending_->has_trailer()) {
    pending_->trailer().SerializeToString(fields->AddLengthDelimited(v1::QueryResponse::kTrailerFieldNumber));
    pending_->clear_trailer();
  }
}

v1::QueryResponse* StreamingSink::Last(const engine::QueryResult& result,
                                       const std::function<void(v1::QueryTrailer*)>& more) {
  auto* t = pending_->mutable_trailer();
  t->set_rows(result.stats.rows);
  t->set_elapsed_ms(result.stats.elapsed_ms);
  t->set_cpu_ms(result.stats.cpu_ms);
  for (const auto& w : result.warnings) t->add_warnings(w);
  t->set_message(result.message);
  t->set_written_tx(result.stats.written_tx);
  if (more) more(t);
  if (form_ == RowForm::kWire) Seal();
  return pending_;
}

}  // namespace claimgraph::server
