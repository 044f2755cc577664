// Evidence benchmark (issue 14): what keeping the ingested texts costs on
// disk, in bytes per KB of text, and how long AUDIT VERIFY EVIDENCE takes
// over 10,000 documents.
//
//   evidence_bench [--docs 10000] [--corpus DIR] [--store DIR] [--keep]
//
// Real prose: the articles in --corpus (default /work/shared/corpus, the five
// of examples/corpus). Document i is article i mod 5 under a numbered first
// line ("Archive copy 17 of this article."), so every document has its own
// SHA-256 — each is a kept text of its own — while the text stays the
// article's. Each goes through the engine's ingestion (one transaction,
// claims and text kept) like `claimgraphd ingest`. Then the store is flushed
// and the evidence family's compressed size is divided by the KB of text
// kept; AUDIT VERIFY EVIDENCE is Engine::Verify(false, /*evidence=*/true),
// timed next to the log check alone (Verify(false)), which it includes.
//
// The copies are near-duplicates, and RocksDB compresses a 64 KB block at a
// time, so copies that share a block cost almost nothing: the 10,000-document
// figure is a lower bound. The same is measured on a second store holding
// each article once (one text per document, no repetition), the figure to
// expect of distinct prose.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "codec/format/store_reports.h"
#include "engine/engine.h"
#include "tools/bench/bench_util.h"
#include "engine/ingest/ingest_document.h"
#include "engine/io/schema.h"
#include "storage/claim_store.h"

namespace cg = claimgraph;
using cg::bench::Clock;

namespace {

std::string ReadFile(const std::string& path) { return cg::bench::ReadFileOrExit(path, "evidence_bench"); }
using cg::bench::Seconds;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "evidence_bench: %s\n", what.c_str());
  std::exit(1);
}

struct Measured {
  size_t documents = 0;    // ingested with claims, so with their text kept
  uint64_t text_bytes = 0;  // as AUDIT VERIFY EVIDENCE counts them
  uint64_t texts = 0, quotes = 0;
  uint64_t disk_bytes = 0;  // the evidence family, flushed and compressed
  double ingest_s = 0, verify_evidence_s = 0, verify_log_s = 0;
};

