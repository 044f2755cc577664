// Every prefix of every golden statement goes through the whole engine: it
// must end in a diagnostic or a result — never a crash, a hang, or an
// exception. Mangled statements must end in a diagnostic with its position
// and a caret; odd but well-formed ones must run.
#include <gtest/gtest.h>

#include <filesystem>

#include "grammar/parser.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::testing {
namespace {

TEST(Robustness, EveryPrefixOfEveryGoldenStatementIsHandled) {
  TempDir dir;
  auto store = BuildFixtureStore(dir.path());
  engine::Engine engine(store.get());
  engine::ExecuteOptions options;
  options.read_only = true;  // prefixes of writes must not pile up data
  options.deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  size_t statements = 0, prefixes = 0, errors = 0;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/tests/claimql")) {
    if (e.path().extension() != ".cql") continue;
    for (const auto& item : SplitScript(ReadFile(e.path().string()))) {
      if (item.is_comment) continue;
      ++statements;
      const std::string& s = item.text;
      for (size_t n = 0; n <= s.size(); ++n) {
        // Whole characters only: a cut UTF-8 sequence is its own (tested) error.
        if (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) continue;
        auto r = engine.Execute(s.substr(0, n), options);
        ++prefixes;
        if (!r.ok()) {
          ++errors;
          EXPECT_FALSE(r.status().message().empty()) << s.substr(0, n);
        }
      }
    }
  }
  EXPECT_GT(statements, 100u);
  EXPECT_GT(prefixes, 5000u);
  EXPECT_GT(errors, prefixes / 2);  // most prefixes are incomplete statements
}

// The caret line Diagnostic::Format ends with: its index of the first '^',
// or npos when the last line is not spaces and tabs then carets.
size_t CaretIndex(const std::string& message) {
  size_t nl = message.rfind('\n');
  if (nl == std::string::npos) return std::string::npos;
  std::string last = message.substr(nl + 1);
  size_t caret = last.find('^');
  if (caret == std::string::npos || last.find_first_not_of(" \t") != caret ||
      last.find_first_not_of('^', caret) != std::string::npos)
    return std::string::npos;
  return caret;
}

// Statements that are really broken: each must be refused, with the
// position and message below, the line and a caret under that column.
TEST(Robustness, MangledInputIsADiagnostic) {
  TempDir dir;
  auto store = BuildFixtureStore(dir.path());
  engine::Engine engine(store.get());
  struct Case {
    std::string text;
    uint32_t column;      // on line 1
    std::string message;  // after "line 1:<column>: "
  };
  const std::vector<Case> cases = {
      {std::string(10000, '{'), 129, "nesting deeper than 128 levels"},
      {std::string(10000, '('), 129, "nesting deeper than 128 levels"},
      {"MATCH " + std::string(5000, '^') + "pact ?a RETURN ?a", 7, "unexpected '^'; expected one of"},
      {"MATCH ?a pact ?b RETURN ?a LIMIT 99999999999999999999999999", 34,
       "integer 99999999999999999999999999 is too large"},
      {"MATCH ?a pact{0,4294967295} ?b RETURN ?a", 14, "path bound 4294967295 is too large"},
      {"MATCH ?a pact{4294967296} ?b RETURN ?a", 14, "path bound 4294967296 is too large"},
      {std::string("MATCH \0 ?a", 10), 7, "NUL byte in query text"},
      {"MATCH ?a pact ?b RETURN ?a \xC3", 28, "query text is not valid UTF-8"},
      {"EXPLAIN EXPLAIN MATCH ?a pact ?b RETURN ?a", 9, "unexpected 'EXPLAIN'; expected MATCH"},
      {"MATCH ?a pact ?b RETURN", 24, "unexpected end of input"},
      {"MATCH ?a pact \"Japan RETURN ?a", 15, "unterminated string"},
  };
  for (const auto& c : cases) {
    std::string shown = c.text.substr(0, 60);
    auto r = engine.Execute(c.text, engine::ExecuteOptions{});
    if (r.ok()) {
      ADD_FAILURE() << "mangled input accepted: " << shown;
      continue;
    }
    const std::string& m = r.status().message();
    std::string head = "line 1:" + std::to_string(c.column) + ": " + c.message;
    EXPECT_EQ(m.substr(0, head.size()), head) << shown;
    size_t caret = CaretIndex(m);
    EXPECT_NE(caret, std::string::npos) << "no caret line: " << m.substr(0, 300);
    // A line longer than the window Format shows is cut around the column.
    if (caret != std::string::npos && c.text.size() <= 120) {
      EXPECT_EQ(caret, c.column - 1) << m;
    }
  }
}

// Odd but well-formed: a huge literal, a byte order mark, stray semicolons
// after the statement. These run; they are not what the test above is about.
TEST(Robustness, OddButWellFormedInputRuns) {
  TempDir dir;
  auto store = BuildFixtureStore(dir.path());
  engine::Engine engine(store.get());
  for (const std::string& in :
       {"MATCH \"" + std::string(100000, 'x') + "\" pact ?b RETURN ?b",
        std::string("\xEF\xBB\xBFMATCH ?a pact ?b RETURN ?a"), std::string("MATCH ?a pact ?b RETURN ?a;;")}) {
    auto r = engine.Execute(in, engine::ExecuteOptions{});
    EXPECT_TRUE(r.ok()) << in.substr(0, 60) << ": " << r.status().message();
  }
}

// No statement at all: refused as such (there is no token to point at).
TEST(Robustness, InputWithoutAStatementIsRefused) {
  TempDir dir;
  auto store = BuildFixtureStore(dir.path());
  engine::Engine engine(store.get());
  for (const char* in : {"", ";;;", "-- only a comment", "  \n\t\n"}) {
    auto r = engine.Execute(in, engine::ExecuteOptions{});
    ASSERT_FALSE(r.ok()) << "'" << in << "' accepted";
    EXPECT_EQ(r.status().message(), "empty statement: nothing to run") << in;
  }
}

}  // namespace
}  // namespace claimgraph::testing
