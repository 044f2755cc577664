#include "server/cluster/nats_link.h"

#include <ctime>
#include <vector>

namespace claimgraph::server::cluster {
namespace {

// Frees a natsOptions however Connect returns.
struct OptionsDeleter {
  void operator()(natsOptions* o) const { natsOptions_Destroy(o); }
};

Status Check(natsStatus s, const std::string& what) {
  if (s == NATS_OK) return Status::Ok();
  return Status::InvalidArgument(what + ": " + NatsError(s));
}

}  // namespace

std::string NatsError(natsStatus s) {
  std::string text = natsStatus_GetText(s);
  const char* last = nats_GetLastError(nullptr);
  if (last && *last && text.find(last) == std::string::npos) text += " (" + std::string(last) + ")";
  return text;
}

std::string UtcTime(std::chrono::system_clock::time_point t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::unique_ptr<NatsLink>> NatsLink::Connect(const ClusterOptions& options) {
  std::unique_ptr<NatsLink> link(new NatsLink());
  natsOptions* raw = nullptr;
  CG_RETURN_IF_ERROR(Check(natsOptions_Create(&raw), "NATS options"));
  std::unique_ptr<natsOptions, OptionsDeleter> o(raw);
  std::vector<const char*> urls;
  for (const auto& s : options.servers) urls.push_back(s.c_str());
  CG_RETURN_IF_ERROR(Check(natsOptions_SetServers(o.get(), urls.data(), static_cast<int>(urls.size())), "--cluster"));
  CG_RETURN_IF_ERROR(Check(natsOptions_SetTimeout(o.get(), 2000), "NATS options"));
  // Forever, every 250 ms: a node cut off keeps serving reads and comes
  // back by itself (docs/scale-out.md, "Partitions and lost connections").
  CG_RETURN_IF_ERROR(Check(natsOptions_SetMaxReconnect(o.get(), -1), "NATS options"));
  CG_RETURN_IF_ERROR(Check(natsOptions_SetReconnectWait(o.get(), 250), "NATS options"));
  CG_RETURN_IF_ERROR(Check(natsOptions_SetDisconnectedCB(o.get(), &NatsLink::OnDisconnected, link.get()), "NATS options"));
  CG_RETURN_IF_ERROR(Check(natsOptions_SetReconnectedCB(o.get(), &NatsLink::OnConnected, link.get()), "NATS options"));
  CG_RETURN_IF_ERROR(
      Check(natsOptions_SetRetryOnFailedConnect(o.get(), true, &NatsLink::OnConnected, link.get()), "NATS options"));
  if (!options.creds_file.empty())
    CG_RETURN_IF_ERROR(Check(natsOptions_SetUserCredentialsFromFiles(o.get(), options.creds_file.c_str(), nullptr),
                             "--nats-creds " + options.creds_file));
  if (!options.tls_ca.empty()) {
    CG_RETURN_IF_ERROR(Check(natsOptions_SetSecure(o.get(), true), "NATS TLS"));
    CG_RETURN_IF_ERROR(Check(natsOptions_LoadCATrustedCertificates(o.get(), options.tls_ca.c_str()),
                             "--nats-tls-ca " + options.tls_ca));
  }
  if (!options.tls_cert.empty()) {
    CG_RETURN_IF_ERROR(Check(natsOptions_SetSecure(o.get(), true), "NATS TLS"));
    CG_RETURN_IF_ERROR(Check(
        natsOptions_LoadCertificatesChain(o.get(), options.tls_cert.c_str(), options.tls_key.c_str()),
        "--nats-tls-cert " + options.tls_cert));
  }
  natsStatus s = natsConnection_Connect(&link->nc_, o.get());
  if (s == NATS_OK) {
    link->SetConnected(true, "");
  } else if (s != NATS_NOT_YET_CONNECTED) {  // not yet: the library keeps trying
    return Status::InvalidArgument("connecting to NATS (--cluster): " + NatsError(s));
  }
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = options.publish_wait_ms;
  CG_RETURN_IF_ERROR(Check(natsConnection_JetStream(&link->js_, link->nc_, &jo), "JetStream context"));
  return link;
}

NatsLink::~NatsLink() {
  if (js_) jsCtx_Destroy(js_);
  if (nc_) {
    natsConnection_Close(nc_);
    natsConnection_Destroy(nc_);
  }
}

bool NatsLink::connected() const {
  std::lock_guard<std::mutex> lock(mu_);
  return connected_;
}

std::string NatsLink::CutOffReason() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (connected_) return "";
  return "cut off from NATS since " + UtcTime(since_) + " (" + why_ + ")";
}

void NatsLink::OnConnected(natsConnection*, void* self) { static_cast<NatsLink*>(self)->SetConnected(true, ""); }

void NatsLink::OnDisconnected(natsConnection* nc, void* self) {
  const char* text = nullptr;
  natsStatus s = natsConnection_GetLastError(nc, &text);
  std::string why = text && *text ? std::string(text) : s != NATS_OK ? natsStatus_GetText(s) : "connection lost";
  static_cast<NatsLink*>(self)->SetConnected(false, why);
}

void NatsLink::SetConnected(bool connected, std::string why) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!connected && !connected_) return;  // still cut off: keep the first reason and time
  connected_ = connected;
  why_ = std::move(why);
  since_ = std::chrono::system_clock::now();
}

}  // namespace claimgraph::server::cluster
