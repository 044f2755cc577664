// Pull-based execution: a pipeline is a chain of steps, each of which extends
// the row built by the steps before it (an index nested-loop join generalized:
// pattern scans, hash-join probes, path expansion, filters, OPTIONAL). Next()
// walks the chain depth first and returns one complete row at a time, so rows
// stream and LIMIT stops the work early.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/executor/exec_context.h"

namespace claimgraph::engine {

class Step {
 public:
  virtual ~Step() = default;
  // Prepares to enumerate the extensions of `row` (its slots bound so far).
  virtual Status Begin(const Row& row) = 0;
  // Writes the next extension into `row` (setting this step's slots and
  // appending provenance); false when there is none left.
  virtual Result<bool> Advance(Row& row) = 0;
  // The index reads Begin(row) would open first, for a read-ahead of many
  // rows at once (NewLookaheadStep); nothing by default.
  virtual void CollectReads(const Row& row, std::vector<storage::TriplePattern>* out) const {
    (void)row;
    (void)out;
  }

  // For EXPLAIN.
  std::string label;
  double estimate = 0;  // rows produced per input row x input rows
  uint64_t actual = 0;  // rows produced
  uint64_t inputs = 0;  // rows it was started on
};

class Pipeline {
 public:
  Pipeline(ExecContext* ctx, size_t slots) : ctx_(ctx), slots_(slots) {}
  void Add(std::unique_ptr<Step> step) { steps_.push_back(std::move(step)); }
  std::vector<std::unique_ptr<Step>>& steps() { return steps_; }

  // Starts over from `seed` (a row with the outer query's bindings, or empty).
  void Reset(const Row& seed);
  void Reset() { Reset(Row{std::vector<uint64_t>(slots_, 0), {}}); }
  // The next complete row; false when there are no more.
  Result<bool> Next(Row* out);

  std::string Explain(int indent) const;

 private:
  ExecContext* ctx_;
  size_t slots_;
  std::vector<std::unique_ptr<Step>> steps_;
  Row row_;
  int depth_ = 0;
  bool seed_emitted_ = false;
  std::vector<bool> started_;
  std::vector<size_t> provenance_base_;
  std::vector<std::vector<uint64_t>> slots_base_;  // the row's slots when each step began
};

}  // namespace claimgraph::engine
