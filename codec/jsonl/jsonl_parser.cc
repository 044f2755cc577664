#include <simdjson.h>

#include <vector>

#include "base/modality.h"
#include "base/normalize.h"
#include "base/timestamp.h"
#include "codec/jsonl/jsonl_claim.h"

// simdjson is used without exceptions (every call returns an error code), as
// the rest of the project expects of code that crosses a module boundary.

namespace claimgraph::codec {
namespace {

using simdjson::ondemand::json_type;
using Value = simdjson::ondemand::value;

// Parses one line; every error names the column where the fault starts (0
// when it is the line as a whole: a missing key, JSON simdjson refused).
class LineParser {
 public:
  LineParser(simdjson::ondemand::parser& parser, const simdjson::padded_string& line, LineError* error)
      : parser_(parser), line_(line), error_(error) {}

  std::optional<FileClaim> Parse();

 private:
  std::nullopt_t Bad(uint64_t column, std::string message) {
    error_->column = column;
    error_->message = std::move(message);
    return std::nullopt;
  }
  // The column of a pointer into the line (0 if it points elsewhere).
  uint64_t ColumnOf(const char* at) const {
    if (at < line_.data() || at > line_.data() + line_.size()) return 0;
    return static_cast<uint64_t>(at - line_.data()) + 1;
  }
  uint64_t ColumnOf(Value& v) { return ColumnOf(v.raw_json_token().data()); }
  // Where simdjson stopped: the token it could not take, for "not valid
  // JSON". Some errors (a line cut short, text after the object) stop it at
  // the first character, which would blame the '{': those are the line's.
  uint64_t StoppedAt(simdjson::ondemand::document& doc) {
    const char* at = nullptr;
    if (doc.current_location().get(at)) return 0;
    uint64_t column = ColumnOf(at);
    return column == 1 ? 0 : column;
  }
  // A string field, or "" for null; false (and the error set) otherwise.
  bool OptionalString(Value v, std::string_view key, std::string* out) {
    bool null = false;
    if (!v.is_null().get(null) && null) {
      out->clear();
      return true;
    }
    uint64_t column = ColumnOf(v);
    std::string_view s;
    if (v.get_string().get(s)) {
      // A named string, not "\"" + std::string(key): GCC 12 inlines that
      // insert-at-front and warns -Wrestrict, a false positive (GCC bug 105651).
      const std::string name(key);
      return Bad(column, "\"" + name + "\" must be a string"), false;
    }
    out->assign(s);
    return true;
  }

