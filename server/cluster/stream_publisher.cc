#include "server/cluster/stream_publisher.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "server/cluster_view.h"

namespace claimgraph::server::cluster {
namespace {

// One natsMsg per try: publishing adds headers to it.
struct Msg {
  natsMsg* m = nullptr;
  ~Msg() {
    if (m) natsMsg_Destroy(m);
  }
};
struct Ack {
  jsPubAck* a = nullptr;
  ~Ack() {
    if (a) jsPubAck_Destroy(a);
  }
};

// Worth another try with the same id: NATS did not say whether it stored it
// (a timeout; no responders during a stream leader election, which nats.c
// reports as 10076 "JetStream not enabled"; a connection being re-made).
bool Retryable(natsStatus s) {
  return s == NATS_TIMEOUT || s == NATS_NO_RESPONDERS || s == NATS_CONNECTION_CLOSED ||
         s == NATS_CONNECTION_DISCONNECTED || s == NATS_NOT_YET_CONNECTED || s == NATS_IO_ERROR;
}

long long MsBetween(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

}  // namespace

Result<uint64_t> StreamPublisher::Publish(engine::TxId tx, std::string_view hash_hex, uint64_t expected_last,
                                          std::string_view payload, base::Deadline deadline) {
  if (std::string failed = state_->failure(); !failed.empty())
    return Status::IOError("this node does not write: " + failed);
  if (std::string cut = link_->CutOffReason(); !cut.empty())
    return Status::IOError("this node is " + cut + "; writes need the cluster");
  if (!state_->ready)
    return Status::IOError("the cluster's stream " + stream_ + " is not ready yet (this node is still setting it up)");
  // The lease decides who should write; the expected last sequence below
  // still fences a holder that lost it without knowing.
  if (std::string why; lease_ && !lease_->MayWrite(&why)) return Status::IOError(why);

  Attempt a;
  a.tx = std::to_string(tx);
  a.start = std::chrono::steady_clock::now();
  a.give_up = a.start + std::chrono::milliseconds(options_.publish_budget_ms);
  a.by_deadline = deadline && base::GiveUpBefore(*deadline, a.start) < a.give_up;
  if (a.by_deadline) a.give_up = base::GiveUpBefore(*deadline, a.start);
  if (a.by_deadline && a.start >= a.give_up)
    return Status::IOError("the call's deadline passed before tx " + a.tx +
                           " could be published to the cluster's stream (it waited for an earlier write); "
                           "nothing was written: retry");
  // Parts of a transaction still arriving, or abandoned by their writer,
  // are never applied: this transaction goes after them (stream_state.h).
  expected_last = std::max<uint64_t>(expected_last, state_->parts_through.load());
  if (payload.size() <= options_.part_bytes) return PublishMessage(a, payload, expected_last, std::string(hash_hex), "");

  // Too big for one message: parts 1/n ... n/n, each expecting the one
  // before it, so that nothing can come between them; a set left incomplete
  // (this call failed halfway, the writer died) is discarded by every node
  // when the next transaction arrives. The transaction's sequence is its
  // last part's.
  const size_t n = (payload.size() + options_.part_bytes - 1) / options_.part_bytes;
  uint64_t sequence = expected_last;
  for (size_t i = 0; i < n; ++i) {
    const std::string label = std::to_string(i + 1) + "/" + std::to_string(n);
    const std::string_view part = payload.substr(i * options_.part_bytes, options_.part_bytes);
    CG_ASSIGN_OR_RETURN(sequence, PublishMessage(a, part, sequence, std::string(hash_hex) + "-" + label, label));
  }
  return sequence;
}

Result<uint64_t> StreamPublisher::PublishMessage(const Attempt& a, std::string_view body, uint64_t expected_last,
                                                 const std::string& id, const std::string& part) {
  const std::string expected = std::to_string(expected_last);
  const std::string node = std::to_string(options_.node_id);
  std::string last_error;
  natsStatus last = NATS_OK;
  for (int attempt = 0;; ++attempt) {
    Msg msg;
    natsStatus s = natsMsg_Create(&msg.m, subject_.c_str(), nullptr, body.data(), static_cast<int>(body.size()));
    if (s == NATS_OK) s = natsMsgHeader_Set(msg.m, "Nats-Expected-Last-Sequence", expected.c_str());
    if (s == NATS_OK) s = natsMsgHeader_Set(msg.m, "Cg-Kind", part.empty() ? "tx" : "tx-part");
    if (s == NATS_OK && !part.empty()) s = natsMsgHeader_Set(msg.m, "Cg-Part", part.c_str());
    if (s == NATS_OK) s = natsMsgHeader_Set(msg.m, "Cg-Tx", a.tx.c_str());
    if (s == NATS_OK) s = natsMsgHeader_Set(msg.m, "Cg-Node", node.c_str());
    if (s != NATS_OK) return Status::Internal("building the NATS message for tx " + a.tx + ": " + NatsError(s));
    jsPubOptions po;
    jsPubOptions_Init(&po);
    po.MsgId = id.c_str();
    po.MaxWait = std::max<int64_t>(1, std::min<int64_t>(options_.publish_wait_ms,
                                                         MsBetween(std::chrono::steady_clock::now(), a.give_up)));
    Ack ack;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    s = js_PublishMsg(&ack.a, link_->js(), msg.m, &po, &jerr);
    if (s == NATS_OK && ack.a) {
      // Duplicate: an earlier try of this very message was stored; the ack
      // names its sequence.
      state_->NoteSequence(ack.a->Sequence);
      return ack.a->Sequence;
    }
    if (s == NATS_ERR && jerr == JSStreamWrongLastSequenceErr) {
      // Refused before storing: someone appended after `expected_last`. On
      // a retry that someone may be our own earlier try (outside the
      // duplicate window's reach only if the window passed, but cheap to ask).
      if (attempt > 0 && StoredAsOurs(expected_last + 1, id)) {
        state_->NoteSequence(expected_last + 1);
        return expected_last + 1;
      }
      state_->NoteSequence(expected_last + 1);
      return Status::IOError(std::string(kWriteRacePrefix) + " (the stream is past sequence " + expected +
                             ", which this node had applied): tx " + a.tx + " was not written; retry");
    }
    last = s;
    last_error = NatsError(s);
    const auto now = std::chrono::steady_clock::now();
    if (!Retryable(s) || now >= a.give_up) break;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(std::chrono::milliseconds(250),
                                                                             a.give_up - now));
  }
  // Connected, yet no try answered: the stream has no leader. For longer
  // than an election takes (~5 s), that is a lost quorum: a majority of its
  // servers down or cut off (docs/scale-out.md, "Failure modes").
  const std::string why = last == NATS_TIMEOUT || last == NATS_NO_RESPONDERS
                              ? "; the stream " + stream_ + " has no quorum (most of its NATS servers are down or "
                                "unreachable) or is still electing a leader"
                              : "";
  const std::string within = a.by_deadline ? std::to_string(MsBetween(a.start, std::chrono::steady_clock::now())) +
                                                 " ms, what the call's deadline left,"
                                           : std::to_string(options_.publish_budget_ms) + " ms";
  const std::string what = part.empty() ? "the transaction" : "part " + part + " of the transaction";
  return Status::IOError(what + " was not confirmed by NATS JetStream within " + within +
                         " (last error: " + last_error + ")" + why +
                         "; it may still be applied: retry with the same idempotency key to find out");
}

bool StreamPublisher::StoredAsOurs(uint64_t sequence, std::string_view hash_hex) const {
  natsMsg* m = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  if (js_GetMsg(&m, link_->js(), stream_.c_str(), sequence, nullptr, &jerr) != NATS_OK || !m) return false;
  const char* id = nullptr;
  const bool ours = natsMsgHeader_Get(m, "Nats-Msg-Id", &id) == NATS_OK && id && hash_hex == id;
  natsMsg_Destroy(m);
  return ours;
}

}  // namespace claimgraph::server::cluster
