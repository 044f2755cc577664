// Shared by the ingestion tests: the example pipeline and corpus files.
#pragma once

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/modality.h"
#include "engine/ingest/pipeline.h"

namespace claimgraph::ingest::testing {

inline std::string SourceDir() {
  const char* env = std::getenv("CLAIMGRAPH_SOURCE_DIR");
  return env ? env : CLAIMGRAPH_SOURCE_DIR;
}

inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::shared_ptr<const IngestPipeline> ExamplePipeline() {
  static auto pipeline = [] {
    auto p = LoadIngestPipeline(SourceDir() + "/examples/schema.json", SourceDir() + "/examples/ingest/rules.json");
    if (!p.ok()) throw std::runtime_error(p.status().ToString());
    return *p;
  }();
  return pipeline;
}

// The generated gazetteer (377 entities) with the example rules: what the
// construction suite and the tests of the world's names run on.
inline std::shared_ptr<const IngestPipeline> GazetteerPipeline() {
  static auto pipeline = [] {
    auto p = LoadIngestPipeline(SourceDir() + "/examples/gazetteer.json", SourceDir() + "/examples/ingest/rules.json");
    if (!p.ok()) throw std::runtime_error(p.status().ToString());
    return *p;
  }();
  return pipeline;
}

// What `pipeline` extracts from `text`, one sorted line per claim:
// "subject predicate object modality", and " from..to" when the claim has a
// time and `with_time`.
inline std::vector<std::string> ClaimLines(const IngestPipeline& pipeline, const std::string& text, bool with_time) {
  std::vector<std::string> out;
  for (const auto& c : pipeline.Extract(text).claims) {
    std::string line = c.subject + " " + c.predicate + " " + c.object + " " + base::ModalityName(c.modality);
    if (with_time && !c.time.text.empty()) line += " " + c.time.from + ".." + c.time.to;
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string CorpusFile(const std::string& name) {
  return ReadFileOrDie(SourceDir() + "/examples/corpus/" + name + ".txt");
}

}  // namespace claimgraph::ingest::testing
