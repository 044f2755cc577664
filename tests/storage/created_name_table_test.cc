// The table of entities a transaction created by name answers what a map
// would: each normalized name's id, each id's names (a name stored once when
// it is its own normal form, twice when not), the entities in the order
// added, across the slots' growth and the arena's blocks (a name longer than
// a block included), and nothing for what was never added.
#include "storage/created_name_table.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace claimgraph::storage {
namespace {

std::string NormOf(int i) { return "entity " + std::to_string(i); }
// Every third name differs from its normal form (here: by case).
std::string NameOf(int i) { return i % 3 == 0 ? "Entity " + std::to_string(i) : NormOf(i); }

TEST(CreatedNameTable, FindsEveryNameAndIdAsAMapWould) {
  CreatedNameTable table;
  std::map<std::string, EntityId> by_norm;
  const int n = 200000;  // past many doublings of the slots and a few arena blocks
  const std::string long_name(3 << 20, 'x');  // longer than a block
  for (int i = 0; i < n; ++i) {
    const EntityId id = 10 + 2 * static_cast<EntityId>(i);  // increasing, not contiguous
    if (i == n / 2) {
      table.Add(long_name, long_name, id);
      by_norm[long_name] = id;
      continue;
    }
    table.Add(NormOf(i), NameOf(i), id);
    by_norm[NormOf(i)] = id;
  }
  ASSERT_EQ(table.size(), static_cast<size_t>(n));
  for (const auto& [norm, id] : by_norm) {
    ASSERT_EQ(table.Find(norm), std::optional<EntityId>(id)) << norm.substr(0, 20);
    auto created = table.FindId(id);
    ASSERT_TRUE(created.has_value());
    EXPECT_EQ(created->norm, norm);
  }
  for (int i = 0; i < n; ++i) {
    const CreatedNameTable::Created c = table.At(i);
    EXPECT_EQ(c.id, 10 + 2 * static_cast<EntityId>(i));
    if (i == n / 2) {
      EXPECT_EQ(c.name, long_name);
      continue;
    }
    EXPECT_EQ(c.norm, NormOf(i));
    EXPECT_EQ(c.name, NameOf(i));
  }
  EXPECT_FALSE(table.Find("entity -1").has_value());
  EXPECT_FALSE(table.Find("").has_value());
  EXPECT_FALSE(table.FindId(11).has_value());   // between two ids
  EXPECT_FALSE(table.FindId(9).has_value());    // below the first
  EXPECT_FALSE(table.FindId(10 + 2 * n).has_value());  // past the last

  table.Clear();
  EXPECT_EQ(table.size(), 0u);
  EXPECT_FALSE(table.Find(NormOf(1)).has_value());
  EXPECT_FALSE(table.FindId(10).has_value());
  table.Add("again", "Again", 5);  // usable after Clear
  EXPECT_EQ(table.Find("again"), std::optional<EntityId>(5));
  EXPECT_EQ(table.FindId(5)->name, "Again");
}

}  // namespace
}  // namespace claimgraph::storage
