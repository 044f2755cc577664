// One structured log line per request: method, principal, duration, rows,
// status. Never the token, never the statement's data.
#pragma once

#include <chrono>
#include <string>

#include <grpcpp/grpcpp.h>

namespace claimgraph::server {

class RequestLog {
 public:
  explicit RequestLog(const char* method) : method_(method), started_(std::chrono::steady_clock::now()) {}
  ~RequestLog();
  void set_principal(std::string p) { principal_ = std::move(p); }
  void set_rows(uint64_t rows) { rows_ = rows; }
  // A request that came over HTTP: the line says so, with the HTTP status.
  void set_http_status(int status) { http_status_ = status; }
  // Records the outcome and passes the status through.
  grpc::Status Done(grpc::Status s) {
    status_ = s;
    return s;
  }

 private:
  const char* method_;
  std::chrono::steady_clock::time_point started_;
  std::string principal_ = "-";
  uint64_t rows_ = 0;
  grpc::Status status_;
  int http_status_ = 0;
};

}  // namespace claimgraph::server
