// The external sorts of a bulk import: any budget gives the order an
// in-memory stable sort gives, and no run file outlives the sorter.
#include "storage/external_sort.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "base/memory_account.h"
#include "storage/row_sorter.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::storage {
namespace {

using testing::TempDir;

struct Record {
  uint32_t key;
  uint32_t added;  // the order it was added in: ties must keep it
};
struct ByKey {
  bool operator()(const Record& a, const Record& b) const { return a.key < b.key; }
};

size_t FilesIn(const std::string& dir) {
  size_t n = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

ExternalSortOptions Options(const std::string& dir, size_t budget) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);  // TempDir names it; the sink creates its own
  ExternalSortOptions o;
  o.dir = dir;
  o.name = "test";
  o.budget_bytes = budget;
  return o;
}

std::string Key(uint64_t n) {
  std::string key = "k";
  key += std::to_string(n);
  return key;
}

std::vector<Record> Shuffled(size_t n, uint32_t distinct_keys) {
  std::mt19937 rng(7);
  std::vector<Record> records(n);
  for (uint32_t i = 0; i < n; ++i) records[i] = {static_cast<uint32_t>(rng() % distinct_keys), i};
  return records;
}

// Merges `sorter`, which was given every record of `input`: the order is
// the stable sort's, and no run file is left in `dir`.
void ExpectMergedInStableOrder(ExternalSorter<Record, ByKey>& sorter, const std::vector<Record>& input,
                               const std::string& dir) {
  std::vector<Record> expected = input;
  std::stable_sort(expected.begin(), expected.end(), ByKey());
  std::vector<Record> out;
  ASSERT_TRUE(sorter.Merge([&](const Record& r) {
                      out.push_back(r);
                      return Status::Ok();
                    }).ok());
  ASSERT_EQ(out.size(), expected.size());
  for (size_t i = 0; i < out.size(); ++i) {
    ASSERT_EQ(out[i].key, expected[i].key) << i;
    ASSERT_EQ(out[i].added, expected[i].added) << i;
  }
  EXPECT_EQ(FilesIn(dir), 0u);
}

TEST(ExternalSort, AnyBudgetGivesTheStableSortedOrder) {
  const std::vector<Record> input = Shuffled(50000, 3000);  // many ties
  std::vector<Record> expected = input;
  std::stable_sort(expected.begin(), expected.end(), ByKey());
  // Everything in memory; a few runs; more runs than one merge pass reads;
  // more than two passes' worth (runs of 10 records: ~5,000 runs).
  for (size_t budget : {size_t{16} << 20, size_t{100} << 10, size_t{2} << 10, size_t{240}}) {
    TempDir dir;
    ExternalSorter<Record, ByKey> sorter(Options(dir.path(), budget));
    for (const Record& r : input) sorter.Add(r);
    std::vector<Record> out;
    ASSERT_TRUE(sorter.Merge([&](const Record& r) {
                        out.push_back(r);
                        return Status::Ok();
                      }).ok());
    ASSERT_EQ(out.size(), expected.size()) << budget;
    for (size_t i = 0; i < out.size(); ++i) {
      ASSERT_EQ(out[i].key, expected[i].key) << budget << " at " << i;
      ASSERT_EQ(out[i].added, expected[i].added) << budget << " at " << i;
    }
    if (budget == size_t{16} << 20) {
      EXPECT_EQ(sorter.runs_spilled(), 0u);
    }
    if (budget == size_t{2} << 10) {
      EXPECT_GT(sorter.runs_spilled(), 64u);
    }
    if (budget == size_t{240}) {
      EXPECT_GT(sorter.runs_spilled(), 64u * 64u);
    }
    EXPECT_EQ(FilesIn(dir.path()), 0u) << "merged runs are removed";
  }
}

