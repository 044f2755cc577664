#include "tests/fuzz/harnesses.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <unistd.h>

#include "engine/binder/binder.h"
#include "engine/ingest/pipeline.h"
#include "engine/io/jsonl.h"
#include "engine/io/nquads_parser.h"
#include "grammar/parser.h"
#include "tests/claimql/golden_util.h"

namespace claimgraph::fuzz {
namespace {

[[noreturn]] void Violated(const char* what) {
  std::fprintf(stderr, "invariant violated: %s\n", what);
  std::abort();
}

std::string_view AsText(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

std::string SourceDir() {
  const char* env = std::getenv("CLAIMGRAPH_SOURCE_DIR");
  return env ? env : CLAIMGRAPH_SOURCE_DIR;
}

// One fixture store per process, built on first use in a temporary
// directory that goes away with the process.
struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<storage::ClaimStore> store;
  std::unique_ptr<storage::ReadView> view;
  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("claimgraph-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    store = testing::BuildFixtureStore(dir.string());
    auto v = store->NewReadView();
    if (!v.ok()) Violated("cannot open a read view on the fixture store");
    view = std::move(v).value();
  }
  ~Fixture() {
    view.reset();
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

const storage::ReadView& FixtureView() {
  static Fixture fixture;
  return *fixture.view;
}

}  // namespace

int FuzzClaimQL(const uint8_t* data, size_t size) {
  std::string_view text = AsText(data, size);
  grammar::ParseResult parsed = grammar::Parse(text);
  if (!parsed.ok()) {
    for (const auto& d : parsed.diagnostics) {
      std::string shown = d.Format(text);
      if (shown.empty()) Violated("a diagnostic renders as nothing");
    }
    return 0;
  }
  for (const auto& statement : parsed.statements) {
    if (const auto* q = std::get_if<grammar::Query>(&statement.node)) {
      engine::Binder binder(FixtureView(), text);
      auto bound = binder.BindQuery(*q);
      if (!bound.ok() && bound.status().message().empty()) Violated("a bind error without a message");
    }
  }
  return 0;
}

int FuzzNQuads(const uint8_t* data, size_t size) {
  std::string_view text = AsText(data, size);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    io::ParseError error;
    auto quad = io::ParseNQuadsLine(line, &error);
    if (!quad && !error.message.empty() && error.column > line.size() + 1) Violated("error column past the line");
    if (!quad && !error.message.empty() && error.column == 0) Violated("a refused line without a column");
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return 0;
}

int FuzzJsonl(const uint8_t* data, size_t size) {
  Status s = io::CheckJsonlLine(AsText(data, size));
  if (!s.ok() && s.message().empty()) Violated("a rejected line without a reason");
  return 0;
}

int FuzzIngest(const uint8_t* data, size_t size) {
  static std::shared_ptr<const ingest::IngestPipeline> pipeline = [] {
    auto p = ingest::LoadIngestPipeline(SourceDir() + "/examples/schema.json", SourceDir() + "/examples/ingest/rules.json");
    if (!p.ok()) Violated("cannot load the example pipeline");
    return *p;
  }();
  std::string_view text = AsText(data, size);
  ingest::Extraction ex = pipeline->Extract(text);
  for (const auto& c : ex.claims) {
    if (c.span_begin > c.span_end || c.span_end > text.size()) Violated("a claim's span leaves the text");
    if (text.substr(c.span_begin, c.span_end - c.span_begin) != c.quote) Violated("a quote differs from its span");
    if (c.subject == c.object) Violated("a claim relates an entity to itself");
  }
  for (const auto& d : ex.cleaned.dropped)
    if (d.begin > d.end || d.end > text.size()) Violated("a dropped block leaves the text");
  return 0;
}

}  // namespace claimgraph::fuzz
