// Runs every fuzz harness's checks (harnesses.h) over its seeds (the golden
// statements, the example files, the W3C N-Quads suite) and over every input
// kept in tests/fuzz/regressions/<target>/, in the normal and the sanitizer
// builds. A broken property fails the test naming the input and the property.
//
// The second half shows that the checks can fail: outputs broken on purpose
// (a quote that is not its span, a writer that loses a language tag, a
// diagnostic past its line) are named, and a broken harness run over the
// kept inputs fails the run.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "codec/jsonl/jsonl_claim.h"
#include "codec/nquads/nquads_parser.h"
#include "codec/nquads/nquads_writer.h"
#include "codec/nquads/prov_claim.h"
#include "tests/claimql/golden_util.h"
#include "tests/codec/nquads_w3c_manifest.h"
#include "tests/fuzz/harnesses.h"
#include "tests/ingest/ingest_test_util.h"

namespace claimgraph::fuzz {
namespace {

using Check = std::function<Violation(std::string_view)>;

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "<label>: <violation>" for each input that broke a property.
struct Findings {
  size_t inputs = 0;
  std::vector<std::string> violations;
  void Add(const Check& check, std::string_view input, const std::string& label) {
    ++inputs;
    if (Violation v = check(input)) violations.push_back(label + ": " + *v);
  }
};

// One failure listing every violation, so that a run over many inputs reads
// as one report (and EXPECT_NONFATAL_FAILURE can catch it whole).
void ExpectAllHold(const Findings& f) {
  if (f.violations.empty()) return;
  std::string all;
  for (const auto& v : f.violations) all += "\n  " + v;
  ADD_FAILURE() << f.violations.size() << " of " << f.inputs << " inputs broke a property:" << all;
}

// The inputs kept in tests/fuzz/regressions/<target>/ (everything but the README).
Findings RunRegressions(const Check& check, const std::string& target) {
  Findings f;
  auto dir = std::filesystem::path(testing::SourceDir()) / "tests/fuzz/regressions" / target;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().filename() == "README") continue;
    f.Add(check, Read(e.path()), e.path().filename().string());
  }
  return f;
}

// Each folder keeps at least one real input: an empty one would pass by running nothing.
void ExpectRegressionsHold(const Check& check, const std::string& target) {
  Findings f = RunRegressions(check, target);
  EXPECT_GE(f.inputs, 1u) << "tests/fuzz/regressions/" << target << " holds no input";
  ExpectAllHold(f);
}

TEST(FuzzRegression, ClaimQLOverEveryGoldenStatement) {
  Findings f;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/tests/claimql")) {
    if (e.path().extension() != ".cql") continue;
    for (const auto& item : testing::SplitScript(Read(e.path()))) {
      if (!item.is_comment) f.Add(CheckClaimQL, item.text, e.path().filename().string() + ": " + item.text);
    }
  }
  EXPECT_GT(f.inputs, 100u);
  ExpectAllHold(f);
  ExpectRegressionsHold(CheckClaimQL, "claimql");
}

TEST(FuzzRegression, NQuadsOverTheExampleFileAndTheW3CSuite) {
  Findings f;
  f.Add(CheckNQuads, Read(testing::SourceDir() + "/examples/five-eyes.nq"), "examples/five-eyes.nq");
  for (const auto& c : codec::w3c::kPositive) f.Add(CheckNQuads, c.document, c.name);
  for (const auto& c : codec::w3c::kNegative) f.Add(CheckNQuads, c.document, c.name);
  ExpectAllHold(f);
  ExpectRegressionsHold(CheckNQuads, "nquads");
}

TEST(FuzzRegression, JsonlOverTheExampleFile) {
  Findings f;
  std::istringstream lines(Read(testing::SourceDir() + "/examples/claims.jsonl"));
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) f.Add(CheckJsonl, line, "examples/claims.jsonl:" + std::to_string(n));
  EXPECT_GT(f.inputs, 10u);
  ExpectAllHold(f);
  ExpectRegressionsHold(CheckJsonl, "jsonl");
}

