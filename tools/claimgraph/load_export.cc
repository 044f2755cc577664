#include "tools/claimgraph/load_export.h"

#include <nlohmann/json.hpp>
#include <openssl/sha.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/io/nquads_parser.h"
#include "engine/io/term_mapping.h"

namespace claimgraph::cli {
namespace {

std::string Hex(const unsigned char* d, size_t n) {
  static const char k[] = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) s += {k[d[i] >> 4], k[d[i] & 15]};
  return s;
}

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

bool ParseJsonl(const std::string& name, std::istream& in, std::vector<v1::ClaimInput>* out) {
  std::string line;
  uint64_t n = 0;
  bool ok = true;
  auto fail = [&](const std::string& why) {
    std::cerr << name << ":" << n << ": " << why << "\n";
    ok = false;
  };
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      fail("not a JSON object");
      continue;
    }
    v1::ClaimInput c;
    auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    c.set_subject(str("subject"));
    c.set_predicate(str("predicate"));
    c.set_source(str("source"));
    if (c.subject().empty() || c.predicate().empty() || c.source().empty() || !j.contains("object")) {
      fail("a claim needs subject, predicate, object and source");
      continue;
    }
    std::string kind = str("object_kind");
    if (kind == "number" && j["object"].is_number()) c.set_object_number(j["object"].get<double>());
    else if (kind == "date") c.set_object_date(str("object"));
    else if (kind == "string") c.set_object_string(str("object"));
    else if (j["object"].is_string()) c.set_object_entity(j["object"].get<std::string>());
    else {
      fail("\"object\" must be a string (or a number with object_kind number)");
      continue;
    }
    c.set_source_title(str("source_title"));
    c.set_source_publisher(str("source_publisher"));
    c.set_source_published(str("source_published"));
    c.set_source_url(str("source_url"));
    if (j.contains("span") && j["span"].is_array() && j["span"].size() == 2) {
      c.set_has_span(true);
      c.set_span_begin(j["span"][0].get<uint64_t>());
      c.set_span_end(j["span"][1].get<uint64_t>());
    }
    c.set_quote(str("quote"));
    if (j.contains("confidence") && j["confidence"].is_number()) {
      c.set_confidence(j["confidence"].get<double>());
      c.set_has_confidence(true);
    }
    c.set_method(str("method"));
    std::string m = str("modality");
    if (m == "asserted") c.set_modality(v1::ASSERTED);
    else if (m == "reported") c.set_modality(v1::REPORTED);
    else if (m == "proposed") c.set_modality(v1::PROPOSED);
    else if (m == "denied") c.set_modality(v1::DENIED);
    else if (!m.empty()) {
      fail("modality \"" + m + "\" is not one of asserted, reported, proposed, denied");
      continue;
    }
    out->push_back(std::move(c));
  }
  return ok;
}

}  // namespace

int RunLoad(Client& client, const std::vector<std::string>& files, size_t batch_size) {
  auto started = std::chrono::steady_clock::now();
  uint64_t total = 0, replayed = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::cerr << "error: cannot read " << f << "\n";
      return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(content.data()), content.size(), digest);
    std::string file_key = Hex(digest, sizeof digest);
    std::istringstream lines(content);
    std::vector<v1::ClaimInput> claims;
    std::string ext = std::filesystem::path(f).extension().string();
    bool ok = (ext == ".jsonl" || ext == ".ndjson") ? ParseJsonl(f, lines, &claims) : ParseNQuads(f, lines, &claims);
    if (!ok) {
      std::cerr << "error: " << f << " has bad lines; nothing of it was sent\n";
      return 1;
    }
    for (size_t start = 0; start < claims.size(); start += batch_size) {
      v1::AssertRequest req;
      for (size_t i = start; i < std::min(claims.size(), start + batch_size); ++i) *req.add_claims() = claims[i];
      req.set_idempotency_key("load:" + file_key + ":" + std::to_string(start / batch_size));
      v1::WriteResponse resp;
      auto ctx = client.Context();
      grpc::Status s = client.stub().Assert(ctx.get(), req, &resp);
      if (!s.ok()) {
        std::cerr << "\nerror: " << f << ": batch starting at claim " << start + 1 << ": " << Describe(s)
                  << "\n(earlier batches are committed; running the same load again skips them)\n";
        return 1;
      }
      total += req.claims_size();
      if (resp.replayed()) replayed += req.claims_size();
      if (isatty(STDERR_FILENO))
        std::fprintf(stderr, "\r[load] %s: %zu/%zu claims", f.c_str(), std::min(claims.size(), start + batch_size),
                     claims.size());
    }
    if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\n");
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("loaded %llu claims from %zu file(s) in %.2f s (%.0f claims/s); %llu already loaded earlier\n",
              (unsigned long long)total, files.size(), secs, secs > 0 ? total / secs : 0.0,
              (unsigned long long)replayed);
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
