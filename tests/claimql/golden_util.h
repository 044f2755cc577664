// Shared by the golden, robustness and benchmark-style tests: a store built
// from examples/schema.json and tests/claimql/fixture.jsonl, and the
// statement splitter for .cql files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "storage/claim_store.h"

namespace claimgraph::testing {

std::string SourceDir();  // the repository root
std::string ReadFile(const std::string& path);

// Opens a fresh store in `dir` with the example schema and the fixture claims.
std::unique_ptr<storage::ClaimStore> BuildFixtureStore(const std::string& dir);

struct ScriptItem {
  bool is_comment = false;
  std::string text;  // a comment line, or one statement (without the final ';')
};
// Statements end with ';' at the end of a line; lines starting with "--"
// between statements are kept as comments.
std::vector<ScriptItem> SplitScript(const std::string& script);

// Runs one statement and renders what a user would see: the table, the
// message, warnings, or "error: ..." with the caret. Timestamps of "now" are
// masked so that outputs are stable.
std::string RunAndRender(engine::Engine* engine, const std::string& statement);

// A result's rows, each cell as a user sees it (Value::ToString).
std::vector<std::vector<std::string>> CellsOf(const engine::QueryResult& result);

}  // namespace claimgraph::testing
