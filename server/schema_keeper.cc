#include "server/schema_keeper.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "engine/io/schema.h"

namespace claimgraph::server {
namespace {

// Worth another try later: the cluster could not take the write now.
bool Transient(const Status& s) { return s.code() == StatusCode::kIOError; }

}  // namespace

SchemaKeeper::SchemaKeeper(engine::Engine* engine, std::string path)
    : engine_(engine), path_(std::move(path)), state_(Status::IOError("not tried yet")), thread_([this] { Run(); }) {}

SchemaKeeper::~SchemaKeeper() {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

Status SchemaKeeper::Ensure() {
  std::lock_guard<std::mutex> lock(mu_);
  if (done_ || !Transient(state_)) return state_;
  auto applied = io::ApplySchemaFile(*engine_, path_, "claimgraphd");
  if (!applied.ok()) {
    state_ = applied.status().WithContext("bringing the store up to --schema " + path_);
    if (!Transient(state_)) spdlog::error("{}", state_.ToString());
    return state_;
  }
  done_ = true;
  state_ = Status::Ok();
  if (*applied) spdlog::info("schema {} applied through the cluster in tx {}", path_, *applied);
  else spdlog::info("schema {}: the store has all of it", path_);
  return state_;
}

void SchemaKeeper::Run() {
  std::unique_lock<std::mutex> lock(stop_mu_);
  while (!stop_) {
    lock.unlock();
    const Status s = Ensure();
    lock.lock();
    if (s.ok() || !Transient(s)) return;
    stop_cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; });
  }
}

}  // namespace claimgraph::server
