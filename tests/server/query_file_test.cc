// Files of statements through the real binaries: `claimgraph query -f` against
// a served store and `claimgraphd query --data DIR -f` on a copy of it built
// from the same files. Every path must agree — the same output, the same
// FILE:LINE:COLUMN error, the same exit code — and the console must split
// statements where a file is split.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

class QueryFile : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    scratch_ = new TempDir();
    std::filesystem::create_directories(scratch_->path());
    // The offline store: the same files the harness imports for the server.
    std::string src = CLAIMGRAPH_SOURCE_DIR;
    offline_data_ = scratch_->path() + "/offline";
    RunCommand({Claimgraphd(), "import", "--data", offline_data_, "--schema", src + "/examples/schema.json",
                src + "/examples/claims.jsonl", src + "/examples/five-eyes.nq"});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }
  static std::string Claimgraph() { return BinaryDir() + "/tools/claimgraph/claimgraph"; }
  static std::string Claimgraphd() { return BinaryDir() + "/server/claimgraphd"; }

  static std::string WriteFile(const std::string& name, const std::string& text) {
    std::string path = scratch_->path() + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  // `claimgraph [ARGS...]` against the server, as a reader.
  static Ran Cli(std::vector<std::string> args, const std::string& stdin_path = "") {
    std::vector<std::string> argv{Claimgraph(), "--server", server_->address(), "--token", kReader};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunCaptured(argv, scratch_->path(), stdin_path);
  }
  // `claimgraphd query --data OFFLINE [ARGS...]`.
  static Ran Offline(std::vector<std::string> args, const std::string& stdin_path = "") {
    std::vector<std::string> argv{Claimgraphd(), "query", "--data", offline_data_};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunCaptured(argv, scratch_->path(), stdin_path);
  }

  static ServerProcess* server_;
  static TempDir* scratch_;
  static std::string offline_data_;
};
ServerProcess* QueryFile::server_ = nullptr;
TempDir* QueryFile::scratch_ = nullptr;
std::string QueryFile::offline_data_;

void ExpectSame(const Ran& cli, const Ran& offline) {
  EXPECT_EQ(cli.code, offline.code);
  EXPECT_EQ(cli.out, offline.out);
  EXPECT_EQ(cli.err, offline.err);
}

TEST_F(QueryFile, TheFirstErrorIsNamedAtTheFilesLineAndColumnAndStopsTheFile) {
  std::string path = WriteFile("three.cql",
                               "-- a script of three statements; the third fails\n"
                               "MATCH ?a member-of \"Quad\" RETURN ?a;\n"
                               "SHOW PREDICATES; MATCH ?x member-of \"Five Eyes\"  -- \";\" here ends nothing\n"
                               "  RETURN ?x, ?nope;\n"
                               "SHOW SOURCES;\n");
  // The third statement starts at 3:18; its error is at its 2:14, the file's 4:14.
  const std::string expected_error = path +
                                     ":4:14: variable ?nope is not bound by any pattern\n"
                                     "  RETURN ?x, ?nope;\n"
                                     "             ^^^^^\n";
  for (const char* format : {"table", "json"}) {
    SCOPED_TRACE(format);
    Ran cli = Cli({"query", "--format", format, "-f", path});
    Ran offline = Offline({"--format", format, "-f", path});
    EXPECT_EQ(cli.code, 1);
    EXPECT_EQ(cli.err, expected_error);
    // The first two statements' results were printed; the fourth never ran.
    EXPECT_NE(cli.out.find("Australia"), std::string::npos) << cli.out;
    EXPECT_NE(cli.out.find("shares-intel"), std::string::npos) << cli.out;
    EXPECT_EQ(cli.out.find("Nikkei"), std::string::npos) << cli.out;
    ExpectSame(cli, offline);
  }
  // A statement later on a line: its first line's columns are offset by where it starts.
  std::string second = WriteFile("offset.cql", "SHOW STATS;\n-- x\n\n\tSHOW SOURCES; MATCH ?a pactt ?b RETURN ?a;\n");
  Ran cli = Cli({"query", "-f", second});
  EXPECT_EQ(cli.code, 1);
  EXPECT_EQ(cli.err, second +
                         ":4:25: unknown predicate 'pactt'; did you mean 'pact'?\n"
                         "\tSHOW SOURCES; MATCH ?a pactt ?b RETURN ?a;\n"
                         "\t                       ^^^^^\n");
  EXPECT_NE(cli.out.find("Nikkei"), std::string::npos) << cli.out;
  ExpectSame(cli, Offline({"-f", second}));
}

