// The names a bulk transaction created, in bounded memory, answer what the
// unbounded table answers: each name's id, each id's name (and its normal
// form), every name in id order, and nothing for a name or an id never
// added — whether it was added before or after any number of spills.
#include "storage/spilling_name_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>

#include "tests/storage/store_fixture.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::storage {
namespace {

using testing::TempDir;
using testing::ValueOrDie;

// A poor hash on purpose: every name shares its hash with ~40 others, so one
// hash's rows span the runs' 64-row blocks and only the name itself tells
// them apart.
uint64_t CoarseHash(std::string_view norm) { return (std::hash<std::string_view>()(norm) % 97) * 0x9E3779B97F4A7C15ull; }

struct Want {
  std::string norm, name;
};

// Adds `count` names (ids with gaps, as an import's interleave with entities
// made otherwise; every third name written otherwise than its normal form)
// and checks every answer against a map, during and after.
void AgreesWithAMap(SpillingNameTable& table, size_t count, size_t* runs) {
  std::map<EntityId, Want> by_id;
  std::map<std::string, EntityId> by_norm;
  std::mt19937_64 rng(11);
  EntityId id = 100;
  for (size_t i = 0; i < count; ++i) {
    id += 1 + rng() % 3;
    const std::string norm = "entity " + std::to_string(rng() % 1000000) + "-" + std::to_string(i);
    const std::string name = i % 3 == 0 ? "Entity " + norm.substr(7) : norm;
    ASSERT_OK(table.Add(norm, name, id));
    by_id[id] = {norm, name};
    by_norm[norm] = id;
    if (i % 5 == 0) {  // a name added earlier, one never added, an id earlier, one in a gap
      const auto& [old_id, old] = *std::next(by_id.begin(), static_cast<long>(rng() % by_id.size()));
      ASSERT_EQ(ValueOrDie(table.Find(old.norm)), std::optional<EntityId>(old_id)) << old.norm;
      ASSERT_FALSE(ValueOrDie(table.Find(old.norm + "x")).has_value());
      auto got = ValueOrDie(table.FindId(old_id));
      ASSERT_TRUE(got.has_value()) << old_id;
      EXPECT_EQ(got->norm, old.norm);
      EXPECT_EQ(got->name, old.name);
      if (!by_id.count(old_id + 1)) {
        ASSERT_FALSE(ValueOrDie(table.FindId(old_id + 1)).has_value());
      }
    }
  }
  ASSERT_EQ(table.size(), count);
  for (const auto& [norm, want_id] : by_norm) ASSERT_EQ(ValueOrDie(table.Find(norm)), std::optional<EntityId>(want_id));
  ASSERT_FALSE(ValueOrDie(table.FindId(1)).has_value());
  ASSERT_FALSE(ValueOrDie(table.FindId(id + 1)).has_value());
  auto next = by_id.begin();
  ASSERT_OK(table.ForEach([&](const SpillingNameTable::Created& c) {
    EXPECT_NE(next, by_id.end());
    if (next == by_id.end()) return Status::Internal("more names than were added");
    EXPECT_EQ(c.id, next->first);
    EXPECT_EQ(c.norm, next->second.norm);
    EXPECT_EQ(c.name, next->second.name);
    ++next;
    return Status::Ok();
  }));
  EXPECT_EQ(next, by_id.end()) << "ForEach gave every name";
  *runs = table.runs();
}

TEST(SpillingNameTable, ABoundedTableAnswersAsAnUnboundedOne) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  size_t runs = 0;
  {
    SpillingNameTable unbounded;
    AgreesWithAMap(unbounded, 20000, &runs);
    EXPECT_EQ(runs, 0u);
  }
  SpillingNameTable bounded;
  bounded.Bound(dir.path(), "entities", 32 << 10);
  AgreesWithAMap(bounded, 20000, &runs);
  EXPECT_GE(runs, 19u) << "the names were spilled many times";
}

TEST(SpillingNameTable, ItHoldsItsBoundAndAFewBytesASpilledName) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  SpillingNameTable unbounded, bounded;
  bounded.Bound(dir.path(), "entities", 4 << 20);
  for (EntityId id = 1; id <= 300000; ++id) {
    const std::string name = "a fairly ordinary entity name " + std::to_string(id);
    ASSERT_OK(unbounded.Add(name, name, id));
    ASSERT_OK(bounded.Add(name, name, id));
  }
  EXPECT_GT(unbounded.MemoryBytes(), 20u << 20);
  // The bound, plus the filter (2-4 bytes a name) and the sparse indexes.
  EXPECT_LT(bounded.MemoryBytes(), (4u << 20) + 300000 * 5) << bounded.MemoryBytes();
  EXPECT_GT(bounded.runs(), 3u);
  EXPECT_EQ(ValueOrDie(bounded.Find("a fairly ordinary entity name 17")), std::optional<EntityId>(17));
}

TEST(SpillingNameTable, NamesSharingAHashAreToldApartByTheName) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  SpillingNameTable table(CoarseHash);
  table.Bound(dir.path(), "entities", 16 << 10);
  size_t runs = 0;
  AgreesWithAMap(table, 8000, &runs);
  EXPECT_GE(runs, 7u);
}

TEST(SpillingNameTable, ClearAndTheDestructorRemoveTheFiles) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  auto files = [&] { return std::distance(std::filesystem::directory_iterator(dir.path()), {}); };
  {
    SpillingNameTable table;
    table.Bound(dir.path(), "sources", 1);
    for (EntityId id = 1; id <= 3000; ++id) ASSERT_OK(table.Add("s" + std::to_string(id), "s" + std::to_string(id), id));
    EXPECT_GT(table.runs(), 1u);
    EXPECT_EQ(files(), 2) << "one names file and one hashes file, however many spills";
    table.Clear();
    EXPECT_EQ(files(), 0);
    EXPECT_EQ(table.size(), 0u);
    EXPECT_FALSE(ValueOrDie(table.Find("s1")).has_value());
    for (EntityId id = 1; id <= 1000; ++id) ASSERT_OK(table.Add("t" + std::to_string(id), "t" + std::to_string(id), id));
    EXPECT_EQ(ValueOrDie(table.Find("t7")), std::optional<EntityId>(7));
    EXPECT_FALSE(ValueOrDie(table.Find("s7")).has_value()) << "nothing of before the Clear";
  }
  EXPECT_EQ(files(), 0);
}

TEST(SpillingNameTable, AFailedSpillIsAnErrorAndTheTableAnswersNothingAfter) {
  TempDir dir;  // never created: the spill cannot create its files
  SpillingNameTable table;
  table.Bound(dir.path() + "/missing", "entities", 1);
  Status failed;
  for (EntityId id = 1; id <= 3000 && failed.ok(); ++id) failed = table.Add("e" + std::to_string(id), "e", id);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.code(), StatusCode::kIOError);
  EXPECT_NE(failed.message().find("entities.names"), std::string::npos) << failed.message();
  EXPECT_FALSE(table.Find("e1").ok());
  EXPECT_FALSE(table.Add("f", "f", 9000).ok());
}

}  // namespace
}  // namespace claimgraph::storage