TEST(FuzzRegression, NQuadsProvOverTheKeptInputs) {
  ExpectRegressionsHold(CheckNQuadsProv, "nquads_prov");
  // The kept file reaches the reader's cases: two claims read, one refused.
  std::istringstream in(Read(std::filesystem::path(testing::SourceDir()) / "tests/fuzz/regressions/nquads_prov/every-field.nq"));
  codec::ProvReader reader;
  uint64_t n = 0;
  for (std::string line; std::getline(in, line);) reader.Add(++n, line);
  std::vector<codec::ProvClaim> claims = reader.Finish();
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].error.message, "");
  EXPECT_EQ(claims[0].claim.principal, "analyst 1");
  EXPECT_EQ(claims[1].error.message, "");
  EXPECT_TRUE(claims[1].claim.retracted());
  EXPECT_EQ(claims[1].claim.claim.source.published, "spring 2015");
  EXPECT_NE(claims[2].error.message.find("no prov:wasDerivedFrom"), std::string::npos) << claims[2].error.message;
}

TEST(FuzzRegression, IngestOverTheCorpus) {
  Findings f;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/examples/corpus")) {
    if (e.path().extension() == ".txt") f.Add(CheckIngest, Read(e.path()), e.path().filename().string());
  }
  EXPECT_EQ(f.inputs, 5u);
  ExpectAllHold(f);
  ExpectRegressionsHold(CheckIngest, "ingest");
}

// The kept inputs still reach the cases they were kept for: a change that made
// one of them, say, refused up front would leave its check with nothing to check.
TEST(FuzzRegression, TheKeptInputsReachTheirCases) {
  auto kept = [](const std::string& file) {
    return Read(std::filesystem::path(testing::SourceDir()) / "tests/fuzz/regressions" / file);
  };
  EXPECT_TRUE(grammar::Parse(kept("claimql/nesting-at-the-limit.cql")).ok());
  auto past = grammar::Parse(kept("claimql/nesting-past-the-limit.cql"));
  ASSERT_EQ(past.diagnostics.size(), 1u);
  EXPECT_EQ(past.diagnostics[0].message, "nesting deeper than 128 levels");
  auto curly = grammar::Parse(kept("claimql/error-after-curly-quotes-on-line-3.cql"));
  ASSERT_FALSE(curly.ok());
  EXPECT_EQ(curly.diagnostics[0].line, 3u);
  EXPECT_EQ(curly.diagnostics[0].column, 39u);  // the second ?b, in characters (42 in bytes)
  EXPECT_TRUE(grammar::Parse(kept("claimql/bind-error-under-a-tab.cql")).ok());  // the binder refuses it

  std::istringstream nq(kept("nquads/escapes-and-labels.nq"));
  int accepted = 0, refused = 0;
  for (std::string line; std::getline(nq, line);) {
    codec::LineError e;
    if (codec::ParseNQuadsLine(line, &e))
      ++accepted;
    else
      refused += !e.message.empty();
  }
  EXPECT_EQ(accepted, 4);
  EXPECT_EQ(refused, 1);

  codec::LineError e;
  EXPECT_TRUE(codec::ParseJsonlClaim(kept("jsonl/span-at-the-limits.jsonl"), &e)) << e.message;
  EXPECT_TRUE(codec::ParseJsonlClaim(kept("jsonl/empty-span-at-the-end.jsonl"), &e)) << e.message;
  EXPECT_FALSE(codec::ParseJsonlClaim(kept("jsonl/span-past-uint64.jsonl"), &e));
  EXPECT_FALSE(codec::ParseJsonlClaim(kept("jsonl/confidence-just-over-one.jsonl"), &e));

  std::string article = kept("ingest/curly-quotes-and-a-hard-wrap.txt");
  ingest::Extraction ex = ingest::testing::ExamplePipeline()->Extract(article);
  bool across_a_wrap = false, with_a_curly_quote = false;
  for (const auto& c : ex.claims) {
    across_a_wrap |= c.quote.find('\n') != std::string::npos;
    // A curly apostrophe or quote mark (three bytes each) inside the quote:
    // "China’s hacking of Japanese". The clause rules quote the evidence
    // without the closing ” the window rules once swept in.
    for (const char* mark : {"\u2018", "\u2019", "\u201C", "\u201D"})
      with_a_curly_quote |= c.quote.find(mark) != std::string::npos;
  }
  EXPECT_TRUE(across_a_wrap);
  EXPECT_TRUE(with_a_curly_quote);
}

