// The input of one scale_bench size (issue 19, item 4): the synthetic graph
// of load_bench and query_bench at N claims, streamed to an N-Quads file for
// `claimgraphd import`, SQLite's load of the same claims timed beside it, and
// the shapes to time on the imported store.
//
//   scale_data --claims N --dir DIR [--no-sqlite]
//
// Writes DIR/claims.nq and DIR/shapes.cql (one ClaimQL statement per line:
// the side-by-side shapes, in their order), and prints on stdout
//   scale_data claims=N nquads_bytes=B sqlite_load_s=S
// (S is 0 with --no-sqlite). The generator holds the graph (~30 bytes a
// claim); the file is written as it goes, so the text never is.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "tools/bench/bench_util.h"
#include "tools/bench/side_by_side_shapes.h"
#include "tools/bench/sqlite_load.h"
#include "tools/bench/synthetic_graph.h"

namespace cg = claimgraph;

namespace {

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "scale_data: %s\nusage: scale_data --claims N --dir DIR [--no-sqlite]\n", what.c_str());
  std::exit(1);
}

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

uint64_t WriteNQuads(const cg::bench::SyntheticGraph& g, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) Die("cannot write " + path);
  std::string chunk;
  uint64_t bytes = 0, done = 0;
  for (const auto& c : g.claims) {
    cg::bench::AppendNQuad(g, c, &chunk);
    if (++done % 5000000 == 0)
      std::fprintf(stderr, "[scale_data] N-Quads: %llu of %zu claims\n", (unsigned long long)done, g.claims.size());
    if (chunk.size() < (1 << 20) && done < g.claims.size()) continue;
    if (std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size()) Die("cannot write " + path);
    bytes += chunk.size();
    chunk.clear();
  }
  if (std::fclose(f) != 0) Die("cannot write " + path);
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t n = 0;
  std::string dir;
  bool sqlite = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--claims" && i + 1 < argc) n = std::stoull(argv[++i]);
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--no-sqlite") sqlite = false;
    else Die("unknown argument " + a);
  }
  if (dir.empty() || n == 0) Die("--claims and --dir are required");
  // The last shape reads doc-17 (sources = claims / 100).
  if (n < 1800) Die("--claims must be at least 1800 (the shapes read doc-17)");
  std::filesystem::create_directories(dir);
  const auto t0 = cg::bench::Clock::now();
  std::fprintf(stderr, "[scale_data] generating %llu claims...\n", (unsigned long long)n);
  const auto g = cg::bench::MakeSyntheticGraph(n);
  const uint64_t bytes = WriteNQuads(g, dir + "/claims.nq");
  {
    std::ofstream shapes(dir + "/shapes.cql");
    // The import names entities and sources by their IRIs (AppendNQuad).
    for (const auto& s : cg::bench::SideBySideShapes())
      shapes << Replaced(Replaced(s.claimql, "\"entity-", "\"urn:e:entity-"), "\"doc-", "\"urn:s:doc-") << ";\n";
    if (!shapes.flush()) Die("cannot write " + dir + "/shapes.cql");
  }
  double sqlite_s = 0;
  if (sqlite) {
    std::fprintf(stderr, "[scale_data] SQLite load of the same claims...\n");
    std::filesystem::remove_all(dir + "/sqlite");
    sqlite_s = cg::bench::SqliteLoad(g, dir + "/sqlite");
    std::filesystem::remove_all(dir + "/sqlite");  // its size is not what this run compares
  }
  std::fprintf(stderr, "[scale_data] done in %.1f s\n", cg::bench::Seconds(t0));
  std::printf("scale_data claims=%llu nquads_bytes=%llu sqlite_load_s=%.3f\n", (unsigned long long)n,
              (unsigned long long)bytes, sqlite_s);
  return 0;
}
