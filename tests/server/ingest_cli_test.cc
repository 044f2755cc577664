// `ingest --explain` in both tools, and a bad rules file refused before
// anything is written, offline and by the server.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

const char kArticle[] =
    "Officials met. In 2007, an intelligence exchange agreement between Japan and Australia was signed.\n";

// What both tools print for the shares-intel claim of kArticle.
void ExpectExplained(const std::string& out) {
  EXPECT_NE(out.find("Japan shares-intel Australia"), std::string::npos) << out;
  EXPECT_NE(out.find("      time \"In 2007\": from 2007 to 2007 (the claim's valid time)\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("      rule shares-intel.between, cue \"intelligence exchange\" (method "
                     "rules:19/shares-intel.between:intelligence exchange)\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("      clause @15..98 \"In 2007, an intelligence exchange agreement between Japan and Australia "
                     "was signed.\"\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("      arguments: the list after \"between\" \"Japan and Australia\", pairwise\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("      modality: asserted: no proposal, denial, hedge or reported speech in reach\n"),
            std::string::npos)
      << out;
}

TEST(IngestCli, OfflineExplainPrintsRuleCueClauseAndArguments) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::string src = CLAIMGRAPH_SOURCE_DIR, article = dir.path() + "/article.txt";
  std::ofstream(article) << kArticle;
  Ran r = RunCaptured({BinaryDir() + "/server/claimgraphd", "ingest", "--data", dir.path() + "/data", "--schema",
                       src + "/examples/schema.json", "--rules", src + "/examples/ingest/rules.json", "--dry-run",
                       "--explain", article},
                      dir.path());
  EXPECT_EQ(r.code, 0) << r.err;
  ExpectExplained(r.out);
  // Without --explain: the time, not the rule.
  Ran plain = RunCaptured({BinaryDir() + "/server/claimgraphd", "ingest", "--data", dir.path() + "/data", "--schema",
                           src + "/examples/schema.json", "--rules", src + "/examples/ingest/rules.json", "--dry-run",
                           article},
                          dir.path());
  EXPECT_NE(plain.out.find("time \"In 2007\""), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find("rule "), std::string::npos) << plain.out;
}

TEST(IngestCli, ExplainOverRpc) {
  std::string src = CLAIMGRAPH_SOURCE_DIR;
  ServerProcess server({"--schema", src + "/examples/schema.json", "--rules", src + "/examples/ingest/rules.json"});
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::string article = dir.path() + "/article.txt";
  std::ofstream(article) << kArticle;
  Ran r = RunCaptured({BinaryDir() + "/tools/claimgraph/claimgraph", "ingest", "--dry-run", "--explain", "--publisher",
                       "P", "--published", "2024", article, "--server", server.address(), "--token", kReader},
                      dir.path());
  EXPECT_EQ(r.code, 0) << r.err;
  ExpectExplained(r.out);
}

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
