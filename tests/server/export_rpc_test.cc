// The Export RPC (and GET/POST /v1/export, its HTTP form) writes what
// `claimgraphd export` writes offline, byte for byte — retracted claims and their provenance included, in every format and
// as of an earlier transaction — in chunks of whole lines, and `claimgraph
// export` prints it; a bad format or transaction is a clear error, and a
// client that stops reading does not stop the server.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/server/http_harness.h"

namespace claimgraph::testing {
namespace {

struct Exported {
  grpc::Status status;
  std::string text;
  int chunks = 0;
  bool complete = false;
  uint64_t lines = 0, as_of = 0;
  bool whole_lines = true;
};

Exported ExportOverRpc(ServerProcess& server, const std::string& format, uint64_t as_of_tx) {
  auto ctx = As(kReader);
  v1::ExportRequest req;
  req.set_format(format);
  req.set_as_of_tx(as_of_tx);
  auto reader = server.stub().Export(ctx.get(), req);
  Exported out;
  v1::ExportChunk chunk;
  while (reader->Read(&chunk)) {
    ++out.chunks;
    out.text += chunk.text();
    if (!chunk.text().empty() && chunk.text().back() != '\n') out.whole_lines = false;
    if (chunk.complete()) {
      out.complete = true;
      out.lines = chunk.lines();
      out.as_of = chunk.as_of_tx();
    }
  }
  out.status = reader->Finish();
  return out;
}

// Enough claims that an export spans several chunks (64 KiB each), and one
// retraction, so that the export has history to carry.
uint64_t AddHistory(ServerProcess& server) {
  v1::AssertRequest req;
  for (int i = 0; i < 1500; ++i) {
    v1::ClaimInput* c = req.add_claims();
    c->set_subject("Japan");
    c->set_predicate("pact");
    c->set_object_entity("Entity number " + std::to_string(i));
    c->set_source("export-test-" + std::to_string(i % 7));
    c->set_quote("Japan signed pact number " + std::to_string(i) + " — naïve “quotes” stay whole");
  }
  v1::WriteResponse written;
  EXPECT_TRUE(server.stub().Assert(As(kWriter).get(), req, &written).ok());
  v1::RetractRequest retract;
  retract.add_claim_ids(written.claim_ids(3));
  retract.set_reason("wrong");
  v1::WriteResponse retracted;
  EXPECT_TRUE(server.stub().Retract(As(kWriter).get(), retract, &retracted).ok());
  return written.tx();
}

TEST(ExportRpc, WritesWhatTheOfflineExportWritesInEveryFormat) {
  ServerProcess server;
  const uint64_t before_retraction = AddHistory(server);
  struct Case {
    std::string format;
    uint64_t as_of;
  };
  const std::vector<Case> cases = {{"jsonl", 0}, {"nquads", 0}, {"nquads-prov", 0}, {"jsonl", before_retraction}};
  std::vector<Exported> rpc;
  for (const auto& c : cases) {
    rpc.push_back(ExportOverRpc(server, c.format, c.as_of));
    const Exported& e = rpc.back();
    ASSERT_TRUE(e.status.ok()) << c.format << ": " << e.status.error_message();
    EXPECT_TRUE(e.complete) << c.format;
    EXPECT_TRUE(e.whole_lines) << c.format;
    EXPECT_GT(e.chunks, 1) << c.format << ": " << e.text.size() << " bytes in one chunk";
    EXPECT_EQ(e.lines, static_cast<uint64_t>(std::count(e.text.begin(), e.text.end(), '\n'))) << c.format;
  }
  EXPECT_EQ(rpc[3].as_of, before_retraction);
  EXPECT_NE(rpc[0].text.find("\"retracted_tx\""), std::string::npos);  // history travels
  EXPECT_NE(rpc[0].text, rpc[3].text);                                  // the earlier state differs

  // The CLI prints the same bytes.
  TempDir scratch;
  std::filesystem::create_directories(scratch.path());
  Ran cli = RunCaptured({BinaryDir() + "/tools/claimgraph/claimgraph", "--server", server.address(), "--token",
                         kReader, "export", "--format", "nquads-prov"},
                        scratch.path());
  ASSERT_EQ(cli.code, 0) << cli.err;
  EXPECT_EQ(cli.out, rpc[2].text);
  EXPECT_NE(cli.err.find("exported " + std::to_string(rpc[2].lines) + " quads as of tx "), std::string::npos)
      << cli.err;

  ASSERT_EQ(server.Stop(), 0);
  for (size_t i = 0; i < cases.size(); ++i) {
    std::vector<std::string> argv{BinaryDir() + "/server/claimgraphd", "export", "--data", server.data_dir(),
                                  "--format", cases[i].format};
    if (cases[i].as_of) argv.insert(argv.end(), {"--as-of", std::to_string(cases[i].as_of)});
    Ran offline = RunCaptured(argv, scratch.path());
    ASSERT_EQ(offline.code, 0) << offline.err;
    EXPECT_EQ(offline.out, rpc[i].text) << cases[i].format << " as of " << cases[i].as_of;
  }
}

// What a store hides stays hidden on every path its export takes: a claim
// deprecated on its own and the claims of a deprecated source do not answer
// on a store rebuilt by `claimgraphd import` (online and bulk) nor on one
// loaded by `claimgraph load`, which says what it left out; all three answer
// the visible claims exactly as the exporting server does.
TEST(ExportRpc, DeprecatedClaimsStayHiddenOnEveryPathAnExportTakes) {
  ServerProcess server;
  AddHistory(server);
  const std::string count = "MATCH ?s ?p ?o AS ?c RETURN COUNT(?c)";
  const std::string deprecated = "MATCH \"Japan\" pact ?o AS ?c WHERE ?c.source = \"export-test-2\"";
  const std::string returning = " RETURN COUNT(?c)";
  auto count_of = [&](ServerProcess& s, const std::string& statement) {
    QueryResult r = RunQuery(s, kReader, statement);
    EXPECT_TRUE(r.status.ok()) << r.status.error_message();
    return r.rows.empty() ? std::string("?") : r.rows[0].ShortDebugString();
  };
  const std::string all_before = count_of(server, count);
  QueryResult d1 = RunQuery(server, kWriter, "DEPRECATE CLAIM 1 REASON \"one anonymous source\"");
  ASSERT_TRUE(d1.status.ok()) << d1.status.error_message();
  QueryResult d2 = RunQuery(server, kWriter, "DEPRECATE SOURCE \"export-test-2\" REASON \"outlet discredited\"");
  ASSERT_TRUE(d2.status.ok()) << d2.status.error_message();
  const std::string visible = count_of(server, count);
  ASSERT_NE(visible, all_before);
  ASSERT_NE(count_of(server, deprecated + " WITH DEPRECATED" + returning), count_of(server, deprecated + returning));
  Exported e = ExportOverRpc(server, "jsonl", 0);
  ASSERT_TRUE(e.status.ok()) << e.status.error_message();
  TempDir scratch;
  std::filesystem::create_directories(scratch.path());
  const std::string file = scratch.path() + "/export.jsonl";
  std::ofstream(file) << e.text;

  for (const std::vector<std::string>& flags : {std::vector<std::string>{}, {"--online"}}) {
    TempDir dir;
    std::vector<std::string> argv{BinaryDir() + "/server/claimgraphd", "import", "--data", dir.path() + "/data", file};
    argv.insert(argv.end(), flags.begin(), flags.end());
    Ran imported = RunCaptured(argv, scratch.path());
    ASSERT_EQ(imported.code, 0) << imported.err;
    EXPECT_NE(imported.out.find("1 retractions, 1 claims and 1 sources deprecated"), std::string::npos) << imported.out;
    ServerProcess rebuilt({}, "", false, dir.path() + "/data");
    EXPECT_EQ(count_of(rebuilt, count), visible);
    EXPECT_EQ(count_of(rebuilt, deprecated + returning), count_of(server, deprecated + returning));
    EXPECT_EQ(count_of(rebuilt, deprecated + " WITH DEPRECATED" + returning),
              count_of(server, deprecated + " WITH DEPRECATED" + returning));
  }

  ServerProcess loaded({}, "", false);
  Ran load = RunCaptured({BinaryDir() + "/tools/claimgraph/claimgraph", "--server", loaded.address(), "--token", kWriter,
                          "load", file},
                         scratch.path());
  ASSERT_EQ(load.code, 0) << load.err;
  EXPECT_NE(load.out.find("1 retracted claims not loaded"), std::string::npos) << load.out;
  // Claim 1 and the source's 1500 / 7 claims (ids 3, 10, ...: 214; one of them retracted).
  EXPECT_NE(load.out.find("215 deprecated claims not loaded"), std::string::npos) << load.out;
  EXPECT_EQ(count_of(loaded, count), visible);
}

TEST(ExportRpc, BadRequestsAreClearAndAStoppedReaderStopsOnlyItsExport) {
  ServerProcess server;
  AddHistory(server);
  Exported bad = ExportOverRpc(server, "csv", 0);
  EXPECT_EQ(bad.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(bad.status.error_message().find("jsonl, nquads or nquads-prov"), std::string::npos)
      << bad.status.error_message();
  Exported future = ExportOverRpc(server, "jsonl", 1000000);
  EXPECT_EQ(future.status.error_code(), grpc::StatusCode::NOT_FOUND) << future.status.error_message();
  EXPECT_EQ(ExportOverRpc(server, "jsonl", 0).status.error_code(), grpc::StatusCode::OK);
  ASSERT_NE(RunCommand({BinaryDir() + "/tools/claimgraph/claimgraph", "--server", server.address(), "--token",
                        kReader, "export", "--format", "jsonl", "--as-of", "1000000"}),
            0);

  // One chunk read, then the client goes away.
  for (int round = 0; round < 3; ++round) {
    auto ctx = As(kReader);
    v1::ExportRequest req;
    req.set_format("nquads-prov");
    auto reader = server.stub().Export(ctx.get(), req);
    v1::ExportChunk chunk;
    ASSERT_TRUE(reader->Read(&chunk));
    ctx->TryCancel();
    EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  Exported after = ExportOverRpc(server, "jsonl", 0);
  EXPECT_TRUE(after.status.ok()) << after.status.error_message();
  EXPECT_TRUE(after.complete);
}

// /v1/export: the same ExportChunk messages as JSON lines, so the chunks'
// text joined is the RPC's (and so the offline export's) bytes; a bad format
// is a 400 before the stream, a transaction not reached the last line's error.
TEST(ExportRpc, OverHttpTheSameChunksAsJsonLines) {
  HttpServerProcess web;
  const uint64_t before_retraction = AddHistory(web.server());
  HttpClient http = web.client();
  struct Case {
    std::string format;
    uint64_t as_of;
    bool get;
  };
  for (const Case& c : std::vector<Case>{{"nquads-prov", 0, false}, {"jsonl", before_retraction, true}}) {
    const Exported rpc = ExportOverRpc(web.server(), c.format, c.as_of);
    ASSERT_TRUE(rpc.status.ok()) << rpc.status.error_message();
    HttpAnswer a = c.get ? http.Get("/v1/export?format=" + c.format + "&as_of_tx=" + std::to_string(c.as_of), kReader)
                         : http.Post("/v1/export", nlohmann::json{{"format", c.format}}.dump(), kReader);
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(a.header("Content-Type"), "application/x-ndjson");
    std::string text;
    int chunks = 0;
    v1::ExportChunk last;
    for (size_t start = 0; start < a.body.size();) {
      size_t end = a.body.find('\n', start);
      ASSERT_NE(end, std::string::npos) << "a line without its end";
      auto chunk = FromJson<v1::ExportChunk>(a.body.substr(start, end - start));
      start = end + 1;
      ++chunks;
      text += chunk.text();
      if (chunk.complete()) last = chunk;
    }
    EXPECT_EQ(chunks, rpc.chunks) << c.format;
    EXPECT_EQ(text, rpc.text) << c.format;
    EXPECT_TRUE(last.complete()) << c.format;
    EXPECT_EQ(last.lines(), rpc.lines);
    EXPECT_EQ(last.as_of_tx(), rpc.as_of);
  }

  HttpAnswer bad = http.Get("/v1/export?format=csv", kReader);
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.json()["message"].get<std::string>().find("jsonl, nquads or nquads-prov"), std::string::npos)
      << bad.body;
  HttpAnswer future = http.Post("/v1/export", R"({"as_of_tx": "1000000"})", kReader);
  ASSERT_EQ(future.status, 200) << future.body;
  auto last_line = nlohmann::json::parse(future.body.substr(future.body.rfind('\n', future.body.size() - 2) + 1));
  EXPECT_EQ(last_line["error"]["status"], "NOT_FOUND") << future.body;
  EXPECT_EQ(http.Get("/v1/export").status, 401);
}

}  // namespace
}  // namespace claimgraph::testing
