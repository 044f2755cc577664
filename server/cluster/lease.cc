#include "server/cluster/lease.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "server/cluster_view.h"

namespace claimgraph::server::cluster {
namespace {

constexpr const char* kKey = "writer";

struct Entry {
  kvEntry* e = nullptr;
  ~Entry() {
    if (e) kvEntry_Destroy(e);
  }
};

}  // namespace

std::string LeaseBucketName(const ClusterOptions& options) { return options.cluster_name + "_lease"; }

WriterLease::WriterLease(const ClusterOptions& options, NatsLink* link, StreamState* state,
                         std::function<uint64_t()> applied)
    : options_(options),
      ttl_(options.lease_ttl_ms),
      renew_every_(std::max(options.lease_ttl_ms / 10, 50)),
      margin_(options.lease_ttl_ms / 5),
      bucket_(LeaseBucketName(options)),
      link_(link),
      state_(state),
      applied_(std::move(applied)) {}

WriterLease::~WriterLease() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  Release();
  if (kv_) kvStore_Destroy(kv_);
}

void WriterLease::Start(std::string advertise) {
  advertise_ = std::move(advertise);
  thread_ = std::thread([this] { Run(); });
}

void WriterLease::Run() {
  while (!stop_) {
    const auto started = Clock::now();
    if (link_->connected() && state_->ready && state_->failure().empty() && EnsureBucket()) {
      bool held;
      {
        std::lock_guard<std::mutex> lock(mu_);
        held = revision_ != 0;
      }
      if (held) Renew();
      else TryTake();
    } else {
      Renew();  // only to drop a lease whose deadline passed (no NATS call without a bucket)
    }
    std::this_thread::sleep_until(started + renew_every_);
  }
}

bool WriterLease::EnsureBucket() {
  if (kv_) return true;
  kvConfig cfg;
  kvConfig_Init(&cfg);
  cfg.Bucket = bucket_.c_str();
  cfg.History = 1;
  cfg.TTL = int64_t{options_.lease_ttl_ms} * 1000 * 1000;  // nanoseconds
  cfg.StorageType = js_FileStorage;
  cfg.Replicas = static_cast<int>(std::min<size_t>(3, options_.servers.size()));
  natsStatus s = js_CreateKeyValue(&kv_, link_->js(), &cfg);
  if (s == NATS_OK) return true;
  // Made by a node with other settings (another --lease-ttl-ms): use it as
  // it is. Its TTL then decides when an unrenewed lease expires.
  kv_ = nullptr;
  if (js_KeyValue(&kv_, link_->js(), bucket_.c_str()) == NATS_OK) {
    spdlog::warn("cluster: the lease bucket {} exists with other settings than this node's (TTL {} ms): using it; "
                 "give every node the same --lease-ttl-ms",
                 bucket_, options_.lease_ttl_ms);
    return true;
  }
  kv_ = nullptr;
  spdlog::warn("cluster: cannot create the lease bucket {} yet: {}", bucket_, NatsError(s));
  return false;
}

std::string WriterLease::Value() const {
  nlohmann::json v = {{"node", options_.node_id},
                      {"addr", advertise_},
                      {"since", UtcTime(std::chrono::system_clock::now())}};
  return v.dump();
}

void WriterLease::Renew() {
  uint64_t revision;
  Clock::time_point deadline;
  {
    std::lock_guard<std::mutex> lock(mu_);
    revision = revision_;
    deadline = deadline_;
  }
  if (revision == 0) return;
  const auto sent = Clock::now();
  natsStatus s = NATS_NOT_YET_CONNECTED;
  uint64_t next = 0;
  if (kv_ && link_->connected()) {
    const std::string value = Value();
    s = kvStore_Update(&next, kv_, kKey, value.data(), static_cast<int>(value.size()), revision);
  }
  if (kv_ && link_->connected()) NoteAnswer(s);
  std::lock_guard<std::mutex> lock(mu_);
  if (s == NATS_OK) {
    revision_ = next;
    deadline_ = sent + ttl_ - margin_;
    return;
  }
  // NATS_ERR: the revision moved on (the key expired and someone took it):
  // lost at once. A timeout or no responders (an election) says nothing:
  // keep the lease until our own deadline, retrying every renew_every_.
  if (s == NATS_ERR || sent >= deadline) {
    revision_ = 0;
    catch_up_to_ = 0;
    no_writer_since_ = std::chrono::system_clock::now();
    spdlog::warn("cluster: node {} lost the writer lease ({})", options_.node_id,
                 s == NATS_ERR ? "another node holds it now" : "no renewal before its deadline: " + NatsError(s));
  }
}

