// Hostile and malformed input through a live server: every request gets a
// clear error (a gRPC code and a message, with the position for syntax), the
// server keeps serving, its memory stays bounded, and nothing is written.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

long RssMiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  return -1;
}

class HostileInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string src = CLAIMGRAPH_SOURCE_DIR;
    server_ = new ServerProcess({"--max-message-bytes", std::to_string(8 << 20), "--schema",
                                 src + "/examples/schema.json", "--rules", src + "/examples/ingest/rules.json"});
  }
  static void TearDownTestSuite() { delete server_; }
  static ServerProcess* server_;
};
ServerProcess* HostileInput::server_ = nullptr;

TEST_F(HostileInput, MalformedQueriesAnswerWithCodeMessageAndPosition) {
  uint64_t before = Transactions(*server_);
  struct Case {
    std::string name, text;
    std::vector<grpc::StatusCode> codes;
    std::string must_contain;  // in the message
  };
  const auto kInvalid = grpc::StatusCode::INVALID_ARGUMENT;
  const auto kExhausted = grpc::StatusCode::RESOURCE_EXHAUSTED;
  std::string deep = "MATCH ?a pact ?b WHERE " + std::string(10000, '(') + "1 = 1" + std::string(10000, ')') + " RETURN ?a";
  std::string deep_braces = "MATCH ?a pact ?b WHERE EXISTS " + std::string(10000, '{') + " RETURN ?a";
  std::string huge_literal = "MATCH ?a pact \"" + std::string(3 << 20, 'x') + "\" RETURN ?a";
  std::vector<Case> cases = {
      {"unbalanced parenthesis", "MATCH ?a pact ?b WHERE (?a = ?b RETURN ?a", {kInvalid}, "line 1:"},
      {"unbalanced brace", "MATCH ?a pact ?b WHERE NOT EXISTS { ?b pact ?c RETURN ?a", {kInvalid}, "line 1:"},
      {"stray closing brace", "MATCH ?a pact ?b } RETURN ?a", {kInvalid}, "line 1:"},
      {"10,000-deep parentheses", deep, {kInvalid}, "nest"},
      {"10,000-deep braces", deep_braces, {kInvalid}, "nest"},
      {"3 MB literal", huge_literal, {kInvalid, kExhausted}, ""},
      {"NUL byte", std::string("MATCH ?a pact\0 ?b RETURN ?a", 27), {kInvalid}, "line 1:"},
      {"unknown keyword", "SELEKT ?a WHERE ?a pact ?b", {kInvalid}, "line 1:"},
      {"misspelt predicate", "MATCH ?a pactt ?b RETURN ?a", {kInvalid}, "did you mean"},
      {"absurd path bound", "MATCH ?a pact{1,2147483647} ?b RETURN ?a", {kInvalid, kExhausted}, "depth"},
      {"path bound beyond int", "MATCH ?a pact{1,99999999999999999999} ?b RETURN ?a", {kInvalid}, "line 1:"},
      {"inverted path bounds", "MATCH ?a pact{5,2} ?b RETURN ?a", {kInvalid}, "line 1:"},
      {"huge LIMIT", "MATCH ?a pact ?b RETURN ?a LIMIT 99999999999999999999999", {kInvalid}, "line 1:"},
      {"empty statement", "", {kInvalid}, ""},
      {"only a comment", "-- nothing here", {kInvalid}, ""},
      {"unterminated string", "MATCH ?a pact \"Japan RETURN ?a", {kInvalid}, "line 1:"},
      {"unbound variable", "MATCH ?a pact ?b RETURN ?zzz", {kInvalid}, "?zzz"},
      {"two statements", "SHOW STATS; SHOW STATS", {kInvalid}, ""},
  };
  for (const auto& c : cases) {
    // As a writer: a statement that got through could write, and the test
    // checks that nothing was written.
    QueryResult o = RunQuery(*server_, kWriter, c.text, 30000);
    EXPECT_FALSE(o.status.ok()) << c.name;
    EXPECT_NE(std::find(c.codes.begin(), c.codes.end(), o.status.error_code()), c.codes.end())
        << c.name << ": code " << o.status.error_code() << " " << o.status.error_message().substr(0, 300);
    EXPECT_FALSE(o.status.error_message().empty()) << c.name;
    if (!c.must_contain.empty()) {
      EXPECT_NE(o.status.error_message().find(c.must_contain), std::string::npos)
          << c.name << ": " << o.status.error_message().substr(0, 300);
    }
  }
  // The server is still serving, nothing was written, memory is bounded.
  QueryResult ok = RunQuery(*server_, kReader, "MATCH ?a member-of \"Quad\" RETURN ?a");
  EXPECT_TRUE(ok.status.ok()) << ok.status.error_message();
  EXPECT_FALSE(ok.rows.empty());
  EXPECT_EQ(Transactions(*server_), before);
  long rss = RssMiB(server_->pid());
  EXPECT_GT(rss, 0);
  EXPECT_LT(rss, 1024) << "server RSS after hostile queries: " << rss << " MiB";
}

