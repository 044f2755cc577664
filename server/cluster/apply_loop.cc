#include "server/cluster/apply_loop.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "server/cluster/sequence_order.h"

namespace claimgraph::server::cluster {
namespace {

using Clock = std::chrono::steady_clock;

// The ordered consumer's heartbeat: nats.c recreates the consumer after two
// missed ones, so a consumer lost with its NATS server comes back in ~2 s
// rather than the default's ~10 s.
constexpr int64_t kHeartbeatNs = int64_t{1000} * 1000 * 1000;
// Our own watch on top of that (see StalledBehindStream): nothing delivered
// for this long, while the stream holds more than the store has applied,
// means subscribing again. Checked at most once per kStallCheckEvery.
constexpr auto kStallAfter = std::chrono::seconds(3);
constexpr auto kStallCheckEvery = std::chrono::seconds(1);

// A delivered message, destroyed when it goes out of scope.
struct MsgDeleter {
  void operator()(natsMsg* m) const { natsMsg_Destroy(m); }
};
using OwnedMsg = std::unique_ptr<natsMsg, MsgDeleter>;

// A header's value, "" when the message has none.
std::string Header(natsMsg* msg, const char* key) {
  const char* value = nullptr;
  return natsMsgHeader_Get(msg, key, &value) == NATS_OK && value ? value : "";
}

// "i/n" of a Cg-Part header; false when it is not that.
bool ParsePart(const std::string& text, size_t* i, size_t* n) {
  unsigned long a = 0, b = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%lu/%lu%c", &a, &b, &tail) != 2 || a == 0 || a > b) return false;
  *i = a;
  *n = b;
  return true;
}

// A transaction's parts as they arrive (docs/scale-out.md, "Large
// transactions"): 1/n first, each next one the one after.
struct PartSet {
  std::string tx;  // its Cg-Tx
  size_t have = 0, of = 0;
  std::string body;
  bool empty() const { return have == 0; }
  void Clear() {
    tx.clear();
    have = of = 0;
    body.clear();
  }
};

}  // namespace

ApplyLoop::ApplyLoop(const ClusterOptions& options, NatsLink* link, engine::ReplicatedStore* store,
                     StreamState* state)
    : options_(options),
      replicas_(static_cast<int>(std::min<size_t>(3, options.servers.size()))),
      link_(link),
      store_(store),
      state_(state),
      thread_([this] { Run(); }) {}

ApplyLoop::~ApplyLoop() {
  stop_ = true;
  thread_.join();
}

void ApplyLoop::Run() {
  while (!stop_) {
    if (!state_->failure().empty() || !link_->connected() || !EnsureStream()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      continue;
    }
    Consume();
  }
}

bool ApplyLoop::EnsureStream() {
  if (state_->ready) return true;
  const std::string name = StreamName(options_), subject = SubjectName(options_);
  const char* subjects[1] = {subject.c_str()};
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  cfg.Name = name.c_str();
  cfg.Subjects = subjects;
  cfg.SubjectsLen = 1;
  cfg.Storage = js_FileStorage;
  cfg.Replicas = replicas_;
  cfg.Retention = js_LimitsPolicy;
  cfg.Discard = js_DiscardOld;
  cfg.Duplicates = int64_t{120} * 1000 * 1000 * 1000;  // nanoseconds: a retried publish within 2 min is found
  cfg.MaxMsgSize = 8 << 20;
  cfg.DenyDelete = true;
  jsStreamInfo* info = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_AddStream(&info, link_->js(), &cfg, nullptr, &jerr);
  if (info) jsStreamInfo_Destroy(info);
  if (s == NATS_OK) {
    state_->ready = true;
    spdlog::info("cluster: stream {} (subject {}, {} replicas) ready", name, subject, replicas_);
    return true;
  }
  if (jerr == JSStreamNameExistErr) {
    state_->Fail("the NATS stream " + name + " exists with another configuration than this node's (file storage, " +
                 std::to_string(replicas_) + " replicas, subject " + subject + ")");
    spdlog::error("cluster: {}", state_->failure());
    return false;
  }
  // No JetStream quorum yet (servers starting, an election): try again.
  spdlog::warn("cluster: cannot create stream {} yet: {}", name, NatsError(s));
  return false;
}

void ApplyLoop::Consume() {
  auto position = store_->Position();
  if (!position.ok()) {
    state_->Fail("reading this node's stream position: " + position.status().ToString());
    return;
  }
  jsSubOptions so;
  jsSubOptions_Init(&so);
  const std::string name = StreamName(options_), subject = SubjectName(options_);
  so.Stream = name.c_str();
  so.Ordered = true;
  so.Config.DeliverPolicy = js_DeliverByStartSequence;
  so.Config.OptStartSeq = position->sequence + 1;
  so.Config.Heartbeat = kHeartbeatNs;
  natsSubscription* sub = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_SubscribeSync(&sub, link_->js(), subject.c_str(), nullptr, &so, &jerr);
  if (s != NATS_OK) {
    spdlog::warn("cluster: cannot read stream {} from sequence {}: {}", name, position->sequence + 1, NatsError(s));
    if (sub) natsSubscription_Destroy(sub);
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    return;
  }
  Clock::time_point last_delivery = Clock::now(), next_stall_check = last_delivery + kStallAfter;
  // The next sequence the stream must deliver, and the first one of the
  // messages not applied yet (parts, abandoned parts): the store checks that
  // the latter continues what it has applied.
  uint64_t expected_seq = position->sequence + 1, first_unapplied = expected_seq;
  PartSet parts;
  bool delivered_any = false;     // a message at the expected sequence came on this subscription
  uint64_t skipped_redelivered = 0;
  auto discard_parts = [&](uint64_t before) {
    spdlog::warn("cluster: discarding parts 1-{} of {} of tx {} (stream sequences up to {}): its writer did not "
                 "finish it",
                 parts.have, parts.of, parts.tx, before - 1);
    parts.Clear();
  };
  while (!stop_) {
    natsMsg* msg = nullptr;
    s = natsSubscription_NextMsg(&msg, sub, 100);
    const OwnedMsg owned(msg);  // a part's bytes are copied; a whole one's are read by Apply below
    if (s == NATS_TIMEOUT) {
      if (Clock::now() < next_stall_check) continue;
      next_stall_check = Clock::now() + kStallCheckEvery;
      if (StalledBehindStream(last_delivery)) break;
      continue;
    }
    last_delivery = Clock::now();
    next_stall_check = last_delivery + kStallAfter;
    if (s != NATS_OK) {
      spdlog::warn("cluster: reading stream {}: {}; subscribing again", name, NatsError(s));
      break;
    }
    jsMsgMetaData* meta = nullptr;
    s = natsMsg_GetMetaData(&meta, msg);
    if (s != NATS_OK) {
      spdlog::warn("cluster: a message of stream {} without metadata: {}", name, NatsError(s));
      break;
    }
    const uint64_t seq = meta->Sequence.Stream;
    state_->NoteSequence(seq + meta->NumPending);
    jsMsgMetaData_Destroy(meta);
    const SequenceAction action = ClassifySequence(seq, expected_seq, delivered_any);
    if (action == SequenceAction::kSkip) {
      // Logged at the first of a run and where it catches up, not each one.
      if (skipped_redelivered++ == 0 || seq + 1 == expected_seq)
        spdlog::warn("cluster: stream {} delivered sequence {} again (applied through {}): skipped", name, seq,
                     expected_seq - 1);
      continue;
    }
    if (action == SequenceAction::kResubscribe) {
      spdlog::warn("cluster: stream {} delivered sequence {} where {} was next; subscribing again", name, seq,
                   expected_seq);
      break;
    }
    if (action == SequenceAction::kPurged) {
      state_->Fail("cannot catch up: the stream gave sequence " + std::to_string(seq) + " where " +
                   std::to_string(expected_seq) + " was next (the messages between were purged: restore a snapshot)");
      spdlog::error("cluster: stopped applying the stream: {}", state_->failure());
      break;
    }
    skipped_redelivered = 0;
    delivered_any = true;
    expected_seq = seq + 1;
    const std::string_view data(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    std::string assembled;
    std::string_view payload = data;
    if (Header(msg, "Cg-Kind") == "tx-part") {
      size_t i = 0, n = 0;
      const std::string tx = Header(msg, "Cg-Tx"), label = Header(msg, "Cg-Part");
      const bool valid = ParsePart(label, &i, &n);
      if (!parts.empty() && (!valid || i != parts.have + 1 || n != parts.of || tx != parts.tx)) discard_parts(seq);
      if (!valid || (parts.empty() && i != 1)) {
        spdlog::warn("cluster: skipping part {} of tx {} at stream sequence {}: not the next part of a transaction",
                     label, tx, seq);
        state_->parts_through = seq;
        continue;
      }
      if (parts.empty()) {
        parts.tx = tx;
        parts.of = n;
      }
      parts.body.append(data);
      parts.have = i;
      if (i < n) {
        state_->parts_through = seq;
        continue;
      }
      assembled = std::move(parts.body);
      payload = assembled;
      parts.Clear();
    } else if (!parts.empty()) {
      discard_parts(seq);
    }
    auto applied = store_->Apply(first_unapplied, seq, payload);
    first_unapplied = seq + 1;
    if (!applied.ok()) {
      // A gap or a diverged chain does not heal by retrying: stop applying.
      state_->Fail(applied.status().message());
      spdlog::error("cluster: stopped applying the stream: {}", applied.status().ToString());
      break;
    }
  }
  natsSubscription_Destroy(sub);
}

bool ApplyLoop::StalledBehindStream(std::chrono::steady_clock::time_point last_delivery) {
  if (Clock::now() - last_delivery < kStallAfter) return false;
  const std::string name = StreamName(options_);
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = 1000;  // a stream without quorum does not hold the loop up
  jsStreamInfo* info = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  if (js_GetStreamInfo(&info, link_->js(), name.c_str(), &jo, &jerr) != NATS_OK) {
    if (info) jsStreamInfo_Destroy(info);
    return false;  // no answer: nothing to compare with, the library may still recover
  }
  const uint64_t last = info->State.LastSeq;
  jsStreamInfo_Destroy(info);
  state_->NoteSequence(last);
  auto position = store_->Position();
  if (!position.ok() || position->sequence >= last) return false;
  spdlog::warn("cluster: stream {} holds sequence {} but this node has applied {} and nothing arrived for {} ms; "
               "subscribing again",
               name, last, position->sequence,
               std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - last_delivery).count());
  return true;
}

}  // namespace claimgraph::server::cluster
