// The HTTP/JSON API against a real claimgraphd: every endpoint, each role,
// the same answers as gRPC, bad bodies, limits, deadlines, a client that goes
// away, the browser checks, TLS, the log, the page's files and the drain.
#include <gtest/gtest.h>

#include <google/protobuf/util/message_differencer.h>

#include <atomic>
#include <thread>

#include "tests/numbered.h"
#include "tests/server/http_harness.h"
#include "tests/server/test_certs.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::testing {
namespace {

using google::protobuf::util::MessageDifferencer;
using nlohmann::json;

v1::ClaimInput Edge(const std::string& s, const std::string& p, const std::string& o) {
  v1::ClaimInput c;
  c.set_subject(s);
  c.set_predicate(p);
  c.set_object_entity(o);
  c.set_source("http-clique");
  return c;
}

// n nodes that all know each other: a 4-hop COUNT over 40 of them runs for
// minutes, long enough to cancel or to time out.
void AssertClique(ServerProcess& server, int n) {
  ASSERT_TRUE(RunQuery(server, kWriter, "DEFINE PREDICATE knows").status.ok());
  v1::AssertRequest req;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (i != j) *req.add_claims() = Edge(Numbered("n", i), "knows", Numbered("n", j));
  v1::WriteResponse w;
  ASSERT_TRUE(server.stub().Assert(As(kWriter).get(), req, &w).ok());
}
std::string HexEscape(unsigned char c) {
  const char* digits = "0123456789ABCDEF";
  return {'%', digits[c >> 4], digits[c & 15]};
}

std::string PercentEncoded(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out.push_back(static_cast<char>(c));
    else out += HexEscape(c);
  }
  return out;
}

const char* kSlowCount = "MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d, ?d knows ?e RETURN COUNT(*)";

class HttpApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { process_ = new HttpServerProcess(); }
  static void TearDownTestSuite() {
    delete process_;
    process_ = nullptr;
  }
  ServerProcess& server() { return process_->server(); }
  HttpClient http() { return process_->client(); }
  static HttpServerProcess* process_;
};
HttpServerProcess* HttpApi::process_ = nullptr;

