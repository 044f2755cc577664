// Query benchmark: shapes Q1-Q7 over the synthetic claims graph, claimgraph
// in-process next to SQLite (same data, four indexes, equivalent SQL) in the
// same run, each with p50/p99 latency; and each claimgraph shape again WITH
// PROVENANCE.
//
//   query_bench [--claims N] [--runs R] [--dir DIR] [--only Qn] [--skip-sqlite] [--keep] [--reuse] [--query 'MATCH ...']...
//
// --reuse queries the stores an earlier --keep run left in DIR (same --claims)
// instead of building them: two binaries compared on the same files, and
// many short runs without a load in each.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "storage/claim_store.h"
#include "tools/bench/synthetic_graph.h"

namespace cg = claimgraph;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }

void Die(const std::string& what) {
  std::fprintf(stderr, "query_bench: %s\n", what.c_str());
  std::exit(1);
}

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) Die(std::string("sqlite: ") + err);
}

void LoadSqlite(const cg::bench::SyntheticGraph& g, sqlite3* db) {
  Exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
  Exec(db,
       "CREATE TABLE entities(id INTEGER PRIMARY KEY, name TEXT UNIQUE);"
       "CREATE TABLE predicates(id INTEGER PRIMARY KEY, name TEXT UNIQUE);"
       "CREATE TABLE sources(id INTEGER PRIMARY KEY, key TEXT UNIQUE, title TEXT, publisher TEXT, published TEXT);"
       "CREATE TABLE claims(id INTEGER PRIMARY KEY, s INT, p INT, o INT, source INT, span_begin INT, span_end INT,"
       "  quote TEXT, confidence REAL, method TEXT, modality TEXT, tx INT, principal TEXT, asserted_at INT);");
  Exec(db, "BEGIN");
  sqlite3_stmt* st;
  sqlite3_prepare_v2(db, "INSERT INTO entities VALUES(?,?)", -1, &st, nullptr);
  for (size_t i = 0; i < g.entities.size(); ++i) {
    sqlite3_bind_int64(st, 1, i);
    sqlite3_bind_text(st, 2, g.entities[i].c_str(), -1, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "INSERT INTO predicates VALUES(?,?)", -1, &st, nullptr);
  for (size_t i = 0; i < g.predicates.size(); ++i) {
    sqlite3_bind_int64(st, 1, i);
    sqlite3_bind_text(st, 2, g.predicates[i].c_str(), -1, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "INSERT INTO sources VALUES(?,?,?,?,?)", -1, &st, nullptr);
  for (size_t i = 0; i < g.sources.size(); ++i) {
    std::string title = "Title of " + g.sources[i], pub = "Publisher " + std::to_string(i % 50);
    sqlite3_bind_int64(st, 1, i);
    sqlite3_bind_text(st, 2, g.sources[i].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, pub.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, "2024-01-01", -1, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "INSERT INTO claims VALUES(?,?,?,?,?,?,?,?,?,'rules:1','asserted',1,'bench',0)", -1, &st, nullptr);
  for (size_t i = 0; i < g.claims.size(); ++i) {
    const auto& c = g.claims[i];
    std::string quote = g.Quote(c);
    sqlite3_bind_int64(st, 1, i + 1);
    sqlite3_bind_int64(st, 2, c.subject);
    sqlite3_bind_int64(st, 3, c.predicate);
    sqlite3_bind_int64(st, 4, c.object);
    sqlite3_bind_int64(st, 5, c.source);
    sqlite3_bind_int64(st, 6, c.span_begin);
    sqlite3_bind_int64(st, 7, c.span_end);
    sqlite3_bind_text(st, 8, quote.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 9, c.confidence());
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  Exec(db, "COMMIT");
  // The four indexes: the three triple orders and claims by source.
  Exec(db,
       "CREATE INDEX spo ON claims(s,p,o); CREATE INDEX pos ON claims(p,o,s); CREATE INDEX osp ON claims(o,s,p);"
       "CREATE INDEX by_source ON claims(source); ANALYZE;");
}

uint64_t RunSqlite(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) Die("sqlite prepare: " + sql);
  uint64_t rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); ++c) (void)sqlite3_column_text(st, c);  // materialize like we do
    ++rows;
  }
  sqlite3_finalize(st);
  return rows;
}

uint64_t RunEngine(cg::engine::Engine* engine, const std::string& text) {
  cg::engine::ExecuteOptions o;
  o.max_rows = 100000000;
  auto r = engine->Execute(text, o);
  if (!r.ok()) Die("claimgraph: " + r.status().ToString() + "\n" + text);
  return r->rows.size();
}

struct Timing {
  double p50, p99;
  uint64_t rows;
  size_t runs = 0;
};

