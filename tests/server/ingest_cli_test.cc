// A bad rules file is refused before anything is written, offline and by
// the server.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

const char kArticle[] =
    "Officials met. In 2007, an intelligence exchange agreement between Japan and Australia was signed.\n";

TEST(IngestCli, ABadRulesFileIsNamedWithItsPathAndNothingIsWritten) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::string src = CLAIMGRAPH_SOURCE_DIR;
  std::string rules = Slurp(src + "/examples/ingest/rules.json");
  // relations[2] is targets: rename its cues.
  size_t targets = rules.find("\"id\": \"targets\"");
  ASSERT_NE(targets, std::string::npos);
  size_t cues = rules.find("\"cues\"", targets);
  ASSERT_NE(cues, std::string::npos);
  rules.replace(cues, 6, "\"cuez\"");
  std::string bad = dir.path() + "/bad-rules.json", article = dir.path() + "/article.txt";
  std::ofstream(bad) << rules;
  std::ofstream(article) << kArticle;
  const std::string want = bad + ": relations[2].cuez: unknown key (did you mean \"cues\"?)";

  Ran offline = RunCaptured({BinaryDir() + "/server/claimgraphd", "ingest", "--data", dir.path() + "/data", "--schema",
                             src + "/examples/schema.json", "--rules", bad, article},
                            dir.path());
  EXPECT_EQ(offline.code, 1);
  EXPECT_NE(offline.err.find(want), std::string::npos) << offline.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/data"));

  Ran serve = RunCaptured({BinaryDir() + "/server/claimgraphd", "serve", "--data", dir.path() + "/served", "--listen",
                           "127.0.0.1:" + std::to_string(FreePort()), "--schema", src + "/examples/schema.json",
                           "--rules", bad},
                          dir.path());
  EXPECT_EQ(serve.code, 1);
  EXPECT_NE((serve.out + serve.err).find(want), std::string::npos) << serve.out << serve.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/served"));
}

}  // namespace
}  // namespace claimgraph::testing