TEST_F(HttpApi, QueriesAnswerWhatGrpcAnswers) {
  HttpClient h = http();
  for (std::string statement : {
           "MATCH ?x member-of \"Quad\" RETURN ?x",
           "MATCH ?x member-of \"Quad\" RETURN ?x WITH FULL PROVENANCE",
           "MATCH ?a shares-intel ?b RETURN ?a, ?b, COUNT(*) AS n ORDER BY n DESC, ?a, ?b",
           "MATCH ?x member-of \"Five Eyes\" AS OF TX 2 RETURN ?x",
           "SHOW STATS",
           "SHOW PREDICATES",
           "HISTORY CLAIM 3",
           "MATCH ?x memberof \"Quad\" RETURN ?x",
           "MATCH ?x member-of \"Quad\"\n  RETURN ?y",
       }) {
    SCOPED_TRACE(statement);
    QueryResult grpc = RunQuery(server(), kReader, statement, 20000, 3);
    HttpQueryResult web = HttpQuery(h, kReader, statement, {{"batch_rows", 3}});
    ASSERT_EQ(web.status, 200) << web.body;
    if (!grpc.status.ok()) {
      ASSERT_FALSE(web.error.is_null()) << web.body;
      EXPECT_EQ(web.error["code"], static_cast<int>(grpc.status.error_code()));
      EXPECT_EQ(web.error["message"], grpc.status.error_message());
      continue;
    }
    ASSERT_TRUE(web.ok()) << web.body;
    EXPECT_EQ(web.columns, grpc.columns);
    ASSERT_EQ(web.rows.size(), grpc.rows.size());
    for (size_t i = 0; i < web.rows.size(); ++i)
      EXPECT_TRUE(MessageDifferencer::Equals(web.rows[i], grpc.rows[i])) << web.rows[i].DebugString();
    EXPECT_EQ(web.messages.size(), static_cast<size_t>(grpc.messages));  // the same batches
    v1::QueryTrailer a = web.trailer, b = grpc.trailer;
    a.clear_elapsed_ms();  // the clocks differ from run to run
    b.clear_elapsed_ms();
    a.clear_cpu_ms();
    b.clear_cpu_ms();
    EXPECT_TRUE(MessageDifferencer::Equals(a, b)) << a.DebugString() << b.DebugString();
  }
  // Header and trailer print every field; a row leaves out an empty provenance.
  HttpQueryResult plain = HttpQuery(h, kReader, "MATCH ?x member-of \"Quad\" RETURN ?x");
  EXPECT_NE(plain.body.find(R"("as_of_tx":"0")"), std::string::npos) << plain.body;
  EXPECT_NE(plain.body.find(R"("written_tx":"0")"), std::string::npos) << plain.body;
  EXPECT_EQ(plain.body.find(R"("provenance")"), std::string::npos) << plain.body;
  HttpQueryResult cited = HttpQuery(h, kReader, "MATCH ?x member-of \"Quad\" RETURN ?x WITH PROVENANCE");
  EXPECT_NE(cited.body.find(R"("provenance":[")"), std::string::npos) << cited.body;
}

TEST_F(HttpApi, ReadEndpointsAnswerTheGrpcMessages) {
  HttpClient h = http();
  v1::GetClaimRequest gc;
  gc.set_id(3);
  v1::Claim claim;
  ASSERT_TRUE(server().stub().GetClaim(As(kReader).get(), gc, &claim).ok());
  HttpAnswer a = h.Get("/v1/claims/3", kReader);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.header("Content-Type"), "application/json");
  EXPECT_TRUE(MessageDifferencer::Equals(FromJson<v1::Claim>(a.body), claim));
  // Field names as in the .proto, every field printed, 64-bit numbers as strings.
  json j = a.json();
  EXPECT_EQ(j["span_begin"], std::to_string(claim.span_begin()));
  EXPECT_EQ(j["retracted_tx"], "0");
  EXPECT_EQ(j["modality"], v1::Modality_Name(claim.modality()));
  // min_tx as a query parameter, as on gRPC: one beyond the newest waits
  // out timeout_ms and names where the node stands.
  a = h.Get("/v1/claims/3?min_tx=1", kReader);
  EXPECT_EQ(a.status, 200) << a.body;
  a = h.Get("/v1/claims/3?min_tx=999999&timeout_ms=300", kReader);
  EXPECT_EQ(a.status, 504) << a.body;
  EXPECT_NE(a.body.find("the read asked for tx 999999 (min_tx)"), std::string::npos) << a.body;

  v1::HistoryRequest hr;
  hr.set_claim_id(3);
  v1::HistoryResponse history;
  ASSERT_TRUE(server().stub().History(As(kReader).get(), hr, &history).ok());
  a = h.Get("/v1/claims/3/history", kReader);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_TRUE(MessageDifferencer::Equals(FromJson<v1::HistoryResponse>(a.body), history));

  v1::GetSourceRequest gs;
  gs.set_key(claim.source());
  v1::Source source;
  ASSERT_TRUE(server().stub().GetSource(As(kReader).get(), gs, &source).ok());
  a = h.Get("/v1/sources/" + PercentEncoded(claim.source()), kReader);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_TRUE(MessageDifferencer::Equals(FromJson<v1::Source>(a.body), source));

  v1::StatsRequest sr;
  sr.set_by_predicate(true);
  v1::StatsResponse stats;
  ASSERT_TRUE(server().stub().Stats(As(kReader).get(), sr, &stats).ok());
  a = h.Get("/v1/stats?by_predicate=true", kReader);
  ASSERT_EQ(a.status, 200) << a.body;
  v1::StatsResponse web = FromJson<v1::StatsResponse>(a.body);
  web.clear_disk_bytes();  // the store may flush between the two calls
  stats.clear_disk_bytes();
  EXPECT_TRUE(MessageDifferencer::Equals(web, stats)) << a.body;
  EXPECT_GT(web.by_predicate_size(), 0);

  a = h.Post("/v1/explain", R"({"statement": "MATCH ?x member-of \"Quad\" RETURN ?x"})", kReader);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_FALSE(FromJson<v1::ExplainResponse>(a.body).plan().empty());
}