// ---- The checks can fail ----

ingest::ExtractedClaim ClaimAt(std::string_view text, uint64_t begin, uint64_t end) {
  ingest::ExtractedClaim c;
  c.subject = "Japan";
  c.predicate = "pact";
  c.object = "India";
  c.confidence = 0.9;
  c.span_begin = begin;
  c.span_end = end;
  c.quote = std::string(text.substr(begin, end - begin));
  return c;
}

TEST(FuzzChecks, AnExtractionWhoseQuoteIsNotItsSpanIsNamed) {
  const std::string text = "Japan and India signed a pact.";
  ingest::Extraction ex;
  ex.claims.push_back(ClaimAt(text, 0, 29));
  EXPECT_EQ(CheckExtraction(text, ex), std::nullopt);

  ex.claims.push_back(ClaimAt(text, 0, 29));
  ex.claims.back().quote = "Japan and India signed a pact!";
  Violation v = CheckExtraction(text, ex);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(*v,
            "claim 2 (Japan pact India) quotes \"Japan and India signed a pact!\" but its span [0, 29) holds "
            "\"Japan and India signed a pact\"");
}

TEST(FuzzChecks, AnExtractionOutsideItsRangesIsNamed) {
  const std::string text = "Japan and India signed a pact.";
  auto broken = [&](auto&& mutate) {
    ingest::Extraction ex;
    ex.claims.push_back(ClaimAt(text, 0, 5));
    mutate(&ex);
    return CheckExtraction(text, ex).value_or("(held)");
  };
  EXPECT_EQ(broken([](ingest::Extraction* ex) { ex->claims[0].span_end = 31; }),
            "claim 1 (Japan pact India): span [0, 31) leaves the text of 30 bytes");
  EXPECT_EQ(broken([](ingest::Extraction* ex) { ex->claims[0].span_begin = 6; }),
            "claim 1 (Japan pact India): span [6, 5) leaves the text of 30 bytes");
  EXPECT_EQ(broken([](ingest::Extraction* ex) { ex->claims[0].confidence = 1.25; }),
            "claim 1 (Japan pact India): confidence 1.25 outside [0, 1]");
  EXPECT_EQ(broken([](ingest::Extraction* ex) { ex->claims[0].confidence = std::nan(""); }),
            "claim 1 (Japan pact India): confidence nan outside [0, 1]");
  EXPECT_EQ(broken([](ingest::Extraction* ex) { ex->claims[0].object = "Japan"; }),
            "claim 1 (Japan pact Japan) relates an entity to itself");
  EXPECT_EQ(broken([](ingest::Extraction* ex) {
              ex->cleaned.dropped.push_back({20, 40, "link list"});
            }),
            "dropped block [20, 40) (link list) leaves the text of 30 bytes");
}

// An N-Quads writer that forgets language tags: "chat"@fr comes back as "chat".
std::string DropsLanguageTags(const codec::Quad& quad) {
  codec::Quad q = quad;
  q.object.language.clear();
  return codec::FormatQuad(q);
}
// One that forgets the final " ." of the statement.
std::string DropsTheDot(const codec::Quad& quad) {
  std::string s = codec::FormatQuad(quad);
  return s.substr(0, s.size() - 2);
}

TEST(FuzzChecks, AnNQuadsWriterThatLosesPartOfAQuadIsCaught) {
  const std::string doc = "# a comment\n\n<http://a/s> <http://a/p> \"chat\"@fr <http://a/g> .\n";
  EXPECT_EQ(CheckNQuads(doc), std::nullopt);
  EXPECT_EQ(TEST_CheckNQuadsWith(doc, DropsLanguageTags),
            "line 3 written out as \"<http://a/s> <http://a/p> \"chat\" <http://a/g> .\" parses back with a different "
            "object");
  EXPECT_EQ(TEST_CheckNQuadsWith(doc, DropsTheDot),
            "line 3 written out as \"<http://a/s> <http://a/p> \"chat\"@fr <http://a/g>\" does not parse back: column "
            "49: expected '.' at the end of the statement");
}

