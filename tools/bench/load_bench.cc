// Load benchmark: bulk import of a synthetic claims graph, next to plain
// RocksDB writing the same number of keys and SQLite loading the same claims,
// in the same run.
//
//   load_bench [--claims N] [--dir DIR] [--only api,nquads,sqlite,jsonl,rocks]
//   load_bench --claims N --write-nquads FILE   (the same graph as a file, for
//              timing `claimgraphd import` in its own process: peak RSS)
//
// Prints claims/s for (a) the store's bulk path with full provenance records,
// (b) end-to-end N-Quads import (parse + resolve + bulk), (c) SQLite loading
// the N-Quads file's claims (SqliteLoad below says exactly how) and the ratio
// of (b) to it, (d) end-to-end JSONL import with full provenance; bytes on
// disk per claim; peak RSS; and plain RocksDB's rate for N keys (WriteBatch,
// WAL off, and SST ingest). --only runs the named parts alone (for profiling).
#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>
#include <tuple>
#include <vector>

#include "engine/io/import.h"
#include "storage/claim_store.h"
#include "tools/bench/sqlite_load.h"
#include "tools/bench/synthetic_graph.h"

namespace cg = claimgraph;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

long PeakRssMiB() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

void Check(const cg::Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
    std::exit(1);
  }
}

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

// (a) The store's bulk API, every claim with quote, span, confidence, method.
double BulkApi(const cg::bench::SyntheticGraph& g, const std::string& dir, uint64_t* bytes) {
  auto store = std::move(cg::storage::ClaimStore::Open(dir, {})).value();
  auto t0 = Clock::now();
  cg::bench::LoadSynthetic(g, store.get());
  double secs = Seconds(t0);
  Check(store->Flush(), "flush");
  store.reset();
  *bytes = DirBytes(dir);
  return secs;
}

double ImportText(const std::string& text, bool jsonl, const std::string& dir) {
  auto store = std::move(cg::storage::ClaimStore::Open(dir, {})).value();
  cg::engine::Engine engine(store.get());
  std::istringstream in(text);
  cg::io::ImportOptions o;
  o.bulk = true;
  auto t0 = Clock::now();
  double commit_started = 0, ingest_started = 0, ingest_done = 0;
  o.progress = [&](std::string_view stage, uint64_t done, uint64_t) {
    if (stage == "sst" && commit_started == 0) commit_started = Seconds(t0);
    if (stage == "ingest" && done == 0) ingest_started = Seconds(t0);
    if (stage == "ingest" && done == 1) ingest_done = Seconds(t0);
  };
  auto r = jsonl ? cg::io::ImportJsonl(engine, {{"bench", &in}}, o) : cg::io::ImportNQuads(engine, {{"bench", &in}}, o);
  Check(r.status(), "import");
  if (!r->committed) {
    std::fprintf(stderr, "import rejected lines\n");
    std::exit(1);
  }
  double total = Seconds(t0);
  std::fprintf(stderr,
               "[load_bench]   %s: parse+resolve+encode %.2f s, commit %.2f s (sort + SST %.2f, ingest %.2f, "
               "the rest %.2f)\n",
               jsonl ? "JSONL" : "N-Quads", commit_started, total - commit_started, ingest_started - commit_started,
               ingest_done - ingest_started, total - ingest_done);
  return total;
}

std::string NQuadsText(const cg::bench::SyntheticGraph& g) {
  std::string out;
  out.reserve(g.claims.size() * 120);
  for (const auto& c : g.claims) cg::bench::AppendNQuad(g, c, &out);
  return out;
}

std::string JsonlText(const cg::bench::SyntheticGraph& g) {
  std::string out;
  out.reserve(g.claims.size() * 300);
  char buf[128];
  for (const auto& c : g.claims) {
    std::snprintf(buf, sizeof buf, "\"span\":[%u,%u],\"confidence\":%.2f", c.span_begin, c.span_end, c.confidence());
    out += "{\"subject\":\"" + g.entities[c.subject] + "\",\"predicate\":\"" + g.predicates[c.predicate] +
           "\",\"object\":\"" + g.entities[c.object] + "\",\"source\":\"" + g.sources[c.source] + "\"," + buf +
           ",\"quote\":\"" + g.Quote(c) + "\",\"method\":\"rules:1\"}\n";
  }
  return out;
}

