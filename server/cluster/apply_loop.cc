#include "server/cluster/apply_loop.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace claimgraph::server::cluster {

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
  natsSubscription* sub = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_SubscribeSync(&sub, link_->js(), subject.c_str(), nullptr, &so, &jerr);
  if (s != NATS_OK) {
    spdlog::warn("cluster: cannot read stream {} from sequence {}: {}", name, position->sequence + 1, NatsError(s));
    if (sub) natsSubscription_Destroy(sub);
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    return;
  }
  while (!stop_) {
    natsMsg* msg = nullptr;
    s = natsSubscription_NextMsg(&msg, sub, 100);
    if (s == NATS_TIMEOUT) continue;
    if (s != NATS_OK) {
      spdlog::warn("cluster: reading stream {}: {}; subscribing again", name, NatsError(s));
      break;
    }
    jsMsgMetaData* meta = nullptr;
    s = natsMsg_GetMetaData(&meta, msg);
    if (s != NATS_OK) {
      natsMsg_Destroy(msg);
      spdlog::warn("cluster: a message of stream {} without metadata: {}", name, NatsError(s));
      break;
    }
    const uint64_t seq = meta->Sequence.Stream;
    state_->NoteSequence(seq + meta->NumPending);
    jsMsgMetaData_Destroy(meta);
    auto applied = store_->Apply(seq, std::string_view(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)));
    natsMsg_Destroy(msg);
    if (!applied.ok()) {
      // A gap or a diverged chain does not heal by retrying: stop applying.
      state_->Fail(applied.status().message());
      spdlog::error("cluster: stopped applying the stream: {}", applied.status().ToString());
      break;
    }
  }
  natsSubscription_Destroy(sub);
}

}  // namespace claimgraph::server::cluster
