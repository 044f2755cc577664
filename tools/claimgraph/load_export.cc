#include "tools/claimgraph/load_export.h"

#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/modality.h"
#include "base/sha256.h"
#include "base/timestamp.h"
#include "codec/claim_file.h"
#include "codec/jsonl/jsonl_claim.h"
#include "codec/nquads/nquads_writer.h"
#include "codec/nquads/prov_claim.h"
#include "codec/nquads/quad_claim.h"

namespace claimgraph::cli {
namespace {

// The Assert API's spelling of a claim the reader accepted.
v1::ClaimInput ToProto(const codec::ClaimDraft& d) {
  v1::ClaimInput c;
  c.set_subject(d.subject);
  c.set_predicate(d.predicate);
  switch (d.object_kind) {
    case codec::ClaimDraft::ObjectKind::kEntity: c.set_object_entity(d.object_text); break;
    case codec::ClaimDraft::ObjectKind::kNumber: c.set_object_number(d.object_number); break;
    case codec::ClaimDraft::ObjectKind::kDate: c.set_object_date(d.object_text); break;
    case codec::ClaimDraft::ObjectKind::kString: c.set_object_string(d.object_text); break;
  }
  c.set_source(d.source.key);
  c.set_source_title(d.source.title);
  c.set_source_publisher(d.source.publisher);
  c.set_source_published(d.source.published);
  c.set_source_url(d.source.url);
  c.set_source_sha256(d.source.sha256);
  c.set_has_span(d.has_span);
  c.set_span_begin(d.span_begin);
  c.set_span_end(d.span_end);
  c.set_quote(d.quote);
  c.set_confidence(d.confidence);
  c.set_has_confidence(true);
  c.set_method(d.method);
  // The proto enum is base::Modality shifted by one (0 = unspecified).
  c.set_modality(static_cast<v1::Modality>(static_cast<int>(d.modality) + 1));
  c.set_valid_from(d.valid.from);
  c.set_valid_to(d.valid.to);
  return c;
}

// One file, read as `claimgraphd import` reads it (codec::ClaimLineReader).
struct LoadFile {
  std::string name;
  std::string key;  // SHA-256 of the content: batches are keyed by it
  std::vector<v1::ClaimInput> claims;
  std::vector<uint64_t> lines;  // the line of each claim, for what only the server can refuse
};

struct ReadCounts {
  uint64_t lines = 0, rejected = 0, retracted = 0, deprecated = 0;
};

// Reads and checks one file, printing each refused line as FILE:LINE:COLUMN:
// message. A retracted claim is history the Assert API cannot write: counted
// in `retracted`, not sent; so is a claim the export recorded as deprecated
// (its own mark or its source's: sent, it would answer as live), counted in
// `deprecated`. False when the file cannot be read or its name
// says no format.
bool ReadFile(const std::string& path, const codec::ClaimFileOptions& options, LoadFile* out, ReadCounts* counts) {
  auto format = codec::ClaimFileFormatOf(path);
  if (!format.ok()) {
    std::cerr << "error: " << format.status().message() << "\n";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "error: cannot read " << path << "\n";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  out->name = path;
  out->key = base::Sha256Hex(content);
  codec::ClaimLineReader reader(*format, options);
  std::istringstream lines(content);
  std::string line;
  codec::ClaimLine read;
  for (uint64_t n = 1; std::getline(lines, line); ++n) {
    ++counts->lines;
    reader.Read(line, &read);
    if (read.blank) continue;
    if (!read.error.message.empty()) {
      std::cerr << codec::FormatLineError(path, n, read.error.column, read.error.message) << "\n";
      ++counts->rejected;
      continue;
    }
    if (read.claim.retracted()) {
      ++counts->retracted;
      continue;
    }
    if (read.claim.deprecated() || read.claim.source_deprecated()) {
      ++counts->deprecated;
      continue;
    }
    out->claims.push_back(ToProto(read.claim.claim));
    out->lines.push_back(n);
  }
  return true;
}

// What the server refused in a batch, said as `claimgraphd import` says it:
// the server names the batch's claim ("claim 3: unknown predicate ..."), which
// is a line of the file. Anything else is said of the batch.
std::string RefusedBatch(const LoadFile& f, size_t start, const grpc::Status& s) {
  const std::string& message = s.error_message();
  if (s.error_code() == grpc::StatusCode::INVALID_ARGUMENT && message.rfind("claim ", 0) == 0) {
    size_t index = 0;
    const char* begin = message.data() + 6;
    auto [end, ec] = std::from_chars(begin, message.data() + message.size(), index);
    std::string_view rest(end, message.data() + message.size() - end);
    if (ec == std::errc() && index >= 1 && start + index - 1 < f.lines.size() && rest.rfind(": ", 0) == 0)
      return codec::FormatLineError(f.name, f.lines[start + index - 1], 0, std::string(rest.substr(2))) + "\n";
  }
  return "error: " + f.name + ": batch starting at claim " + std::to_string(start + 1) + ": " + Describe(s) + "\n";
}

}  // namespace

int RunLoad(Client& client, const LoadOptions& options) {
  auto started = std::chrono::steady_clock::now();
  // Every line of every file is checked before anything is sent: a bad line
  // anywhere means nothing is written, as with `claimgraphd import`.
  codec::ClaimFileOptions read_options;
  read_options.default_source = options.default_source;
  std::vector<LoadFile> files(options.files.size());
  ReadCounts counts;
  for (size_t i = 0; i < files.size(); ++i)
    if (!ReadFile(options.files[i], read_options, &files[i], &counts)) return 1;
  if (counts.rejected) {
    std::cerr << "error: " << counts.rejected << " of " << counts.lines << " lines rejected; nothing was sent\n";
    return 1;
  }
  const size_t batch_size = options.batch_size;
  uint64_t total = 0, written = 0, duplicates = 0, replayed = 0, new_entities = 0;
  std::vector<std::string> new_predicates;
  for (const LoadFile& f : files) {
    const std::vector<v1::ClaimInput>& claims = f.claims;
    for (size_t start = 0; start < claims.size(); start += batch_size) {
      v1::AssertRequest req;
      for (size_t i = start; i < std::min(claims.size(), start + batch_size); ++i) *req.add_claims() = claims[i];
      // The file, the batch size and the batch's place: a run with another
      // --batch must not replay the answers of batches it does not repeat.
      req.set_idempotency_key("load:" + f.key + ":" + std::to_string(batch_size) + ":" +
                              std::to_string(start / batch_size));
      v1::WriteResponse resp;
      auto ctx = client.Context();
      grpc::Status s = client.stub().Assert(ctx.get(), req, &resp);
      if (!s.ok()) {
        std::cerr << (isatty(STDERR_FILENO) ? "\n" : "") << RefusedBatch(f, start, s)
                  << "(nothing of this batch was written; earlier batches are committed, and running the same load "
                     "again skips them)\n";
        return 1;
      }
      total += req.claims_size();
      if (resp.replayed()) {
        replayed += req.claims_size();
      } else {
        duplicates += resp.duplicates_size();
        written += req.claims_size() - resp.duplicates_size();
        for (const auto& p : resp.new_predicates()) {
          new_predicates.push_back(p);
          std::cerr << (isatty(STDERR_FILENO) ? "\n" : "") << "new predicate: " << p << "\n";
        }
        new_entities += resp.new_entities();
      }
      if (isatty(STDERR_FILENO))
        std::fprintf(stderr, "\r[load] %s: %zu/%zu claims", f.name.c_str(), std::min(claims.size(), start + batch_size),
                     claims.size());
    }
    if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\n");
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("loaded %llu claims from %zu file(s) in %.2f s (%.0f claims/s): %llu written, %llu duplicates skipped, "
              "%llu in batches committed by an earlier run; %zu new predicates, %llu new entities\n",
              (unsigned long long)total, files.size(), secs, secs > 0 ? total / secs : 0.0,
              (unsigned long long)written, (unsigned long long)duplicates, (unsigned long long)replayed,
              new_predicates.size(), (unsigned long long)new_entities);
  if (counts.retracted)
    std::printf("%llu retracted claims not loaded: the Assert API writes live claims; claimgraphd import restores "
                "history\n",
                (unsigned long long)counts.retracted);
  if (counts.deprecated)
    std::printf("%llu deprecated claims not loaded (deprecated themselves or through their source): sent, they would "
                "answer as live; claimgraphd import restores history\n",
                (unsigned long long)counts.deprecated);
  return 0;
}

int RunExport(Client& client, const std::string& format, uint64_t as_of_tx) {
  auto ctx = client.Context();
  v1::ExportRequest req;
  req.set_format(format);
  req.set_as_of_tx(as_of_tx);
  auto reader = client.stub().Export(ctx.get(), req);
  v1::ExportChunk chunk;
  uint64_t lines = 0, as_of = 0;
  bool complete = false;
  while (reader->Read(&chunk)) {
    std::cout << chunk.text();
    if (chunk.complete()) {
      complete = true;
      lines = chunk.lines();
      as_of = chunk.as_of_tx();
    }
  }
  std::cout.flush();
  grpc::Status s = reader->Finish();
  if (!s.ok()) {
    std::cerr << "error: " << Describe(s) << "\n";
    return 1;
  }
  if (!complete || !std::cout) {
    std::cerr << "error: the export ended before its summary" << (std::cout ? "" : " (standard output failed)") << "\n";
    return 1;
  }
  std::cerr << "exported " << lines << (format == "jsonl" || format.empty() ? " claims" : " quads") << " as of tx "
            << as_of << "\n";
  return 0;
}

}  // namespace claimgraph::cli