// Plain RocksDB, same number of keys as claims, value the size of a claim record.
std::pair<double, double> PlainRocks(uint64_t n, const std::string& dir) {
  std::string value(120, 'v');
  rocksdb::Options options;
  options.create_if_missing = true;
  std::filesystem::create_directories(dir);
  double batch_secs, sst_secs;
  {
    rocksdb::DB* raw;
    auto s = rocksdb::DB::Open(options, dir + "/batch", &raw);
    if (!s.ok()) {
      std::fprintf(stderr, "plain RocksDB: %s\n", s.ToString().c_str());
      std::exit(1);
    }
    std::unique_ptr<rocksdb::DB> db(raw);
    rocksdb::WriteOptions wo;
    wo.disableWAL = true;
    auto t0 = Clock::now();
    rocksdb::WriteBatch batch;
    char key[24];  // 15 digits and a NUL; room for any 64-bit value
    for (uint64_t i = 0; i < n; ++i) {
      std::snprintf(key, sizeof key, "%015llu", (unsigned long long)i);
      batch.Put(key, value);
      if (batch.Count() == 10000) {
        db->Write(wo, &batch);
        batch.Clear();
      }
    }
    db->Write(wo, &batch);
    db->Flush(rocksdb::FlushOptions());
    batch_secs = Seconds(t0);
  }
  {
    rocksdb::DB* raw;
    auto s = rocksdb::DB::Open(options, dir + "/sst", &raw);
    if (!s.ok()) std::exit(1);
    std::unique_ptr<rocksdb::DB> db(raw);
    auto t0 = Clock::now();
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
    std::string file = dir + "/plain.sst";
    writer.Open(file);
    char key[24];  // 15 digits and a NUL; room for any 64-bit value
    for (uint64_t i = 0; i < n; ++i) {
      std::snprintf(key, sizeof key, "%015llu", (unsigned long long)i);
      writer.Put(key, value);
    }
    writer.Finish();
    rocksdb::IngestExternalFileOptions io;
    io.move_files = true;
    db->IngestExternalFile({file}, io);
    sst_secs = Seconds(t0);
  }
  return {batch_secs, sst_secs};
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t n = 1000000;
  std::string dir = "/tmp/claimgraph-load-bench";
  std::string only = "api,nquads,sqlite,jsonl,rocks";
  std::string write_nquads;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--claims") n = std::stoull(argv[i + 1]);
    else if (a == "--dir") dir = argv[i + 1];
    else if (a == "--only") only = argv[i + 1];
    else if (a == "--write-nquads") write_nquads = argv[i + 1];
  }
  auto run = [&](std::string_view part) {
    for (size_t at = 0; at <= only.size();) {
      size_t comma = std::min(only.find(',', at), only.size());
      if (std::string_view(only).substr(at, comma - at) == part) return true;
      at = comma + 1;
    }
    return false;
  };
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::fprintf(stderr, "[load_bench] generating %llu claims...\n", (unsigned long long)n);
  auto g = cg::bench::MakeSyntheticGraph(n);
  std::fprintf(stderr, "[load_bench] %zu entities, %zu predicates, %zu sources\n", g.entities.size(),
               g.predicates.size(), g.sources.size());
  if (!write_nquads.empty()) {
    std::ofstream out(write_nquads, std::ios::binary);
    out << NQuadsText(g);
    out.close();
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", write_nquads.c_str());
      return 1;
    }
    std::filesystem::remove_all(dir);
    return 0;
  }

  uint64_t bytes = 0;
  double api = 0, nq = 0, sq = 0, jl = 0, batch = 0, sst = 0;
  long rss_api = 0;
  if (run("api")) {
    std::fprintf(stderr, "[load_bench] store bulk API...\n");
    api = BulkApi(g, dir + "/api", &bytes);
    rss_api = PeakRssMiB();
  }
  if (run("nquads")) {
    std::fprintf(stderr, "[load_bench] N-Quads import...\n");
    nq = ImportText(NQuadsText(g), false, dir + "/nq");
  }
  if (run("sqlite")) {
    std::fprintf(stderr, "[load_bench] SQLite load of the same claims...\n");
    sq = cg::bench::SqliteLoad(g, dir + "/sqlite");
  }
  if (run("jsonl")) {
    std::fprintf(stderr, "[load_bench] JSONL import...\n");
    jl = ImportText(JsonlText(g), true, dir + "/jsonl");
  }
  if (run("rocks")) {
    std::fprintf(stderr, "[load_bench] plain RocksDB...\n");
    std::tie(batch, sst) = PlainRocks(n, dir + "/plain");
  }

  std::printf("claims                          %llu\n", (unsigned long long)n);
  if (api > 0) std::printf("store bulk API (full provenance) %10.0f claims/s  (%.2f s)\n", n / api, api);
  if (nq > 0) std::printf("N-Quads import end to end        %10.0f claims/s  (%.2f s)\n", n / nq, nq);
  if (sq > 0) std::printf("SQLite load, same claims         %10.0f claims/s  (%.2f s)\n", n / sq, sq);
  if (nq > 0 && sq > 0) std::printf("N-Quads import / SQLite load     %10.2fx\n", sq / nq);
  if (jl > 0) std::printf("JSONL import end to end          %10.0f claims/s  (%.2f s)\n", n / jl, jl);
  if (batch > 0) std::printf("plain RocksDB WriteBatch, no WAL %10.0f keys/s    (%.2f s)\n", n / batch, batch);
  if (sst > 0) std::printf("plain RocksDB SST ingest         %10.0f keys/s    (%.2f s)\n", n / sst, sst);
  if (api > 0) std::printf("bytes on disk per claim          %10.1f\n", double(bytes) / n);
  if (api > 0) std::printf("peak RSS after bulk API          %10ld MiB\n", rss_api);
  std::printf("peak RSS overall                 %10ld MiB\n", PeakRssMiB());
  std::filesystem::remove_all(dir);
  return 0;
}
