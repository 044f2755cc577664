// The duplicate rule's table in bounded memory answers what the unbounded
// table answers: the newest value put under a key, whether the key was put
// before or after any number of spills, and nothing for a key never put.
#include "storage/spilling_identity_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>

#include "tests/storage/store_fixture.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::storage {
namespace {

using testing::TempDir;
using testing::ValueOrDie;

struct Key {
  uint64_t a, b;
  uint8_t c;
  bool operator==(const Key&) const = default;
};
// A poor hash on purpose: many keys share one, so rows of one hash span the
// runs' 64-row blocks.
struct CoarseHash {
  size_t operator()(const Key& k) const { return (k.a % 97) * 0x9E3779B97F4A7C15ull; }
};
struct GoodHash {
  size_t operator()(const Key& k) const { return (k.a * 0x9E3779B97F4A7C15ull) ^ (k.b * 0xBF58476D1CE4E5B9ull) ^ k.c; }
};

template <typename Hash>
void AgreesWithAMap(size_t memory_bytes, size_t* runs) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  SpillingIdentityTable<Key, uint64_t, Hash> table;
  table.Bound(dir.path(), memory_bytes);
  std::map<std::pair<uint64_t, uint64_t>, uint64_t> want;
  std::mt19937_64 rng(7);
  for (uint64_t value = 1; value <= 20000; ++value) {
    const Key k{rng() % 3000, rng() % 3, 1};  // about 2 in 3 keys come again, most of them after spills
    ASSERT_OK(table.Put(k, value));
    want[{k.a, k.b}] = value;
    if (value % 7 == 0) {  // look up a key put earlier, and one never put
      const Key old{rng() % 3000, rng() % 3, 1};
      auto it = want.find({old.a, old.b});
      auto got = ValueOrDie(table.Find(old));
      ASSERT_EQ(got.has_value(), it != want.end());
      if (got) {
        ASSERT_EQ(*got, it->second);
      }
      ASSERT_FALSE(ValueOrDie(table.Find(Key{old.a, old.b, 2})).has_value());
    }
  }
  for (const auto& [ab, value] : want) {
    auto got = ValueOrDie(table.Find(Key{ab.first, ab.second, 1}));
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, value);
  }
  *runs = table.runs();
  table.Clear();
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
  EXPECT_FALSE(ValueOrDie(table.Find(Key{1, 1, 1})).has_value());
}

TEST(SpillingIdentityTable, ATinyBoundFindsTheNewestValueOfEveryKeyAcrossRuns) {
  size_t runs = 0;
  AgreesWithAMap<GoodHash>(1, &runs);  // 64 keys a run
  EXPECT_GT(runs, 100u);
  AgreesWithAMap<CoarseHash>(1, &runs);
  AgreesWithAMap<GoodHash>(size_t{1} << 30, &runs);  // everything held
  EXPECT_EQ(runs, 0u);
}

TEST(SpillingIdentityTable, UnboundedItNeverSpills) {
  SpillingIdentityTable<Key, uint64_t, GoodHash> table;
  for (uint64_t i = 0; i < 5000; ++i) ASSERT_OK(table.Put(Key{i, 0, 0}, i));
  EXPECT_EQ(table.runs(), 0u);
  EXPECT_EQ(*ValueOrDie(table.Find(Key{4999, 0, 0})), 4999u);
}

TEST(SpillingIdentityTable, ASpillThatCannotWriteIsAnError) {
  SpillingIdentityTable<Key, uint64_t, GoodHash> table;
  table.Bound("/nonexistent-claimgraph-dir", 1);
  Status s;
  for (uint64_t i = 0; i < 100 && s.ok(); ++i) s = table.Put(Key{i, 0, 0}, i);
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(table.Put(Key{1000, 0, 0}, 1).ok());  // and stays one
}

}  // namespace
}  // namespace claimgraph::storage
