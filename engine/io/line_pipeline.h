// Parses the lines of a file on a second thread while the caller resolves
// names and writes claims: the importers' two halves overlap on two cores.
// Batches keep the hand-over cheap; a bounded queue keeps memory flat.
#pragma once

#include <condition_variable>
#include <deque>
#include <istream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace claimgraph::io {

template <typename Parsed>
struct ParsedLine {
  uint64_t line = 0;     // 1-based
  bool blank = false;    // blank or comment: nothing to do
  uint64_t column = 0;   // of the error, 0 if unknown
  std::string error;     // non-empty: the line is rejected
  Parsed value;
};

// ParseFn: void(const std::string& line, ParsedLine<Parsed>* out); it runs on
// the parsing thread only, so it may keep state (a reusable JSON parser).
template <typename Parsed, typename ParseFn>
class LinePipeline {
 public:
  static constexpr size_t kBatch = 2048;
  static constexpr size_t kQueued = 4;

  LinePipeline(std::istream* in, ParseFn parse) : in_(in), parse_(std::move(parse)) {
    thread_ = std::thread([this] { Produce(); });
  }
  ~LinePipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  // The next batch of parsed lines, in file order; false at the end.
  bool Next(std::vector<ParsedLine<Parsed>>* batch) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (queue_.empty()) return false;
    *batch = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return true;
  }
  bool io_error() const { return io_error_; }

 private:
  void Produce() {
    std::string line;
    uint64_t line_no = 0;
    std::vector<ParsedLine<Parsed>> batch;
    auto flush = [&]() -> bool {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return queue_.size() < kQueued || stop_; });
      if (stop_) return false;
      queue_.push_back(std::move(batch));
      batch.clear();
      cv_.notify_all();
      return true;
    };
    while (std::getline(*in_, line)) {
      batch.emplace_back();
      batch.back().line = ++line_no;
      parse_(line, &batch.back());
      if (batch.size() == kBatch && !flush()) return;
    }
    io_error_ = in_->bad();
    if (!batch.empty() && !flush()) return;
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    cv_.notify_all();
  }

  std::istream* in_;
  ParseFn parse_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::vector<ParsedLine<Parsed>>> queue_;  // guarded by mu_
  bool done_ = false, stop_ = false;                  // guarded by mu_
  bool io_error_ = false;                             // written before done_
};

}  // namespace claimgraph::io
