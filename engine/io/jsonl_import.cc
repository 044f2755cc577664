#include <nlohmann/json.hpp>

#include <chrono>
#include <set>

#include "engine/io/claim_writer.h"
#include "engine/io/jsonl.h"
#include "engine/io/term_mapping.h"
#include "engine/io/timestamp.h"
#include "storage/normalize.h"

namespace claimgraph::io {
namespace {

using Json = nlohmann::json;

const std::set<std::string>& KnownKeys() {
  static const std::set<std::string> keys{
      "id", "subject", "predicate", "object", "object_kind", "source", "source_title", "source_publisher",
      "source_published", "source_url", "source_sha256", "span", "quote", "confidence", "method", "modality", "tx",
      "principal", "asserted_at", "retracted_tx", "retract_reason", "retracted_by", "retracted_at"};
  return keys;
}

Result<std::string> StringField(const Json& j, const char* key, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(std::string("missing \"") + key + "\"");
    return std::string();
  }
  if (!it->is_string()) return Status::InvalidArgument(std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

// Everything about one line that can be checked without touching the store.
struct ParsedClaim {
  std::string subject, predicate, object_name, source;
  std::optional<storage::Literal> literal;
  storage::SourceInput source_input;
  storage::ClaimInput claim;  // ids filled in later
  bool retracted = false;
  std::string retract_reason, retracted_by;
  int64_t retracted_at_us = 0;
};

Result<ParsedClaim> ParseLine(const std::string& line) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument("a claim line must be a JSON object");
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!KnownKeys().count(it.key())) return Status::InvalidArgument("unknown key \"" + it.key() + "\"");
  ParsedClaim p;
  CG_ASSIGN_OR_RETURN(p.subject, StringField(j, "subject", true));
  CG_ASSIGN_OR_RETURN(p.predicate, StringField(j, "predicate", true));
  CG_ASSIGN_OR_RETURN(p.source, StringField(j, "source", true));
  CG_ASSIGN_OR_RETURN(std::string kind, StringField(j, "object_kind", false));
  if (kind.empty()) kind = "entity";
  if (!j.contains("object") || j["object"].is_null()) return Status::InvalidArgument("missing \"object\"");
  const Json& o = j["object"];
  if (kind == "number") {
    if (!o.is_number()) return Status::InvalidArgument("\"object\" must be a JSON number when object_kind is number");
    CG_ASSIGN_OR_RETURN(p.literal, MakeNumberLiteral(CanonicalNumber(o.get<double>())));
  } else if (kind == "entity" || kind == "string" || kind == "date") {
    if (!o.is_string()) return Status::InvalidArgument("\"object\" must be a string when object_kind is " + kind);
    std::string text = o.get<std::string>();
    if (kind == "string") p.literal = storage::Literal{storage::TermKind::kString, text, 0};
    else if (kind == "date") { CG_ASSIGN_OR_RETURN(p.literal, MakeDateLiteral(text)); }
    else p.object_name = text;
  } else {
    return Status::InvalidArgument("object_kind \"" + kind + "\" is not one of entity, string, number, date");
  }
  for (const std::string* name : {&p.subject, &p.object_name})
    if (name == &p.subject || !p.literal)
      if (storage::NormalizeAlias(*name).empty())
        return Status::InvalidArgument("entity name \"" + *name + "\" has no letters or digits");
  p.source_input.key = p.source;
  CG_ASSIGN_OR_RETURN(p.source_input.title, StringField(j, "source_title", false));
  CG_ASSIGN_OR_RETURN(p.source_input.publisher, StringField(j, "source_publisher", false));
  CG_ASSIGN_OR_RETURN(p.source_input.published, StringField(j, "source_published", false));
  CG_ASSIGN_OR_RETURN(p.source_input.url, StringField(j, "source_url", false));
  CG_ASSIGN_OR_RETURN(p.source_input.sha256, StringField(j, "source_sha256", false));

