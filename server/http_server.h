// claimgraphd's HTTP listener (serve --http): the JSON API (http_api.h) and
// the explorer page's files (--web-dir), on cpp-httplib. gRPC and HTTP share
// one core (claimgraph_core.h), so one set of query slots and one drain.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "base/status.h"
#include "server/claimgraph_core.h"

namespace httplib {
class Server;
}

namespace claimgraph::server {

class HttpApi;

struct HttpOptions {
  std::string listen;   // HOST:PORT (port 0: any free port)
  std::string web_dir;  // the page's files; empty: the API only
  int threads = 8;      // a browser opens up to six connections, each holds a worker while it lives
  std::string tls_cert, tls_key;
  size_t max_body_bytes = 16 << 20;
};

class HttpServer {
 public:
  HttpServer(ClaimGraphCore* core, HttpOptions options);
  ~HttpServer();
  // Binds (an error names the address) and serves on a thread of its own.
  Status Start();
  // Stops accepting; requests in flight finish (the drain waited for them).
  void Stop();
  int port() const { return port_; }
  // "http://127.0.0.1:7688/"
  std::string url() const;

 private:
  ClaimGraphCore& core_;
  HttpOptions options_;
  std::unique_ptr<HttpApi> api_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::string host_;
};

// True for an address only this machine can reach (127.x, localhost, [::1]),
// with or without a port: a --listen/--http address, or an HTTP Host header.
bool IsLoopbackAddress(std::string_view host);

}  // namespace claimgraph::server
