// nquads-prov, reading (codec/nquads/prov_claim.h): statements gathered by
// the claim graph or source they are about, then each claim assembled and
// checked.
#include <charconv>
#include <istream>

#include "base/modality.h"
#include "base/timestamp.h"
#include "base/valid_time.h"
#include "codec/literal.h"
#include "codec/nquads/nquads_parser.h"
#include "codec/nquads/prov_claim.h"
#include "codec/nquads/quad_claim.h"
#include "codec/nquads/term_mapping.h"

namespace claimgraph::codec {
// Prefixes the IRI of statements about an IRI that names no source: no
// source key starts with a NUL byte.
constexpr std::string_view kNoSource("\0", 1);

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

RdfTerm Iri(std::string value) { return {RdfTerm::Kind::kIri, std::move(value), "", ""}; }

// The claim number N of <urn:claimgraph:claim:N>; 0 for any other term.
uint64_t ClaimNumber(const RdfTerm& t) {
  if (t.kind != RdfTerm::Kind::kIri || !StartsWith(t.value, kClaimGraphPrefix)) return 0;
  std::string_view digits = std::string_view(t.value).substr(kClaimGraphPrefix.size());
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return 0;
  return n;
}

// The local name of `iri` in namespace `ns`, or "" when it is not in it.
std::string_view LocalName(std::string_view iri, std::string_view ns) {
  return StartsWith(iri, ns) ? iri.substr(ns.size()) : std::string_view();
}

// Statements about one subject, read one at a time: each term's value checked
// against what the term means, a second statement of a term refused.
class Statements {
 public:
  explicit Statements(ProvClaim* out) : out_(out) {}

  bool failed() const { return !out_->error.message.empty(); }
  // The first error wins: it is the one the line points at.
  void Fail(uint64_t line, uint32_t column, std::string message) {
    if (failed()) return;
    out_->line = line;
    out_->error = {column, std::move(message)};
  }
  // Marks `name` as seen; false (and the error) if it was already.
  bool Once(const std::string& name, uint64_t line, uint32_t column) {
    if (seen_.insert(name).second) return true;
    Fail(line, column, "a second " + name + " statement about the same subject");
    return false;
  }
  bool Text(const Quad& q, uint64_t line, std::string* out) {
    if (q.object.kind != RdfTerm::Kind::kLiteral) {
      Fail(line, q.columns.object, "<" + q.predicate.value + "> takes a literal");
      return false;
    }
    *out = q.object.value;
    return true;
  }
  bool Number(const Quad& q, uint64_t line, uint64_t* out) {
    std::string text;
    if (!Text(q, line, &text)) return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) return true;
    Fail(line, q.columns.object, "\"" + text + "\" is not a whole number");
    return false;
  }
  bool Time(const Quad& q, uint64_t line, int64_t* out) {
    std::string text;
    if (!Text(q, line, &text)) return false;
    Result<int64_t> t = base::ParseTimestamp(text);
    if (t.ok()) return *out = *t, true;
    Fail(line, q.columns.object, t.status().message());
    return false;
  }
  bool IriOf(const Quad& q, uint64_t line, std::string* out) {
    if (q.object.kind != RdfTerm::Kind::kIri) {
      Fail(line, q.columns.object, "<" + q.predicate.value + "> takes an IRI");
      return false;
    }
    *out = q.object.value;
    return true;
  }

 private:
  ProvClaim* out_;
  std::set<std::string> seen_;
};

std::string PrincipalOf(const std::string& iri) {
  if (StartsWith(iri, kPrincipalIriPrefix)) return PercentDecode(std::string_view(iri).substr(kPrincipalIriPrefix.size()));
  return iri;
}

}  // namespace

bool IsProvQuad(const Quad& q) {
  return (q.graph && ClaimNumber(*q.graph) != 0) || ClaimNumber(q.subject) != 0;
}

bool IsProvNQuads(std::istream& in) {
  const std::istream::pos_type start = in.tellg();
  if (start == std::istream::pos_type(-1)) return false;
  bool prov = false;
  std::string line;
  // Comments and blank lines may come first; a file that opens with more
  // than a screenful of them is read as plain N-Quads.
  for (int i = 0; i < 1000 && std::getline(in, line); ++i) {
    LineError error;
    std::optional<Quad> quad = ParseNQuadsLine(line, &error);
    if (quad) prov = IsProvQuad(*quad);
    if (quad || !error.message.empty()) break;
  }
  in.clear();
  in.seekg(start);
  return prov;
}

