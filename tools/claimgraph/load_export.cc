#include "tools/claimgraph/load_export.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/io/jsonl.h"
#include "engine/io/nquads_parser.h"
#include "engine/io/term_mapping.h"
#include "base/sha256.h"

namespace claimgraph::cli {
namespace {

bool ParseNQuads(const std::string& name, std::istream& in, std::vector<v1::ClaimInput>* out) {
  std::string line;
  uint64_t n = 0;
  io::ParseError error;
  bool ok = true;
  while (std::getline(in, line)) {
    ++n;
    auto q = io::ParseNQuadsLine(line, &error);
    if (!q) {
      if (!error.message.empty()) {
        std::cerr << name << ":" << n << ":" << error.column << ": " << error.message << "\n";
        ok = false;
      }
      continue;
    }
    v1::ClaimInput c;
    c.set_subject(io::EntityNameFromTerm(q->subject));
    c.set_predicate(io::PredicateNameFromIri(q->predicate.value));
    if (q->object.kind == io::RdfTerm::Kind::kLiteral) {
      auto lit = io::LiteralFromTerm(q->object);
      if (!lit.ok()) {
        std::cerr << name << ":" << n << ": " << lit.status().message() << "\n";
        ok = false;
        continue;
      }
      if (lit->kind == storage::TermKind::kNumber) c.set_object_number(lit->number);
      else if (lit->kind == storage::TermKind::kDate) c.set_object_date(lit->lexical);
      else c.set_object_string(lit->lexical);
    } else {
      c.set_object_entity(io::EntityNameFromTerm(q->object));
    }
    c.set_source(q->graph ? io::SourceKeyFromTerm(*q->graph) : "default");
    c.set_method("import:nquads");
    out->push_back(std::move(c));
  }
  return ok;
}

// Through the importer's own line parser (engine/io/jsonl.h): the same line
// gets the same answer as from `claimgraphd import`. A retracted claim is
// history the Assert API cannot write: counted in *retracted, not sent.
bool ParseJsonl(const std::string& name, std::istream& in, std::vector<v1::ClaimInput>* out, uint64_t* retracted) {
  std::string line;
  uint64_t n = 0;
  bool ok = true;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto parsed = io::ParseJsonlClaim(line);
    if (!parsed.ok()) {
      std::cerr << name << ":" << n << ": " << parsed.status().message() << "\n";
      ok = false;
      continue;
    }
    if (parsed->retracted) {
      ++*retracted;
      continue;
    }
    const storage::ClaimInput& claim = parsed->claim;
    v1::ClaimInput c;
    c.set_subject(parsed->subject);
    c.set_predicate(parsed->predicate);
    if (!parsed->literal) c.set_object_entity(parsed->object_name);
    else if (parsed->literal->kind == storage::TermKind::kNumber) c.set_object_number(parsed->literal->number);
    else if (parsed->literal->kind == storage::TermKind::kDate) c.set_object_date(parsed->literal->lexical);
    else c.set_object_string(parsed->literal->lexical);
    c.set_source(parsed->source);
    c.set_source_title(parsed->source_input.title);
    c.set_source_publisher(parsed->source_input.publisher);
    c.set_source_published(parsed->source_input.published);
    c.set_source_url(parsed->source_input.url);
    c.set_source_sha256(parsed->source_input.sha256);
    c.set_has_span(claim.has_span);
    c.set_span_begin(claim.span_begin);
    c.set_span_end(claim.span_end);
    c.set_quote(claim.quote);
    c.set_confidence(claim.confidence);
    c.set_has_confidence(true);
    c.set_method(claim.method);
    c.set_modality(static_cast<v1::Modality>(static_cast<int>(claim.modality) + 1));
    out->push_back(std::move(c));
  }
  return ok;
}

}  // namespace

