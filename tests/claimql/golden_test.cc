// Golden files: tests/claimql/*.cql hold statements; *.out what a user sees
// for each (table, message, or error text with its caret). Each file runs on
// a fresh fixture store. CLAIMGRAPH_UPDATE_GOLDEN=1 rewrites the .out files —
// review the diff before committing it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "grammar/parser.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::testing {
namespace {

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/tests/claimql"))
    if (e.path().extension() == ".cql") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Render(const std::string& name) {
  TempDir dir;
  auto store = BuildFixtureStore(dir.path());
  engine::Engine engine(store.get());
  std::string out;
  for (const auto& item : SplitScript(ReadFile(SourceDir() + "/tests/claimql/" + name + ".cql"))) {
    if (item.is_comment) {
      out += item.text + "\n";
      continue;
    }
    out += "> " + item.text + ";\n" + RunAndRender(&engine, item.text) + "\n";
  }
  return out;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, OutputMatches) {
  const std::string name = GetParam();
  const std::string expected_path = SourceDir() + "/tests/claimql/" + name + ".out";
  std::string actual = Render(name);
  if (std::getenv("CLAIMGRAPH_UPDATE_GOLDEN")) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << expected_path;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << "no " << expected_path;
  EXPECT_EQ(actual, ReadFile(expected_path)) << "golden " << name << " differs";
}

// Every statement again, each run through a warm parse cache: first a twin of
// the same shape (its string literals' characters replaced) is parsed into
// the engine's cache, so the statement itself reuses that tree with its own
// text. What the user sees must not change, error carets included.
std::string RenderThroughWarmCache(const std::string& name) {
  TempDir dir;
  auto store = BuildFixtureStore(dir.path());
  engine::Engine engine(store.get());
  grammar::ParseCache* cache = engine.parse_cache();
  std::string out;
  for (const auto& item : SplitScript(ReadFile(SourceDir() + "/tests/claimql/" + name + ".cql"))) {
    if (item.is_comment) {
      out += item.text + "\n";
      continue;
    }
    std::string twin;
    bool reused = false;
    if (grammar::ParseCache::ShapeOf(item.text, &twin)) {
      std::replace(twin.begin(), twin.end(), '\x01', 'q');
      reused = grammar::Parse(twin, {}, cache).ok();
    }
    const uint64_t hits = cache->counters().hits;
    out += "> " + item.text + ";\n" + RunAndRender(&engine, item.text) + "\n";
    if (reused) {
      EXPECT_EQ(cache->counters().hits, hits + 1) << "no cache hit for: " << item.text;
    }
  }
  return out;
}

class GoldenWarmCache : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenWarmCache, OutputMatches) {
  const std::string name = GetParam();
  const std::string expected_path = SourceDir() + "/tests/claimql/" + name + ".out";
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << "no " << expected_path;
  EXPECT_EQ(RenderThroughWarmCache(name), ReadFile(expected_path)) << "golden " << name << " differs";
}

INSTANTIATE_TEST_SUITE_P(ClaimQL, GoldenWarmCache, ::testing::ValuesIn(GoldenFiles()),
                         [](const auto& info) { return info.param; });

INSTANTIATE_TEST_SUITE_P(ClaimQL, Golden, ::testing::ValuesIn(GoldenFiles()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace claimgraph::testing
