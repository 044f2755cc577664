// Progress lines for long operations (bulk import, export). On a terminal the
// line is redrawn in place; otherwise (CI, pipes) one line is printed at most
// every two seconds, so logs stay readable.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::server {

class ProgressReporter {
 public:
  explicit ProgressReporter(std::string operation);
  // stage: "parse", "encode", "merge" (a bulk import's sorted runs into SST
  // files, counted in records), "ingest"; total 0 = unknown.
  void Update(std::string_view stage, uint64_t done, uint64_t total);
  // Ends the in-place line, if any.
  void Finish();

 private:
  std::string operation_;
  bool tty_;
  std::chrono::steady_clock::time_point started_, last_;
  bool drew_ = false;
};

}  // namespace claimgraph::server
