// RunScript: the order statements run in, where a script stops and how its
// error names the file's line and column — with a recording runner, and with
// the real engine's messages on the fixture store.
#include "codec/script/run_script.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::engine {
namespace {

using codec::RunScript;
using codec::RunScriptFile;
using codec::Script;
using codec::StatementRunner;

// Records the statements it is given; fails the ones that contain "FAIL".
struct Recorder {
  std::vector<std::string> ran;
  StatementRunner runner() {
    return [this](std::string_view statement) {
      ran.emplace_back(statement);
      size_t at = statement.find("FAIL");
      if (at == std::string_view::npos) return Status::Ok();
      return Status::InvalidArgument("line 1:" + std::to_string(at + 1) + ": it failed\n" +
                                     std::string(statement.substr(0, statement.find('\n'))) + "\n" +
                                     std::string(at, ' ') + "^^^^");
    };
  }
};

TEST(RunScript, RunsInOrderAndStopsAtTheFirstFailureNamingFileLineColumn) {
  Script script{"q.cql", "SHOW STATS;\n-- second\nSHOW SOURCES;\n\n  X FAIL;\nSHOW PREDICATES;\n"};
  Recorder r;
  std::ostringstream err;
  EXPECT_EQ(RunScript(script, r.runner(), err), 1);
  EXPECT_EQ(r.ran, (std::vector<std::string>{"SHOW STATS", "SHOW SOURCES", "X FAIL"}));
  EXPECT_EQ(err.str(), "q.cql:5:5: it failed\n  X FAIL;\n    ^^^^\n");
}

TEST(RunScript, ALastStatementWithoutSemicolonRunsAfterAWarning) {
  Script script{"<stdin>", "SHOW STATS;\nSHOW SOURCES\n"};
  Recorder r;
  std::ostringstream err;
  EXPECT_EQ(RunScript(script, r.runner(), err), 0);
  EXPECT_EQ(r.ran, (std::vector<std::string>{"SHOW STATS", "SHOW SOURCES"}));
  EXPECT_EQ(err.str(), "warning: the last statement has no closing ';'\n");
}

TEST(RunScript, AScriptOfNothingButCommentsSucceedsWithoutRunningAnything) {
  Recorder r;
  std::ostringstream err;
  EXPECT_EQ(RunScript({"q.cql", "-- nothing; here\n;;\n"}, r.runner(), err), 0);
  EXPECT_TRUE(r.ran.empty());
  EXPECT_EQ(err.str(), "");
}

TEST(RunScriptFile, AFileThatCannotBeReadIsAnErrorNamingIt) {
  Recorder r;
  std::ostringstream err;
  EXPECT_EQ(RunScriptFile("/nonexistent/q.cql", r.runner(), err), 1);
  EXPECT_EQ(err.str(), "error: cannot read /nonexistent/q.cql: No such file or directory\n");
  EXPECT_TRUE(r.ran.empty());
}

TEST(RunScriptFile, AByteOrderMarkIsNotAColumn) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::string path = dir.path() + "/bom.cql";
  std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF" << "FAIL;\n";
  Recorder r;
  std::ostringstream err;
  EXPECT_EQ(RunScriptFile(path, r.runner(), err), 1);
  EXPECT_EQ(r.ran, (std::vector<std::string>{"FAIL"}));
  EXPECT_EQ(err.str().substr(0, err.str().find('\n')), path + ":1:1: it failed");
}

// The engine's own diagnostics — a syntax error and a binder error with its
// suggestion — come out at the script's line and column with the caret redrawn.
TEST(RunScript, TheEnginesErrorsAreLocatedInTheScript) {
  testing::TempDir dir;
  auto store = testing::BuildFixtureStore(dir.path());
  Engine engine(store.get());
  std::ostringstream out;
  auto run = [&](std::string_view statement) {
    auto result = engine.Execute(statement, ExecuteOptions{});
    if (!result.ok()) return result.status();
    out << result->rows.size() << " rows\n";
    return Status::Ok();
  };
  std::ostringstream err;
  Script script{"q.cql", "MATCH ?a pact ?b RETURN ?a;\nSHOW STATS; MATCH ?a\n  pactt ?b RETURN ?a;\n"};
  EXPECT_EQ(RunScript(script, run, err), 1);
  // The first two ran (the fixture has six pacts; SHOW STATS is one row per figure).
  std::string printed = out.str();
  EXPECT_EQ(printed.substr(0, 7), "6 rows\n");
  EXPECT_EQ(std::count(printed.begin(), printed.end(), '\n'), 2) << printed;
  EXPECT_EQ(err.str(),
            "q.cql:3:3: unknown predicate 'pactt'; did you mean 'pact'?\n"
            "  pactt ?b RETURN ?a;\n"
            "  ^^^^^\n");
  std::ostringstream err2;
  EXPECT_EQ(RunScript({"q.cql", "SHOW STATS; MATCH ?a pact RETURN ?a;"}, run, err2), 1);
  EXPECT_EQ(err2.str(),
            "q.cql:1:27: unexpected 'RETURN'; expected one of \"string\", '-', ?variable, integer, number\n"
            "SHOW STATS; MATCH ?a pact RETURN ?a;\n"
            "                          ^^^^^^\n");
}

}  // namespace
}  // namespace claimgraph::engine
