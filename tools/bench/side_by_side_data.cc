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

struct Shape {
  std::string name, claimql, sql;
};

// The shapes of issue 17's table, on query_bench's entities and predicates:
// entity-0 is the biggest hub (Zipf), p0 the most common predicate.
std::vector<Shape> Shapes() {
  return {
      {"hub s p ?o, claims", "MATCH \"entity-0\" p0 ?o AS ?c RETURN ?c, ?o",
       "SELECT id, object FROM claims WHERE subject = 'entity-0' AND predicate = 'p0'"},
      {"?s p o, distinct", "MATCH ?s p0 \"entity-0\" RETURN DISTINCT ?s",
       "SELECT DISTINCT subject FROM claims WHERE predicate = 'p0' AND object = 'entity-0'"},
      // Fact patterns bind each (?x, ?y) once, however many claims back the two
      // facts; the SQL says DISTINCT for the same answer. It takes the first
      // hop's distinct ends before joining, as one who knows the data writes
      // it: joined claim to claim, the hub's hub-to-hub facts (hundreds of
      // claims each) multiply and SQLite takes ~23 s of CPU at 1M claims
      // (query_bench's Q3 joins that way).
      {"two hops from the hub", "MATCH \"entity-0\" p1 ?x, ?x p2 ?y RETURN ?x, ?y",
       "SELECT DISTINCT a.x, b.object FROM (SELECT DISTINCT object AS x FROM claims WHERE subject = 'entity-0' "
       "AND predicate = 'p1') a JOIN claims b ON b.subject = a.x AND b.predicate = 'p2'"},
      // COUNT(*) over fact bindings counts distinct (p, x).
      {"group by predicate of the hub", "MATCH \"entity-0\" ?p ?x RETURN ?p, COUNT(*) AS n GROUP BY ?p",
       "SELECT predicate, COUNT(*) FROM (SELECT DISTINCT predicate, object FROM claims WHERE subject = 'entity-0') "
       "GROUP BY predicate"},
      {"p+ closure", "MATCH \"entity-1\" p9+ ?x RETURN ?x",
       "WITH RECURSIVE r(n) AS (SELECT object FROM claims WHERE subject = 'entity-1' AND predicate = 'p9' UNION "
       "SELECT c.object FROM claims c JOIN r ON c.subject = r.n WHERE c.predicate = 'p9') SELECT n FROM r"},
      {"facts with >= 3 sources",
       "MATCH ?a p5 ?b AS ?c RETURN ?a, ?b, COUNT(DISTINCT ?c.source) AS n HAVING n >= 3",
       "SELECT subject, object, COUNT(DISTINCT source) AS n FROM claims WHERE predicate = 'p5' "
       "GROUP BY subject, object HAVING n >= 3"},
      {"every claim of one source", "MATCH ?s ?p ?o AS ?c FROM SOURCE \"doc-17\" RETURN ?c, ?s, ?p, ?o",
       "SELECT id, subject, predicate, object FROM claims WHERE source = 'doc-17'"},
  };
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
  for (const auto& s : Shapes()) shapes << s.name << '\t' << s.claimql << '\t' << s.sql << '\n';
  if (!shapes.flush()) Die("cannot write " + dir + "/shapes.tsv");
  std::fprintf(stderr, "[data] done in %.1f s\n", cg::bench::Seconds(t0));
  return 0;
}
