// SqliteLoad: what load_bench and scale_bench measure claimgraph's import against.
#include "tools/bench/sqlite_load.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "tools/bench/bench_util.h"

namespace claimgraph::bench {

// SQLite loading the claims of the N-Quads file, as one would load a quad
// file into it with care: the four terms of each quad as they are in the file
// (IRI text, in one table: no dictionary to resolve), bound to one prepared
// INSERT, every row in one transaction, with the journal and fsync off and a
// 256 MiB page cache; then the four indexes claimgraph keeps too (spo, pos,
// osp, by source), built after the rows are in (faster than maintaining them
// row by row). SQLite is handed the terms already split, so it is not charged
// for reading N-Quads; the timer covers the inserts, the commit and the index
// builds.
double SqliteLoad(const SyntheticGraph& g, const std::string& dir) {
  std::filesystem::create_directories(dir);
  sqlite3* db = nullptr;
  if (sqlite3_open((dir + "/load.db").c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite open: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
  auto exec = [&](const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::fprintf(stderr, "sqlite: %s: %s\n", sql, err);
      std::exit(1);
    }
  };
  // The terms as the N-Quads file spells them (NQuadsText).
  std::vector<std::string> entities, predicates, sources;
  for (const auto& e : g.entities) entities.push_back("urn:e:" + e);
  for (const auto& p : g.predicates) predicates.push_back("urn:p:" + p);
  for (const auto& s : g.sources) sources.push_back("urn:s:" + s);
  exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
  exec("CREATE TABLE claims(id INTEGER PRIMARY KEY, s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL,"
       " source TEXT NOT NULL)");
  auto t0 = Clock::now();
  exec("BEGIN");
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO claims(s, p, o, source) VALUES(?, ?, ?, ?)", -1, &st, nullptr);
  for (const auto& c : g.claims) {
    const std::string* terms[] = {&entities[c.subject], &predicates[c.predicate], &entities[c.object],
                                  &sources[c.source]};
    for (int i = 0; i < 4; ++i)
      sqlite3_bind_text(st, i + 1, terms[i]->data(), static_cast<int>(terms[i]->size()), SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
      std::fprintf(stderr, "sqlite insert: %s\n", sqlite3_errmsg(db));
      std::exit(1);
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  exec("CREATE INDEX spo ON claims(s, p, o); CREATE INDEX pos ON claims(p, o, s);"
       "CREATE INDEX osp ON claims(o, s, p); CREATE INDEX by_source ON claims(source);");
  exec("COMMIT");
  double secs = Seconds(t0);
  sqlite3_close(db);
  return secs;
}

}  // namespace claimgraph::bench