TEST_F(HttpApi, BatchGetAndAsOfAreTheGrpcCalls) {
  HttpClient h = http();
  v1::BatchGetClaimsRequest req;
  for (uint64_t id : {3, 1, 3}) req.add_ids(id);
  v1::BatchGetClaimsResponse grpc;
  ASSERT_TRUE(server().stub().BatchGetClaims(As(kReader).get(), req, &grpc).ok());
  HttpAnswer a = h.Post("/v1/claims:batchGet", R"({"ids": ["3", 1, "3"]})", kReader);
  ASSERT_EQ(a.status, 200) << a.body;
  auto web = FromJson<v1::BatchGetClaimsResponse>(a.body);
  EXPECT_TRUE(MessageDifferencer::Equals(web, grpc));
  ASSERT_EQ(web.claims_size(), 3);
  EXPECT_EQ(web.claims(0).id(), 3u);
  EXPECT_EQ(web.claims(1).id(), 1u);
  HttpAnswer missing = h.Post("/v1/claims:batchGet", R"({"ids": ["999999"]})", kReader);
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("999999"), std::string::npos) << missing.body;

  // as_of_tx: the statement as it was at an early transaction, over both transports.
  const std::string statement = "MATCH ?a shares-intel ?b RETURN ?a, ?b";  // tx 1 is the schema, the claims tx 2
  HttpQueryResult now = HttpQuery(h, kReader, statement);
  HttpQueryResult then = HttpQuery(h, kReader, statement, {{"as_of_tx", "1"}});
  ASSERT_TRUE(then.ok()) << then.body;
  EXPECT_LT(then.rows.size(), now.rows.size());
  ASSERT_FALSE(then.messages.empty());
  EXPECT_EQ(then.messages.front().header().as_of_tx(), 1u);
  v1::QueryRequest q;
  q.set_statement(statement);
  q.set_as_of_tx(1);
  QueryResult grpc_then = RunQuery(server().stub(), kReader, q);
  EXPECT_EQ(then.rows.size(), grpc_then.rows.size());
  HttpQueryResult twice = HttpQuery(h, kReader, "MATCH ?x member-of ?g AS OF TX 2 RETURN ?x", {{"as_of_tx", 2}});
  ASSERT_FALSE(twice.error.is_null()) << twice.body;
  EXPECT_EQ(twice.error["code"], 3);
  EXPECT_TRUE(twice.error.contains("column"));
}

