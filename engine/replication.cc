#include "engine/replication.h"

#include "base/sha256.h"
#include "engine/engine.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {

// storage's publisher interface in the engine's terms (hashes in hex).
class ReplicatedStore::Adapter final : public storage::CommitPublisher {
 public:
  explicit Adapter(TxPublisher* publisher) : publisher_(publisher) {}
  Result<uint64_t> Publish(TxId tx, std::string_view hash, uint64_t expected_last, std::string_view payload,
                           base::Deadline deadline) override {
    return publisher_->Publish(tx, base::HexEncode(hash), expected_last, payload, deadline);
  }

 private:
  TxPublisher* publisher_;
};

ReplicatedStore::ReplicatedStore(Engine* engine, TxPublisher* publisher)
    : engine_(engine), adapter_(std::make_unique<Adapter>(publisher)) {
  engine_->store()->SetCommitPublisher(adapter_.get());
}

ReplicatedStore::~ReplicatedStore() { engine_->store()->SetCommitPublisher(nullptr); }

Result<ReplicaPosition> ReplicatedStore::Position() const {
  CG_ASSIGN_OR_RETURN(storage::ReplicationPosition p, engine_->store()->GetReplicationPosition());
  return ReplicaPosition{p.sequence, p.tx, p.hash.empty() ? std::string() : base::HexEncode(p.hash)};
}

Result<bool> ReplicatedStore::Apply(uint64_t first_sequence, uint64_t sequence, std::string_view payload) {
  return engine_->store()->ApplyReplicated(first_sequence, sequence, payload);
}

}  // namespace claimgraph::engine
