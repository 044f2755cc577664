// One file, two ways in, the same errors: `claimgraphd import` (offline) and
// `claimgraph load` (through a running server) read claim files with the same
// reader (codec::ClaimLineReader), so a file with bad lines gets the same
// FILE:LINE:COLUMN: message lines from both — and neither writes anything.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

std::string Claimgraphd() { return BinaryDir() + "/server/claimgraphd"; }
std::string Claimgraph() { return BinaryDir() + "/tools/claimgraph/claimgraph"; }

// Bad terms, a literal that does not fit its datatype, a nameless entity, an
// empty source — between good lines, a comment and a blank line.
const char* kQuads =
    "<urn:claimgraph:entity:Japan> <urn:claimgraph:predicate:pact> <urn:claimgraph:entity:India> "
    "<urn:claimgraph:source:s1> .\n"
    "<urn:e:a> <urn:p:q> <relative> .\n"
    "<urn:e:a> <urn:p:count> \"12x\"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:g:s> .\n"
    "<urn:claimgraph:entity:...> <urn:p:q> <urn:e:b> .\n"
    "<urn:e:a> <urn:p:q> <urn:e:b> <urn:claimgraph:source:> .\n"
    "# a comment\n"
    "\n"
    "<urn:e:a> <urn:p:q> <urn:e:b> .\n"
    "<urn:e:a> <urn:p:q> \"unterminated .\n";

// Spans with a non-number and with one end, an unknown modality, an empty
// source and predicate, JSON cut short, a missing key, a valid time that is
// not a date and one that ends before it begins.
const char* kClaims =
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1"})" "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","span":[3,"x"]})" "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","span":[5]})" "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","modality":"rumoured"})" "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":""})" "\n"
    R"({"subject":"Japan","predicate":"","object":"India","source":"s1"})" "\n"
    R"({"subject":"Japan","predicate":"pact","object": )" "\n"
    "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India"})" "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","valid_from":"2015-02-30"})" "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","valid_from":"1991","valid_to":"1949"})" "\n";

class SameErrors : public ::testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(dir_.path()); }
  std::string Path(const std::string& name) const { return dir_.path() + "/" + name; }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name)) << text;
    return Path(name);
  }
  Ran Run(const std::vector<std::string>& argv) { return RunCaptured(argv, dir_.path()); }

  // The lines of `err` that report a line of `file` ("FILE:LINE[:COLUMN]: ...").
  static std::set<std::string> LineErrors(const std::string& err, const std::string& file) {
    std::set<std::string> out;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);)
      if (line.rfind(file + ":", 0) == 0) out.insert(line.substr(file.size()));
    return out;
  }

  // What each tool reports for `file`; checks that neither wrote anything.
  void ExpectBothReport(const std::string& file, const std::set<std::string>& expected) {
    const std::string data = Path("data-" + std::filesystem::path(file).filename().string());
    Ran imported = Run({Claimgraphd(), "import", "--data", data, file});
    EXPECT_EQ(imported.code, 1) << imported.err;
    EXPECT_NE(imported.err.find("nothing was imported"), std::string::npos) << imported.err;
    EXPECT_EQ(Run({Claimgraphd(), "export", "--data", data}).out, "") << "import wrote claims";

    uint64_t before = Transactions(*server_);
    Ran loaded = Run({Claimgraph(), "--server", server_->address(), "--token", kWriter, "load", file});
    EXPECT_EQ(loaded.code, 1) << loaded.err;
    EXPECT_NE(loaded.err.find("nothing was sent"), std::string::npos) << loaded.err;
    EXPECT_EQ(Transactions(*server_), before) << "load wrote a transaction";

    EXPECT_EQ(LineErrors(imported.err, file), expected) << imported.err;
    EXPECT_EQ(LineErrors(loaded.err, file), expected) << loaded.err;
  }

  static void SetUpTestSuite() { server_ = new ServerProcess({}, "", /*load_examples=*/false); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServerProcess* server_;
  TempDir dir_;
};

ServerProcess* SameErrors::server_ = nullptr;

TEST_F(SameErrors, NQuadsImportAndLoadReportTheSameLinesAndWriteNothing) {
  ExpectBothReport(Write("bad.nq", kQuads),
                   {":2:21: relative IRI <relative> (N-Quads needs absolute IRIs)",
                    ":3:25: \"12x\" is not a valid xsd:integer",
                    ":4:1: <urn:claimgraph:entity:...> names no entity (no letters or digits)",
                    ":5:31: the graph label names no source",
                    ":9:21: unterminated string literal"});
}

TEST_F(SameErrors, JsonlImportAndLoadReportTheSameLinesAndWriteNothing) {
  ExpectBothReport(Write("bad.jsonl", kClaims),
                   {":2:80: \"span\" must be [begin, end] with 0 <= begin <= end",
                    ":3:77: \"span\" must be [begin, end] with 0 <= begin <= end",
                    ":4:81: modality \"rumoured\" is not one of asserted, reported, proposed, denied",
                    ":5:65: \"source\" must not be empty: every claim needs a source",
                    ":6:32: \"predicate\" must not be empty",
                    ":7: not valid JSON",
                    ":9: missing \"source\"",
                    ":10:83: valid_from \"2015-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)",
                    ":11:83: valid_from \"1991\" is after valid_to \"1949\""});
}

