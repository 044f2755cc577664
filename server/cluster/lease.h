// The writer lease (docs/scale-out.md, "The lease"): one key, `writer`, in
// the JetStream key-value bucket `<cluster>_lease`, whose TTL is the lease's.
// The holder renews it by compare-and-swap on its revision every TTL/10; a
// key not renewed expires, and then any caught-up node may create it again.
// This class runs one thread that does all of it, and answers two
// questions: may this node write now, and who is the writer.
//
// The lease says who *should* write; the stream's expected-last-sequence
// header says who *can* (a holder that lost the lease without noticing can
// at most append one transaction built on the true head). A node that takes
// the lease first applies the stream up to its last sequence, so it builds
// on everything any earlier writer had acknowledged.
#pragma once

#include <nats/nats.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "server/cluster/cluster_options.h"
#include "server/cluster/nats_link.h"
#include "server/cluster/stream_state.h"

namespace claimgraph::server::cluster {

// Who holds the lease, as this node last saw it. node 0: nobody.
struct LeaseHolder {
  uint64_t node = 0;
  std::string address;  // its --advertise HOST:PORT, where writes are forwarded
  bool self = false;    // this node holds it (and has caught up: it may write)
};

class WriterLease {
 public:
  // `applied` answers the stream sequence this node's store has applied.
  WriterLease(const ClusterOptions& options, NatsLink* link, StreamState* state,
              std::function<uint64_t()> applied);
  // Stops the thread; a held lease is released (deleted) so that another
  // node takes over at once instead of after the TTL.
  ~WriterLease();
  WriterLease(const WriterLease&) = delete;
  WriterLease& operator=(const WriterLease&) = delete;

  // Starts competing for the lease once this node's gRPC address is known.
  void Start(std::string advertise);

  // True while this node holds the lease, its own deadline (the last
  // successful renewal's send time + TTL - 20%) has not passed, and it has
  // applied the stream up to where it stood when it took the lease. Else
  // false with *why, which starts with kNotWriterPrefix (cluster_view.h).
  bool MayWrite(std::string* why) const;
  // The writer as last seen; with self, this node may write (MayWrite).
  LeaseHolder Holder() const;
  // "writer node 2 at 10.0.0.2:50051", "writer: this node", "no writer
  // since 12:00:03Z (the lease of node 1 expired or was released)".
  std::string Describe() const;

 private:
  using Clock = std::chrono::steady_clock;
  void Run();
  bool EnsureBucket();
  void Renew();
  void TryTake();
  void Release();
  // JSON: {"node": 1, "addr": "127.0.0.1:50051", "since": "<UTC>"}.
  std::string Value() const;

  const ClusterOptions options_;
  const std::chrono::milliseconds ttl_, renew_every_, margin_;
  const std::string bucket_;
  NatsLink* link_;
  StreamState* state_;
  std::function<uint64_t()> applied_;
  std::string advertise_;  // set once by Start, before the thread runs
  kvStore* kv_ = nullptr;  // the thread's only (and the destructor's after it)

  mutable std::mutex mu_;
  uint64_t revision_ = 0;          // guarded by mu_: the key's revision while we hold it, else 0
  Clock::time_point deadline_{};   // guarded by mu_: when we stop writing without a renewal
  mutable uint64_t catch_up_to_ = 0;  // guarded by mu_: the stream's end when we took it; 0 once applied
  LeaseHolder holder_;             // guarded by mu_: another node as read from the key (self unused)
  std::chrono::system_clock::time_point no_writer_since_ = std::chrono::system_clock::now();  // guarded by mu_
  // guarded by mu_: while connected NATS answers the lease's requests with
  // neither a value nor a refusal (no quorum, an election): since when and
  // the last error, for the answers that say why there is no writer.
  std::string unanswered_;  // "" while it answers
  std::chrono::system_clock::time_point unanswered_since_{};
  void NoteAnswer(natsStatus s);  // takes mu_
  std::string UnansweredLocked() const;  // "" or "; NATS JetStream has not answered ... since T (...)"

  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// "<cluster>_lease": claimgraph_lease for the cluster name "claimgraph".
std::string LeaseBucketName(const ClusterOptions& options);

}  // namespace claimgraph::server::cluster
