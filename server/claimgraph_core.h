// The work behind each claimgraph.v1 call, whatever transport carried it:
// the gRPC service (service.h) and the HTTP/JSON API (http_api.h) are thin
// adapters over this one class, so a statement gets the same answer, the
// same role checks and the same limits through either. It takes protobuf
// messages in and out (the HTTP API is their JSON mapping) and answers with
// the engine's Status; each transport converts that in its one place.
//
// Both transports share one set of query slots and one drain (call_gate.h).
#pragma once

#include <functional>
#include <memory>

#include "claimgraph/v1/claimgraph.pb.h"
#include "engine/engine.h"
#include "engine/ingest/pipeline.h"
#include "server/auth.h"
#include "server/call_context.h"
#include "server/call_gate.h"
#include "server/cluster_view.h"
#include "server/query_slots.h"
#include "server/schema_keeper.h"
#include "server/streaming_sink.h"
#include "server/write_forwarder.h"

namespace claimgraph::server {

struct ServiceLimits {
  uint64_t max_rows = 1000000;
  uint32_t max_path_depth = 64;
  uint64_t max_memory_bytes = 512ull << 20;
  int max_concurrent_queries = 32;
};

class ClaimGraphCore {
 public:
  // `ingest` may be null: IngestDocument then answers FAILED_PRECONDITION.
  ClaimGraphCore(engine::Engine* engine, Authenticator auth, ServiceLimits limits,
                 std::shared_ptr<const ingest::IngestPipeline> ingest = nullptr)
      : engine_(*engine),
        auth_(std::move(auth)),
        limits_(limits),
        ingest_(std::move(ingest)),
        slots_(limits.max_concurrent_queries) {}

  // Sends one message of a statement's answer; `last` carries the trailer.
  // False: the client went away.
  using QueryWriter = std::function<bool(v1::QueryResponse* message, bool last)>;
  // `slot` is one of slots(), acquired by the caller: a transport that must
  // answer a refusal before its stream starts (HTTP's 429) takes it first.
  // `form`: RowForm::kWire for a writer that only serializes the messages.
  Status Query(CallContext& call, const QuerySlot& slot, const v1::QueryRequest& request, const QueryWriter& write,
               RowForm form = RowForm::kMessages);
  Status Explain(CallContext& call, const v1::QueryRequest& request, v1::ExplainResponse* response);
  // Sends one chunk of an export; `last` carries the summary. False: the
  // client went away.
  using ExportWriter = std::function<bool(v1::ExportChunk* chunk, bool last)>;
  // The store as N-Quads or JSON Lines (export_call.cc), in `slot` as Query.
  Status Export(CallContext& call, const QuerySlot& slot, const v1::ExportRequest& request, const ExportWriter& write);
  Status Assert(CallContext& call, const v1::AssertRequest& request, v1::WriteResponse* response);
  Status Retract(CallContext& call, const v1::RetractRequest& request, v1::WriteResponse* response);
  Status IngestDocument(CallContext& call, const v1::IngestDocumentRequest& request,
                        v1::IngestDocumentResponse* response);
  Status GetClaim(CallContext& call, const v1::GetClaimRequest& request, v1::Claim* response);
  Status BatchGetClaims(CallContext& call, const v1::BatchGetClaimsRequest& request,
                        v1::BatchGetClaimsResponse* response);
  Status GetSource(CallContext& call, const v1::GetSourceRequest& request, v1::Source* response);
  Status History(CallContext& call, const v1::HistoryRequest& request, v1::HistoryResponse* response);
  Status VerifyAudit(CallContext& call, const v1::VerifyAuditRequest& request, v1::VerifyAuditResponse* response);
  Status Stats(CallContext& call, const v1::StatsRequest& request, v1::StatsResponse* response);
  // A snapshot under the directory SetSnapshotDir gave (snapshot_call.cc).
  Status Snapshot(CallContext& call, const v1::SnapshotRequest& request, v1::SnapshotResponse* response);

  // The engine's options for one statement of `call`: its role, the
  // server's limits (a request may lower them), its deadline and cancel.
  engine::ExecuteOptions OptionsFor(const CallContext& call, const v1::QueryRequest& request) const;

  // Cluster mode: the node's cluster (it must outlive this core); nullptr
  // for a single node.
  // `credentials`: how this node reaches the writer to forward writes
  // (write_forwarder.h).
  void SetCluster(ClusterView* cluster,
                  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials()) {
    cluster_ = cluster;
    forwarder_ = cluster ? std::make_unique<WriteForwarder>(cluster->NodeId(), std::move(credentials)) : nullptr;
  }
  ClusterView* cluster() const { return cluster_; }
  // Cluster mode with --schema: IngestDocument makes sure the store holds the
  // schema before it writes (it must outlive this core).
  void SetSchemaKeeper(SchemaKeeper* keeper) { schema_keeper_ = keeper; }
  // serve --snapshot-dir: where the Snapshot call may write ("" = nowhere).
  void SetSnapshotDir(std::string dir) { snapshot_dir_ = std::move(dir); }
  // min_tx of Query and the point reads (GetClaim, BatchGetClaims,
  // GetSource, History): waits until this node has applied `min_tx`, within
  // the call's deadline (60 s without one); DEADLINE_EXCEEDED naming where
  // the node stands, or CANCELLED. OK at once for 0.
  Status AwaitMinTx(const CallContext& call, uint64_t min_tx) const;
  // A Query or Session statement that failed here because this node is not
  // the writer (IsNotWriter: nothing was written, and `sent_nothing`: no
  // message of it went out yet) is run by the writer, its answer relayed to
  // `write`. nullopt: not forwarded; `failed` stands.
  std::optional<Status> ForwardStatement(CallContext& call, const v1::QueryRequest& request, const Status& failed,
                                         bool sent_nothing, const QueryWriter& write);
  // The trailer's read_at_tx and cluster fields.
  void FillReadTrailer(const engine::QueryResult& result, engine::TxId read_at, v1::QueryTrailer* trailer) const;

  engine::Engine& engine() { return engine_; }
  const Authenticator& auth() const { return auth_; }
  QuerySlots& slots() { return slots_; }
  // Shutdown closes it: see call_gate.h for the order of a drain.
  CallGate& gate() { return gate_; }

 private:
  engine::Engine& engine_;
  Authenticator auth_;
  ServiceLimits limits_;
  std::shared_ptr<const ingest::IngestPipeline> ingest_;
  QuerySlots slots_;
  CallGate gate_;
  // Cluster mode: nullopt when this node writes `call` itself, else the
  // writer's answer through `send` (given the writer's address). A write
  // that is `retry_safe` (it has an idempotency key) is sent again while
  // the writer is unreachable or changing, within the call's deadline.
  std::optional<Status> ForwardWrite(CallContext& call, bool retry_safe,
                                     const std::function<Status(const std::string& address)>& send);

  ClusterView* cluster_ = nullptr;
  std::unique_ptr<WriteForwarder> forwarder_;
  SchemaKeeper* schema_keeper_ = nullptr;
  std::string snapshot_dir_;
};

}  // namespace claimgraph::server