TEST_F(HttpApi, RolesAreTheGrpcRoles) {
  HttpClient h = http();
  // No token, a malformed one, an unknown one: 401 with the gRPC code.
  for (const auto& [token, header] : std::vector<std::pair<std::string, std::string>>{
           {"", ""}, {"", "Basic abc"}, {"not-a-token", ""}}) {
    httplib::Headers headers;
    if (!header.empty()) headers.emplace("Authorization", header);
    HttpAnswer a = h.Get("/v1/stats", token, headers);
    EXPECT_EQ(a.status, 401) << a.body;
    EXPECT_EQ(a.json()["code"], 16);
    EXPECT_EQ(a.json()["status"], "UNAUTHENTICATED");
    EXPECT_EQ(a.header("WWW-Authenticate"), "Bearer");
  }
  // The chain is every reader's to verify; the index check (writes wait) is the admin's.
  HttpAnswer chain = h.Post("/v1/audit/verify", "{}", kReader);
  ASSERT_EQ(chain.status, 200) << chain.body;
  EXPECT_TRUE(FromJson<v1::VerifyAuditResponse>(chain.body).ok()) << chain.body;
  HttpAnswer denied = h.Post("/v1/audit/verify", R"({"indexes": true})", kReader);
  EXPECT_EQ(denied.status, 403) << denied.body;
  EXPECT_EQ(denied.json()["code"], 7);
  EXPECT_EQ(h.Get("/v1/audit/verify?indexes=true", kWriter).status, 403);
  HttpAnswer verified = h.Post("/v1/audit/verify", R"({"indexes": true})", kAdmin);
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_TRUE(FromJson<v1::VerifyAuditResponse>(verified.body).ok()) << verified.body;
  EXPECT_EQ(h.Get("/v1/audit/verify?indexes=true", kAdmin).status, 200);

  // A reader cannot write through a statement: the stream's last line says
  // so, and nothing was written.
  uint64_t before = Transactions(server());
  HttpQueryResult retract = HttpQuery(h, kReader, "RETRACT CLAIM 1 REASON \"not mine to retract\"");
  EXPECT_EQ(retract.status, 200);
  ASSERT_FALSE(retract.error.is_null()) << retract.body;
  EXPECT_EQ(retract.error["code"], 7) << retract.body;
  EXPECT_EQ(Transactions(server()), before);
  HttpAnswer assert_call = h.Post("/v1/assert", R"({"claims": [{"subject": "Japan", "predicate": "pact",
      "object_entity": "Philippines", "source": "http-test"}]})", kReader);
  EXPECT_EQ(assert_call.status, 403) << assert_call.body;
  EXPECT_EQ(Transactions(server()), before);

  // A writer can.
  HttpQueryResult written =
      HttpQuery(h, kWriter, "ASSERT \"Japan\" pact \"Philippines\" SOURCE \"http-test\" CONFIDENCE 0.7");
  ASSERT_TRUE(written.ok()) << written.body;
  EXPECT_GT(written.trailer.written_tx(), before);
  HttpAnswer via_assert = h.Post("/v1/assert", R"({"claims": [{"subject": "Japan", "predicate": "pact",
      "object_entity": "Vietnam", "source": "http-test"}]})", kWriter);
  ASSERT_EQ(via_assert.status, 200) << via_assert.body;
  EXPECT_EQ(FromJson<v1::WriteResponse>(via_assert.body).claim_ids_size(), 1);
}

TEST_F(HttpApi, BadBodiesAreRefusedWithWhatAndWhere) {
  HttpClient h = http();
  auto refused = [&](const std::string& body, const std::string& needle,
                     const std::string& content_type = "application/json") {
    SCOPED_TRACE(body);
    HttpAnswer a = h.Post("/v1/query", body, kReader, content_type);
    EXPECT_EQ(a.status, 400) << a.body;
    EXPECT_EQ(a.json()["code"], 3) << a.body;
    EXPECT_NE(a.json()["message"].get<std::string>().find(needle), std::string::npos) << a.body;
  };
  refused(R"({"statement": "SHOW STATS",)", "byte 28");
  refused("not json", "byte 2");
  refused(R"(["SHOW STATS"])", "must be a JSON object, not array");
  refused(R"({"statement": "SHOW STATS", "batchrows": 3})", "batchrows");
  refused(R"({"statement": 5})", "statement must be a JSON string");
  refused(R"({"statement": "SHOW STATS", "timeout_ms": -1})", "timeout_ms");
  refused(R"({"statement": "SHOW STATS", "max_rows": "many"})", "max_rows");
  // The statement is the text itself, never base64: base64 of a statement is
  // a statement the parser refuses.
  HttpQueryResult b64 = HttpQuery(h, kReader, "U0hPVyBTVEFUUw==");
  ASSERT_FALSE(b64.error.is_null()) << b64.body;
  EXPECT_EQ(b64.error["code"], 3);
  // curl -d sends a form content type: the body is still read as JSON.
  HttpAnswer form = h.Post("/v1/query", R"({"statement": "SHOW STATS"})", kReader,
                           "application/x-www-form-urlencoded");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(ReadQueryStream(form).ok()) << form.body;
  // Unknown query parameters of a GET are refused, not ignored.
  HttpAnswer param = h.Get("/v1/stats?by_predicates=true", kReader);
  EXPECT_EQ(param.status, 400) << param.body;
  EXPECT_NE(param.body.find("by_predicates"), std::string::npos);
}

