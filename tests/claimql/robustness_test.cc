// Every prefix of every golden statement (and a few mangled variants) goes
// through the whole engine: it must end in a diagnostic or a result — never a
// crash, a hang, or an exception.
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

TEST(Robustness, MangledInputIsADiagnostic) {
  TempDir dir;
  auto store = BuildFixtureStore(dir.path());
  engine::Engine engine(store.get());
  std::vector<std::string> inputs = {
      std::string(10000, '{'), std::string(10000, '('), "MATCH " + std::string(5000, '^') + "pact ?a RETURN ?a",
      "MATCH ?a pact ?b RETURN ?a LIMIT 99999999999999999999999999",
      "MATCH ?a pact{0,4294967295} ?b RETURN ?a", "MATCH ?a pact{4294967296} ?b RETURN ?a",
      "MATCH \"" + std::string(100000, 'x') + "\" pact ?b RETURN ?b", std::string("MATCH \0 ?a", 10),
      "MATCH ?a pact ?b RETURN ?a \xC3", "\xEF\xBB\xBFMATCH ?a pact ?b RETURN ?a", "",
      ";;;", "-- only a comment", "MATCH ?a pact ?b RETURN ?a;;", "EXPLAIN EXPLAIN MATCH ?a pact ?b RETURN ?a"};
  for (const auto& in : inputs) {
    auto r = engine.Execute(in, engine::ExecuteOptions{});
    if (!r.ok()) {
      EXPECT_FALSE(r.status().message().empty());
    }
  }
  auto deep = engine.Execute(std::string(10000, '('), engine::ExecuteOptions{});
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(deep.status().message().find("nesting deeper than"), std::string::npos) << deep.status().message();
}

}  // namespace
}  // namespace claimgraph::testing
