// The engine's door for cluster mode (docs/scale-out.md): server/cluster/
// publishes each commit to the cluster's stream and applies the stream to
// the store through these calls, without seeing a storage type or RocksDB,
// and the engine never sees NATS.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/deadline.h"
#include "base/status.h"
#include "engine/records.h"

namespace claimgraph::engine {

class Engine;

// Where this node's store stands in the cluster's stream.
struct ReplicaPosition {
  uint64_t sequence = 0;  // the stream sequence applied last (0: none)
  TxId tx = 0;            // the transaction it carried
  std::string hash_hex;   // that transaction's hash, hex ("" with sequence 0)
};

// Sends a commit to the stream; see storage::CommitPublisher (called under
// the store's writer lock, before anything is written).
class TxPublisher {
 public:
  virtual ~TxPublisher() = default;
  // The stream sequence the transaction was stored at; not OK: the write
  // fails with this status and nothing is written on this node.
  // `deadline`: the write's caller's; give up by then, saying why.
  virtual Result<uint64_t> Publish(TxId tx, std::string_view hash_hex, uint64_t expected_last,
                                   std::string_view payload, base::Deadline deadline) = 0;
};

// While it lives, every online commit through `engine` goes to `publisher`
// first (a bulk import is refused); Apply writes what the stream carries.
class ReplicatedStore {
 public:
  ReplicatedStore(Engine* engine, TxPublisher* publisher);
  ~ReplicatedStore();  // a single node again
  ReplicatedStore(const ReplicatedStore&) = delete;
  ReplicatedStore& operator=(const ReplicatedStore&) = delete;

  Result<ReplicaPosition> Position() const;
  // Applies the transaction stored at `sequence`: false when applied already;
  // an error, writing nothing, on a gap, a malformed payload or a
  // transaction that does not continue this store's hash chain.
  // Spanning the messages from `first_sequence` (its parts, or an abandoned
  // transaction's before it): storage::ClaimStore::ApplyReplicated.
  Result<bool> Apply(uint64_t first_sequence, uint64_t sequence, std::string_view payload);

 private:
  class Adapter;
  Engine* engine_;
  std::unique_ptr<Adapter> adapter_;
};

}  // namespace claimgraph::engine