Timing Measure(int runs, const std::function<uint64_t()>& fn) {
  uint64_t rows = fn();  // warm-up
  std::vector<double> ms;
  double total = 0;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    fn();
    ms.push_back(Ms(t0));
    total += ms.back();
    if (total > 15000 && ms.size() >= 3) break;  // a slow side gets fewer runs (printed as n=)
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms[std::min(ms.size() - 1, size_t(p * (ms.size() - 1) + 0.5))]; };
  return {pct(0.5), pct(0.99), rows, ms.size()};
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t n = 1000000;
  int runs = 30;
  std::string dir = "/tmp/claimgraph-query-bench";
  bool skip_sqlite = false;
  bool keep = false;  // --keep: leave the stores in --dir (e.g. for claimgraphd verify or query)
  bool reuse = false;  // --reuse: query the stores a --keep run left in --dir
  std::string only;  // --only Q3: one shape (profiling)
  std::vector<std::string> extra;  // --query 'MATCH ...': ad-hoc statements, claimgraph only (profiling)
  // One pass: value flags take the next argument; order does not matter.
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--skip-sqlite") skip_sqlite = true;  // for profiling claimgraph alone
    else if (a == "--keep") keep = true;
    else if (a == "--reuse") reuse = true;
    else if (a == "--only" && has_value) only = argv[++i];
    else if (a == "--query" && has_value) extra.push_back(argv[++i]);
    else if (a == "--claims" && has_value) n = std::stoull(argv[++i]);
    else if (a == "--runs" && has_value) runs = std::stoi(argv[++i]);
    else if (a == "--dir" && has_value) dir = argv[++i];
    else {
      std::fprintf(stderr, "unknown argument %s\nusage: query_bench [--claims N] [--runs R] [--dir DIR] [--only Qn] "
                           "[--skip-sqlite] [--keep] [--reuse] [--query 'MATCH ...']...\n", a.c_str());
      return 2;
    }
  }
  if (reuse) {
    keep = true;
  } else {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  std::fprintf(stderr, "[query_bench] generating %llu claims...\n", (unsigned long long)n);
  auto g = cg::bench::MakeSyntheticGraph(n);  // its names, also when reusing the stores
  std::fprintf(stderr, "[query_bench] loading claimgraph...\n");
  auto store = std::move(cg::storage::ClaimStore::Open(dir + "/claimgraph", {})).value();
  if (!reuse) cg::bench::LoadSynthetic(g, store.get());
  if (!store->Flush().ok()) Die("flush");
  std::fprintf(stderr, "[query_bench] loading SQLite...\n");
  sqlite3* db = nullptr;
  if (sqlite3_open((dir + "/sqlite.db").c_str(), &db) != SQLITE_OK) Die("sqlite open");
  if (!skip_sqlite && !reuse) LoadSqlite(g, db);
  cg::engine::Engine engine(store.get());

  struct Shape {
    const char* name;
    std::string claimql, sql;
    int runs;
  };
  // entity-0 is the biggest hub (Zipf); p0 the most common predicate.
  std::vector<Shape> shapes = {
      {"P point lookup of a tail entity", "MATCH \"entity-" + std::to_string(g.entities.size() - 7) + "\" p0 ?o RETURN ?o",
       "SELECT DISTINCT e.name FROM claims c JOIN entities e ON e.id = c.o WHERE c.s = " +
           std::to_string(g.entities.size() - 7) + " AND c.p = 0",
       runs * 20},
      {"Q1 hub s p ?o", "MATCH \"entity-0\" p0 ?o RETURN ?o",
       "SELECT DISTINCT e.name FROM claims c JOIN entities e ON e.id = c.o WHERE c.s = 0 AND c.p = 0", runs},
      {"Q2 ?s p o", "MATCH ?s p0 \"entity-0\" RETURN ?s",
       "SELECT DISTINCT e.name FROM claims c JOIN entities e ON e.id = c.s WHERE c.p = 0 AND c.o = 0", runs},
      {"Q3 two hops from hub", "MATCH \"entity-0\" p1 ?x, ?x p2 ?y RETURN DISTINCT ?y",
       "SELECT DISTINCT e.name FROM claims c1 JOIN claims c2 ON c2.s = c1.o AND c2.p = 2 JOIN entities e ON e.id = c2.o "
       "WHERE c1.s = 0 AND c1.p = 1", runs},
      {"Q4 group by predicate of hub", "MATCH \"entity-0\" ?p ?x RETURN ?p, COUNT(*) AS n GROUP BY ?p",
       "SELECT pr.name, COUNT(*) FROM (SELECT DISTINCT p, o FROM claims WHERE s = 0) t JOIN predicates pr ON pr.id = t.p "
       "GROUP BY t.p", runs},
      {"Q5 closure p+ from a node", "MATCH \"entity-1\" p9+ ?x RETURN ?x",
       "WITH RECURSIVE r(n) AS (SELECT o FROM claims WHERE s = 1 AND p = 9 UNION "
       "SELECT c.o FROM claims c JOIN r ON c.s = r.n WHERE c.p = 9) SELECT e.name FROM r JOIN entities e ON e.id = r.n",
       std::max(5, runs / 3)},
      {"Q6 facts with >= 3 sources", "MATCH ?a p5 ?b AS ?c RETURN ?a, ?b, COUNT(DISTINCT ?c.source) AS n HAVING n >= 3",
       "SELECT ea.name, eb.name, t.n FROM (SELECT s, o, COUNT(DISTINCT source) AS n FROM claims WHERE p = 5 "
       "GROUP BY s, o HAVING n >= 3) t JOIN entities ea ON ea.id = t.s JOIN entities eb ON eb.id = t.o",
       std::max(5, runs / 3)},
      // An auditor's first question: everything one document says (issue 17).
      {"Q7 every claim of one source", "MATCH ?s ?p ?o AS ?c FROM SOURCE \"doc-17\" RETURN ?s, ?p, ?o",
       "SELECT es.name, pr.name, eo.name FROM claims c JOIN entities es ON es.id = c.s JOIN predicates pr "
       "ON pr.id = c.p JOIN entities eo ON eo.id = c.o WHERE c.source = 17",
       runs},
  };
  for (const auto& q : extra) {
    Timing t = Measure(runs, [&] { return RunEngine(&engine, q); });
    std::printf("%-60s %8llu rows | p50 %9.3f ms | p99 %9.3f ms\n", q.c_str(), (unsigned long long)t.rows, t.p50, t.p99);
  }
  if (!extra.empty()) return 0;
  std::printf("claims %llu, runs per shape %d (Q5, Q6: %d); latencies in ms\n", (unsigned long long)n, runs,
              std::max(5, runs / 3));
  std::printf("%-30s %8s | %9s %9s | %9s %6s | %9s %9s | %7s\n", "shape", "rows", "cg p50", "cg p99", "+prov p50",
              "ratio", "sqlite p50", "p99", "speedup");
  for (const auto& s : shapes) {
    if (!only.empty() && std::string(s.name).rfind(only, 0) != 0) continue;
    std::fprintf(stderr, "[query_bench] %s...\n", s.name);
    Timing cg_t = Measure(s.runs, [&] { return RunEngine(&engine, s.claimql); });
    Timing prov = Measure(s.runs, [&] { return RunEngine(&engine, s.claimql + " WITH PROVENANCE"); });
    Timing sq = skip_sqlite ? Timing{0, 0, cg_t.rows} : Measure(s.runs, [&] { return RunSqlite(db, s.sql); });
    if (sq.rows != cg_t.rows)
      std::fprintf(stderr, "warning: %s: claimgraph %llu rows, SQLite %llu rows\n", s.name,
                   (unsigned long long)cg_t.rows, (unsigned long long)sq.rows);
    std::printf("%-30s %8llu | %9.3f %9.3f | %9.3f %6.2f | %9.3f %9.3f | %6.1fx%s\n", s.name,
                (unsigned long long)cg_t.rows, cg_t.p50, cg_t.p99, prov.p50, prov.p50 / cg_t.p50, sq.p50, sq.p99,
                sq.p50 / cg_t.p50, sq.runs < size_t(s.runs) ? ("  (sqlite n=" + std::to_string(sq.runs) + ")").c_str() : "");
    std::fflush(stdout);
  }
  if (only.empty() || only == "Q6") {
    // BELIEF next to COUNT on the Q6 shape (issue 14, goal <= 1.3x): the same
    // groups (every p5 fact), one aggregate swapped, measured in one run.
    // BELIEF takes each claim's confidence from its posting (store format 4;
    // the synthetic confidences are two-decimal, which the index carries) and
    // its source's publisher once per source; COUNT reads no publisher.
    const std::string count = "MATCH ?a p5 ?b AS ?c RETURN ?a, ?b, COUNT(?c) AS n";
    const std::string belief = "MATCH ?a p5 ?b AS ?c RETURN ?a, ?b, BELIEF(?c) AS n";
    // Paired: COUNT and BELIEF alternate, so whatever drifts under them (the
    // compactions a fresh load leaves running, other work on the machine)
    // weighs on both alike; the ratio is the median of the pairs' ratios.
    const int pairs = std::max(15, runs / 2);
    std::fprintf(stderr, "[query_bench] Q6 BELIEF vs COUNT, %d pairs...\n", pairs);
    const uint64_t count_rows = RunEngine(&engine, count), belief_rows = RunEngine(&engine, belief);  // warm-up
    std::vector<double> count_ms, belief_ms, ratios;
    for (int i = 0; i < pairs; ++i) {
      auto t0 = Clock::now();
      RunEngine(&engine, count);
      count_ms.push_back(Ms(t0));
      t0 = Clock::now();
      RunEngine(&engine, belief);
      belief_ms.push_back(Ms(t0));
      ratios.push_back(belief_ms.back() / count_ms.back());
    }
    auto median = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return v[v.size() / 2];
    };
    std::sort(ratios.begin(), ratios.end());
    std::printf("Q6 COUNT(?c)  %8llu rows | p50 %9.3f ms\n", (unsigned long long)count_rows, median(count_ms));
    std::printf("Q6 BELIEF(?c) %8llu rows | p50 %9.3f ms | BELIEF/COUNT median of %d pairs %.2f (quartiles %.2f-%.2f)\n",
                (unsigned long long)belief_rows, median(belief_ms), pairs, ratios[ratios.size() / 2],
                ratios[ratios.size() / 4], ratios[ratios.size() * 3 / 4]);
  }
  sqlite3_close(db);
  store.reset();
  if (!keep) std::filesystem::remove_all(dir);
  return 0;
}
