#include "server/progress.h"

#include <unistd.h>

#include <cstdio>

namespace claimgraph::server {

ProgressReporter::ProgressReporter(std::string operation)
    : operation_(std::move(operation)), tty_(::isatty(STDERR_FILENO)), started_(std::chrono::steady_clock::now()),
      last_(started_ - std::chrono::hours(1)) {}

void ProgressReporter::Update(std::string_view stage, uint64_t done, uint64_t total) {
  auto now = std::chrono::steady_clock::now();
  bool final = total != 0 && done == total;
  if (!final && now - last_ < (tty_ ? std::chrono::milliseconds(200) : std::chrono::seconds(2))) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - started_).count();
  char line[256];
  if (total)
    std::snprintf(line, sizeof line, "[%s] %.*s %llu/%llu (%.0f%%) %.1fs", operation_.c_str(), int(stage.size()),
                  stage.data(), (unsigned long long)done, (unsigned long long)total, 100.0 * done / total, secs);
  else
    std::snprintf(line, sizeof line, "[%s] %.*s %llu %.1fs", operation_.c_str(), int(stage.size()), stage.data(),
                  (unsigned long long)done, secs);
  if (tty_) {
    std::fprintf(stderr, "\r\033[K%s", line);
    drew_ = true;
  } else {
    std::fprintf(stderr, "%s\n", line);
  }
  std::fflush(stderr);
}

void ProgressReporter::Finish() {
  if (tty_ && drew_) std::fprintf(stderr, "\n");
  drew_ = false;
}

}  // namespace claimgraph::server
