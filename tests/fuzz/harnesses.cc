#include "tests/fuzz/harnesses.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/normalize.h"
#include "codec/diagnostic_text.h"
#include "codec/jsonl/jsonl_claim.h"
#include "codec/nquads/nquads_parser.h"
#include "codec/nquads/nquads_writer.h"
#include "codec/nquads/prov_claim.h"
#include "engine/binder/binder.h"
#include "tests/claimql/golden_util.h"

namespace claimgraph::fuzz {
namespace {

// Not a property of an input: the harness itself cannot start.
[[noreturn]] void SetupFailed(const char* what) {
  std::fprintf(stderr, "fuzz harness setup failed: %s\n", what);
  std::abort();
}

std::string SourceDir() {
  const char* env = std::getenv("CLAIMGRAPH_SOURCE_DIR");
  return env ? env : CLAIMGRAPH_SOURCE_DIR;
}

// One fixture store per process, built on first use in a temporary
// directory that goes away with the process.
struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<storage::ClaimStore> store;
  std::unique_ptr<storage::ReadView> view;
  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("claimgraph-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    store = testing::BuildFixtureStore(dir.string());
    auto v = store->NewReadView();
    if (!v.ok()) SetupFailed("cannot open a read view on the fixture store");
    view = std::move(v).value();
  }
  ~Fixture() {
    view.reset();
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

const storage::ReadView& FixtureView() {
  static Fixture fixture;
  return *fixture.view;
}

const ingest::IngestPipeline& ExamplePipeline() {
  static std::shared_ptr<const ingest::IngestPipeline> pipeline = [] {
    auto p =
        ingest::LoadIngestPipeline(SourceDir() + "/examples/schema.json", SourceDir() + "/examples/ingest/rules.json");
    if (!p.ok()) SetupFailed("cannot load the example pipeline");
    return *p;
  }();
  return *pipeline;
}

// Messages are built by appending to one string: GCC 12 warns -Wrestrict on
// the inlined insert-at-front of "literal" + std::string, a false positive
// (GCC bug 105651).
void AppendPiece(std::string* out, std::string_view s) { out->append(s); }
template <typename N>
requires std::is_integral_v<N>
void AppendPiece(std::string* out, N n) { out->append(std::to_string(n)); }
// Every digit a double has: 1.0000000001 must not read as 1.000000.
void AppendPiece(std::string* out, double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  out->append(buf);
}
template <typename... Pieces>
std::string Cat(const Pieces&... pieces) {
  std::string out;
  (AppendPiece(&out, pieces), ...);
  return out;
}

// Long inputs are quoted in part: the message names a property, not the input.
std::string Shown(std::string_view s) {
  constexpr size_t kMax = 80;
  return Cat("\"", s.substr(0, kMax), s.size() > kMax ? "...\"" : "\"");
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Code points, as diagnostics count columns (a stray continuation byte is not one).
uint32_t Characters(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += !IsContinuationByte(c);
  return n;
}

// Line `line` (1-based) of the text, split at '\n' as the parser counts lines;
// nullopt past the last line.
std::optional<std::string_view> LineAt(std::string_view text, uint32_t line) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return std::nullopt;
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// line:column (1-based, characters) of a byte offset, counted independently
// of grammar/parser.cc so that the check does not share its bugs.
std::pair<uint32_t, uint32_t> PositionOf(std::string_view text, size_t byte) {
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if (!IsContinuationByte(text[i])) {
      ++column;
    }
  }
  return {line, column};
}

std::string At(uint32_t line, uint32_t column) { return Cat(line, ":", column); }

// A position a diagnostic may point at: a character of the text, or the end
// of a line (column = characters + 1: "expected ';' here").
Violation PositionInside(std::string_view text, uint32_t line, uint32_t column, const std::string& what) {
  if (line == 0 || column == 0) return Cat(what, " at ", At(line, column), ": lines and columns start at 1");
  auto src = LineAt(text, line);
  if (!src) return Cat(what, " at ", At(line, column), ": the text has fewer lines");
  if (column > Characters(*src) + 1)
    return Cat(what, " at ", At(line, column), ": past the end of its line of ", Characters(*src), " characters");
  return std::nullopt;
}

// "unexpected 'X'..." names the token the column points at: the text there
// starts with X.
Violation NamesWhatIsThere(std::string_view text, uint32_t line, uint32_t column, std::string_view message,
                           const std::string& what) {
  constexpr std::string_view kUnexpected = "unexpected '";
  if (message.substr(0, kUnexpected.size()) != kUnexpected) return std::nullopt;
  std::string_view token = message.substr(kUnexpected.size());
  size_t end = token.find("'; expected");
  if (end == std::string_view::npos) end = !token.empty() && token.back() == '\'' ? token.size() - 1 : 0;
  token = token.substr(0, end);
  std::string_view src = *LineAt(text, line);
  size_t byte = 0;
  for (uint32_t c = 1; c < column && byte < src.size(); ++c)
    for (++byte; byte < src.size() && IsContinuationByte(src[byte]);) ++byte;
  if (src.substr(byte, token.size()) != token)
    return Cat(what, " at ", At(line, column), " names ", Shown(token), " but the text there is ",
               Shown(src.substr(byte, std::max<size_t>(token.size(), 1))));
  return std::nullopt;
}

// What a user sees (codec::FormatDiagnostic): "line L:C: message", the source
// line, and a caret line under column C.
Violation CheckShown(std::string_view text, uint32_t line, uint32_t column, std::string_view shown,
                     const std::string& what) {
  std::string head = Cat("line ", At(line, column), ": ");
  if (shown.substr(0, head.size()) != head) return Cat(what, " is shown as ", Shown(shown), ", not \"", head, "...\"");
  std::string_view src = *LineAt(text, line);
  if (!src.empty() && src.back() == '\r') src.remove_suffix(1);  // Format shows the line without it
  if (src.empty()) return std::nullopt;                          // nothing to put a caret under
  size_t nl = shown.rfind('\n');
  std::string_view caret_line = nl == std::string_view::npos ? std::string_view() : shown.substr(nl + 1);
  size_t caret = caret_line.find('^');
  if (caret == std::string_view::npos || caret_line.find_first_not_of(" \t") != caret)
    return Cat(what, " at ", At(line, column), " is shown without a caret line: ", Shown(shown));
  // A line longer than Format's window is shown in part, shifted; and a
  // column just past a final '\r' is drawn at the end of the line Format
  // shows. Elsewhere the caret stands under the column.
  constexpr uint32_t kWindow = 120;
  if (Characters(src) <= kWindow && column <= Characters(src) + 1 && caret != column - 1)
    return Cat(what, " at ", At(line, column), " has its caret under column ", caret + 1);
  return std::nullopt;
}

Violation BindError(std::string_view text, const Status& status) {
  const std::string& m = status.message();
  if (m.empty()) return "a query refused by the binder without a message";
  unsigned line = 0, column = 0;
  if (std::sscanf(m.c_str(), "line %u:%u: ", &line, &column) != 2)
    return Cat("a bind error without line:column: ", Shown(m));
  std::string head = Cat("line ", At(line, column), ": ");
  if (m.size() == head.size() || m[head.size()] == '\n')
    return Cat("a bind error at ", At(line, column), " without a message");
  if (auto v = PositionInside(text, line, column, "bind error")) return v;
  return CheckShown(text, line, column, m, "bind error");
}

bool BlankOrComment(std::string_view line) {
  size_t i = line.find_first_not_of(" \t\r");
  return i == std::string_view::npos || line[i] == '#';
}

const char* DifferingPart(const codec::Quad& a, const codec::Quad& b) {
  if (!(a.subject == b.subject)) return "subject";
  if (!(a.predicate == b.predicate)) return "predicate";
  if (!(a.object == b.object)) return "object";
  if (!(a.graph == b.graph)) return "graph";
  return nullptr;
}

Violation CheckNQuadsLines(std::string_view text, QuadFormatter format) {
  size_t pos = 0;
  for (size_t number = 1; pos <= text.size(); ++number) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    std::string where = Cat("line ", number);
    codec::LineError error;
    auto quad = codec::ParseNQuadsLine(line, &error);
    if (!quad && error.message.empty()) {
      // Skipped without an error: that must be all there was to it.
      if (!BlankOrComment(line)) return Cat(where, " is skipped as blank or a comment but is neither: ", Shown(line));
    } else if (!quad) {
      if (error.column == 0 || error.column > line.size() + 1)
        return Cat(where, " refused at column ", error.column, ", outside its ", line.size(),
                   " bytes: ", error.message);
    } else {
      std::string written = format(*quad);
      codec::LineError again_error;
      auto again = codec::ParseNQuadsLine(written, &again_error);
      if (!again)
        return Cat(where, " written out as ", Shown(written), " does not parse back: column ", again_error.column, ": ",
                   again_error.message);
      if (const char* part = DifferingPart(*quad, *again))
        return Cat(where, " written out as ", Shown(written), " parses back with a different ", part);
      if (std::string rewritten = format(*again); rewritten != written)
        return Cat(where, " written out twice differs: ", Shown(written), " then ", Shown(rewritten));
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return std::nullopt;
}

}  // namespace

Violation CheckDiagnostic(std::string_view text, const grammar::Diagnostic& d) {
  if (d.message.empty()) return Cat("a diagnostic at ", At(d.line, d.column), " without a message");
  std::string what = Cat("diagnostic ", Shown(d.message));
  if (auto v = PositionInside(text, d.line, d.column, what)) return v;
  if (auto v = NamesWhatIsThere(text, d.line, d.column, d.message, what)) return v;
  return CheckShown(text, d.line, d.column, codec::FormatDiagnostic(text, d.line, d.column, d.length, d.message), what);
}

// A parse through a warm parse cache (a same-shape twin parsed first, so
// this text reuses its tree) must say what a fresh parse says.
Violation CheckCachedParse(std::string_view text, const grammar::ParseResult& fresh) {
  std::string twin;
  if (!grammar::ParseCache::ShapeOf(text, &twin)) return std::nullopt;
  std::replace(twin.begin(), twin.end(), '\x01', 'q');
  grammar::ParseCache cache;
  if (!grammar::Parse(twin, {}, &cache).ok() && cache.counters().kept == 0) return std::nullopt;
  grammar::ParseResult cached = grammar::Parse(text, {}, &cache);
  if (cache.counters().hits != 1) return std::nullopt;  // the twin's parse was not kept
  if (cached.diagnostics.size() != fresh.diagnostics.size())
    return Cat("through the parse cache ", cached.diagnostics.size(), " diagnostics, fresh ", fresh.diagnostics.size());
  for (size_t i = 0; i < fresh.diagnostics.size(); ++i) {
    const auto &a = cached.diagnostics[i], &b = fresh.diagnostics[i];
    if (a.message != b.message || a.line != b.line || a.column != b.column || a.length != b.length)
      return Cat("through the parse cache ", At(a.line, a.column), " ", Shown(a.message), ", fresh ",
                 At(b.line, b.column), " ", Shown(b.message));
  }
  if (cached.statements.size() != fresh.statements.size())
    return Cat("through the parse cache ", cached.statements.size(), " statements, fresh ", fresh.statements.size());
  auto same_span = [](const grammar::SourceSpan& a, const grammar::SourceSpan& b) {
    return a.line == b.line && a.column == b.column && a.offset == b.offset && a.length == b.length;
  };
  for (size_t i = 0; i < fresh.statements.size(); ++i) {
    const auto &a = cached.statements[i], &b = fresh.statements[i];
    if (a.node.index() != b.node.index() || !same_span(a.span, b.span))
      return Cat("through the parse cache statement ", i + 1, " differs in kind or span");
    const auto* qa = std::get_if<grammar::Query>(&a.node);
    const auto* qb = std::get_if<grammar::Query>(&b.node);
    if (!qa) continue;
    if (qa->patterns.size() != qb->patterns.size() || qa->from_sources != qb->from_sources)
      return Cat("through the parse cache statement ", i + 1, " has other patterns or scopes");
    for (size_t k = 0; k < qa->patterns.size(); ++k)
      for (auto [x, y] : {std::pair(&qa->patterns[k].subject, &qb->patterns[k].subject),
                          std::pair(&qa->patterns[k].object, &qb->patterns[k].object)})
        if (x->text != y->text || x->kind != y->kind || !same_span(x->span, y->span))
          return Cat("through the parse cache pattern ", k + 1, " reads ", Shown(x->text), ", fresh ", Shown(y->text));
  }
  return std::nullopt;
}

Violation CheckClaimQL(std::string_view text) {
  grammar::ParseResult parsed = grammar::Parse(text);
  if (auto v = CheckCachedParse(text, parsed)) return v;
  if (!parsed.ok()) {
    for (const auto& d : parsed.diagnostics)
      if (auto v = CheckDiagnostic(text, d)) return v;
    return std::nullopt;
  }
  for (size_t i = 0; i < parsed.statements.size(); ++i) {
    const grammar::Statement& statement = parsed.statements[i];
    const grammar::SourceSpan& span = statement.span;
    std::string which = Cat("statement ", i + 1);
    if (size_t(span.offset) + span.length > text.size())
      return Cat(which, " spans bytes [", span.offset, ", +", span.length, ") of a text of ", text.size());
    if (PositionOf(text, span.offset) != std::pair(span.line, span.column))
      return Cat(which, " starts at byte ", span.offset, " but says ", At(span.line, span.column));
    if (const auto* q = std::get_if<grammar::Query>(&statement.node)) {
      engine::Binder binder(FixtureView(), text);
      auto bound = binder.BindQuery(*q);
      if (!bound.ok())
        if (auto v = BindError(text, bound.status())) return v;
    }
  }
  return std::nullopt;
}

Violation CheckNQuads(std::string_view text) { return CheckNQuadsLines(text, codec::FormatQuad); }

Violation TEST_CheckNQuadsWith(std::string_view text, QuadFormatter format) { return CheckNQuadsLines(text, format); }

Violation CheckNQuadsProv(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  auto read = [](const std::vector<std::string_view>& in) {
    codec::ProvReader reader;
    for (size_t i = 0; i < in.size(); ++i) reader.Add(i + 1, in[i]);
    return reader.Finish();
  };
  std::vector<codec::FileClaim> accepted;
  for (const auto& c : read(lines)) {
    if (c.error.message.empty()) {
      if (auto v = CheckJsonlClaim(c.claim)) return Cat("claim ", c.claim.id, ": ", *v);
      accepted.push_back(c.claim);
      continue;
    }
    if (c.line == 0 || c.line > lines.size())
      return Cat("refused at line ", c.line, " of ", lines.size(), ": ", c.error.message);
    if (c.error.column > lines[c.line - 1].size() + 1)
      return Cat("refused at line ", c.line, " column ", c.error.column, ", outside its ",
                 lines[c.line - 1].size(), " bytes: ", c.error.message);
  }
  codec::ProvQuadWriter writer;
  std::string written;
  for (const auto& c : accepted) writer.Write(c, &written);
  std::vector<std::string_view> again_lines;
  for (size_t pos = 0; pos < written.size();) {
    size_t nl = written.find('\n', pos);
    again_lines.push_back(std::string_view(written).substr(pos, nl - pos));
    pos = nl + 1;
  }
  std::vector<codec::ProvClaim> again = read(again_lines);
  if (again.size() != accepted.size())
    return Cat(accepted.size(), " claims accepted, written out, read back as ", again.size());
  for (size_t i = 0; i < again.size(); ++i) {
    if (!again[i].error.message.empty())
      return Cat("claim ", accepted[i].id, " written out is refused: ", again[i].error.message);
    std::string before = codec::FormatJsonlClaim(accepted[i]), after = codec::FormatJsonlClaim(again[i].claim);
    if (before != after) return Cat("claim written out and read back differs: ", before, " then ", after);
  }
  return std::nullopt;
}

Violation CheckJsonlClaim(const codec::FileClaim& p) {
  const codec::ClaimDraft& c = p.claim;
  if (!(c.confidence >= 0 && c.confidence <= 1)) return Cat("confidence ", c.confidence, " accepted, outside [0, 1]");
  if (c.has_span && c.span_begin > c.span_end)
    return Cat("span [", c.span_begin, ", ", c.span_end, "] accepted, begin > end");
  if (base::NormalizeAlias(c.subject).empty())
    return Cat("subject ", Shown(c.subject), " accepted without letters or digits");
  if (c.object_kind == codec::ClaimDraft::ObjectKind::kEntity && base::NormalizeAlias(c.object_text).empty())
    return Cat("object ", Shown(c.object_text), " accepted without letters or digits");
  if (c.method.empty()) return "accepted with an empty method";
  if (c.predicate.empty()) return "accepted with an empty predicate";
  if (c.source.key.empty()) return "accepted with an empty source";
  return std::nullopt;
}

Violation CheckJsonl(std::string_view line) {
  codec::LineError error;
  auto parsed = codec::ParseJsonlClaim(line, &error);
  if (!parsed) {
    if (error.message.empty()) return "a line refused without a reason";
    if (error.column > line.size() + 1)
      return Cat("a line refused at column ", error.column, ", outside its ", line.size(), " bytes: ", error.message);
    return std::nullopt;
  }
  return CheckJsonlClaim(*parsed);
}

Violation CheckExtraction(std::string_view text, const ingest::Extraction& ex) {
  for (size_t i = 0; i < ex.claims.size(); ++i) {
    const ingest::ExtractedClaim& c = ex.claims[i];
    std::string which = Cat("claim ", i + 1, " (", c.subject, " ", c.predicate, " ", c.object, ")");
    std::string span = Cat("[", c.span_begin, ", ", c.span_end, ")");
    if (c.span_begin > c.span_end || c.span_end > text.size())
      return Cat(which, ": span ", span, " leaves the text of ", text.size(), " bytes");
    std::string_view at_span = text.substr(c.span_begin, c.span_end - c.span_begin);
    if (at_span != c.quote)
      return Cat(which, " quotes ", Shown(c.quote), " but its span ", span, " holds ", Shown(at_span));
    if (!(c.confidence >= 0 && c.confidence <= 1)) return Cat(which, ": confidence ", c.confidence, " outside [0, 1]");
    if (c.subject.empty() || c.predicate.empty() || c.object.empty()) return Cat(which, ": a part is missing");
    if (c.subject == c.object) return Cat(which, " relates an entity to itself");
    // An explained claim's clause is original bytes too.
    const ingest::ClaimExplanation& e = c.explanation;
    if (!e.clause.empty()) {
      if (e.clause_begin > e.clause_end || e.clause_end > text.size())
        return Cat(which, ": clause [", e.clause_begin, ", ", e.clause_end, ") leaves the text of ", text.size(), " bytes");
      if (text.substr(e.clause_begin, e.clause_end - e.clause_begin) != e.clause)
        return Cat(which, "'s clause ", Shown(e.clause), " is not the text at [", e.clause_begin, ", ", e.clause_end, ")");
    }
  }
  for (const auto& d : ex.cleaned.dropped)
    if (d.begin > d.end || d.end > text.size())
      return Cat("dropped block [", d.begin, ", ", d.end, ") (", d.reason, ") leaves the text of ", text.size(),
                 " bytes");
  return std::nullopt;
}

Violation CheckIngest(std::string_view text) {
  return CheckExtraction(text, ExamplePipeline().Extract(text, /*explain=*/true));
}

int TrapOnViolation(Violation (*check)(std::string_view), const uint8_t* data, size_t size) {
  Violation v = check(std::string_view(reinterpret_cast<const char*>(data), size));
  if (v) {
    std::fprintf(stderr, "property violated: %s\n", v->c_str());
    std::fflush(stderr);
    __builtin_trap();
  }
  return 0;
}

}  // namespace claimgraph::fuzz
