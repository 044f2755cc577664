#include <simdjson.h>

#include <chrono>
#include <set>

#include "engine/io/claim_writer.h"
#include "engine/io/import_driver.h"
#include "engine/io/line_pipeline.h"
#include "engine/io/jsonl.h"
#include "engine/io/term_mapping.h"
#include "base/timestamp.h"
#include "storage/normalize.h"

namespace claimgraph::io {
namespace {

using simdjson::ondemand::json_type;
using Value = simdjson::ondemand::value;

Status Bad(const std::string& m) { return Status::InvalidArgument(m); }

// A string field, or "" for null.
Result<std::string> OptionalString(Value v, std::string_view key) {
  bool null = false;
  if (!v.is_null().get(null) && null) return std::string();
  std::string_view s;
  if (v.get_string().get(s)) return Bad("\"" + std::string(key) + "\" must be a string");
  return std::string(s);
}

Result<JsonlClaim> ParseLine(simdjson::ondemand::parser& parser, const simdjson::padded_string& line) {
  JsonlClaim p;
  storage::ClaimInput& c = p.claim;
  c.method.clear();
  std::string kind, modality, asserted_at, retracted_at;
  json_type object_type = json_type::null;
  double object_number = 0;
  std::string object_text;
  bool has_object = false, has_subject = false, has_predicate = false, has_source = false;

  simdjson::ondemand::document doc;
  if (parser.iterate(line).get(doc)) return Bad("not valid JSON");
  simdjson::ondemand::object obj;
  json_type top;
  if (doc.type().get(top)) return Bad("not valid JSON");
  if (top != json_type::object) return Bad("a claim line must be a JSON object");
  if (doc.get_object().get(obj)) return Bad("not valid JSON");
  for (auto field_result : obj) {
    simdjson::ondemand::field field;
    if (std::move(field_result).get(field)) return Bad("not valid JSON");
    std::string_view key;
    if (field.unescaped_key().get(key)) return Bad("not valid JSON");
    Value v = field.value();
    if (key == "subject") {
      CG_ASSIGN_OR_RETURN(p.subject, OptionalString(v, key));
      has_subject = true;
    } else if (key == "predicate") {
      CG_ASSIGN_OR_RETURN(p.predicate, OptionalString(v, key));
      has_predicate = true;
    } else if (key == "source") {
      CG_ASSIGN_OR_RETURN(p.source, OptionalString(v, key));
      has_source = true;
    } else if (key == "object") {
      if (v.type().get(object_type)) return Bad("not valid JSON");
      if (object_type == json_type::number) {
        if (v.get_double().get(object_number)) return Bad("\"object\" is not a valid number");
      } else if (object_type == json_type::string) {
        std::string_view sv;
        if (v.get_string().get(sv)) return Bad("not valid JSON");
        object_text = std::string(sv);
      } else if (object_type != json_type::null) {
        return Bad("\"object\" must be a string or a number");
      }
      has_object = object_type != json_type::null;
    } else if (key == "object_kind") {
      CG_ASSIGN_OR_RETURN(kind, OptionalString(v, key));
    } else if (key == "source_title") {
      CG_ASSIGN_OR_RETURN(p.source_input.title, OptionalString(v, key));
    } else if (key == "source_publisher") {
      CG_ASSIGN_OR_RETURN(p.source_input.publisher, OptionalString(v, key));
    } else if (key == "source_published") {
      CG_ASSIGN_OR_RETURN(p.source_input.published, OptionalString(v, key));
    } else if (key == "source_url") {
      CG_ASSIGN_OR_RETURN(p.source_input.url, OptionalString(v, key));
    } else if (key == "source_sha256") {
      CG_ASSIGN_OR_RETURN(p.source_input.sha256, OptionalString(v, key));
    } else if (key == "span") {
      bool null = false;
      if (!v.is_null().get(null) && null) continue;
      simdjson::ondemand::array a;
      std::vector<uint64_t> ends;
      if (v.get_array().get(a)) return Bad("\"span\" must be [begin, end] with 0 <= begin <= end");
      for (auto e : a) {
        uint64_t n;
        if (e.get_uint64().get(n)) return Bad("\"span\" must be [begin, end] with 0 <= begin <= end");
        ends.push_back(n);
      }
      if (ends.size() != 2 || ends[0] > ends[1]) return Bad("\"span\" must be [begin, end] with 0 <= begin <= end");
      c.has_span = true;
      c.span_begin = ends[0];
      c.span_end = ends[1];
    } else if (key == "quote") {
      CG_ASSIGN_OR_RETURN(c.quote, OptionalString(v, key));
    } else if (key == "confidence") {
      if (v.get_double().get(c.confidence)) return Bad("\"confidence\" must be a number");
      if (!(c.confidence >= 0 && c.confidence <= 1)) return Bad("\"confidence\" must be within [0, 1]");
    } else if (key == "method") {
      CG_ASSIGN_OR_RETURN(c.method, OptionalString(v, key));
    } else if (key == "modality") {
      CG_ASSIGN_OR_RETURN(modality, OptionalString(v, key));
    } else if (key == "principal") {
      CG_ASSIGN_OR_RETURN(c.principal, OptionalString(v, key));
    } else if (key == "asserted_at") {
      CG_ASSIGN_OR_RETURN(asserted_at, OptionalString(v, key));
    } else if (key == "retracted_tx") {
      bool null = false;
      if (!v.is_null().get(null) && null) continue;
      uint64_t tx;
      if (v.get_uint64().get(tx)) return Bad("\"retracted_tx\" must be a number or null");
      p.retracted = tx != 0;
    } else if (key == "retract_reason") {
      CG_ASSIGN_OR_RETURN(p.retract_reason, OptionalString(v, key));
    } else if (key == "retracted_by") {
      CG_ASSIGN_OR_RETURN(p.retracted_by, OptionalString(v, key));
    } else if (key == "retracted_at") {
      CG_ASSIGN_OR_RETURN(retracted_at, OptionalString(v, key));
    } else if (key == "id" || key == "tx") {
      // The exporting store's bookkeeping: assigned anew here.
    } else {
      return Bad("unknown key \"" + std::string(key) + "\"");
    }
  }
  for (auto [present, name] : {std::pair{has_subject, "subject"}, {has_predicate, "predicate"}, {has_object, "object"},
                               {has_source, "source"}})
    if (!present) return Bad(std::string("missing \"") + name + "\"");
  if (kind.empty()) kind = "entity";
  if (kind == "number") {
    if (object_type != json_type::number)
      return Bad("\"object\" must be a JSON number when object_kind is number");
    CG_ASSIGN_OR_RETURN(p.literal, MakeNumberLiteral(CanonicalNumber(object_number)));
  } else if (kind == "entity" || kind == "string" || kind == "date") {
    if (object_type != json_type::string) return Bad("\"object\" must be a string when object_kind is " + kind);
    if (kind == "string") p.literal = storage::Literal{storage::TermKind::kString, object_text, 0};
    else if (kind == "date") { CG_ASSIGN_OR_RETURN(p.literal, MakeDateLiteral(object_text)); }
    else p.object_name = std::move(object_text);
  } else {
    return Bad("object_kind \"" + kind + "\" is not one of entity, string, number, date");
  }
  if (storage::NormalizeAlias(p.subject).empty())
    return Bad("entity name \"" + p.subject + "\" has no letters or digits");
  if (!p.literal && storage::NormalizeAlias(p.object_name).empty())
    return Bad("entity name \"" + p.object_name + "\" has no letters or digits");
  p.source_input.key = p.source;
  if (c.method.empty()) c.method = "import:jsonl";
  if (!modality.empty()) {
    auto m = storage::ParseModality(modality);
    if (!m) return Bad("modality \"" + modality + "\" is not one of asserted, reported, proposed, denied");
    c.modality = *m;
  }
  if (!asserted_at.empty()) { CG_ASSIGN_OR_RETURN(c.asserted_at_us, base::ParseTimestamp(asserted_at)); }
  if (!retracted_at.empty()) { CG_ASSIGN_OR_RETURN(p.retracted_at_us, base::ParseTimestamp(retracted_at)); }
  return p;
}

Status WriteClaim(JsonlClaim& p, ClaimWriter* w, ImportSummary* summary) {
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
  if (!p.retracted) {
    CG_ASSIGN_OR_RETURN(storage::AssertOutcome outcome, w->Write(p.claim));
    ++(outcome.duplicate ? summary->duplicates : summary->claims);
    return Status::Ok();
  }
  // A retracted claim is history: restored unless that very record is here.
  CG_ASSIGN_OR_RETURN(bool seen, w->SeenRetractedRecord(p.claim, p.retracted_at_us));
  if (seen) {
    ++summary->duplicates;
    return Status::Ok();
  }
  CG_ASSIGN_OR_RETURN(storage::ClaimId id, w->tx().Assert(p.claim));
  ++summary->claims;
  CG_RETURN_IF_ERROR(w->tx().RestoreRetraction(id, p.retract_reason, p.retracted_by, p.retracted_at_us));
  ++summary->retracted;
  return Status::Ok();
}


// Parses JSONL lines on the pipeline's thread with one reusable simdjson parser.
struct JsonlParse {
  std::shared_ptr<simdjson::ondemand::parser> parser = std::make_shared<simdjson::ondemand::parser>();
  void operator()(const std::string& line, ParsedLine<JsonlClaim>* out) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      out->blank = true;
      return;
    }
    auto parsed = ParseLine(*parser, simdjson::padded_string(line));
    if (parsed.ok()) out->value = std::move(parsed).value();
    else out->error = parsed.status().message();
  }
};

}  // namespace

Result<JsonlClaim> ParseJsonlClaim(std::string_view line) {
  thread_local simdjson::ondemand::parser parser;
  simdjson::padded_string padded(line);
  return ParseLine(parser, padded);
}

Status CheckJsonlLine(std::string_view line) { return ParseJsonlClaim(line).status(); }

Result<ImportSummary> ImportJsonl(storage::ClaimStore* store, const std::vector<InputFile>& files,
                                  const ImportOptions& options) {
  auto make_apply = [](ClaimWriter* writer) {
    return [writer](JsonlClaim& claim, ImportSummary* summary) { return WriteClaim(claim, writer, summary); };
  };
  return DriveImport<JsonlClaim>(store, files, options, "JSONL", [] { return JsonlParse(); }, make_apply);
}

}  // namespace claimgraph::io
