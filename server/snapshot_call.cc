// The Snapshot call: a copy of the store written under the server's
// --snapshot-dir (engine/snapshot.h). A remote admin names the snapshot, not
// a path: the server writes nowhere an operator did not choose.
#include <cctype>
#include <filesystem>

#include "engine/snapshot.h"
#include "server/claimgraph_core.h"

namespace claimgraph::server {
namespace {

// One plain path component: no separator, no "." or ".." and no hidden name.
bool PlainName(const std::string& name) {
  if (name.empty() || name.size() > 200 || name.front() == '.') return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

}  // namespace

Status ClaimGraphCore::Snapshot(CallContext& call, const v1::SnapshotRequest& request,
                                v1::SnapshotResponse* response) {
  CG_RETURN_IF_ERROR(Authenticator::Require(call.principal, Role::kAdmin, "write a snapshot"));
  if (snapshot_dir_.empty())
    return Status::FailedPrecondition(
        "this server was started without --snapshot-dir, so it has nowhere to write a snapshot "
        "(or stop it and run: claimgraphd snapshot --data DIR --out NEWDIR)");
  if (!PlainName(request.name()))
    return Status::InvalidArgument("snapshot name '" + request.name() +
                                   "': use letters, digits, '-', '_' and '.', not starting with '.'");
  const std::string path = (std::filesystem::path(snapshot_dir_) / request.name()).string();
  CG_ASSIGN_OR_RETURN(engine::SnapshotInfo info, engine::WriteSnapshot(engine_, path));
  response->set_path(path);
  response->set_tx(info.tx);
  response->set_head_hash(info.head_hash);
  response->set_claims(info.claims);
  response->set_stream_sequence(info.stream_sequence);
  response->set_stream_tx(info.stream_tx);
  response->set_created_at(info.created_at);
  response->set_message(engine::SnapshotSummary(info, path));
  return Status::Ok();
}

}  // namespace claimgraph::server
