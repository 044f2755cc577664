// Publishes each commit of this node to the cluster's stream (the write
// path's step 4 in docs/scale-out.md): message id = the transaction's hash,
// header Nats-Expected-Last-Sequence = the sequence this node has applied
// (set by hand, also for 0: nats.c sends ExpectLastSeq only when it is > 0).
#pragma once

#include <chrono>
#include <string>

#include "engine/replication.h"
#include "server/cluster/cluster_options.h"
#include "server/cluster/lease.h"
#include "server/cluster/nats_link.h"
#include "server/cluster/stream_state.h"

namespace claimgraph::server::cluster {

class StreamPublisher final : public engine::TxPublisher {
 public:
  StreamPublisher(const ClusterOptions& options, NatsLink* link, StreamState* state)
      : options_(options), stream_(StreamName(options)), subject_(SubjectName(options)), link_(link), state_(state) {}

  // From now on, publishes only while `lease` says this node may write.
  void RequireLease(const WriterLease* lease) { lease_ = lease; }

  // Errors are IOError (UNAVAILABLE), each naming its reason: cut off from
  // NATS; the stream not ready or failed; not the writer (kNotWriterPrefix:
  // nothing was stored); another node appended first
  // (kWriteRacePrefix: nothing was stored); or no confirmation within the
  // budget (the transaction may still be stored: the apply loop brings it).
  // Gives up by `deadline` (minus a margin for the answer to travel) when
  // that comes before the budget, with the same reason.
  Result<uint64_t> Publish(engine::TxId tx, std::string_view hash_hex, uint64_t expected_last,
                           std::string_view payload, base::Deadline deadline) override;

 private:
  // One Publish call's clock: when it started and gives up.
  struct Attempt {
    std::string tx;  // the transaction's number, for the headers and messages
    std::chrono::steady_clock::time_point start, give_up;
    bool by_deadline = false;  // give_up is the call's deadline's, not the budget's
  };
  // One message (the whole transaction, or part `part` = "i/n") with id
  // `id`, expecting `expected_last`, retried within `a`.
  Result<uint64_t> PublishMessage(const Attempt& a, std::string_view body, uint64_t expected_last,
                                  const std::string& id, const std::string& part);
  // After a retried publish is refused for a wrong last sequence: whether
  // the message after `expected_last` is ours (an earlier try was stored).
  bool StoredAsOurs(uint64_t sequence, std::string_view hash_hex) const;

  const ClusterOptions options_;
  const std::string stream_, subject_;
  NatsLink* link_;
  StreamState* state_;
  const WriterLease* lease_ = nullptr;
};

}  // namespace claimgraph::server::cluster
