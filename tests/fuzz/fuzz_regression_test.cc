// Runs every fuzz harness over its seeds (the golden statements, the example
// files) and over every input a fuzzer ever crashed on
// (tests/fuzz/regressions/<target>/), in the normal and the sanitizer builds.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/claimql/golden_util.h"
#include "tests/fuzz/harnesses.h"

namespace claimgraph::fuzz {
namespace {

using Harness = int (*)(const uint8_t*, size_t);

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int Feed(Harness h, const std::string& input) {
  return h(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

// Inputs found by fuzzing (crashes, kept after the fix).
size_t RunRegressions(Harness h, const std::string& target) {
  auto dir = std::filesystem::path(testing::SourceDir()) / "tests/fuzz/regressions" / target;
  size_t n = 0;
  if (!std::filesystem::exists(dir)) return 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    EXPECT_EQ(Feed(h, Read(e.path())), 0) << e.path();
    ++n;
  }
  return n;
}

TEST(FuzzRegression, ClaimQLOverEveryGoldenStatement) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/tests/claimql")) {
    if (e.path().extension() != ".cql") continue;
    for (const auto& item : testing::SplitScript(Read(e.path()))) {
      if (item.is_comment) continue;
      EXPECT_EQ(Feed(FuzzClaimQL, item.text), 0);
      ++n;
    }
  }
  EXPECT_GT(n, 100u);
  RunRegressions(FuzzClaimQL, "claimql");
}

TEST(FuzzRegression, ImportersOverTheExampleFiles) {
  std::istringstream lines(Read(testing::SourceDir() + "/examples/claims.jsonl"));
  std::string line;
  while (std::getline(lines, line)) EXPECT_EQ(Feed(FuzzJsonl, line), 0);
  EXPECT_EQ(Feed(FuzzNQuads, Read(testing::SourceDir() + "/examples/five-eyes.nq")), 0);
  RunRegressions(FuzzJsonl, "jsonl");
  RunRegressions(FuzzNQuads, "nquads");
}

TEST(FuzzRegression, IngestOverTheCorpus) {
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/examples/corpus")) {
    if (e.path().extension() == ".txt") {
      EXPECT_EQ(Feed(FuzzIngest, Read(e.path())), 0);
    }
  }
  RunRegressions(FuzzIngest, "ingest");
}

}  // namespace
}  // namespace claimgraph::fuzz
