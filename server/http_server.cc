#include "server/http_server.h"

#include <httplib.h>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include "server/http_api.h"

namespace claimgraph::server {
namespace {

// The page is ours alone: no script, style or connection from anywhere else,
// no framing by another site (what the explorer test checks in a browser).
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

// A path as a log may show it: printable ASCII only (it comes from the client).
std::string Printable(const std::string& path) {
  std::string out;
  for (char c : path.substr(0, 200)) out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  return out;
}

}  // namespace

bool IsLoopbackAddress(std::string_view host) {
  // The name without its port: "[::1]:80" -> "[::1]", "localhost:7688" -> "localhost".
  std::string_view name = !host.empty() && host.front() == '['
                              ? host.substr(0, host.find(']') + 1)
                              : host.substr(0, std::min(host.size(), host.rfind(':')));
  return name == "localhost" || name == "[::1]" || name.rfind("127.", 0) == 0;
}

HttpServer::HttpServer(ClaimGraphCore* core, HttpOptions options) : core_(*core), options_(std::move(options)) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start() {
  size_t colon = options_.listen.rfind(':');
  if (colon == std::string::npos || colon + 1 == options_.listen.size())
    return Status::InvalidArgument("--http " + options_.listen + ": expected HOST:PORT");
  host_ = options_.listen.substr(0, colon);
  std::string bind_host = host_;
  if (bind_host.size() > 2 && bind_host.front() == '[' && bind_host.back() == ']')
    bind_host = bind_host.substr(1, bind_host.size() - 2);
  int port = 0;
  try {
    port = std::stoi(options_.listen.substr(colon + 1));
  } catch (const std::exception&) {
    return Status::InvalidArgument("--http " + options_.listen + ": the port is not a number");
  }
  bool tls = !options_.tls_cert.empty();
  if (tls) {
    auto ssl = std::make_unique<httplib::SSLServer>(options_.tls_cert.c_str(), options_.tls_key.c_str());
    if (!ssl->is_valid())
      return Status::InvalidArgument("--http: cannot use --tls-cert " + options_.tls_cert + " with --tls-key " +
                                     options_.tls_key);
    SSL_CTX_set_min_proto_version(ssl->ssl_context(), TLS1_2_VERSION);  // httplib's own floor is TLS 1.1
    server_ = std::move(ssl);
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  httplib::Server& s = *server_;
  int threads = std::max(1, options_.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Idle keep-alive connections poll; keep them few and short.
  s.set_keep_alive_timeout(2);
  s.set_keep_alive_max_count(100);
  s.set_payload_max_length(options_.max_body_bytes);
  HttpEndpoint endpoint{IsLoopbackAddress(options_.listen), tls};
  api_ = std::make_unique<HttpApi>(&core_, endpoint, options_.max_body_bytes);
  api_->Register(&s);
  if (!options_.web_dir.empty()) {
    httplib::Headers headers = {{"Content-Security-Policy", kContentSecurityPolicy},
                                {"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cache-Control", "no-cache"}};
    if (!s.set_mount_point("/", options_.web_dir, headers))
      return Status::NotFound("--web-dir " + options_.web_dir + " is not a directory");
    s.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  }
  // API calls log themselves (request_log.h); this logs the page's files.
  s.set_logger([](const httplib::Request& q, const httplib::Response& r) {
    if (q.path.rfind("/v1/", 0) == 0) return;
    spdlog::info("method=File path={} http_status={} transport=http", Printable(q.path), r.status);
  });
  if (port == 0) {
    port = s.bind_to_any_port(bind_host);
    if (port < 0) port = 0;
  } else if (!s.bind_to_port(bind_host, port)) {
    port = 0;
  }
  if (port == 0) return Status::IOError("--http: cannot listen on " + options_.listen);
  port_ = port;
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return Status::Ok();
}

void HttpServer::Stop() {
  if (!server_) return;
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string HttpServer::url() const {
  return std::string(options_.tls_cert.empty() ? "http" : "https") + "://" + host_ + ":" + std::to_string(port_) + "/";
}

}  // namespace claimgraph::server