// Ingests `documents` into a fresh store in `dir` and measures it.
Measured Run(const std::string& dir, const std::vector<std::string>& documents, const cg::ingest::IngestPipeline& p,
             const cg::io::Schema& schema, bool progress) {
  std::filesystem::remove_all(dir);
  auto opened = cg::engine::Engine::Open(dir, cg::engine::OpenOptions{});
  if (!opened.ok()) Die(opened.status().ToString());
  cg::engine::Engine& engine = **opened;
  if (auto tx = cg::io::ApplySchema(engine, schema, "bench"); !tx.ok()) Die(tx.status().ToString());
  Measured m;
  auto started = Clock::now(), last = started;
  for (size_t i = 0; i < documents.size(); ++i) {
    cg::ingest::DocumentInput doc;
    doc.text = documents[i];
    std::string key = "evidence-bench-";
    key.append(std::to_string(i));
    doc.source_key = std::move(key);
    auto r = cg::ingest::IngestDocument(&engine, p, doc, "bench", /*dry_run=*/false);
    if (!r.ok()) Die("document " + std::to_string(i) + ": " + r.status().ToString());
    m.documents += r->tx != 0;
    if (progress && (Seconds(last) >= 5 || i + 1 == documents.size())) {
      last = Clock::now();
      std::fprintf(stderr, "[evidence_bench] ingested %zu/%zu documents, %.1f documents/s\n", i + 1, documents.size(),
                   (i + 1) / Seconds(started));
    }
  }
  m.ingest_s = Seconds(started);
  if (auto st = engine.Flush(); !st.ok()) Die(st.ToString());
  started = Clock::now();
  auto log = engine.Verify(false);
  m.verify_log_s = Seconds(started);
  if (!log.ok() || !log->ok()) Die("the log check failed");
  if (progress) std::fprintf(stderr, "[evidence_bench] AUDIT VERIFY EVIDENCE over %zu documents...\n", m.documents);
  started = Clock::now();
  auto verified = engine.Verify(false, /*evidence=*/true);
  m.verify_evidence_s = Seconds(started);
  if (!verified.ok()) Die(verified.status().ToString());
  if (!verified->ok()) Die("AUDIT VERIFY EVIDENCE failed: " + cg::codec::VerifyMessage(*verified));
  m.text_bytes = verified->text_bytes;
  m.texts = verified->texts_checked;
  m.quotes = verified->quotes_checked;
  m.disk_bytes = engine.store()->EvidenceDiskBytes();
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  size_t docs = 10000;
  std::string corpus = "/work/shared/corpus";
  std::string dir = "/tmp/claimgraph-evidence-bench";
  bool keep = false;
  const std::string src = CLAIMGRAPH_SOURCE_DIR;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--docs" && has_value) docs = std::stoul(argv[++i]);
    else if (a == "--corpus" && has_value) corpus = argv[++i];
    else if (a == "--store" && has_value) dir = argv[++i];
    else if (a == "--keep") keep = true;
    else {
      std::fprintf(stderr, "usage: evidence_bench [--docs 10000] [--corpus DIR] [--store DIR] [--keep]\n");
      return 2;
    }
  }
  std::vector<std::string> articles;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(corpus))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());  // deterministic: directory order is not
  for (const auto& path : paths) articles.push_back(ReadFile(path.string()));
  if (articles.empty()) Die("no .txt articles in " + corpus);

  auto pipeline = cg::ingest::LoadIngestPipeline(src + "/examples/gazetteer.json", src + "/examples/ingest/rules.json");
  if (!pipeline.ok()) Die(pipeline.status().ToString());
  auto schema = cg::io::ParseSchemaJson(ReadFile(src + "/examples/gazetteer.json"));
  if (!schema.ok()) Die(schema.status().ToString());

  std::vector<std::string> documents;
  documents.reserve(docs);
  uint64_t total = 0;
  for (size_t i = 0; i < docs; ++i) {
    std::string doc = "Archive copy ";
    doc.append(std::to_string(i / articles.size() + 1));
    doc.append(" of this article.\n\n");
    doc.append(articles[i % articles.size()]);
    total += doc.size();
    documents.push_back(std::move(doc));
  }
  std::printf("corpus: %zu articles from %s (%.1f KB); %zu documents, %.1f MB\n", articles.size(), corpus.c_str(),
              [&] {
                uint64_t n = 0;
                for (const auto& a : articles) n += a.size();
                return n / 1024.0;
              }(),
              documents.size(), total / 1048576.0);

  const Measured all = Run(dir + "/copies", documents, **pipeline, *schema, true);
  const Measured once = Run(dir + "/once", articles, **pipeline, *schema, false);
  auto per_kb = [](const Measured& m) { return m.text_bytes ? m.disk_bytes / (m.text_bytes / 1024.0) : 0.0; };
  std::printf("ingest: %zu documents with claims (texts kept) in %.1f s = %.0f documents/s\n", all.documents,
              all.ingest_s, documents.size() / all.ingest_s);
  std::printf("evidence, %llu texts: %.1f KB of text, %.1f KB on disk = %.0f bytes per KB of text "
              "(near-duplicates: a lower bound)\n",
              static_cast<unsigned long long>(all.texts), all.text_bytes / 1024.0, all.disk_bytes / 1024.0, per_kb(all));
  std::printf("evidence, each article once (%llu texts): %.1f KB of text, %.1f KB on disk = %.0f bytes per KB of text\n",
              static_cast<unsigned long long>(once.texts), once.text_bytes / 1024.0, once.disk_bytes / 1024.0,
              per_kb(once));
  std::printf("AUDIT VERIFY EVIDENCE over %llu texts and %llu quotes: %.2f s (the log check alone: %.2f s)\n",
              static_cast<unsigned long long>(all.texts), static_cast<unsigned long long>(all.quotes),
              all.verify_evidence_s, all.verify_log_s);
  std::printf("summary: %llu documents, %.0f bytes of evidence per KB of text (%.0f for distinct articles), "
              "AUDIT VERIFY EVIDENCE %.2f s\n",
              static_cast<unsigned long long>(all.texts), per_kb(all), per_kb(once), all.verify_evidence_s);
  if (!keep) std::filesystem::remove_all(dir);
  return 0;
}
