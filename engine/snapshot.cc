#include "engine/snapshot.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "base/timestamp.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {
namespace {

namespace fs = std::filesystem;

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// What the copy holds, read from the copy itself.
Result<SnapshotInfo> Describe(const std::string& dir) {
  OpenOptions read_only;
  read_only.create_if_missing = false;
  read_only.read_only = true;
  CG_ASSIGN_OR_RETURN(std::unique_ptr<Engine> copy, Engine::Open(dir, read_only));
  SnapshotInfo info;
  storage::ClaimStore& store = *copy->store();
  CG_ASSIGN_OR_RETURN(std::unique_ptr<storage::ReadView> view, store.NewReadView());
  info.tx = view->last_tx();
  if (info.tx > 0) {
    CG_ASSIGN_OR_RETURN(storage::TxRecord head, view->GetTx(info.tx));
    info.head_hash = base::HexEncode(head.hash);
  }
  CG_ASSIGN_OR_RETURN(info.claims, view->CountClaims({}, UINT64_MAX));
  auto position = store.GetReplicationPosition();
  if (position.ok()) {
    info.stream_sequence = position->sequence;
    info.stream_tx = position->tx;
  }
  return info;
}

}  // namespace

Result<SnapshotInfo> WriteSnapshot(Engine& engine, const std::string& out_dir) {
  if (out_dir.empty()) return Status::InvalidArgument("a snapshot needs a directory to be written to");
  std::error_code ec;
  if (fs::exists(out_dir, ec))
    return Status::AlreadyExists("snapshot: " + out_dir + " exists; a snapshot is written to a new directory");
  const std::string partial = out_dir + ".partial";
  fs::remove_all(partial, ec);  // an earlier attempt that did not finish: ours by its name
  if (ec) return Status::IOError("snapshot: cannot remove the unfinished " + partial + ": " + ec.message());
  CG_RETURN_IF_ERROR(engine.store()->Checkpoint(partial));
  auto info = Describe(partial);
  if (!info.ok()) {
    fs::remove_all(partial, ec);
    return info.status();
  }
  info->created_at = base::FormatTimestamp(NowMicros());
  {
    std::ofstream json(partial + "/snapshot.json", std::ios::binary);
    json << SnapshotJson(*info);
    json.flush();
    if (!json) {
      fs::remove_all(partial, ec);
      return Status::IOError("snapshot: cannot write " + partial + "/snapshot.json");
    }
  }
  fs::rename(partial, out_dir, ec);
  if (ec) {
    fs::remove_all(partial, ec);
    return Status::IOError("snapshot: cannot rename " + partial + " to " + out_dir + ": " + ec.message());
  }
  return std::move(info).value();
}

std::string SnapshotJson(const SnapshotInfo& info) {
  nlohmann::ordered_json j;
  j["format"] = "claimgraph-snapshot/1";
  j["created_at"] = info.created_at;
  j["tx"] = info.tx;
  j["head_hash"] = info.head_hash;
  j["claims"] = info.claims;
  j["stream_sequence"] = info.stream_sequence;
  j["stream_tx"] = info.stream_tx;
  return j.dump() + "\n";
}

std::string SnapshotSummary(const SnapshotInfo& info, const std::string& out_dir) {
  std::string head = info.head_hash.empty() ? "no transaction" : "head " + info.head_hash.substr(0, 12) + "…";
  std::string stream =
      info.stream_sequence == 0 ? "never replicated" : fmt::format("stream sequence {}", info.stream_sequence);
  return fmt::format("snapshot of tx {} ({}, {} claims, {}) written to {}", info.tx, head, info.claims, stream,
                     out_dir);
}

}  // namespace claimgraph::engine
