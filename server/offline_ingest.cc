// claimgraphd ingest: the ingestion pipeline on a data directory, offline.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "codec/format/claim_lines.h"
#include "codec/manifest.h"
#include "engine/ingest/ingest_document.h"
#include "engine/io/schema.h"
#include "server/offline_commands.h"

namespace claimgraph::server {
namespace {

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int Fail(const Status& s) {
  std::cerr << "error: " << s.ToString() << "\n";
  return 1;
}

}  // namespace

int RunIngest(const IngestCommand& cmd) {
  auto pipeline = ingest::LoadIngestPipeline(cmd.schema_file, cmd.rules_file);
  if (!pipeline.ok()) return Fail(pipeline.status());
  std::map<std::string, codec::ManifestEntry> manifest;
  if (!cmd.manifest.empty()) {
    auto text = ReadAll(cmd.manifest);
    if (!text.ok()) return Fail(text.status());
    auto parsed = codec::ParseManifest(*text);
    if (!parsed.ok()) return Fail(parsed.status().WithContext(cmd.manifest));
    manifest = std::move(*parsed);
  }
  std::unique_ptr<engine::Engine> engine;  // none for a dry run: nothing is read or written
  if (!cmd.dry_run) {
    auto opened = engine::Engine::Open(cmd.data_dir, engine::OpenOptions{});
    if (!opened.ok()) return Fail(opened.status());
    engine = std::move(opened).value();
    // The gazetteer's predicates and entities are what the rules write: the
    // store gets them first (nothing when it has them already).
    auto tx = io::ApplySchemaFile(*engine, cmd.schema_file, cmd.principal);
    if (!tx.ok()) return Fail(tx.status());
    if (*tx) std::cout << fmt::format("schema {}: applied in tx {}\n", cmd.schema_file, *tx);
  }

  auto started = std::chrono::steady_clock::now();
  uint64_t bytes = 0, claims = 0, found = 0, duplicates = 0, duplicate_claims = 0, failed = 0;
  for (size_t i = 0; i < cmd.files.size(); ++i) {
    const std::string& path = cmd.files[i];
    auto text = ReadAll(path);
    if (!text.ok()) { std::cerr << "error: " << text.status().ToString() << "\n"; ++failed; continue; }
    std::string base = std::filesystem::path(path).filename().string();
    ingest::DocumentInput doc;
    doc.text = std::move(*text);
    doc.source_key = cmd.files.size() == 1 && !cmd.source_key.empty() ? cmd.source_key
                                                                      : std::filesystem::path(path).stem().string();
    if (auto it = manifest.find(base); it != manifest.end()) {
      doc.title = it->second.title;
      doc.publisher = it->second.publisher;
      doc.published = it->second.published;
      doc.url = it->second.url;
    }
    if (!cmd.title.empty()) doc.title = cmd.title;
    if (!cmd.publisher.empty()) doc.publisher = cmd.publisher;
    if (!cmd.published.empty()) doc.published = cmd.published;
    if (!cmd.url.empty()) doc.url = cmd.url;
    auto result = ingest::IngestDocument(engine.get(), **pipeline, doc, cmd.principal, cmd.dry_run, cmd.explain);
    if (!result.ok()) {
      std::cerr << "error: " << path << ": " << result.status().ToString() << "\n";
      ++failed;
      continue;
    }
    bytes += doc.text.size();
    const auto& ex = result->extraction;
    std::string status = cmd.dry_run ? "dry run, nothing written"
                         : result->duplicate ? fmt::format("already ingested (tx {}), nothing written", result->tx)
                         : result->tx ? fmt::format("tx {}, {} duplicates skipped", result->tx, result->duplicate_claims)
                         : result->duplicate_claims ? fmt::format("{} duplicates skipped, nothing written", result->duplicate_claims)
                                                    : "nothing to write";
    std::cout << fmt::format("[{}/{}] {} (source {}, sha256 {}...)\n  {} sentences, {} mentions, {} boilerplate "
                             "blocks dropped; {} claims; {}\n",
                             i + 1, cmd.files.size(), path, result->source_key, result->sha256.substr(0, 12),
                             ex.sentences, ex.mentions, ex.cleaned.dropped.size(), ex.claims.size(), status);
    if (std::string note = codec::NoClaimsNote(doc.text, ex.sentences, ex.mentions, ex.claims.size()); !note.empty())
      std::cout << "  " << note << "\n";
    if (!cmd.quiet)
      for (const auto& c : ex.claims) {
        std::cout << codec::FormatClaimLines(c.subject, c.predicate, c.object, base::ModalityName(c.modality),
                                              c.confidence, c.span_begin, c.span_end, c.quote)
                  << codec::FormatClaimTime(c.time.text, c.time.from, c.time.to);
        if (cmd.explain)
          std::cout << codec::FormatClaimExplanation(c.rule, c.cue, c.method, c.explanation.clause,
                                                     c.explanation.clause_begin, c.explanation.clause_end,
                                                     c.explanation.subject_choice, c.explanation.object_choice,
                                                     c.explanation.modality_reason);
      }
    claims += result->duplicate || cmd.dry_run ? 0 : ex.claims.size() - result->duplicate_claims;
    found += ex.claims.size();
    duplicate_claims += result->duplicate ? 0 : result->duplicate_claims;
    duplicates += result->duplicate ? 1 : 0;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("ingested {} of {} documents ({:.1f} KB) in {:.2f} s: {} claims {}, {} duplicates "
                           "skipped, {} duplicate documents, {} failed\n",
                           cmd.files.size() - failed, cmd.files.size(), bytes / 1024.0, seconds,
                           cmd.dry_run ? found : claims, cmd.dry_run ? "found (dry run)" : "written", duplicate_claims,
                           duplicates, failed);
  return failed ? 1 : 0;
}

}  // namespace claimgraph::server