void ProvReader::Add(uint64_t line_no, std::string_view line) {
  LineError error;
  std::optional<Quad> quad = ParseNQuadsLine(line, &error);
  if (!quad) {
    if (!error.message.empty()) errors_.push_back({line_no, std::move(error), {}});
    return;
  }
  auto fail = [&](uint32_t column, std::string message) {
    errors_.push_back({line_no, {column, std::move(message)}, {}});
  };
  if (quad->graph) {
    uint64_t n = ClaimNumber(*quad->graph);
    if (n == 0)
      return fail(quad->columns.graph, "graph <" + quad->graph->value +
                                           "> is not a claim graph (<urn:claimgraph:claim:N>, N from 1)");
    Partial& p = claims_[n];
    if (p.first_line == 0) p.first_line = line_no;
    p.triples.push_back({std::move(*quad), line_no});
    return;
  }
  if (uint64_t n = ClaimNumber(quad->subject); n != 0) {
    Partial& p = claims_[n];
    if (p.first_line == 0) p.first_line = line_no;
    p.about.push_back({std::move(*quad), line_no});
    return;
  }
  if (quad->subject.kind != RdfTerm::Kind::kIri)
    return fail(quad->columns.subject, "a statement in the default graph must be about a claim graph or a source IRI");
  std::string key = SourceKeyFromTerm(quad->subject);
  if (key.empty()) key = std::string(kNoSource) + quad->subject.value;
  sources_[key].push_back({std::move(*quad), line_no});
}

