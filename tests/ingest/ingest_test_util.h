// Shared by the ingestion tests: the example pipeline and corpus files.
#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

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

inline std::string CorpusFile(const std::string& name) {
  return ReadFileOrDie(SourceDir() + "/examples/corpus/" + name + ".txt");
}

}  // namespace claimgraph::ingest::testing