// A bulk import's sorters take their budget from one account as each buffer
// starts (base/memory_account.h): when the other holders charge more, the
// runs get smaller (more of them), and the order is the same.
// As a bulk import's tables grow, the share of each buffer shrinks a little
// at every run: the buffer's allocation is kept while it still fits (a fresh
// one is paid in page faults), never past the budget, and a share that fell
// further gets a smaller one. A sort that swaps the run with its scratch
// (as the radix sort may) leaves the order as it was.
TEST(ExternalSort, ABufferIsKeptThroughSmallShrinksOfItsShareAndNeverPassesIt) {
  const std::vector<Record> input = Shuffled(60000, 2000);
  TempDir dir;
  size_t budget = 96 << 10;
  ExternalSortOptions o = Options(dir.path(), 0);
  o.budget_now = [&] { return budget; };
  ExternalSorter<Record, ByKey> sorter(o, [](std::vector<Record>* run, std::vector<Record>* scratch) {
    scratch->assign(run->begin(), run->end());
    std::stable_sort(scratch->begin(), scratch->end(), ByKey());
    run->swap(*scratch);
  });
  size_t next = 0;
  auto add_until_spilled = [&](size_t runs) {
    while (sorter.runs_spilled() < runs && next < input.size()) sorter.Add(input[next++]);
    ASSERT_EQ(sorter.runs_spilled(), runs);
  };
  auto fits = [&](size_t capacity) { return capacity * 3 * sizeof(Record) <= budget; };
  add_until_spilled(2);
  const size_t first = sorter.buffer_capacity();
  EXPECT_TRUE(fits(first));
  budget -= budget / 5;  // the share fell below the allocation: a smaller one, with room under the share
  add_until_spilled(3);
  const size_t second = sorter.buffer_capacity();
  EXPECT_LT(second, first);
  EXPECT_TRUE(fits(second));
  for (size_t runs = 4; runs <= 5; ++runs) {
    budget -= budget / 20;  // 5% less, twice: the same allocation still fits
    add_until_spilled(runs);
    EXPECT_EQ(sorter.buffer_capacity(), second) << runs;
    EXPECT_TRUE(fits(second)) << runs;
  }
  budget -= budget / 20;  // a third time: it does not
  add_until_spilled(6);
  EXPECT_LT(sorter.buffer_capacity(), second);
  EXPECT_TRUE(fits(sorter.buffer_capacity()));
  budget *= 2;  // more room: a bigger buffer
  add_until_spilled(7);
  EXPECT_GT(sorter.buffer_capacity(), first);
  EXPECT_TRUE(fits(sorter.buffer_capacity()));
  while (next < input.size()) sorter.Add(input[next++]);
  ExpectMergedInStableOrder(sorter, input, dir.path());
}

TEST(ExternalSort, ASorterSharingAnAccountSpillsSmallerRunsAsTheChargesGrow) {
  const std::vector<Record> input = Shuffled(40000, 3000);
  TempDir dir;
  base::MemoryAccount account(64 << 10);
  base::MemoryCharge tables(&account);
  ExternalSortOptions o = Options(dir.path(), 0);
  o.budget_now = [&] { return account.Spare(); };
  ExternalSorter<Record, ByKey> sorter(o);
  for (size_t i = 0; i < input.size() / 2; ++i) sorter.Add(input[i]);
  const size_t runs_at_first = sorter.runs_spilled();
  tables.Set(60 << 10);  // the tables grow: the sorter is left the floor, a quarter
  for (size_t i = input.size() / 2; i < input.size(); ++i) sorter.Add(input[i]);
  const size_t runs_then = sorter.runs_spilled() - runs_at_first;
  EXPECT_GT(runs_at_first, 0u);
  EXPECT_GE(runs_then, 3 * runs_at_first);
  ExpectMergedInStableOrder(sorter, input, dir.path());
}

TEST(ExternalSort, AFailedMergeAndADroppedSorterLeaveNoRunFiles) {
  TempDir dir;
  {
    ExternalSortOptions o = Options(dir.path(), 2 << 10);
    o.TEST_fail_after = 1000;
    ExternalSorter<Record, ByKey> sorter(o);
    for (const Record& r : Shuffled(20000, 20000)) sorter.Add(r);
    EXPECT_GT(FilesIn(dir.path()), 64u);
    uint64_t seen = 0;
    Status st = sorter.Merge([&](const Record&) {
      ++seen;
      return Status::Ok();
    });
    EXPECT_EQ(st.code(), StatusCode::kIOError);
    EXPECT_EQ(seen, 1000u);
    EXPECT_EQ(FilesIn(dir.path()), 0u);
  }
  {
    ExternalSorter<Record, ByKey> sorter(Options(dir.path(), 2 << 10));
    for (const Record& r : Shuffled(20000, 20000)) sorter.Add(r);
    EXPECT_GT(FilesIn(dir.path()), 0u);
  }  // never merged
  EXPECT_EQ(FilesIn(dir.path()), 0u);
}