  simdjson::ondemand::parser& parser_;
  const simdjson::padded_string& line_;
  LineError* error_;
};

std::optional<FileClaim> LineParser::Parse() {
  FileClaim p;
  ClaimDraft& c = p.claim;
  std::string kind, modality, asserted_at, retracted_at;
  json_type object_type = json_type::null;
  double object_number = 0;
  std::string object_text;
  bool has_object = false, has_subject = false, has_predicate = false, has_source = false;
  // Columns of the values later checks may refuse.
  uint64_t subject_at = 0, predicate_at = 0, object_at = 0, kind_at = 0, source_at = 0, modality_at = 0,
           asserted_at_at = 0, retracted_at_at = 0, valid_from_at = 0, valid_to_at = 0, deprecated_at = 0,
           source_deprecated_at = 0;
  const std::string kSpan = "\"span\" must be [begin, end] with 0 <= begin <= end";

  simdjson::ondemand::document doc;
  if (parser_.iterate(line_).get(doc)) return Bad(0, "not valid JSON");
  simdjson::ondemand::object obj;
  json_type top;
  if (doc.type().get(top)) return Bad(StoppedAt(doc), "not valid JSON");
  if (top != json_type::object) return Bad(1, "a claim line must be a JSON object");
  if (doc.get_object().get(obj)) return Bad(StoppedAt(doc), "not valid JSON");
  for (auto field_result : obj) {
    simdjson::ondemand::field field;
    if (std::move(field_result).get(field)) return Bad(StoppedAt(doc), "not valid JSON");
    uint64_t key_at = ColumnOf(field.key().raw());  // just after the opening '"'
    if (key_at > 1) --key_at;
    std::string_view key;
    if (field.unescaped_key().get(key)) return Bad(key_at, "not valid JSON");
    Value v = field.value();
    uint64_t at = ColumnOf(v);
    bool ok = true;
    if (key == "subject") {
      ok = OptionalString(v, key, &c.subject);
      has_subject = true;
      subject_at = at;
    } else if (key == "predicate") {
      ok = OptionalString(v, key, &c.predicate);
      has_predicate = true;
      predicate_at = at;
    } else if (key == "source") {
      ok = OptionalString(v, key, &c.source.key);
      has_source = true;
      source_at = at;
    } else if (key == "object") {
      object_at = at;
      if (v.type().get(object_type)) return Bad(at, "not valid JSON");
      if (object_type == json_type::number) {
        if (v.get_double().get(object_number)) return Bad(at, "\"object\" is not a valid number");
      } else if (object_type == json_type::string) {
        std::string_view sv;
        if (v.get_string().get(sv)) return Bad(at, "not valid JSON");
        object_text = std::string(sv);
      } else if (object_type != json_type::null) {
        return Bad(at, "\"object\" must be a string or a number");
      }
      has_object = object_type != json_type::null;
    } else if (key == "object_kind") {
      ok = OptionalString(v, key, &kind);
      kind_at = at;
    } else if (key == "source_title") {
      ok = OptionalString(v, key, &c.source.title);
    } else if (key == "source_publisher") {
      ok = OptionalString(v, key, &c.source.publisher);
    } else if (key == "source_published") {
      ok = OptionalString(v, key, &c.source.published);
    } else if (key == "source_url") {
      ok = OptionalString(v, key, &c.source.url);
    } else if (key == "source_sha256") {
      ok = OptionalString(v, key, &c.source.sha256);
    } else if (key == "span") {
      bool null = false;
      if (!v.is_null().get(null) && null) continue;
      simdjson::ondemand::array a;
      std::vector<uint64_t> ends;
      if (v.get_array().get(a)) return Bad(at, kSpan);
      for (auto element : a) {
        Value e;
        if (std::move(element).get(e)) return Bad(at, kSpan);
        uint64_t element_at = ColumnOf(e);
        uint64_t n;
        if (e.get_uint64().get(n)) return Bad(element_at, kSpan);
        ends.push_back(n);
      }
      if (ends.size() != 2 || ends[0] > ends[1]) return Bad(at, kSpan);
      c.has_span = true;
      c.span_begin = ends[0];
      c.span_end = ends[1];
    } else if (key == "quote") {
      ok = OptionalString(v, key, &c.quote);
    } else if (key == "confidence") {
      if (v.get_double().get(c.confidence)) return Bad(at, "\"confidence\" must be a number");
      if (!(c.confidence >= 0 && c.confidence <= 1)) return Bad(at, "\"confidence\" must be within [0, 1]");
    } else if (key == "method") {
      ok = OptionalString(v, key, &c.method);
    } else if (key == "modality") {
      ok = OptionalString(v, key, &modality);
      modality_at = at;
    } else if (key == "valid_from") {
      ok = OptionalString(v, key, &c.valid.from);
      valid_from_at = at;
    } else if (key == "valid_to") {
      ok = OptionalString(v, key, &c.valid.to);
      valid_to_at = at;
    } else if (key == "principal") {
      ok = OptionalString(v, key, &p.principal);
    } else if (key == "asserted_at") {
      ok = OptionalString(v, key, &asserted_at);
      asserted_at_at = at;
    } else if (key == "retracted_tx") {
      bool null = false;
      if (!v.is_null().get(null) && null) continue;
      if (v.get_uint64().get(p.retracted_tx)) return Bad(at, "\"retracted_tx\" must be a number or null");
    } else if (key == "retract_reason") {
      ok = OptionalString(v, key, &p.retract_reason);
    } else if (key == "retracted_by") {
      ok = OptionalString(v, key, &p.retracted_by);
    } else if (key == "retracted_at") {
      ok = OptionalString(v, key, &retracted_at);
      retracted_at_at = at;
    } else if (key == "deprecated_tx" || key == "source_deprecated_tx") {
      const bool own = key == "deprecated_tx";
      (own ? deprecated_at : source_deprecated_at) = at;
      bool null = false;
      if (!v.is_null().get(null) && null) continue;
      uint64_t* tx = own ? &p.deprecated_tx : &p.source_deprecated_tx;
      if (v.get_uint64().get(*tx) || *tx == 0)
        return Bad(at, std::string("\"") + (own ? "deprecated_tx" : "source_deprecated_tx") +
                           "\" must be a transaction (1 or more) or null");
    } else if (key == "deprecate_reason") {
      ok = OptionalString(v, key, &p.deprecate_reason);
    } else if (key == "source_deprecate_reason") {
      ok = OptionalString(v, key, &p.source_deprecate_reason);
    } else if (key == "id" || key == "tx") {
      // The exporting store's bookkeeping: assigned anew on import.
    } else {
      const std::string name(key);  // named: see OptionalString
      return Bad(key_at, "unknown key \"" + name + "\"");
    }
    if (!ok) return std::nullopt;
  }
  for (auto [present, name] : {std::pair{has_subject, "subject"}, {has_predicate, "predicate"}, {has_object, "object"},
                               {has_source, "source"}})
    if (!present) return Bad(0, std::string("missing \"") + name + "\"");
  // A claim with no predicate or no source says nothing anyone could check.
  if (c.predicate.empty()) return Bad(predicate_at, "\"predicate\" must not be empty");
  if (c.source.key.empty()) return Bad(source_at, "\"source\" must not be empty: every claim needs a source");
  if (kind.empty()) kind = "entity";
  if (kind == "number") {
    if (object_type != json_type::number)
      return Bad(object_at, "\"object\" must be a JSON number when object_kind is number");
    Result<Literal> number = MakeNumberLiteral(CanonicalNumber(object_number));
    if (!number.ok()) return Bad(object_at, number.status().message());
    SetObjectLiteral(*number, &c);
  } else if (kind == "entity" || kind == "string" || kind == "date") {
    if (object_type != json_type::string)
      return Bad(object_at, "\"object\" must be a string when object_kind is " + kind);
    if (kind == "string") {
      SetObjectLiteral({LiteralKind::kString, std::move(object_text), 0}, &c);
    } else if (kind == "date") {
      Result<Literal> date = MakeDateLiteral(object_text);
      if (!date.ok()) return Bad(object_at, date.status().message());
      SetObjectLiteral(*date, &c);
    } else {
      c.object_text = std::move(object_text);
    }
  } else {
    return Bad(kind_at, "object_kind \"" + kind + "\" is not one of entity, string, number, date");
  }
  if (base::NormalizeAlias(c.subject).empty())
    return Bad(subject_at, "entity name \"" + c.subject + "\" has no letters or digits");
  if (c.object_kind == ClaimDraft::ObjectKind::kEntity && base::NormalizeAlias(c.object_text).empty())
    return Bad(object_at, "entity name \"" + c.object_text + "\" has no letters or digits");
  if (c.method.empty()) c.method = std::string(kJsonlMethod);
  if (!modality.empty()) {
    auto m = base::ParseModality(modality);
    if (!m) return Bad(modality_at, "modality \"" + modality + "\" is not one of asserted, reported, proposed, denied");
    c.modality = *m;
  }
  // The engine checks again (every write path does); here the error gets its column.
  if (Status st = base::CheckValidTime({c.valid.from, ""}); !st.ok()) return Bad(valid_from_at, st.message());
  if (Status st = base::CheckValidTime({"", c.valid.to}); !st.ok()) return Bad(valid_to_at, st.message());
  if (Status st = base::CheckValidTime(c.valid); !st.ok()) return Bad(valid_from_at, st.message());
  if (!asserted_at.empty()) {
    Result<int64_t> t = base::ParseTimestamp(asserted_at);
    if (!t.ok()) return Bad(asserted_at_at, t.status().message());
    p.asserted_at_us = *t;
  }
  if (!retracted_at.empty()) {
    Result<int64_t> t = base::ParseTimestamp(retracted_at);
    if (!t.ok()) return Bad(retracted_at_at, t.status().message());
    p.retracted_at_us = *t;
  }
  // A deprecation is recorded with its reason (the store refuses one
  // without); a reason alone says nothing was deprecated.
  if (p.deprecated() && p.deprecate_reason.empty())
    return Bad(deprecated_at, "\"deprecated_tx\" needs a non-empty \"deprecate_reason\"");
  if (!p.deprecated() && !p.deprecate_reason.empty())
    return Bad(0, "\"deprecate_reason\" is given but \"deprecated_tx\" is not");
  if (p.deprecated() && p.retracted())
    return Bad(deprecated_at, "a retracted claim cannot also be deprecated: it is out of every answer already");
  if (p.source_deprecated() && p.source_deprecate_reason.empty())
    return Bad(source_deprecated_at, "\"source_deprecated_tx\" needs a non-empty \"source_deprecate_reason\"");
  if (!p.source_deprecated() && !p.source_deprecate_reason.empty())
    return Bad(0, "\"source_deprecate_reason\" is given but \"source_deprecated_tx\" is not");
  return p;
}

}  // namespace

std::optional<FileClaim> ParseJsonlClaim(std::string_view line, LineError* error) {
  // One parser per thread, reused: it keeps its buffers between lines. The
  // line is copied into simdjson's padded buffer (it reads past the end).
  thread_local simdjson::ondemand::parser parser;
  simdjson::padded_string padded(line);
  error->column = 0;
  error->message.clear();
  return LineParser(parser, padded, error).Parse();
}

}  // namespace claimgraph::codec
