// The cluster tests' own NATS client, for what no claimgraphd call shows or
// does: which server leads a stream, and a stream message written by hand
// (the one file of the tests that includes nats.c: tools/check_layering.py).
#pragma once

#include <nats/nats.h>

#include <string>
#include <utility>
#include <vector>

namespace claimgraph::testing {

class NatsProbe {
 public:
  // Connects to any of "nats://h:p,nats://h:p,..."; ok() says whether it did.
  explicit NatsProbe(const std::string& urls) {
    natsOptions* opts = nullptr;
    if (natsOptions_Create(&opts) != NATS_OK) return;
    std::vector<std::string> list;
    for (size_t start = 0; start <= urls.size();) {
      size_t comma = urls.find(',', start);
      if (comma == std::string::npos) comma = urls.size();
      list.push_back(urls.substr(start, comma - start));
      start = comma + 1;
    }
    std::vector<const char*> servers;
    for (const auto& s : list) servers.push_back(s.c_str());
    natsOptions_SetServers(opts, servers.data(), static_cast<int>(servers.size()));
    if (natsConnection_Connect(&nc_, opts) == NATS_OK) natsConnection_JetStream(&js_, nc_, nullptr);
    natsOptions_Destroy(opts);
  }
  ~NatsProbe() {
    if (js_) jsCtx_Destroy(js_);
    if (nc_) natsConnection_Destroy(nc_);
  }
  NatsProbe(const NatsProbe&) = delete;
  NatsProbe& operator=(const NatsProbe&) = delete;

  bool ok() const { return js_ != nullptr; }

  // The server_name of the stream's leader; "" when it is not known now.
  std::string StreamLeader(const std::string& stream) {
    jsStreamInfo* info = nullptr;
    std::string leader;
    if (js_GetStreamInfo(&info, js_, stream.c_str(), nullptr, nullptr) == NATS_OK && info && info->Cluster &&
        info->Cluster->Leader)
      leader = info->Cluster->Leader;
    if (info) jsStreamInfo_Destroy(info);
    return leader;
  }

  // Publishes `body` with `headers` to `subject`; true once JetStream stored it.
  bool Publish(const std::string& subject, const std::string& body,
               const std::vector<std::pair<std::string, std::string>>& headers) {
    natsMsg* msg = nullptr;
    if (natsMsg_Create(&msg, subject.c_str(), nullptr, body.data(), static_cast<int>(body.size())) != NATS_OK)
      return false;
    for (const auto& [key, value] : headers) natsMsgHeader_Set(msg, key.c_str(), value.c_str());
    jsPubAck* ack = nullptr;
    const bool stored = js_PublishMsg(&ack, js_, msg, nullptr, nullptr) == NATS_OK && ack;
    if (ack) jsPubAck_Destroy(ack);
    natsMsg_Destroy(msg);
    return stored;
  }

 private:
  natsConnection* nc_ = nullptr;
  jsCtx* js_ = nullptr;
};

}  // namespace claimgraph::testing