TEST_F(QueryFile, StandardInputIsDashOrDashFDash) {
  std::string path = WriteFile("stdin.cql",
                               "MATCH ?a member-of \"Quad\" RETURN ?a;\r\n"
                               "SHOW SOURCES;\r\n"
                               "MATCH ?a pact \"a;b\"\r\n"
                               "  RETURN ?a ?b;\r\n");
  const std::string expected_error =
      "<stdin>:4:13: unexpected '?b'; expected one of ';', end of input\n"
      "  RETURN ?a ?b;\n"
      "            ^^\n";
  for (const std::vector<std::string>& form : {std::vector<std::string>{"-"}, std::vector<std::string>{"-f", "-"}}) {
    SCOPED_TRACE(form.size());
    std::vector<std::string> args{"query", "--format", "csv"};
    args.insert(args.end(), form.begin(), form.end());
    Ran cli = Cli(args, path);
    EXPECT_EQ(cli.code, 1);
    EXPECT_EQ(cli.err, expected_error);
    EXPECT_EQ(cli.out.substr(0, 17), "?a\nUnited States\n") << cli.out;
    EXPECT_NE(cli.out.find("Nikkei"), std::string::npos) << cli.out;
    std::vector<std::string> offline_args{"--format", "csv"};
    offline_args.insert(offline_args.end(), form.begin(), form.end());
    ExpectSame(cli, Offline(offline_args, path));
  }
}

TEST_F(QueryFile, ALastStatementWithoutSemicolonRunsAfterAWarning) {
  std::string path = WriteFile("open.cql", "SHOW STATS;\nMATCH ?a member-of \"Quad\" RETURN ?a  -- no ';'\n");
  Ran cli = Cli({"query", "--format", "json", "-f", path});
  EXPECT_EQ(cli.code, 0);
  EXPECT_EQ(cli.err, "warning: the last statement has no closing ';'\n");
  EXPECT_NE(cli.out.find("{\"?a\":\"Australia\"}"), std::string::npos) << cli.out;
  ExpectSame(cli, Offline({"--format", "json", "-f", path}));
  // A file of nothing but comments runs nothing and succeeds.
  std::string empty = WriteFile("empty.cql", "-- nothing; to do\n;\n");
  Ran none = Cli({"query", "-f", empty});
  EXPECT_EQ(none.code, 0);
  EXPECT_EQ(none.out + none.err, "");
  ExpectSame(none, Offline({"-f", empty}));
}

// Linux refuses a single command-line argument over 128 KiB (MAX_ARG_STRLEN),
// so a statement this long can only come from a file. The engine refuses
// statements over 1 MiB, and says so at the statement's place in the file.
TEST_F(QueryFile, AStatementTooLongForTheCommandLineRunsFromAFile) {
  std::string literal(1000000, 'x');
  std::string statement = "MATCH ?a member-of \"Quad\" WHERE ?a != \"" + literal + "\" RETURN ?a";
  std::string path = WriteFile("big.cql", "SHOW STATS;\n" + statement + ";\n");
  Ran cli = Cli({"query", "--format", "csv", "-f", path});
  EXPECT_EQ(cli.code, 0) << cli.err.substr(0, 500);
  EXPECT_NE(cli.out.find("?a\nUnited States\nJapan\nIndia\nAustralia\n"), std::string::npos) << cli.out.substr(0, 500);
  ExpectSame(cli, Offline({"--format", "csv", "-f", path}));

  std::string too_big = WriteFile("too-big.cql", "SHOW STATS;\n  " + statement + literal + ";\n");
  Ran refused = Cli({"query", "-f", too_big});
  EXPECT_EQ(refused.code, 1);
  EXPECT_EQ(refused.err.substr(0, refused.err.find('\n')),
            too_big + ":2:3: query is " + std::to_string(statement.size() + literal.size()) +
                " bytes; the limit is 1048576");
  ExpectSame(refused, Offline({"-f", too_big}));
}