std::vector<ProvClaim> ProvReader::Finish() {
  std::vector<ProvClaim> result = std::move(errors_);
  std::set<std::string> sources_used;
  QuadMapper mapper("");
  for (auto& [n, p] : claims_) {
    ProvClaim out;
    out.line = p.first_line;
    Statements st(&out);
    const std::string graph = "<" + std::string(kClaimGraphPrefix) + std::to_string(n) + ">";
    FileClaim& f = out.claim;
    ClaimDraft& c = f.claim;
    if (p.triples.size() != 1) {
      if (p.triples.empty()) st.Fail(p.first_line, 0, "claim graph " + graph + " holds no triple");
      else st.Fail(p.triples[1].line, p.triples[1].quad.columns.graph, "claim graph " + graph + " holds a second triple");
      result.push_back(std::move(out));
      continue;
    }
    {
      LineError error;
      std::optional<ClaimDraft> draft = mapper.Map(p.triples[0].quad, &error);
      if (!draft) {
        st.Fail(p.triples[0].line, static_cast<uint32_t>(error.column), error.message);
        result.push_back(std::move(out));
        continue;
      }
      c = std::move(*draft);
      c.method.clear();
    }
    f.id = n;
    std::string source_iri, modality;
    uint64_t modality_line = 0, valid_line = 0;
    bool retracted = false;
    int span_ends = 0;
    for (const Statement& s : p.about) {
      const Quad& q = s.quad;
      const uint64_t line = s.line;
      std::string_view prov = LocalName(q.predicate.value, kProv);
      std::string_view own = LocalName(q.predicate.value, kVocabPrefix);
      if (!st.Once(q.predicate.value, line, q.columns.predicate)) break;
      bool ok = true;
      if (prov == "wasDerivedFrom") {
        ok = st.IriOf(q, line, &source_iri);
      } else if (prov == "wasAttributedTo") {
        ok = st.IriOf(q, line, &f.principal);
        f.principal = PrincipalOf(f.principal);
      } else if (prov == "generatedAtTime") {
        ok = st.Time(q, line, &f.asserted_at_us);
      } else if (prov == "invalidatedAtTime") {
        ok = st.Time(q, line, &f.retracted_at_us);
      } else if (own == "transaction") {
        ok = st.Number(q, line, &f.tx);  // the exporting store's: assigned anew
      } else if (own == "quote") {
        ok = st.Text(q, line, &c.quote);
      } else if (own == "spanBegin" || own == "spanEnd") {
        ok = st.Number(q, line, own == "spanBegin" ? &c.span_begin : &c.span_end);
        ++span_ends;
      } else if (own == "confidence") {
        std::string text;
        ok = st.Text(q, line, &text);
        Result<Literal> number = MakeNumberLiteral(text);
        if (ok && (!number.ok() || !(number->number >= 0 && number->number <= 1))) {
          st.Fail(line, q.columns.object, "confidence \"" + text + "\" is not a number within [0, 1]");
          ok = false;
        }
        if (ok) c.confidence = number->number == 0 ? 0 : number->number;  // never -0: it would not write back
      } else if (own == "modality") {
        ok = st.Text(q, line, &modality);
        modality_line = line;
      } else if (own == "method") {
        ok = st.Text(q, line, &c.method);
      } else if (own == "validFrom" || own == "validTo") {
        ok = st.Text(q, line, own == "validFrom" ? &c.valid.from : &c.valid.to);
        valid_line = line;
      } else if (own == "retractedInTransaction") {
        ok = st.Number(q, line, &f.retracted_tx);
        retracted = true;
        if (ok && f.retracted_tx == 0) {
          st.Fail(line, q.columns.object, "a retraction's transaction is 1 or more");
          ok = false;
        }
      } else if (own == "retractedBy") {
        ok = st.IriOf(q, line, &f.retracted_by);
        f.retracted_by = PrincipalOf(f.retracted_by);
      } else if (own == "retractReason") {
        ok = st.Text(q, line, &f.retract_reason);
      } else if (own == "deprecatedInTransaction") {
        ok = st.Number(q, line, &f.deprecated_tx);
        if (ok && f.deprecated_tx == 0) {
          st.Fail(line, q.columns.object, "a deprecation's transaction is 1 or more");
          ok = false;
        }
      } else if (own == "deprecateReason") {
        ok = st.Text(q, line, &f.deprecate_reason);
      } else {
        st.Fail(line, q.columns.predicate, "<" + q.predicate.value + "> is not a term claimgraph reads about a claim");
        ok = false;
      }
      if (!ok) break;
    }
    if (!source_iri.empty()) sources_used.insert(SourceKeyFromTerm(Iri(source_iri)));
    c.has_span = span_ends > 0;
    if (!st.failed()) {
      if (source_iri.empty()) {
        st.Fail(p.first_line, 0, "claim " + graph + " has no prov:wasDerivedFrom: every claim needs a source");
      } else if (SourceKeyFromTerm(Iri(source_iri)).empty()) {
        st.Fail(p.first_line, 0, "claim " + graph + ": <" + source_iri + "> names no source");
      } else if (c.has_span && (span_ends != 2 || !(c.span_begin <= c.span_end))) {
        st.Fail(p.first_line, 0, "claim " + graph + ": its span must have spanBegin <= spanEnd, both given");
      } else if (!modality.empty() && !base::ParseModality(modality)) {
        st.Fail(modality_line, 0, "modality \"" + modality + "\" is not one of asserted, reported, proposed, denied");
      } else if (Status vt = base::CheckValidTime(c.valid); !vt.ok()) {
        st.Fail(valid_line, 0, vt.message());
      } else if (!retracted && (f.retracted_at_us != 0 || !f.retracted_by.empty() || !f.retract_reason.empty())) {
        st.Fail(p.first_line, 0, "claim " + graph + " says when, by whom or why it was retracted but not "
                                 "urn:claimgraph:vocab:retractedInTransaction");
      } else if (f.deprecated() != !f.deprecate_reason.empty()) {
        st.Fail(p.first_line, 0, "claim " + graph + ": urn:claimgraph:vocab:deprecatedInTransaction and "
                                 "urn:claimgraph:vocab:deprecateReason (not empty) go together");
      } else if (f.deprecated() && retracted) {
        st.Fail(p.first_line, 0, "claim " + graph + " is both retracted and deprecated: a retracted claim is out of "
                                 "every answer already");
      }
    }
    if (!st.failed()) {
      if (!modality.empty()) c.modality = *base::ParseModality(modality);
      if (c.method.empty()) c.method = std::string(kNQuadsProvMethod);
      c.source.key = SourceKeyFromTerm(Iri(source_iri));
      auto about = sources_.find(c.source.key);
      Statements ss(&out);
      for (const Statement& s : about == sources_.end() ? std::vector<Statement>{} : about->second) {
        const Quad& q = s.quad;
        std::string_view dc = LocalName(q.predicate.value, kDcterms);
        std::string_view own = LocalName(q.predicate.value, kVocabPrefix);
        if (!ss.Once(q.predicate.value, s.line, q.columns.predicate)) break;
        bool ok = true;
        if (dc == "title") ok = ss.Text(q, s.line, &c.source.title);
        else if (dc == "publisher") ok = ss.Text(q, s.line, &c.source.publisher);
        else if (dc == "date") ok = ss.Text(q, s.line, &c.source.published);
        else if (dc == "source") ok = ss.Text(q, s.line, &c.source.url);
        else if (own == "sha256") ok = ss.Text(q, s.line, &c.source.sha256);
        else if (own == "deprecatedInTransaction") {
          ok = ss.Number(q, s.line, &f.source_deprecated_tx);
          if (ok && f.source_deprecated_tx == 0) {
            ss.Fail(s.line, q.columns.object, "a deprecation's transaction is 1 or more");
            ok = false;
          }
        } else if (own == "deprecateReason") ok = ss.Text(q, s.line, &f.source_deprecate_reason);
        else {
          ss.Fail(s.line, q.columns.predicate, "<" + q.predicate.value + "> is not a term claimgraph reads about a source");
          ok = false;
        }
        if (!ok) break;
      }
      if (!ss.failed() && f.source_deprecated() != !f.source_deprecate_reason.empty())
        ss.Fail(about->second.front().line, 0, "source <" + source_iri + ">: urn:claimgraph:vocab:deprecatedInTransaction "
                                               "and urn:claimgraph:vocab:deprecateReason (not empty) go together");
    }
    result.push_back(std::move(out));
  }
  for (const auto& [key, statements] : sources_) {
    if (sources_used.count(key)) continue;
    const Statement& s = statements.front();
    result.push_back({s.line,
                      {s.quad.columns.subject,
                       "<" + s.quad.subject.value + "> is neither a claim graph nor the source of a claim"},
                      {}});
  }
  claims_.clear();
  sources_.clear();
  return result;
}

}  // namespace claimgraph::codec
