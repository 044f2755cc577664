// Ingestion benchmark: the pipeline's throughput on one core.
//
//   ingest_bench [--mb 50] [--seed 7] [--schema FILE] [--store DIR]
//
// --schema: the gazetteer the pipeline loads (default the generated
// examples/gazetteer.json, the full one; its size and load time are printed).
// Builds a corpus of about --mb megabytes by repeating and shuffling the
// sentences of the example articles (after boilerplate removal) into
// documents of 4-12 paragraphs, then runs the whole pipeline (boilerplate,
// sentences, mentions, relations, offsets back to the original) on one thread
// and reports MB/s of article text and claims/s. With --store it also writes
// every document's claims and text to a fresh store in DIR (one transaction
// each) and reports that rate separately, then what keeping the texts costs
// (compressed bytes on disk per KB of text) and how long AUDIT VERIFY
// EVIDENCE takes over them.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/ingest/ingest_document.h"
#include "storage/claim_store.h"
#include "engine/ingest/tokenizer.h"
#include "engine/io/schema.h"
#include "tools/bench/bench_util.h"

namespace cg = claimgraph;
using cg::bench::Clock;

namespace {

std::string ReadFile(const std::string& path) { return cg::bench::ReadFileOrExit(path, "ingest_bench"); }
using cg::bench::Seconds;

}  // namespace

int main(int argc, char** argv) {
  double mb = 50;
  unsigned seed = 7;
  std::string store_dir;
  std::string schema_path = std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/gazetteer.json";
  std::string src = CLAIMGRAPH_SOURCE_DIR;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) mb = std::stod(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (a == "--store" && i + 1 < argc) store_dir = argv[++i];
    else if (a == "--schema" && i + 1 < argc) schema_path = argv[++i];
    else {
      std::fprintf(stderr, "usage: ingest_bench [--mb 50] [--seed 7] [--schema FILE] [--store DIR]\n");
      return 2;
    }
  }
  auto load_started = Clock::now();
  auto pipeline = cg::ingest::LoadIngestPipeline(schema_path, src + "/examples/ingest/rules.json");
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  const auto& p = **pipeline;
  std::printf("gazetteer: %s, %.1f KB, %zu entities; pipeline (gazetteer and rules) loaded in %.1f ms\n",
              schema_path.c_str(), std::filesystem::file_size(schema_path) / 1024.0, p.gazetteer().entities().size(),
              Seconds(load_started) * 1000);

  // The example sentences, as the pipeline sees them.
  std::vector<std::string> sentences;
  for (const auto& entry : std::filesystem::directory_iterator(src + "/examples/corpus")) {
    if (entry.path().extension() != ".txt") continue;
    auto cleaned = p.boilerplate().Clean(ReadFile(entry.path().string()));
    auto tokens = cg::ingest::Tokenize(cleaned.text);
    for (const auto& s : p.sentence_splitter().Split(cleaned.text, tokens)) {
      size_t b = tokens[s.token_begin].begin, e = tokens[s.token_end - 1].end;
      sentences.push_back(cleaned.text.substr(b, e - b));
    }
  }
  std::mt19937 rng(seed);
  std::vector<std::string> documents;
  size_t target = static_cast<size_t>(mb * 1024 * 1024), total = 0;
  std::uniform_int_distribution<int> paragraphs(4, 12), per_paragraph(1, 6);
  std::uniform_int_distribution<size_t> pick(0, sentences.size() - 1);
  while (total < target) {
    std::string doc;
    int n = paragraphs(rng);
    for (int k = 0; k < n; ++k) {
      int m = per_paragraph(rng);
      for (int j = 0; j < m; ++j) {
        if (j) doc += ' ';
        doc += sentences[pick(rng)];
      }
      doc += "\n\n";
    }
    total += doc.size();
    documents.push_back(std::move(doc));
  }
  std::printf("corpus: %zu documents, %.1f MB, from %zu example sentences (seed %u)\n", documents.size(),
              total / 1048576.0, sentences.size(), seed);

  // The pipeline alone, one thread.
  auto started = Clock::now();
  uint64_t claims = 0, done_bytes = 0;
  auto last = started;
  for (size_t i = 0; i < documents.size(); ++i) {
    auto ex = p.Extract(documents[i]);
    claims += ex.claims.size();
    done_bytes += documents[i].size();
    if (Seconds(last) >= 2 || i + 1 == documents.size()) {
      last = Clock::now();
      std::fprintf(stderr, "[ingest] %zu/%zu documents, %.1f MB, %.1f MB/s\n", i + 1, documents.size(),
                   done_bytes / 1048576.0, done_bytes / 1048576.0 / Seconds(started));
    }
  }
  double secs = Seconds(started);
  std::printf("pipeline (1 thread): %.1f MB in %.2f s = %.1f MB/s, %llu claims = %.0f claims/s, %.0f documents/s\n",
              total / 1048576.0, secs, total / 1048576.0 / secs, static_cast<unsigned long long>(claims),
              claims / secs, documents.size() / secs);

  if (!store_dir.empty()) {
    std::filesystem::remove_all(store_dir);
    auto opened = cg::engine::Engine::Open(store_dir, cg::engine::OpenOptions{});
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      return 1;
    }
    cg::engine::Engine& engine = **opened;
    auto schema = cg::io::ParseSchemaJson(ReadFile(schema_path));
    if (!schema.ok() || !cg::io::ApplySchema(engine, *schema, "bench").ok()) return 1;
    started = Clock::now();
    uint64_t written = 0, duplicates = 0;
    for (size_t i = 0; i < documents.size(); ++i) {
      cg::ingest::DocumentInput doc;
      doc.text = documents[i];
      doc.source_key = "bench-" + std::to_string(i);
      auto r = cg::ingest::IngestDocument(&engine, p, doc, "bench", false);
      if (!r.ok()) {
        std::fprintf(stderr, "document %zu: %s\n", i, r.status().ToString().c_str());
        return 1;
      }
      written += r->duplicate ? 0 : r->claim_ids.size();
      duplicates += r->duplicate;
    }
    secs = Seconds(started);
    std::printf("pipeline + store (1 transaction per document): %.1f MB/s, %.0f claims/s written, %llu duplicate "
                "documents\n",
                total / 1048576.0 / secs, written / secs, static_cast<unsigned long long>(duplicates));
    if (!engine.Flush().ok()) return 1;
    started = Clock::now();
    if (!engine.Verify(false).ok()) return 1;
    const double log_secs = Seconds(started);
    started = Clock::now();
    auto verified = engine.Verify(false, true);
    secs = Seconds(started);
    if (!verified.ok() || !verified->ok()) {
      std::fprintf(stderr, "%s\n", verified.ok() ? cg::codec::VerifyMessage(*verified).c_str()
                                                 : verified.status().ToString().c_str());
      return 1;
    }
    const double kb = verified->text_bytes / 1024.0;
    const uint64_t disk = engine.store()->EvidenceDiskBytes();
    std::printf("evidence: %llu texts, %.1f KB of text, %.1f KB on disk = %.0f bytes per KB of text; "
                "AUDIT VERIFY EVIDENCE %.2f s (of which the log check alone takes %.2f s), %llu quotes checked\n",
                static_cast<unsigned long long>(verified->texts_checked), kb, disk / 1024.0, disk / kb, secs,
                log_secs, static_cast<unsigned long long>(verified->quotes_checked));
  }
  return 0;
}
