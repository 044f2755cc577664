// The data of the side-by-side benchmark against the sqlite3 shell (issue 17,
// item 5; tools/bench/sqlite_side_by_side.sh runs it): one synthetic graph
// (the generator of load_bench and query_bench), written twice, and the
// shapes to ask of both.
//
//   side_by_side_data [--claims N] --dir DIR
//
// Writes
//   DIR/claimgraph   a claimgraph store (the bulk path, every claim with its
//                    full provenance record), flushed and closed, for
//                    `claimgraphd serve --data`;
//   DIR/claims.db    a SQLite file with the same claims in ONE table, as a
//                    user of the sqlite3 shell would keep them: names as text,
//                    the source's publisher and date beside each claim, and
//                    the four indexes spo, pos, osp and by source (ANALYZEd);
//   DIR/shapes.tsv   one line per shape: name, ClaimQL, SQL (tab-separated),
//                    the SQL giving the same answer (rows and values) as the
//                    ClaimQL on this data.
// Claim ids agree: the store numbers the bulk transaction's claims from 1 in
// the order given, and row i of the table is claim i, so answers that return
// claims can be compared value for value.
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "storage/claim_store.h"
#include "tools/bench/bench_util.h"
#include "tools/bench/side_by_side_shapes.h"
#include "tools/bench/synthetic_graph.h"

namespace cg = claimgraph;

namespace {

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "side_by_side_data: %s\n", what.c_str());
  std::exit(1);
}

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) Die(std::string("sqlite: ") + err);
}

// The publisher of source i, as LoadSynthetic writes it.
std::string Publisher(size_t source) { return "Publisher " + std::to_string(source % 50); }

void WriteSqlite(const cg::bench::SyntheticGraph& g, const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) Die("cannot open " + path);
  // Loading only: the file is read afterwards by another process.
  Exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
  Exec(db,
       "CREATE TABLE claims(id INTEGER PRIMARY KEY, subject TEXT, predicate TEXT, object TEXT, source TEXT,"
       "  title TEXT, publisher TEXT, published TEXT, span_begin INT, span_end INT, quote TEXT, confidence REAL,"
       "  method TEXT, modality TEXT)");
  Exec(db, "BEGIN");
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO claims VALUES(?,?,?,?,?,?,?,'2024-01-01',?,?,?,?,'rules:1','asserted')", -1,
                         &st, nullptr) != SQLITE_OK)
    Die("prepare insert");
  for (size_t i = 0; i < g.claims.size(); ++i) {
    const auto& c = g.claims[i];
    const std::string quote = g.Quote(c), title = "Title of " + g.sources[c.source], pub = Publisher(c.source);
    sqlite3_bind_int64(st, 1, int64_t(i + 1));
    sqlite3_bind_text(st, 2, g.entities[c.subject].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, g.predicates[c.predicate].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, g.entities[c.object].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, g.sources[c.source].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, pub.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 8, c.span_begin);
    sqlite3_bind_int64(st, 9, c.span_end);
    sqlite3_bind_text(st, 10, quote.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 11, c.confidence());
    if (sqlite3_step(st) != SQLITE_DONE) Die("insert");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  Exec(db, "COMMIT");
  // The three triple orders and claims by source, as in query_bench.
  Exec(db,
       "CREATE INDEX spo ON claims(subject, predicate, object); CREATE INDEX pos ON claims(predicate, object, subject);"
       "CREATE INDEX osp ON claims(object, subject, predicate); CREATE INDEX by_source ON claims(source); ANALYZE;");
  if (sqlite3_close(db) != SQLITE_OK) Die("close " + path);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t n = 1000000;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--claims" && i + 1 < argc) n = std::stoull(argv[++i]);
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else Die("unknown argument " + a + "\nusage: side_by_side_data [--claims N] --dir DIR");
  }
  if (dir.empty()) Die("--dir is required\nusage: side_by_side_data [--claims N] --dir DIR");
  // The synthetic graph needs doc-17 (sources = claims / 100) for the last shape.
  if (n < 1800) Die("--claims must be at least 1800 (the shapes read doc-17)");
  std::filesystem::create_directories(dir);
  for (const char* old : {"claimgraph", "claims.db", "shapes.tsv"}) std::filesystem::remove_all(dir + "/" + old);

  auto t0 = cg::bench::Clock::now();
  std::fprintf(stderr, "[data] generating %llu claims...\n", (unsigned long long)n);
  const auto g = cg::bench::MakeSyntheticGraph(n);
  std::fprintf(stderr, "[data] claimgraph store (bulk load)...\n");
  {
    auto store = cg::storage::ClaimStore::Open(dir + "/claimgraph", {});
    if (!store.ok()) Die("open store: " + store.status().ToString());
    cg::bench::LoadSynthetic(g, store->get());
    if (!(*store)->Flush().ok()) Die("flush");
  }
  std::fprintf(stderr, "[data] SQLite file, one table and four indexes...\n");
  WriteSqlite(g, dir + "/claims.db");
  std::ofstream shapes(dir + "/shapes.tsv");
  for (const auto& s : cg::bench::SideBySideShapes()) shapes << s.name << '\t' << s.claimql << '\t' << s.sql << '\n';
  if (!shapes.flush()) Die("cannot write " + dir + "/shapes.tsv");
  std::fprintf(stderr, "[data] done in %.1f s\n", cg::bench::Seconds(t0));
  return 0;
}