TEST_F(QueryFile, TheOneStatementFormAndUsageErrorsAreUnchanged) {
  Ran one = Cli({"query", "--format", "csv", "MATCH ?a member-of \"Quad\" RETURN ?a"});
  EXPECT_EQ(one.code, 0);
  EXPECT_EQ(one.out, "?a\nUnited States\nJapan\nIndia\nAustralia\n");
  Ran bad = Cli({"query", "MATCH ?a pactt ?b RETURN ?a"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err.substr(0, 45), "error: INVALID_ARGUMENT: line 1:10: unknown p");
  Ran missing = Cli({"query", "-f", scratch_->path() + "/no-such.cql"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_EQ(missing.err, "error: cannot read " + scratch_->path() + "/no-such.cql: No such file or directory\n");
  ExpectSame(missing, Offline({"-f", scratch_->path() + "/no-such.cql"}));
  EXPECT_NE(Cli({"query"}).code, 0);
  EXPECT_NE(Cli({"query", "SHOW STATS", "-f", "x.cql"}).code, 0);
}

// The offline tool's --max-rows is serve's: a larger answer is refused with
// the same words, and a smaller one is answered whole.
TEST_F(QueryFile, TheOfflineToolsMaxRowsRefusesALargerAnswer) {
  const std::string quad = "MATCH ?a member-of \"Quad\" RETURN ?a";
  Ran capped = Offline({"--max-rows", "3", quad});
  EXPECT_EQ(capped.code, 1);
  EXPECT_NE(capped.err.find("the result has more than max_rows = 3 rows; add LIMIT or raise the limit"),
            std::string::npos)
      << capped.err;
  Ran whole = Offline({"--max-rows", "4", "--format", "csv", quad});
  EXPECT_EQ(whole.code, 0) << whole.err;
  EXPECT_EQ(whole.out, "?a\nUnited States\nJapan\nIndia\nAustralia\n");
}

// The console splits where a file is split: two statements on a line run one
// by one, a ';' in a string or a comment ends nothing, and a scripted last
// statement without ';' runs after the file's warning.
TEST_F(QueryFile, TheConsoleSplitsStatementsAsAFileIs) {
  std::string path = WriteFile("console.cql",
                               "\\format csv\n"
                               "MATCH ?a member-of \"Quad\" WHERE ?a != \"x;y\" RETURN ?a; SHOW STATS; -- a;b\n"
                               "MATCH ?a member-of\n"
                               "  \"Five Eyes\" RETURN ?a\n");
  Ran shell =
      RunCaptured({Claimgraph(), "shell", "--server", server_->address(), "--token", kReader}, scratch_->path(), path);
  EXPECT_EQ(shell.code, 0) << shell.err;
  EXPECT_EQ(shell.err, "warning: the last statement has no closing ';'\n");
  EXPECT_NE(shell.out.find("?a\nUnited States\nJapan\nIndia\nAustralia\n"), std::string::npos) << shell.out;
  EXPECT_NE(shell.out.find("statistic,value\n"), std::string::npos) << shell.out;
  EXPECT_NE(shell.out.find("New Zealand"), std::string::npos) << shell.out;
}

// Statistics and verification are computed by the engine once and printed by
// one formatter (codec/format/store_reports.h): the client and the offline
// tool say the same of the same data. Only the bytes on disk may differ (the
// served store has been running).
TEST_F(QueryFile, StatsAndVerifyReadTheSameFromTheClientAndTheOfflineTool) {
  auto without_disk_bytes = [](const std::string& text) {
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line))
      if (line.rfind("disk bytes", 0) != 0) out += line + "\n";
    return out;
  };
  Ran cli = Cli({"stats"});
  Ran offline = RunCaptured({Claimgraphd(), "stats", "--data", offline_data_}, scratch_->path());
  ASSERT_EQ(cli.code, 0) << cli.err;
  ASSERT_EQ(offline.code, 0) << offline.err;
  EXPECT_NE(cli.out.find("\n  pact "), std::string::npos) << cli.out;  // a count per predicate
  EXPECT_NE(cli.out.find("disk bytes"), std::string::npos) << cli.out;
  EXPECT_EQ(without_disk_bytes(cli.out), without_disk_bytes(offline.out));

  std::vector<std::string> admin{Claimgraph(), "--server", server_->address(), "--token", kAdmin,
                                 "audit", "verify", "--indexes"};
  Ran online_verify = RunCaptured(admin, scratch_->path());
  Ran offline_verify = RunCaptured({Claimgraphd(), "verify", "--indexes", "--data", offline_data_}, scratch_->path());
  EXPECT_EQ(online_verify.code, 0) << online_verify.out << online_verify.err;
  EXPECT_EQ(offline_verify.code, 0) << offline_verify.out << offline_verify.err;
  EXPECT_NE(online_verify.out.find("indexes ok: spo, osp, sp_postings, po_postings and by_source match all "), std::string::npos)
      << online_verify.out;
  EXPECT_EQ(online_verify.out, offline_verify.out);
}

}  // namespace
}  // namespace claimgraph::testing
