#include "tests/claimql/golden_util.h"

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "codec/format/result_format.h"
#include "engine/io/import.h"
#include "engine/io/snapshot_export.h"
#include "engine/io/schema.h"
#include "base/timestamp.h"

namespace claimgraph::testing {

std::string SourceDir() { return CLAIMGRAPH_SOURCE_DIR; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::unique_ptr<storage::ClaimStore> BuildFixtureStore(const std::string& dir) {
  auto store = std::move(storage::ClaimStore::Open(dir, {})).value();
  engine::Engine engine(store.get());
  auto schema = io::ParseSchemaJson(ReadFile(SourceDir() + "/examples/schema.json"));
  if (!schema.ok() || !io::ApplySchema(engine, *schema, "fixture").ok()) std::abort();
  std::ifstream in(SourceDir() + "/tests/claimql/fixture.jsonl");
  io::ImportOptions o;
  o.principal = "fixture";
  auto r = io::ImportJsonl(engine, {{"fixture.jsonl", &in}}, o);
  if (!r.ok() || !r->committed) std::abort();
  return store;
}

std::vector<ScriptItem> SplitScript(const std::string& script) {
  std::vector<ScriptItem> out;
  std::istringstream in(script);
  std::string line, current;
  while (std::getline(in, line)) {
    std::string trimmed = line;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t' || trimmed.back() == '\r'))
      trimmed.pop_back();
    if (current.empty() && (trimmed.empty() || trimmed.rfind("--", 0) == 0)) {
      if (!trimmed.empty()) out.push_back({true, trimmed});
      continue;
    }
    current += (current.empty() ? "" : "\n") + line;
    if (!trimmed.empty() && trimmed.back() == ';' && trimmed.rfind("--", 0) != 0) {
      while (!current.empty() && (current.back() == ';' || std::isspace(static_cast<unsigned char>(current.back()))))
        current.pop_back();
      out.push_back({false, current});
      current.clear();
    }
  }
  if (!current.empty()) out.push_back({false, current});
  return out;
}

std::vector<std::vector<std::string>> CellsOf(const engine::QueryResult& result) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : result.rows) {
    out.emplace_back();
    for (const auto& v : row) out.back().push_back(v.ToString());
  }
  return out;
}

std::string RunAndRender(engine::Engine* engine, const std::string& statement) {
  engine::ExecuteOptions options;
  options.principal = "golden";
  auto result = engine->Execute(statement, options);
  std::string out;
  if (!result.ok()) {
    out = "error: " + std::string(StatusCodeName(result.status().code())) + ": " + result.status().message() + "\n";
  } else {
    for (const auto& w : result->warnings) out += "warning: " + w + "\n";
    if (!result->columns.empty() && !(result->rows.empty() && !result->message.empty()))
      out += codec::FormatTable(result->columns, result->rows, result->provenance, {0, result->with_provenance});
    if (!result->message.empty()) out += "-- " + result->message + "\n";
  }
  // Mask commit times (they are "now"); fixture times are fixed and stay.
  static const std::regex kTimestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)");
  const int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  std::string masked;
  auto begin = std::sregex_iterator(out.begin(), out.end(), kTimestamp);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    masked += out.substr(last, it->position() - last);
    auto t = base::ParseTimestamp(it->str());
    bool recent = t.ok() && std::llabs(*t - now) < int64_t(86400) * 1000000;
    // Same width as the timestamp, so that tables stay aligned.
    masked += recent ? "<now>" + std::string(it->length() - 5, ' ') : it->str();
    last = it->position() + it->length();
  }
  masked += out.substr(last);
  return masked;
}

}  // namespace claimgraph::testing