TEST_F(HttpApi, UnknownPathsAndIdsAreNotFound) {
  HttpClient h = http();
  HttpAnswer a = h.Get("/v1/nothing-here", kReader);
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(a.json()["code"], 12);
  EXPECT_EQ(h.Get("/v1/query", kReader).json()["code"], 12);  // a POST endpoint asked with GET
  EXPECT_EQ(h.Get("/v1/claims/abc", kReader).json()["code"], 12);
  HttpAnswer missing = h.Get("/v1/claims/999999", kReader);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json()["code"], 5);
  EXPECT_EQ(h.Get("/v1/sources/no-such-source", kReader).json()["code"], 5);
}

TEST_F(HttpApi, ErrorsCarryTheLineAndColumnGrpcNames) {
  HttpClient h = http();
  std::string statement = "MATCH ?x member-of \"Quad\"\n  RETURN ?x, ?y";
  QueryResult grpc = RunQuery(server(), kReader, statement);
  ASSERT_FALSE(grpc.status.ok());
  ASSERT_EQ(grpc.status.error_message().rfind("line 2:14:", 0), 0u) << grpc.status.error_message();
  HttpQueryResult web = HttpQuery(h, kReader, statement);
  ASSERT_FALSE(web.error.is_null()) << web.body;
  EXPECT_EQ(web.error["line"], 2);
  EXPECT_EQ(web.error["column"], 14);
  EXPECT_EQ(web.error["length"], 2);
  EXPECT_EQ(web.error["status"], "INVALID_ARGUMENT");
  // Explain answers its error with the HTTP status.
  HttpAnswer explain = h.Post("/v1/explain", json{{"statement", "MATCH ?x memberof \"Quad\" RETURN ?x"}}.dump(), kReader);
  EXPECT_EQ(explain.status, 400);
  EXPECT_EQ(explain.json()["line"], 1);
  EXPECT_EQ(explain.json()["column"], 10);
  // A message without a position has no position fields.
  HttpAnswer denied = h.Post("/v1/audit/verify", R"({"indexes": true})", kReader);
  EXPECT_EQ(denied.status, 403) << denied.body;
  EXPECT_FALSE(denied.json().contains("line"));
}