TEST_F(HostileInput, OversizedRequestsAreRefusedBeforeTheEngine) {
  std::string huge = "MATCH ?a pact ?b WHERE ?a = \"" + std::string(12 << 20, 'y') + "\" RETURN ?a";
  QueryResult o = RunQuery(*server_, kWriter, huge, 30000);
  EXPECT_EQ(o.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << o.status.error_message();
  v1::IngestDocumentRequest big;
  big.set_text(std::string(12 << 20, 'z'));
  v1::IngestDocumentResponse resp;
  EXPECT_EQ(server_->stub().IngestDocument(As(kWriter).get(), big, &resp).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(RunQuery(*server_, kReader, "SHOW STATS").status.ok());
}

TEST_F(HostileInput, ARunOnDocumentIsIngestedInBoundedWork) {
  // 6 MB without a single period: one "sentence" of 1.2 million tokens made
  // the relation rules quadratic (minutes of CPU); sentences are now cut into
  // pieces of bounded length, and the dry run answers like any other.
  std::string text;
  while (text.size() < (6u << 20)) text += "Japan and India signed a pact with France, ";
  v1::IngestDocumentRequest req;
  req.set_text(text);
  req.set_dry_run(true);
  v1::IngestDocumentResponse resp;
  grpc::Status s = server_->stub().IngestDocument(As(kReader, 60000).get(), req, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_GT(resp.claims_size(), 0);
  EXPECT_TRUE(RunQuery(*server_, kReader, "SHOW STATS").status.ok());
}

TEST_F(HostileInput, InvalidUtf8InAStatementIsRefusedWithItsPosition) {
  // QueryRequest{statement (field 1) = "MATCH ?a pact \xff\xfe ..."}, sent raw
  // (statement is bytes in the proto so that the parser, not protobuf, answers).
  std::string statement = "MATCH ?a pact \xff\xfe RETURN ?a";
  std::string request = std::string("\x0a", 1) + static_cast<char>(statement.size()) + statement;
  std::string response;
  grpc::Status s = RawUnary(server_->channel(), "/claimgraph.v1.ClaimGraph/Explain", request, &response, kReader);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << s.error_message();
  EXPECT_NE(s.error_message().find("line 1:15: query text is not valid UTF-8"), std::string::npos) << s.error_message();
  EXPECT_TRUE(RunQuery(*server_, kReader, "SHOW STATS").status.ok());
}

TEST_F(HostileInput, BadWritesAreRefusedWhole) {
  uint64_t before = Transactions(*server_);
  auto claim = [](std::string s, std::string p, std::string o, std::string src) {
    v1::ClaimInput c;
    c.set_subject(s);
    c.set_predicate(p);
    c.set_object_entity(o);
    c.set_source(src);
    return c;
  };
  struct Case {
    std::string name;
    v1::ClaimInput bad;
  };
  v1::ClaimInput out_of_range = claim("Japan", "pact", "India", "s");
  out_of_range.set_confidence(7.5);
  out_of_range.set_has_confidence(true);
  v1::ClaimInput bad_span = claim("Japan", "pact", "India", "s");
  bad_span.set_has_span(true);
  bad_span.set_span_begin(10);
  bad_span.set_span_end(2);
  std::vector<Case> cases = {{"empty subject", claim("", "pact", "India", "s")},
                             {"unknown predicate", claim("Japan", "pactt", "India", "s")},
                             {"no source", claim("Japan", "pact", "India", "")},
                             {"confidence 7.5", out_of_range},
                             {"span ends before it begins", bad_span}};
  for (const auto& c : cases) {
    v1::AssertRequest req;
    *req.add_claims() = claim("Japan", "pact", "Vietnam", "hostile");  // valid, must not survive
    *req.add_claims() = c.bad;
    v1::WriteResponse resp;
    grpc::Status s = server_->stub().Assert(As(kWriter).get(), req, &resp);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.name << ": " << s.error_message();
    EXPECT_NE(s.error_message().find("claim 2"), std::string::npos) << c.name << ": " << s.error_message();
  }
  v1::RetractRequest retract;
  retract.add_claim_ids(987654321);
  retract.set_reason("no such claim");
  v1::WriteResponse resp;
  EXPECT_EQ(server_->stub().Retract(As(kWriter).get(), retract, &resp).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Transactions(*server_), before);
}

TEST_F(HostileInput, CorruptImportLinesNameTheLineAndLoadNothing) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::string file = dir.path() + "/claims.jsonl";
  {
    std::ofstream out(file);
    out << R"({"subject": "Japan", "predicate": "pact", "object": "Vietnam", "source": "load-test"})" << "\n";
    out << R"({"subject": "Japan", "predicate": "pact", "object": "India", "source": "load-test"})" << "\n";
    out << R"({"subject": "Japan", "predicate": "pact", "object": )" << "\n";  // corrupt
  }
  uint64_t before = Transactions(*server_);
  std::string cmd = BinaryDir() + "/tools/claimgraph/claimgraph load " + file + " --server " + server_->address() +
                    " --token " + kWriter + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_NE(WEXITSTATUS(pclose(p)), 0) << out;
  EXPECT_NE(out.find("claims.jsonl:3"), std::string::npos) << out;
  EXPECT_EQ(Transactions(*server_), before);
}

}  // namespace
}  // namespace claimgraph::testing
