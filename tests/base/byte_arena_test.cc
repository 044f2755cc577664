// The arena hands out stable bytes: a text stored first may be empty (the
// default graph's, as the N-Quads numbering stores it), a long one gets its
// own block, and nothing moves as blocks are added.
#include "base/byte_arena.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace claimgraph::base {
namespace {

TEST(ByteArena, AnEmptyTextStoredFirstThenOthersStayWhereTheyWere) {
  ByteArena arena;
  const std::string_view empty = arena.Store("");
  EXPECT_TRUE(empty.empty());
  std::vector<std::string_view> views;
  for (int i = 0; i < 100000; ++i) views.push_back(arena.Store("name number " + std::to_string(i)));
  const std::string big(3 << 20, 'x');  // longer than a block
  const std::string_view long_view = arena.Store(big);
  for (int i = 0; i < 100000; ++i) ASSERT_EQ(views[i], "name number " + std::to_string(i));
  EXPECT_EQ(long_view, big);
  EXPECT_GE(arena.bytes(), (3u << 20) + (1u << 20));
  arena.Clear();
  EXPECT_TRUE(arena.Store("").empty()) << "empty again after Clear";
  EXPECT_EQ(arena.Store("again"), "again");
}

}  // namespace
}  // namespace claimgraph::base