// A file whose name says no format is refused by both, before reading it.
TEST_F(SameErrors, AnUnknownExtensionIsRefusedByBoth) {
  std::string file = Write("claims.txt", kClaims);
  Ran imported = Run({Claimgraphd(), "import", "--data", Path("data-txt"), file});
  Ran loaded = Run({Claimgraph(), "--server", server_->address(), "--token", kWriter, "load", file});
  EXPECT_NE(imported.code, 0);
  EXPECT_NE(loaded.code, 0);
  const std::string message = file + ": unknown format (use .nq/.nt for N-Quads, .jsonl for claims)";
  EXPECT_NE(imported.err.find(message), std::string::npos) << imported.err;
  EXPECT_NE(loaded.err.find(message), std::string::npos) << loaded.err;
}

// A good N-Quads file and a JSONL file with one bad line, given together:
// both tools write nothing at all (import was one transaction per format and
// committed the N-Quads before it met the JSONL).
TEST_F(SameErrors, OneBadLineInAnyFileOfSeveralWritesNothingEitherWay) {
  std::string good = Write("good.nq",
                           "<urn:claimgraph:entity:Japan> <urn:claimgraph:predicate:pact> "
                           "<urn:claimgraph:entity:India> <urn:claimgraph:source:s1> .\n");
  std::string bad = Write("mixed.jsonl", std::string(R"({"subject":"Japan","predicate":"pact","object":"Fiji","source":"s1"})") +
                                            "\n" + R"({"subject":"Japan","predicate":"pact","object":"India","source":""})" + "\n");
  const std::string data = Path("data-mixed");
  Ran imported = Run({Claimgraphd(), "import", "--data", data, good, bad});
  EXPECT_EQ(imported.code, 1) << imported.err;
  EXPECT_EQ(LineErrors(imported.err, bad), (std::set<std::string>{":2:65: \"source\" must not be empty: every claim needs a source"}))
      << imported.err;
  EXPECT_EQ(Run({Claimgraphd(), "export", "--data", data}).out, "") << "import wrote the N-Quads file";

  uint64_t before = Transactions(*server_);
  Ran loaded = Run({Claimgraph(), "--server", server_->address(), "--token", kWriter, "load", good, bad});
  EXPECT_EQ(loaded.code, 1) << loaded.err;
  EXPECT_EQ(LineErrors(loaded.err, bad), LineErrors(imported.err, bad)) << loaded.err;
  EXPECT_EQ(Transactions(*server_), before);
}

// What only the store can refuse — a likely typo of a predicate — is said of
// the file's line by both: import rejects the line, load maps the server's
// "claim N" of the batch back to it.
TEST_F(SameErrors, AStoreRefusalIsNamedAtItsLineByBoth) {
  std::string file = Write("typo.jsonl", std::string(R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1"})") +
                                             "\n\n" + R"({"subject":"Japan","predicate":"pactt","object":"India","source":"s1"})" + "\n");
  const std::string data = Path("data-typo");
  // The store must know "pact" for "pactt" to look like its typo.
  std::string schema = Write("schema.json", R"({"format": "claimgraph-schema/1", "predicates": [{"name": "pact", "symmetric": true}]})");
  Ran imported = Run({Claimgraphd(), "import", "--data", data, "--schema", schema, file});
  EXPECT_EQ(imported.code, 1) << imported.err;
  std::set<std::string> import_errors = LineErrors(imported.err, file);
  ASSERT_EQ(import_errors.size(), 1u) << imported.err;
  EXPECT_EQ(import_errors.begin()->rfind(":3: unknown predicate 'pactt'; did you mean 'pact'?", 0), 0u) << imported.err;

  Ran defined = Run({Claimgraph(), "--server", server_->address(), "--token", kAdmin, "query",
                     "DEFINE PREDICATE pact SYMMETRIC"});
  ASSERT_EQ(defined.code, 0) << defined.err;
  Ran loaded = Run({Claimgraph(), "--server", server_->address(), "--token", kWriter, "load", "--batch", "10", file});
  EXPECT_EQ(loaded.code, 1) << loaded.err;
  EXPECT_EQ(LineErrors(loaded.err, file), import_errors) << loaded.err;
  EXPECT_NE(loaded.err.find("nothing of this batch was written"), std::string::npos) << loaded.err;
}

TEST_F(SameErrors, ABatchOfNoClaimsIsRefusedAsAnOption) {
  std::string file = Write("one.jsonl", std::string(R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1"})") + "\n");
  Ran loaded = Run({Claimgraph(), "--server", server_->address(), "--token", kWriter, "load", "--batch", "0", file});
  EXPECT_NE(loaded.code, 0);
  EXPECT_NE(loaded.err.find("--batch"), std::string::npos) << loaded.err;
}

}  // namespace
}  // namespace claimgraph::testing