void WriterLease::TryTake() {
  Entry entry;
  natsStatus s = kvStore_Get(&entry.e, kv_, kKey);
  // A get is no sign of quorum (any replica may answer it directly); only
  // a holder seen, or a create or update answered, clears "not answering".
  if (s == NATS_OK) NoteAnswer(s);
  if (s == NATS_OK) {
    LeaseHolder seen;
    try {
      auto v = nlohmann::json::parse(std::string(static_cast<const char*>(kvEntry_Value(entry.e)),
                                                 static_cast<size_t>(kvEntry_ValueLen(entry.e))));
      seen.node = v.at("node").get<uint64_t>();
      seen.address = v.at("addr").get<std::string>();
    } catch (const std::exception& e) {
      spdlog::warn("cluster: the lease key {}/{} holds no writer this node can read: {}", bucket_, kKey, e.what());
      return;
    }
    std::lock_guard<std::mutex> lock(mu_);
    if (holder_.node != seen.node || holder_.address != seen.address)
      spdlog::info("cluster: the writer is node {} at {}", seen.node, seen.address);
    holder_ = seen;
    return;
  }
  if (s != NATS_NOT_FOUND) return;  // no answer (an election): ask again next time
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (holder_.node != 0) {
      spdlog::info("cluster: the lease of node {} expired or was released", holder_.node);
      holder_ = LeaseHolder{};
      no_writer_since_ = std::chrono::system_clock::now();
    }
  }
  // Only a node that has applied everything it has heard of competes; the
  // winner then catches up with the stream's true end before it writes.
  if (applied_() < state_->last_known.load()) return;
  const auto sent = Clock::now();
  const std::string value = Value();
  uint64_t revision = 0;
  const natsStatus created = kvStore_Create(&revision, kv_, kKey, value.data(), static_cast<int>(value.size()));
  NoteAnswer(created);
  if (created != NATS_OK) return;
  uint64_t last = state_->last_known.load();
  jsStreamInfo* info = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  const std::string stream = StreamName(options_);
  if (js_GetStreamInfo(&info, link_->js(), stream.c_str(), nullptr, &jerr) == NATS_OK && info) {
    last = std::max<uint64_t>(last, info->State.LastSeq);
    jsStreamInfo_Destroy(info);
  } else {
    // Without the stream's end we cannot know we are caught up: let the
    // key expire rather than write on a stale store.
    spdlog::warn("cluster: node {} took the writer lease but cannot read where stream {} ends; it does not write",
                 options_.node_id, stream);
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  revision_ = revision;
  deadline_ = sent + ttl_ - margin_;
  catch_up_to_ = last;
  holder_ = LeaseHolder{options_.node_id, advertise_, false};
  spdlog::info("cluster: node {} took the writer lease (revision {}); writes once stream sequence {} is applied",
               options_.node_id, revision, last);
}

void WriterLease::Release() {
  uint64_t revision;
  {
    std::lock_guard<std::mutex> lock(mu_);
    revision = revision_;
    revision_ = 0;
  }
  if (revision == 0 || !kv_ || !link_->connected()) return;
  // kvStore_Delete takes no revision: renew first to be sure the key is
  // still ours, then delete.
  const std::string value = Value();
  uint64_t next = 0;
  if (kvStore_Update(&next, kv_, kKey, value.data(), static_cast<int>(value.size()), revision) != NATS_OK) return;
  if (kvStore_Delete(kv_, kKey) == NATS_OK) spdlog::info("cluster: node {} released the writer lease", options_.node_id);
}

void WriterLease::NoteAnswer(natsStatus s) {
  // NATS_ERR (a wrong revision: someone else holds it) is an answer; a
  // timeout or no responders is JetStream not answering.
  const bool answered = s == NATS_OK || s == NATS_ERR;
  std::lock_guard<std::mutex> lock(mu_);
  if (answered) {
    unanswered_.clear();
    return;
  }
  if (unanswered_.empty()) unanswered_since_ = std::chrono::system_clock::now();
  unanswered_ = NatsError(s);
}

std::string WriterLease::UnansweredLocked() const {
  if (unanswered_.empty()) return "";
  return "; NATS JetStream has not answered this node's lease requests since " + UtcTime(unanswered_since_) +
         " (last error: " + unanswered_ + "): the lease bucket " + bucket_ +
         " has no quorum (most of its NATS servers are down or unreachable) or is electing a leader";
}

bool WriterLease::MayWrite(std::string* why) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (revision_ != 0 && Clock::now() < deadline_) {
    if (catch_up_to_ == 0) return true;
    const uint64_t applied = applied_();
    if (applied >= catch_up_to_) {
      catch_up_to_ = 0;  // caught up once is caught up: from here on it writes the stream's head itself
      return true;
    }
    *why = std::string(kNotWriterPrefix) + ": it holds the writer lease but has applied stream sequence " +
           std::to_string(applied) + " of " + std::to_string(catch_up_to_);
    return false;
  }
  if (holder_.node != 0 && holder_.node != options_.node_id)
    *why = std::string(kNotWriterPrefix) + " (node " + std::to_string(holder_.node) + " at " + holder_.address +
           " holds the writer lease)";
  else
    *why = std::string(kNotWriterPrefix) + " and no node holds the writer lease in NATS (none since " +
           UtcTime(no_writer_since_) + ")" + UnansweredLocked();
  return false;
}

LeaseHolder WriterLease::Holder() const {
  std::string ignored;
  if (MayWrite(&ignored)) return LeaseHolder{options_.node_id, advertise_, true};
  std::lock_guard<std::mutex> lock(mu_);
  if (revision_ != 0 || holder_.node == options_.node_id) return LeaseHolder{};  // ours, not writable (yet)
  return holder_;
}

std::string WriterLease::Describe() const {
  std::string why;
  if (MayWrite(&why)) return "the writer";
  LeaseHolder h = Holder();
  if (h.node != 0) return "writer node " + std::to_string(h.node) + " at " + h.address;
  std::lock_guard<std::mutex> lock(mu_);
  if (revision_ != 0) return "taking over as the writer (catching up)";
  return "no writer since " + UtcTime(no_writer_since_) + UnansweredLocked();
}

}  // namespace claimgraph::server::cluster