TEST(ExternalSort, ASpillThatCannotBeWrittenIsReportedByMerge) {
  TempDir dir;
  ExternalSortOptions o = Options(dir.path(), 2 << 10);
  o.dir += "/missing";  // not created
  ExternalSorter<Record, ByKey> sorter(o);
  for (const Record& r : Shuffled(1000, 1000)) sorter.Add(r);
  Status st = sorter.Merge([](const Record&) { return Status::Ok(); });
  EXPECT_EQ(st.code(), StatusCode::kIOError);
  EXPECT_NE(st.message().find("/missing/test-0.run"), std::string::npos) << st.ToString();
}

TEST(RowSorter, AnyBudgetGivesKeyOrderWithTiesInTheOrderAdded) {
  std::mt19937 rng(3);
  std::vector<std::pair<std::string, std::string>> rows;
  for (int i = 0; i < 20000; ++i)
    rows.emplace_back(Key(rng() % 5000), std::string(rng() % 40, 'v') + std::to_string(i));
  rows.emplace_back("", "empty key");
  std::vector<std::pair<std::string, std::string>> expected = rows;
  std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t budget : {size_t{64} << 20, size_t{16} << 10}) {
    TempDir dir;
    RowSorter sorter(Options(dir.path(), budget));
    for (const auto& [k, v] : rows) sorter.Add(k, v);
    std::vector<std::pair<std::string, std::string>> out;
    ASSERT_TRUE(sorter.Merge([&](std::string_view k, std::string_view v) {
                        out.emplace_back(k, v);
                        return Status::Ok();
                      }).ok());
    EXPECT_EQ(out, expected) << budget;
    if (budget == size_t{16} << 10) {
      EXPECT_GT(sorter.runs_spilled(), 64u);
    }
    EXPECT_EQ(FilesIn(dir.path()), 0u);
  }
}

// Claim records arrive in key order: their runs are read one after another.
// A row out of that order (a retraction's record, keyed beside its claim's)
// makes it a merge again; both give key order.
TEST(RowSorter, RowsInKeyOrderAndOneOutOfOrder) {
  for (bool one_out_of_order : {false, true}) {
    TempDir dir;
    RowSorter sorter(Options(dir.path(), 16 << 10));
    std::vector<std::string> expected;
    for (int i = 0; i < 5000; ++i) {
      char key[16];
      std::snprintf(key, sizeof key, "c%08d", 2 * i);
      sorter.Add(key, "record");
      expected.push_back(key);
    }
    if (one_out_of_order) {
      sorter.Add("c00000777", "retraction");
      expected.push_back("c00000777");
      std::sort(expected.begin(), expected.end());
    }
    std::vector<std::string> out;
    ASSERT_TRUE(sorter.Merge([&](std::string_view k, std::string_view) {
                        out.emplace_back(k);
                        return Status::Ok();
                      }).ok());
    EXPECT_GT(sorter.runs_spilled(), 10u);
    EXPECT_EQ(out, expected) << one_out_of_order;
    EXPECT_EQ(FilesIn(dir.path()), 0u);
  }
}

TEST(RowSorter, AFailedMergeLeavesNoRunFiles) {
  TempDir dir;
  ExternalSortOptions o = Options(dir.path(), 16 << 10);
  o.TEST_fail_after = 10;
  RowSorter sorter(o);
  for (int i = 0; i < 5000; ++i) sorter.Add(Key(i * 7919 % 5000), "value");
  EXPECT_GT(FilesIn(dir.path()), 0u);
  EXPECT_EQ(sorter.Merge([](std::string_view, std::string_view) { return Status::Ok(); }).code(), StatusCode::kIOError);
  EXPECT_EQ(FilesIn(dir.path()), 0u);
}

}  // namespace
}  // namespace claimgraph::storage