int RunLoad(Client& client, const std::vector<std::string>& files, size_t batch_size) {
  auto started = std::chrono::steady_clock::now();
  uint64_t total = 0, written = 0, duplicates = 0, replayed = 0, retracted = 0, new_entities = 0;
  std::vector<std::string> new_predicates;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::cerr << "error: cannot read " << f << "\n";
      return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    // Batches are keyed by the file's content, so a load run again after an
    // interruption skips the batches that were committed.
    std::string file_key = base::Sha256Hex(content);
    std::istringstream lines(content);
    std::vector<v1::ClaimInput> claims;
    std::string ext = std::filesystem::path(f).extension().string();
    bool ok = (ext == ".jsonl" || ext == ".ndjson") ? ParseJsonl(f, lines, &claims, &retracted)
                                                   : ParseNQuads(f, lines, &claims);
    if (!ok) {
      std::cerr << "error: " << f << " has bad lines; nothing of it was sent\n";
      return 1;
    }
    for (size_t start = 0; start < claims.size(); start += batch_size) {
      v1::AssertRequest req;
      for (size_t i = start; i < std::min(claims.size(), start + batch_size); ++i) *req.add_claims() = claims[i];
      // The file, the batch size and the batch's place: a run with another
      // --batch must not replay the answers of batches it does not repeat.
      req.set_idempotency_key("load:" + file_key + ":" + std::to_string(batch_size) + ":" +
                              std::to_string(start / batch_size));
      v1::WriteResponse resp;
      auto ctx = client.Context();
      grpc::Status s = client.stub().Assert(ctx.get(), req, &resp);
      if (!s.ok()) {
        std::cerr << "\nerror: " << f << ": batch starting at claim " << start + 1 << ": " << Describe(s)
                  << "\n(earlier batches are committed; running the same load again skips them)\n";
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
        std::fprintf(stderr, "\r[load] %s: %zu/%zu claims", f.c_str(), std::min(claims.size(), start + batch_size),
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
  if (retracted)
    std::printf("%llu retracted claims not loaded: the Assert API writes live claims; claimgraphd import restores "
                "history\n",
                (unsigned long long)retracted);
  return 0;
}

int RunExport(Client& client, const std::string& format) {
  auto ctx = client.Context();
  v1::QueryRequest req;
  req.set_statement(
      "MATCH ?s ?p ?o AS ?c RETURN ?c.id, ?s, ?p, ?o, ?c.source, ?c.title, ?c.publisher, ?c.published, ?c.span, "
      "?c.quote, ?c.confidence, ?c.method, ?c.modality, ?c.tx, ?c.principal, ?c.asserted_at ORDER BY ?c.id");
  req.set_max_rows(0);
  auto reader = client.stub().Query(ctx.get(), req);
  v1::QueryResponse part;
  uint64_t n = 0;
  auto text = [](const v1::Value& v) -> std::string {
    switch (v.kind_case()) {
      case v1::Value::kEntityValue: return v.entity_value().name();
      case v1::Value::kStringValue: return v.string_value();
      case v1::Value::kDateValue: return v.date_value();
      case v1::Value::kPredicateValue: return v.predicate_value();
      default: return "";
    }
  };
  while (reader->Read(&part)) {
    if (!part.has_batch()) continue;
    for (const auto& r : part.batch().rows()) {
      const auto& v = r.values();
      ++n;
      if (format == "nquads") {
        io::Quad q;
        q.subject = io::EntityToIri(text(v[1]));
        q.predicate = io::PredicateToIri(text(v[2]));
        q.object = v[3].has_entity_value() ? io::EntityToIri(text(v[3]))
                   : v[3].has_number_value()
                       ? io::LiteralToTerm({storage::TermKind::kNumber, io::CanonicalNumber(v[3].number_value()), v[3].number_value()})
                   : v[3].has_date_value() ? io::LiteralToTerm({storage::TermKind::kDate, v[3].date_value(), 0})
                                           : io::LiteralToTerm({storage::TermKind::kString, text(v[3]), 0});
        q.graph = io::SourceToIri(text(v[4]));
        std::cout << io::FormatQuad(q) << "\n";
        continue;
      }
      nlohmann::ordered_json j;
      j["id"] = static_cast<uint64_t>(v[0].number_value());
      j["subject"] = text(v[1]);
      j["predicate"] = text(v[2]);
      if (v[3].has_number_value()) {
        j["object"] = v[3].number_value();
        j["object_kind"] = "number";
      } else {
        j["object"] = text(v[3]);
        j["object_kind"] = v[3].has_entity_value() ? "entity" : v[3].has_date_value() ? "date" : "string";
      }
      j["source"] = text(v[4]);
      j["source_title"] = text(v[5]);
      j["source_publisher"] = text(v[6]);
      j["source_published"] = text(v[7]);
      std::string span = text(v[8]);
      size_t dots = span.find("..");
      if (dots != std::string::npos)
        j["span"] = {std::stoull(span.substr(0, dots)), std::stoull(span.substr(dots + 2))};
      else
        j["span"] = nullptr;
      j["quote"] = text(v[9]);
      j["confidence"] = v[10].number_value();
      j["method"] = text(v[11]);
      j["modality"] = text(v[12]);
      j["tx"] = static_cast<uint64_t>(v[13].number_value());
      j["principal"] = text(v[14]);
      j["asserted_at"] = text(v[15]);
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  grpc::Status s = reader->Finish();
  if (!s.ok()) {
    std::cerr << "error: " << Describe(s) << "\n";
    return 1;
  }
  std::cerr << "exported " << n << " live claims\n";
  return 0;
}

}  // namespace claimgraph::cli