TEST(FuzzChecks, ADiagnosticOffItsTextIsNamed) {
  const std::string text = "MATCH ?a pact ?b\nRETURN ?zz";
  grammar::Diagnostic d;
  d.line = 2;
  d.column = 8;
  d.length = 3;
  d.message = "unknown variable ?zz";
  EXPECT_EQ(CheckDiagnostic(text, d), std::nullopt);
  d.column = 12;  // the end of line 2 is column 11
  EXPECT_EQ(CheckDiagnostic(text, d),
            "diagnostic \"unknown variable ?zz\" at 2:12: past the end of its line of 10 characters");
  d.column = 8;
  d.line = 3;
  EXPECT_EQ(CheckDiagnostic(text, d), "diagnostic \"unknown variable ?zz\" at 3:8: the text has fewer lines");
  d.line = 0;
  EXPECT_EQ(CheckDiagnostic(text, d), "diagnostic \"unknown variable ?zz\" at 0:8: lines and columns start at 1");
  d.line = 2;
  d.message.clear();
  EXPECT_EQ(CheckDiagnostic(text, d), "a diagnostic at 2:8 without a message");
}

TEST(FuzzChecks, AJsonlClaimOutsideItsRangesIsNamed) {
  codec::LineError e;
  auto parsed = codec::ParseJsonlClaim(
      R"({"subject":"Japan","predicate":"pact","object":"India","source":"s","span":[3,9],"confidence":0.5})", &e);
  ASSERT_TRUE(parsed) << e.message;
  EXPECT_EQ(CheckJsonlClaim(*parsed), std::nullopt);
  codec::FileClaim c = *parsed;
  c.claim.confidence = 1.5;
  EXPECT_EQ(CheckJsonlClaim(c), "confidence 1.5 accepted, outside [0, 1]");
  c = *parsed;
  c.claim.span_begin = 10;
  EXPECT_EQ(CheckJsonlClaim(c), "span [10, 9] accepted, begin > end");
  c = *parsed;
  c.claim.subject = "--";
  EXPECT_EQ(CheckJsonlClaim(c), "subject \"--\" accepted without letters or digits");
}

// The regression run itself reports a broken property: the same runner, over
// the same kept inputs, with a harness broken on purpose.
TEST(FuzzRegression, ABrokenHarnessFailsTheRun) {
  EXPECT_NONFATAL_FAILURE(
      ExpectRegressionsHold([](std::string_view text) { return TEST_CheckNQuadsWith(text, DropsLanguageTags); },
                            "nquads"),
      "parses back with a different object");
  // An extractor whose quotes run one byte short of their spans.
  auto short_quotes = [](std::string_view text) {
    ingest::Extraction ex = ingest::testing::ExamplePipeline()->Extract(text);
    for (auto& c : ex.claims)
      if (!c.quote.empty()) c.quote.pop_back();
    return CheckExtraction(text, ex);
  };
  EXPECT_NONFATAL_FAILURE(ExpectRegressionsHold(short_quotes, "ingest"), "but its span");
  // A parser whose diagnostics point past the end of their line.
  auto shifted = [](std::string_view text) -> Violation {
    for (auto d : grammar::Parse(text).diagnostics) {
      d.column += 1000;
      if (Violation v = CheckDiagnostic(text, d)) return v;
    }
    return std::nullopt;
  };
  EXPECT_NONFATAL_FAILURE(ExpectRegressionsHold(shifted, "claimql"), "past the end of its line");
  // An importer that lets a confidence of 2 through.
  auto lax = [](std::string_view line) -> Violation {
    codec::LineError e;
    auto parsed = codec::ParseJsonlClaim(line, &e);
    if (!parsed) return std::nullopt;
    parsed->claim.confidence *= 2;
    return CheckJsonlClaim(*parsed);
  };
  EXPECT_NONFATAL_FAILURE(ExpectRegressionsHold(lax, "jsonl"), "outside [0, 1]");
}

}  // namespace
}  // namespace claimgraph::fuzz