  storage::ClaimInput& c = p.claim;
  if (j.contains("span") && !j["span"].is_null()) {
    const Json& s = j["span"];
    if (!s.is_array() || s.size() != 2 || !s[0].is_number_unsigned() || !s[1].is_number_unsigned() ||
        s[0].get<uint64_t>() > s[1].get<uint64_t>())
      return Status::InvalidArgument("\"span\" must be [begin, end] with 0 <= begin <= end");
    c.has_span = true;
    c.span_begin = s[0].get<uint64_t>();
    c.span_end = s[1].get<uint64_t>();
  }
  CG_ASSIGN_OR_RETURN(c.quote, StringField(j, "quote", false));
  if (j.contains("confidence")) {
    if (!j["confidence"].is_number()) return Status::InvalidArgument("\"confidence\" must be a number");
    c.confidence = j["confidence"].get<double>();
    if (!(c.confidence >= 0 && c.confidence <= 1)) return Status::InvalidArgument("\"confidence\" must be within [0, 1]");
  }
  CG_ASSIGN_OR_RETURN(c.method, StringField(j, "method", false));
  if (c.method.empty()) c.method = "import:jsonl";
  CG_ASSIGN_OR_RETURN(std::string modality, StringField(j, "modality", false));
  if (!modality.empty()) {
    auto m = storage::ParseModality(modality);
    if (!m) return Status::InvalidArgument("modality \"" + modality + "\" is not one of asserted, reported, proposed, denied");
    c.modality = *m;
  }
  CG_ASSIGN_OR_RETURN(c.principal, StringField(j, "principal", false));
  CG_ASSIGN_OR_RETURN(std::string at, StringField(j, "asserted_at", false));
  if (!at.empty()) { CG_ASSIGN_OR_RETURN(c.asserted_at_us, ParseTimestamp(at)); }
  if (j.contains("retracted_tx") && !j["retracted_tx"].is_null()) {
    if (!j["retracted_tx"].is_number_unsigned()) return Status::InvalidArgument("\"retracted_tx\" must be a number or null");
    p.retracted = j["retracted_tx"].get<uint64_t>() != 0;
  }
  CG_ASSIGN_OR_RETURN(p.retract_reason, StringField(j, "retract_reason", false));
  CG_ASSIGN_OR_RETURN(p.retracted_by, StringField(j, "retracted_by", false));
  CG_ASSIGN_OR_RETURN(std::string rat, StringField(j, "retracted_at", false));
  if (!rat.empty()) { CG_ASSIGN_OR_RETURN(p.retracted_at_us, ParseTimestamp(rat)); }
  return p;
}

Status WriteClaim(ParsedClaim& p, ClaimWriter* w, ImportSummary* summary) {
  CG_ASSIGN_OR_RETURN(ResolvedPredicate pred, w->Predicate(p.predicate));
  if (pred.swap && p.literal)
    return Status::InvalidArgument("'" + p.predicate + "' is an inverse reading; its object must be an entity");
  CG_ASSIGN_OR_RETURN(storage::EntityId subject, w->Entity(p.subject));
  storage::TermId object;
  if (p.literal) {
    CG_ASSIGN_OR_RETURN(object, w->tx().InternLiteral(*p.literal));
  } else {
    CG_ASSIGN_OR_RETURN(object, w->Entity(p.object_name));
  }
  CG_ASSIGN_OR_RETURN(p.claim.source, w->Source(p.source_input));
  p.claim.subject = pred.swap ? object : subject;
  p.claim.object = pred.swap ? subject : object;
  p.claim.predicate = pred.id;
  CG_ASSIGN_OR_RETURN(storage::ClaimId id, w->tx().Assert(p.claim));
  ++summary->claims;
  if (p.retracted) {
    CG_RETURN_IF_ERROR(w->tx().RestoreRetraction(id, p.retract_reason, p.retracted_by, p.retracted_at_us));
    ++summary->retracted;
  }
  return Status::Ok();
}

}  // namespace

Result<ImportSummary> ImportJsonl(storage::ClaimStore* store, const std::vector<InputFile>& files,
                                  const ImportOptions& options) {
  auto started = std::chrono::steady_clock::now();
  storage::WriteOptions wo;
  wo.principal = options.principal;
  wo.bulk = options.bulk;
  wo.progress = options.progress;
  wo.note = "import of " + std::to_string(files.size()) + " JSONL file(s)";
  CG_ASSIGN_OR_RETURN(auto writer, ClaimWriter::Create(store, wo));
  ImportSummary summary;
  std::string line;
  for (const auto& file : files) {
    uint64_t line_no = 0;
    while (std::getline(*file.in, line)) {
      ++line_no;
      ++summary.lines;
      if (options.progress && summary.lines % options.progress_every == 0) options.progress("parse", summary.lines, 0);
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto parsed = ParseLine(line);
      Status st = parsed.ok() ? WriteClaim(*parsed, writer.get(), &summary) : parsed.status();
      if (!st.ok()) {
        if (st.code() != StatusCode::kInvalidArgument && st.code() != StatusCode::kAlreadyExists) return st;
        summary.rejected.push_back({file.name, line_no, 0, st.message()});
      }
    }
    if (file.in->bad()) return Status::IOError("reading " + file.name);
  }
  if (options.progress) options.progress("parse", summary.lines, summary.lines);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!summary.rejected.empty() && !options.skip_invalid) {
    summary.claims = summary.retracted = 0;
    return summary;
  }
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, writer->tx().Commit());
  summary.committed = info.tx != 0;
  summary.tx = info.tx;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace claimgraph::io