TEST_F(HttpApi, BrowserChecksRefuseOtherSitesButNotCurl) {
  HttpClient h = http();
  std::string own = "http://127.0.0.1:" + std::to_string(process_->http_port());
  EXPECT_EQ(h.Get("/v1/stats", kReader, {{"Origin", own}}).status, 200);
  HttpAnswer foreign = h.Get("/v1/stats", kReader, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(foreign.json()["code"], 7);
  EXPECT_EQ(h.Post("/v1/query", R"({"statement": "SHOW STATS"})", kReader, "application/json",
                   {{"Sec-Fetch-Site", "cross-site"}})
                .status,
            403);
  // DNS rebinding: evil.example resolving to 127.0.0.1 still names itself in Host.
  httplib::Request rebind;
  rebind.method = "GET";
  rebind.path = "/v1/stats";
  rebind.headers = {{"Host", "evil.example:" + std::to_string(process_->http_port())},
                    {"Authorization", "Bearer " + kReader}};
  auto r = h.raw().send(rebind);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
}

TEST_F(HttpApi, EachRequestIsOneLogLineWithoutItsToken) {
  HttpClient h = http();
  HttpQuery(h, kReader, "MATCH ?x member-of \"Quad\" RETURN ?x");
  h.Get("/v1/no-such-path", kAdmin);
  h.Get("/v1/claims/999999", kWriter);  // last: once it is logged, so are the others
  std::string log = server().LogContaining("method=GetClaim principal=walt");
  EXPECT_NE(log.find("method=Query principal=rita"), std::string::npos) << log;
  EXPECT_NE(log.find("rows=4 status=OK transport=http http_status=200"), std::string::npos) << log;
  EXPECT_NE(log.find("method=GetClaim principal=walt"), std::string::npos) << log;
  EXPECT_NE(log.find("status=NOT_FOUND transport=http http_status=404"), std::string::npos) << log;
  for (const std::string& token : {kReader, kWriter, kAdmin}) EXPECT_EQ(log.find(token), std::string::npos);
  EXPECT_EQ(log.find("member-of"), std::string::npos);  // nor the statement
}

TEST(HttpApiLimits, OversizedBodiesAreRefusedAndTheServerKeepsServing) {
  HttpServerProcess process({"--max-message-bytes", "65536"});
  HttpClient h = process.client();
  std::string big = json{{"statement", "SHOW STATS -- " + std::string(70000, 'x')}}.dump();
  HttpAnswer a = h.Post("/v1/query", big, kReader);
  EXPECT_EQ(a.status, 413);
  EXPECT_EQ(a.json()["code"], 8) << a.body;
  EXPECT_NE(a.body.find("65536"), std::string::npos) << a.body;
  // curl -d without a JSON content type: httplib's own (compiled-in) form limit.
  std::string form = json{{"statement", "SHOW STATS -- " + std::string(9000, 'x')}}.dump();
  HttpAnswer f = h.Post("/v1/query", form, kReader, "application/x-www-form-urlencoded");
  EXPECT_EQ(f.status, 413);
  EXPECT_NE(f.body.find("application/json"), std::string::npos) << f.body;
  HttpAnswer as_json = h.Post("/v1/query", form, kReader);
  EXPECT_TRUE(ReadQueryStream(as_json).ok()) << as_json.body.substr(0, 300);
  EXPECT_TRUE(HttpQuery(h, kReader, "SHOW STATS").ok());
}

TEST(HttpApiLimits, DeadlinesDisconnectsAndTheQueryLimitAreGrpcs) {
  HttpServerProcess process({"--max-concurrent-queries", "1"});
  AssertClique(process.server(), 40);
  HttpClient h = process.client();

  // timeout_ms is the deadline: the stream ends with DEADLINE_EXCEEDED.
  HttpQueryResult slow = HttpQuery(h, kReader, kSlowCount, {{"timeout_ms", 200}});
  EXPECT_EQ(slow.status, 200);
  ASSERT_FALSE(slow.error.is_null()) << slow.body;
  EXPECT_EQ(slow.error["code"], 4) << slow.body;

  // While one query runs, a second is refused before its stream: 429. (The
  // probes may take the one slot before the long query does: then it tries again.)
  std::atomic<bool> first_done{false};
  std::thread first([&] {
    HttpClient mine = process.client();
    for (int i = 0; i < 50 && HttpQuery(mine, kReader, kSlowCount, {{"timeout_ms", 4000}}).status == 429; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    first_done = true;
  });
  HttpAnswer second;
  while (!first_done && second.status != 429) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    second = h.Post("/v1/query", R"({"statement": "SHOW STATS"})", kReader);
  }
  EXPECT_EQ(second.status, 429) << second.body;
  EXPECT_EQ(second.json()["code"], 8);
  first.join();

  // A client that goes away cancels its query, and its slot is free again.
  {
    HttpClient gone = process.client();
    gone.raw().set_read_timeout(0, 500000);
    HttpAnswer a = gone.Post("/v1/query", json{{"statement", kSlowCount}}.dump(), kReader);
    EXPECT_EQ(a.status, 0);  // the client gave up
  }
  std::string log = process.server().LogContaining("status=CANCELLED transport=http");
  EXPECT_NE(log.find("method=Query principal=rita"), std::string::npos);
  EXPECT_NE(log.find("status=CANCELLED transport=http"), std::string::npos) << log;
  HttpQueryResult after;
  for (int i = 0; i < 50 && !(after = HttpQuery(h, kReader, "SHOW STATS")).ok(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(after.ok()) << after.body;
}

TEST(HttpApiTls, ServesHttpsWithTheGrpcCertificateAndNotPlainHttp) {
  TempDir certs;
  const TestCert made = SelfSignedCert(certs.path(), "localhost");
  ASSERT_FALSE(made.cert.empty()) << "openssl could not make a test certificate";
  const std::string &key = made.key, &cert = made.cert;
  HttpServerProcess process({"--tls-cert", cert, "--tls-key", key}, Slurp(cert));
  httplib::SSLClient tls("127.0.0.1", process.http_port());
  tls.set_ca_cert_path(cert.c_str());
  tls.enable_server_certificate_verification(true);
  auto r = tls.Get("/v1/stats", {{"Authorization", "Bearer " + kReader}});
  for (int i = 0; i < 100 && !r; ++i) {  // HTTP starts just after gRPC
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    r = tls.Get("/v1/stats", {{"Authorization", "Bearer " + kReader}});
  }
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_GT(FromJson<v1::StatsResponse>(r->body).live_claims(), 0u);
  // The browser check compares Origin with https://, not http://.
  auto same = tls.Get("/v1/stats", {{"Authorization", "Bearer " + kReader},
                                    {"Origin", "https://127.0.0.1:" + std::to_string(process.http_port())}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 200);
  HttpAnswer plain = process.client().Get("/v1/stats", kReader);
  EXPECT_NE(plain.status, 200);
}

TEST(HttpApiPage, ServesTheWebDirWithItsSecurityHeaders) {
  TempDir web;
  std::filesystem::create_directories(web.path() + "/js");
  std::ofstream(web.path() + "/index.html") << "<!doctype html><title>claimgraph</title>";
  std::ofstream(web.path() + "/js/main.js") << "export const answer = 42;\n";
  HttpServerProcess process({"--web-dir", web.path()});
  HttpClient h = process.client();
  HttpAnswer page = h.Get("/");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.body, "<!doctype html><title>claimgraph</title>");
  EXPECT_NE(page.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page.header("X-Content-Type-Options"), "nosniff");
  HttpAnswer script = h.Get("/js/main.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.header("Content-Type"), "text/javascript");
  EXPECT_NE(h.Get("/../etc/passwd").status, 200);
  EXPECT_NE(h.Get("/js/../../etc/passwd").status, 200);
  // The files need no token; the data does.
  EXPECT_EQ(h.Get("/v1/stats").status, 401);
  std::string log = process.server().LogContaining("method=File path=/js/main.js");
  EXPECT_NE(log.find("method=File path=/js/main.js http_status=200"), std::string::npos) << log;
}

TEST(HttpApiShutdown, SigtermFinishesTheStreamRefusesNewCallsAndExitsZero) {
  HttpServerProcess process({"--drain-seconds", "20"});
  AssertClique(process.server(), 24);
  std::string body = json{{"statement", "MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d RETURN ?a, ?d"},
                          {"batch_rows", 100}}
                         .dump();
  std::atomic<bool> first_bytes{false};
  std::string streamed;
  httplib::Request req;
  req.method = "POST";
  req.path = "/v1/query";
  req.body = body;
  req.headers = {{"Authorization", "Bearer " + kReader}, {"Content-Type", "application/json"}};
  req.content_receiver = [&](const char* data, size_t n, uint64_t, uint64_t) {
    streamed.append(data, n);
    first_bytes = true;
    std::this_thread::sleep_for(std::chrono::microseconds(200));  // a slow reader keeps the stream in flight
    return true;
  };
  int status = 0;
  std::thread reader([&] {
    HttpClient h = process.client();
    auto r = h.raw().send(req);
    status = r ? r->status : -1;
  });
  while (!first_bytes) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  int exit_code = -2;
  std::thread stopper([&] { exit_code = process.server().Stop(/*close_channel=*/true); });
  // While it drains, a new call is refused with UNAVAILABLE.
  HttpAnswer late;
  for (int i = 0; i < 100 && late.status != 503; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    late = process.client().Get("/v1/stats", kReader);
  }
  EXPECT_EQ(late.status, 503) << late.body;
  reader.join();
  stopper.join();
  EXPECT_EQ(exit_code, 0);
  EXPECT_EQ(status, 200);
  HttpQueryResult whole = ReadQueryStream(HttpAnswer{200, streamed, {}});
  ASSERT_TRUE(whole.ok()) << streamed.substr(streamed.size() > 300 ? streamed.size() - 300 : 0);
  EXPECT_EQ(whole.rows.size(), 24u * 23 * 23 * 23);
}

}  // namespace
}  // namespace claimgraph::testing
