// One memory budget shared by everything a bulk import holds (the model is
// RocksDB's WriteBufferManager and DuckDB's buffer manager: one budget,
// components account to it). Two kinds of holders share it:
//  - what grows with the input and cannot simply be dropped — the tables of
//    new names, the importer's numbering of terms, the duplicate rule's
//    table and filter — charges the account what it holds now
//    (MemoryCharge::Set, as it grows);
//  - the sorters, whose buffers can be spilled at any size, take their
//    shares of what is left (Spare) each time they start a buffer: as the
//    tables grow, the sorters spill smaller runs, and the total stays near
//    the budget.
// Spare never falls below a floor (a quarter of the budget): the sorts need
// buffers to make progress, and runs much smaller than that only multiply the
// merges' work. Past the point where the tables alone hold more than the
// budget less the floor, the total grows with them (docs/architecture.md
// "Bulk import" says what does).
//
// Thread-safe: the N-Quads reader's thread charges its numbering while the
// writing thread charges the transaction's tables and the sorters read Spare.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>

namespace claimgraph::base {

class MemoryAccount {
 public:
  explicit MemoryAccount(size_t budget) : budget_(budget) {}
  MemoryAccount(const MemoryAccount&) = delete;
  MemoryAccount& operator=(const MemoryAccount&) = delete;

  size_t budget() const { return budget_; }
  // What the holders charge now, and the most they charged at once.
  size_t charged() const { return charged_.load(std::memory_order_relaxed); }
  size_t peak_charged() const { return peak_.load(std::memory_order_relaxed); }
  // What the sorters may share: the budget less what is charged, at least
  // the floor.
  size_t Spare() const {
    const size_t floor = budget_ / kFloorDivisor;
    const size_t c = charged();
    return c + floor >= budget_ ? floor : budget_ - c;
  }

  static constexpr size_t kFloorDivisor = 4;

 private:
  friend class MemoryCharge;
  void Change(size_t from, size_t to) {
    if (to >= from) {
      const size_t now = charged_.fetch_add(to - from, std::memory_order_relaxed) + (to - from);
      size_t peak = peak_.load(std::memory_order_relaxed);
      while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
      }
    } else {
      charged_.fetch_sub(from - to, std::memory_order_relaxed);
    }
  }

  const size_t budget_;
  std::atomic<size_t> charged_{0};
  std::atomic<size_t> peak_{0};
};

// One holder's part of an account: Set says how many bytes it holds now (the
// account sees the difference); the destructor gives them back. Without an
// account (an online transaction), Set only remembers.
class MemoryCharge {
 public:
  MemoryCharge() = default;
  explicit MemoryCharge(MemoryAccount* account) : account_(account) {}
  MemoryCharge(const MemoryCharge&) = delete;
  MemoryCharge& operator=(const MemoryCharge&) = delete;
  // The holder moves, its charge with it.
  MemoryCharge(MemoryCharge&& other) noexcept : account_(other.account_), bytes_(other.bytes_) {
    other.account_ = nullptr;
    other.bytes_ = 0;
  }
  MemoryCharge& operator=(MemoryCharge&&) = delete;
  ~MemoryCharge() { Set(0); }

  // Charges `account` from now on (what was charged elsewhere moves over).
  void Attach(MemoryAccount* account) {
    const size_t held = bytes_;
    Set(0);
    account_ = account;
    Set(held);
  }
  void Set(size_t bytes) {
    if (bytes == bytes_) return;
    if (account_) account_->Change(bytes_, bytes);
    bytes_ = bytes;
  }
  size_t bytes() const { return bytes_; }

 private:
  MemoryAccount* account_ = nullptr;
  size_t bytes_ = 0;
};

}  // namespace claimgraph::base
