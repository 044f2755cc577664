#include "server/request_log.h"

#include <spdlog/spdlog.h>

#include "server/status_convert.h"

namespace claimgraph::server {

RequestLog::~RequestLog() {
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
  if (http_status_ == 0)
    spdlog::info("method={} principal={} duration_ms={:.3f} rows={} status={}", method_, principal_, ms, rows_,
                 GrpcCodeName(status_.error_code()));
  else
    spdlog::info("method={} principal={} duration_ms={:.3f} rows={} status={} transport=http http_status={}", method_,
                 principal_, ms, rows_, GrpcCodeName(status_.error_code()), http_status_);
}

}  // namespace claimgraph::server
