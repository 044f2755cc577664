#include "tools/claimgraph/ingest.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "base/modality.h"
#include "codec/format/claim_lines.h"
#include "codec/manifest.h"

namespace claimgraph::cli {
namespace {

bool ReadAll(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// The proto enum is base::Modality shifted by one (0 = unspecified = asserted).
const char* ModalityText(v1::Modality m) {
  return base::ModalityName(static_cast<base::Modality>(std::max(0, static_cast<int>(m) - 1)));
}

}  // namespace

int RunIngest(Client& client, const IngestOptions& options) {
  std::map<std::string, codec::ManifestEntry> manifest;
  if (!options.manifest.empty()) {
    std::string text;
    if (!ReadAll(options.manifest, &text)) {
      std::cerr << "error: cannot read " << options.manifest << "\n";
      return 1;
    }
    auto parsed = codec::ParseManifest(text);
    if (!parsed.ok()) {
      std::cerr << "error: " << options.manifest << ": " << parsed.status().message() << "\n";
      return 1;
    }
    manifest = std::move(*parsed);
  }
  auto started = std::chrono::steady_clock::now();
  size_t failed = 0, duplicates = 0, duplicate_claims = 0, claims = 0, bytes = 0;
  for (size_t i = 0; i < options.files.size(); ++i) {
    const std::string& path = options.files[i];
    v1::IngestDocumentRequest request;
    if (!ReadAll(path, request.mutable_text())) {
      std::cerr << "error: cannot read " << path << "\n";
      ++failed;
      continue;
    }
    std::filesystem::path fs_path(path);
    request.set_source_key(options.files.size() == 1 && !options.source_key.empty() ? options.source_key
                                                                                      : fs_path.stem().string());
    if (auto it = manifest.find(fs_path.filename().string()); it != manifest.end()) {
      request.set_title(it->second.title);
      request.set_publisher(it->second.publisher);
      request.set_published(it->second.published);
      request.set_url(it->second.url);
    }
    if (!options.title.empty()) request.set_title(options.title);
    if (!options.publisher.empty()) request.set_publisher(options.publisher);
    if (!options.published.empty()) request.set_published(options.published);
    if (!options.url.empty()) request.set_url(options.url);
    request.set_dry_run(options.dry_run);
    request.set_explain(options.explain);
    v1::IngestDocumentResponse response;
    auto ctx = client.Context();
    grpc::Status s = client.stub().IngestDocument(ctx.get(), request, &response);
    if (!s.ok()) {
      std::cerr << "error: " << path << ": " << Describe(s) << "\n";
      ++failed;
      continue;
    }
    bytes += request.text().size();
    std::string status = options.dry_run        ? "dry run, nothing written"
                         : response.duplicate() ? "already ingested (tx " + std::to_string(response.tx()) + "), nothing written"
                         : response.tx()        ? "tx " + std::to_string(response.tx()) + ", " +
                                               std::to_string(response.duplicate_claims()) + " duplicates skipped"
                         : response.duplicate_claims()
                             ? std::to_string(response.duplicate_claims()) + " duplicates skipped, nothing written"
                             : "nothing to write";
    std::cout << "[" << i + 1 << "/" << options.files.size() << "] " << path << " (source " << response.source_key()
              << ", sha256 " << response.sha256().substr(0, 12) << "...)\n  " << response.sentences() << " sentences, "
              << response.mentions() << " mentions, " << response.boilerplate_blocks()
              << " boilerplate blocks dropped; " << response.claims_size() << " claims; " << status << "\n";
    if (std::string note = codec::NoClaimsNote(request.text(), response.sentences(), response.mentions(),
                                               response.claims_size());
        !note.empty())
      std::cout << "  " << note << "\n";
    if (!options.quiet) {
      // The explanations are parallel to the claims when the server sends them.
      bool explained = response.explanations_size() == response.claims_size();
      for (int k = 0; k < response.claims_size(); ++k) {
        const v1::Claim& c = response.claims(k);
        std::cout << codec::FormatClaimLines(c.subject(), c.predicate(), c.object().entity_value().name(),
                                              ModalityText(c.modality()), c.confidence(), c.span_begin(),
                                              c.span_end(), c.quote());
        if (explained) {
          const v1::ClaimExplanation& e = response.explanations(k);
          std::cout << codec::FormatClaimTime(e.time_text(), e.valid_from(), e.valid_to());
          if (options.explain)
            std::cout << codec::FormatClaimExplanation(e.rule(), e.cue(), c.method(), e.clause(), e.clause_begin(),
                                                       e.clause_end(), e.subject_choice(), e.object_choice(),
                                                       e.modality_reason());
        } else if (options.explain) {
          // An older server: the method names the rule and the cue.
          std::cout << "      method " << c.method() << "\n";
        }
      }
    }
    duplicates += response.duplicate() ? 1 : 0;
    duplicate_claims += response.duplicate() ? 0 : response.duplicate_claims();
    claims += response.duplicate() ? 0 : response.claims_size() - (options.dry_run ? 0 : response.duplicate_claims());
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char summary[256];
  std::snprintf(summary, sizeof summary,
                "ingested %zu of %zu documents (%.1f KB) in %.2f s: %zu claims %s, %zu duplicates skipped, %zu "
                "duplicate documents, %zu failed\n",
                options.files.size() - failed, options.files.size(), bytes / 1024.0, seconds, claims,
                options.dry_run ? "found (dry run)" : "written", duplicate_claims, duplicates, failed);
  std::cout << summary;
  return failed ? 1 : 0;
}

}  // namespace claimgraph::cli
