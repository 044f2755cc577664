// The HTTP/JSON API from a test: a claimgraphd started with --http, a small
// client over httplib's own, and /v1/query's JSON lines read back into the
// claimgraph.v1 messages, so answers compare with gRPC's field for field.
#pragma once

#include <google/protobuf/util/json_util.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {

struct HttpAnswer {
  int status = 0;  // 0: no answer (connection refused or dropped)
  std::string body;
  httplib::Headers headers;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class HttpClient {
 public:
  explicit HttpClient(int port) : client_("127.0.0.1", port) { client_.set_read_timeout(60, 0); }
  httplib::Client& raw() { return client_; }

  HttpAnswer Get(const std::string& path, const std::string& token = "", httplib::Headers headers = {}) {
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return Answer(client_.Get(path.c_str(), headers));
  }
  HttpAnswer Post(const std::string& path, const std::string& body, const std::string& token = "",
                  const std::string& content_type = "application/json", httplib::Headers headers = {}) {
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return Answer(client_.Post(path.c_str(), headers, body, content_type.c_str()));
  }

 private:
  static HttpAnswer Answer(const httplib::Result& r) {
    HttpAnswer a;
    if (!r) return a;
    a.status = r->status;
    a.body = r->body;
    a.headers = r->headers;
    return a;
  }
  httplib::Client client_;
};

// A /v1/query answer: its HTTP status and, for a stream, each line read back
// as a QueryResponse (or the final error object).
struct HttpQueryResult {
  int status = 0;
  std::string body;
  std::vector<v1::QueryResponse> messages;
  std::vector<std::string> columns;
  std::vector<v1::Row> rows;
  v1::QueryTrailer trailer;
  bool has_trailer = false;
  nlohmann::json error;  // the last line's {"error": ...} object, or the body of a refusal; null when OK
  bool ok() const { return status == 200 && error.is_null() && has_trailer; }
};

inline HttpQueryResult ReadQueryStream(const HttpAnswer& a) {
  HttpQueryResult out;
  out.status = a.status;
  out.body = a.body;
  if (a.status != 200) {
    out.error = a.json();
    return out;
  }
  size_t start = 0;
  while (start < a.body.size()) {
    size_t end = a.body.find('\n', start);
    if (end == std::string::npos) end = a.body.size();
    std::string line = a.body.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("error")) {
      out.error = j["error"];
      continue;
    }
    v1::QueryResponse m;
    auto parsed = google::protobuf::util::JsonStringToMessage(line, &m);
    EXPECT_TRUE(parsed.ok()) << parsed.ToString() << "\n" << line;
    if (m.has_header()) out.columns.assign(m.header().columns().begin(), m.header().columns().end());
    if (m.has_batch()) out.rows.insert(out.rows.end(), m.batch().rows().begin(), m.batch().rows().end());
    if (m.has_trailer()) {
      out.trailer = m.trailer();
      out.has_trailer = true;
    }
    out.messages.push_back(std::move(m));
  }
  return out;
}

// POST /v1/query with `statement` (as a plain JSON string) and any more fields.
inline HttpQueryResult HttpQuery(HttpClient& http, const std::string& token, const std::string& statement,
                                 nlohmann::json fields = nlohmann::json::object()) {
  fields["statement"] = statement;
  return ReadQueryStream(http.Post("/v1/query", fields.dump(), token));
}

// Reads a JSON answer into a message (EXPECT-fails when it does not parse).
template <typename Message>
Message FromJson(const std::string& json) {
  Message m;
  auto parsed = google::protobuf::util::JsonStringToMessage(json, &m);
  EXPECT_TRUE(parsed.ok()) << parsed.ToString() << "\n" << json;
  return m;
}

// A ServerProcess with the HTTP API on a port of its own, ready to answer.
class HttpServerProcess {
 public:
  explicit HttpServerProcess(std::vector<std::string> flags = {}, std::string tls_ca_pem = "")
      : server_(WithHttp(std::move(flags)), std::move(tls_ca_pem)) {
    http_port_ = server_.PortInLog(plaintext_ ? " on http://127.0.0.1:" : " on https://127.0.0.1:");
    if (plaintext_) WaitUntilServing();
  }
  ServerProcess& server() { return server_; }
  int http_port() const { return http_port_; }
  HttpClient client() { return HttpClient(http_port_); }

 private:
  // The server picks the HTTP port too (see ServerProcess).
  std::vector<std::string> WithHttp(std::vector<std::string> flags) {
    plaintext_ = std::find(flags.begin(), flags.end(), "--tls-cert") == flags.end();
    flags.push_back("--http");
    flags.push_back("127.0.0.1:0");
    return flags;
  }
  // HTTP starts just after gRPC: poll it too.
  void WaitUntilServing() {
    HttpClient http(http_port_);
    for (int i = 0; i < 200; ++i) {
      if (http.Get("/v1/stats", kReader).status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  bool plaintext_ = true;
  ServerProcess server_;
  int http_port_ = 0;
};

}  // namespace claimgraph::testing
