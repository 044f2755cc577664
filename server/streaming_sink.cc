#include "server/streaming_sink.h"

#include "server/proto_convert.h"

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
  v1::Row* out = pending_->mutable_batch()->add_rows();
  for (const auto& v : row) ToProto(v, out->add_values(), numbers_);
  for (uint64_t id : provenance) out->add_provenance(id);
  if (static_cast<uint32_t>(pending_->batch().rows_size()) >= batch_rows_) {
    if ((cancelled_ && cancelled_()) || !write_(pending_)) return Status::Cancelled("the client went away");
    arena_.Reset();
    pending_ = google::protobuf::Arena::CreateMessage<v1::QueryResponse>(&arena_);
  }
  return Status::Ok();
}

v1::QueryResponse* StreamingSink::Last(const engine::QueryResult& result) {
  auto* t = pending_->mutable_trailer();
  t->set_rows(result.stats.rows);
  t->set_elapsed_ms(result.stats.elapsed_ms);
  t->set_cpu_ms(result.stats.cpu_ms);
  for (const auto& w : result.warnings) t->add_warnings(w);
  t->set_message(result.message);
  t->set_written_tx(result.stats.written_tx);
  return pending_;
}

}  // namespace claimgraph::server
