// Every path agrees: one input through every way of writing claims — the
// offline bulk import, the online import, `claimgraph load` through a
// served store, ASSERT statements from a file — gives the same store; run
// again, each writes nothing; each refuses a likely typo of a predicate and
// defines a new name. And a server serves what it was started with.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

std::string Claimgraphd() { return BinaryDir() + "/server/claimgraphd"; }
std::string Claimgraph() { return BinaryDir() + "/tools/claimgraph/claimgraph"; }

const char* kSchema = R"({"format": "claimgraph-schema/1", "predicates": [
  {"name": "pact", "symmetric": true}, {"name": "targets", "inverse": "targeted-by"}]})";

// Six lines, five claims: the second is the first with the ends of a
// symmetric predicate swapped (and another valid time, which is not part of
// a claim's identity). A new predicate, a new entity, a number.
const char* kClaims =
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","span":[0,10],"quote":"Japan-India","method":"manual","confidence":0.9,"valid_from":"1952","valid_to":"2015-04-28"})"
    "\n"
    R"({"subject":"India","predicate":"pact","object":"Japan","source":"s1","span":[0,10],"quote":"Japan-India","method":"manual","confidence":0.9,"valid_from":"1990"})"
    "\n"
    R"({"subject":"Japan","predicate":"pact","object":"India","source":"s1","span":[20,30],"quote":"again","method":"manual","confidence":1})"
    "\n"
    R"({"subject":"China","predicate":"targets","object":"Japan","source":"s2","modality":"reported","method":"manual","confidence":1,"valid_to":"2013-07"})"
    "\n"
    R"({"subject":"Atlantis","predicate":"cameo-040","object":"Japan","source":"feed","method":"manual","confidence":1})"
    "\n"
    R"({"subject":"Japan","predicate":"population","object":125000000,"object_kind":"number","source":"census","method":"manual","confidence":1})"
    "\n";

// The same claims as ASSERT statements.
const char* kStatements = R"(DEFINE PREDICATE pact SYMMETRIC;
DEFINE PREDICATE targets INVERSE targeted-by;
ASSERT "Japan" pact "India" SOURCE "s1" SPAN 0..10 QUOTE "Japan-India" METHOD "manual" CONFIDENCE 0.9 VALID FROM "1952" TO "2015-04-28";
ASSERT "India" pact "Japan" SOURCE "s1" SPAN 0..10 QUOTE "Japan-India" METHOD "manual" CONFIDENCE 0.9 VALID FROM "1990";
ASSERT "Japan" pact "India" SOURCE "s1" SPAN 20..30 QUOTE "again" METHOD "manual";
ASSERT "China" targets "Japan" SOURCE "s2" MODALITY reported METHOD "manual" VALID TO "2013-07";
ASSERT "Atlantis" cameo-040 "Japan" SOURCE "feed" METHOD "manual";
ASSERT "Japan" population 125000000 SOURCE "census" METHOD "manual";
)";

class WritePaths : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.path());
    Write("schema.json", kSchema);
    Write("claims.jsonl", kClaims);
    Write("statements.cql", kStatements);
  }
  std::string Path(const std::string& name) const { return dir_.path() + "/" + name; }
  void Write(const std::string& name, const std::string& text) const { std::ofstream(Path(name)) << text; }
  Ran Run(const std::vector<std::string>& argv) { return RunCaptured(argv, dir_.path()); }

  // The claims of a store as JSONL, without what each path records its own
  // way (ids, transactions, who and when), sorted.
  std::multiset<std::string> Claims(const std::string& data) {
    Ran r = Run({Claimgraphd(), "export", "--data", data, "--format", "jsonl"});
    EXPECT_EQ(r.code, 0) << r.err;
    std::multiset<std::string> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      for (const char* key : {"\"id\":", "\"tx\":", "\"principal\":", "\"asserted_at\":"}) {
        size_t at = line.find(key);
        if (at != std::string::npos) line.erase(at, line.find(",\"", at) + 1 - at);
      }
      out.insert(line);
    }
    return out;
  }

  TempDir dir_;
};

TEST_F(WritePaths, OneInputThroughEveryPathGivesOneStoreAndRunningItAgainWritesNothing) {
  const std::string bulk = Path("bulk"), online = Path("online"), statements = Path("statements");
  auto import = [&](const std::string& data, bool online_import) {
    std::vector<std::string> argv{Claimgraphd(), "import", "--data", data, "--schema", Path("schema.json")};
    if (online_import) argv.push_back("--online");
    argv.push_back(Path("claims.jsonl"));
    return Run(argv);
  };
  auto script = [&] { return Run({Claimgraphd(), "query", "--data", statements, "-f", Path("statements.cql")}); };

  Ran first_bulk = import(bulk, false);
  ASSERT_EQ(first_bulk.code, 0) << first_bulk.err;
  EXPECT_NE(first_bulk.out.find("imported 5 claims"), std::string::npos) << first_bulk.out;
  EXPECT_NE(first_bulk.out.find("1 duplicates skipped"), std::string::npos) << first_bulk.out;
  EXPECT_NE(first_bulk.out.find("new predicate: cameo-040"), std::string::npos) << first_bulk.out;
  EXPECT_NE(first_bulk.out.find("new predicate: population"), std::string::npos) << first_bulk.out;
  Ran first_online = import(online, true);
  ASSERT_EQ(first_online.code, 0) << first_online.err;
  EXPECT_NE(first_online.out.find("imported 5 claims"), std::string::npos) << first_online.out;
  // The statements' store starts empty (its DEFINEs are in the file).
  ASSERT_EQ(Run({Claimgraphd(), "import", "--data", statements}).code, 0);
  Ran first_script = script();
  ASSERT_EQ(first_script.code, 0) << first_script.err;
  EXPECT_NE(first_script.err.find("new predicate: cameo-040"), std::string::npos) << first_script.err;

  std::string served_data;
  std::multiset<std::string> served_claims;
  {
    ServerProcess server({"--schema", Path("schema.json")}, "", /*load_examples=*/false);
    served_data = server.data_dir();
    Ran load = Run({Claimgraph(), "--server", server.address(), "--token", kWriter, "load", Path("claims.jsonl")});
    ASSERT_EQ(load.code, 0) << load.err;
    EXPECT_NE(load.out.find("5 written, 1 duplicates skipped"), std::string::npos) << load.out;
    EXPECT_NE(load.err.find("new predicate: cameo-040"), std::string::npos) << load.err;
    uint64_t transactions = Transactions(server);
    // Again, in batches of another size (so no idempotency key repeats):
    // every claim is a duplicate and nothing is written.
    Ran again = Run({Claimgraph(), "--server", server.address(), "--token", kWriter, "load", "--batch", "2",
                     Path("claims.jsonl")});
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("0 written, 6 duplicates skipped"), std::string::npos) << again.out;
    EXPECT_EQ(Transactions(server), transactions);
    // `claimgraph export` (the Export RPC) carries valid time too.
    Ran exported = Run({Claimgraph(), "--server", server.address(), "--token", kReader, "export"});
    ASSERT_EQ(exported.code, 0) << exported.err;
    EXPECT_NE(exported.out.find("\"modality\":\"asserted\",\"valid_from\":\"1952\",\"valid_to\":\"2015-04-28\""),
              std::string::npos)
        << exported.out;
    EXPECT_NE(exported.out.find("\"modality\":\"reported\",\"valid_to\":\"2013-07\",\"tx\""), std::string::npos)
        << exported.out;
    ASSERT_EQ(server.Stop(), 0);
    served_claims = Claims(served_data);  // before the server's directory goes
  }

  std::multiset<std::string> reference = Claims(bulk);
  EXPECT_EQ(reference.size(), 5u);
  // Valid time on every path: the first claim's stands, the duplicate's is not written.
  std::string all;
  for (const auto& line : reference) all += line + "\n";
  EXPECT_NE(all.find("\"valid_from\":\"1952\",\"valid_to\":\"2015-04-28\""), std::string::npos) << all;
  EXPECT_NE(all.find("\"valid_to\":\"2013-07\""), std::string::npos) << all;
  EXPECT_EQ(all.find("1990"), std::string::npos) << all;
  EXPECT_EQ(Claims(online), reference);
  EXPECT_EQ(served_claims, reference);
  EXPECT_EQ(Claims(statements), reference);

  // Every offline path run again: nothing new.
  for (const auto& [data, rerun] : std::vector<std::pair<std::string, std::function<Ran()>>>{
           {bulk, [&] { return import(bulk, false); }},
           {online, [&] { return import(online, true); }},
           {statements, script}}) {
    std::string before = Run({Claimgraphd(), "export", "--data", data}).out;
    Ran r = rerun();
    EXPECT_EQ(r.code, 0) << data << ": " << r.err;
    EXPECT_EQ(Run({Claimgraphd(), "export", "--data", data}).out, before) << data;
  }
  Ran reimport = import(bulk, false);
  EXPECT_NE(reimport.out.find("imported 0 claims"), std::string::npos) << reimport.out;
  EXPECT_NE(reimport.out.find("6 duplicates skipped"), std::string::npos) << reimport.out;
  EXPECT_NE(reimport.out.find("nothing new"), std::string::npos) << reimport.out;  // the schema too

  // Exported and imported into the same store: nothing written either.
  Ran exported = Run({Claimgraphd(), "export", "--data", bulk, "-o", Path("export.jsonl")});
  ASSERT_EQ(exported.code, 0) << exported.err;
  Ran back = Run({Claimgraphd(), "import", "--data", bulk, Path("export.jsonl")});
  EXPECT_NE(back.out.find("imported 0 claims"), std::string::npos) << back.out;
}

// nquads-prov through the tools: claimgraphd export writes it, claimgraphd
// import recognizes it (a .nq file whose first statement is a claim graph's)
// and restores every claim, so the export of the new store is the same bytes;
// claimgraph export writes the same through a server.
TEST_F(WritePaths, NQuadsProvExportImportsBackAndExportsTheSameBytes) {
  const std::string first = Path("first"), second = Path("second");
  ASSERT_EQ(Run({Claimgraphd(), "import", "--data", first, "--schema", Path("schema.json"), Path("claims.jsonl")}).code,
            0);
  Ran exported = Run({Claimgraphd(), "export", "--data", first, "--format", "nquads-prov", "-o", Path("prov.nq")});
  ASSERT_EQ(exported.code, 0) << exported.err;
  const std::string prov = Slurp(Path("prov.nq"));
  EXPECT_NE(prov.find("<urn:claimgraph:claim:1> <http://www.w3.org/ns/prov#wasDerivedFrom> "
                      "<urn:claimgraph:source:s1> ."),
            std::string::npos)
      << prov;
  Ran imported = Run({Claimgraphd(), "import", "--data", second, "--schema", Path("schema.json"), Path("prov.nq")});
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_NE(imported.out.find("imported 5 claims"), std::string::npos) << imported.out;
  EXPECT_EQ(Run({Claimgraphd(), "export", "--data", second, "--format", "nquads-prov"}).out, prov);
  EXPECT_EQ(Run({Claimgraphd(), "export", "--data", second}).out, Run({Claimgraphd(), "export", "--data", first}).out);

  // `claimgraph load` does not misread it as plain N-Quads.
  ServerProcess server({"--schema", Path("schema.json")}, "", /*load_examples=*/false);
  Ran load = Run({Claimgraph(), "--server", server.address(), "--token", kWriter, "load", Path("prov.nq")});
  EXPECT_NE(load.code, 0);
  EXPECT_NE(load.err.find("prov.nq:1:"), std::string::npos) << load.err;
  EXPECT_NE(load.err.find("nquads-prov"), std::string::npos) << load.err;
  ASSERT_EQ(Run({Claimgraph(), "--server", server.address(), "--token", kWriter, "load", Path("claims.jsonl")}).code, 0);
  Ran cli = Run({Claimgraph(), "--server", server.address(), "--token", kReader, "export", "--format", "nquads-prov"});
  ASSERT_EQ(cli.code, 0) << cli.err;
  const std::string served = server.data_dir();
  ASSERT_EQ(server.Stop(), 0);
  EXPECT_EQ(cli.out, Run({Claimgraphd(), "export", "--data", served, "--format", "nquads-prov"}).out);
}

TEST_F(WritePaths, ALikelyTypoOfAPredicateIsRefusedOnEveryPathAndNothingIsWritten) {
  Write("typo.jsonl", R"({"subject":"Japan","predicate":"pactt","object":"India","source":"s1"})" "\n");
  Write("typo.cql", "ASSERT \"Japan\" pactt \"India\" SOURCE \"s1\";\n");
  const std::string data = Path("data");
  ASSERT_EQ(Run({Claimgraphd(), "import", "--data", data, "--schema", Path("schema.json"), Path("claims.jsonl")}).code, 0);
  std::string before = Run({Claimgraphd(), "export", "--data", data}).out;

  Ran bulk = Run({Claimgraphd(), "import", "--data", data, Path("typo.jsonl")});
  EXPECT_NE(bulk.code, 0);
  EXPECT_NE(bulk.err.find("typo.jsonl:1:"), std::string::npos) << bulk.err;
  EXPECT_NE(bulk.err.find("did you mean 'pact'"), std::string::npos) << bulk.err;
  Ran online = Run({Claimgraphd(), "import", "--data", data, "--online", Path("typo.jsonl")});
  EXPECT_NE(online.code, 0);
  EXPECT_NE(online.err.find("did you mean 'pact'"), std::string::npos) << online.err;
  Ran script = Run({Claimgraphd(), "query", "--data", data, "-f", Path("typo.cql")});
  EXPECT_NE(script.code, 0);
  EXPECT_NE(script.err.find("typo.cql:1:16: unknown predicate 'pactt'; did you mean 'pact'"), std::string::npos)
      << script.err;
  EXPECT_EQ(Run({Claimgraphd(), "export", "--data", data}).out, before);

  ServerProcess server({}, "", /*load_examples=*/false);
  Ran defined = Run({Claimgraph(), "--server", server.address(), "--token", kWriter, "load", Path("claims.jsonl")});
  ASSERT_EQ(defined.code, 0) << defined.err;
  uint64_t transactions = Transactions(server);
  Ran load = Run({Claimgraph(), "--server", server.address(), "--token", kWriter, "load", Path("typo.jsonl")});
  EXPECT_NE(load.code, 0);
  EXPECT_NE(load.err.find("did you mean 'pact'"), std::string::npos) << load.err;
  EXPECT_EQ(Transactions(server), transactions);
}

TEST_F(WritePaths, AServerStartedWithASchemaOnAFreshDirectoryIngestsAtOnce) {
  const std::string src = CLAIMGRAPH_SOURCE_DIR;
  ServerProcess server({"--schema", src + "/examples/schema.json", "--rules", src + "/examples/ingest/rules.json"}, "",
                       /*load_examples=*/false);
  v1::IngestDocumentRequest req;
  req.set_text(Slurp(src + "/examples/corpus/001_44c191641f30057a.txt"));
  req.set_source_key("001");
  v1::IngestDocumentResponse resp;
  grpc::Status s = server.stub().IngestDocument(As(kWriter).get(), req, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_GT(resp.claims_size(), 0);
  EXPECT_NE(resp.tx(), 0u);
  ASSERT_EQ(server.Stop(), 0);
  // A schema that declares a stored predicate otherwise stops the start,
  // naming the predicate and the file (`timeout`: a server that started
  // anyway must not hang the test).
  Write("conflict.json", R"({"format": "claimgraph-schema/1", "predicates": [{"name": "pact", "symmetric": false}]})");
  Ran refused = Run({"/usr/bin/timeout", "20", Claimgraphd(), "serve", "--data", server.data_dir(), "--listen",
                     "127.0.0.1:" + std::to_string(FreePort()), "--schema", Path("conflict.json")});
  EXPECT_NE(refused.code, 0);
  EXPECT_NE(refused.err.find("predicate 'pact'"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("conflict.json"), std::string::npos) << refused.err;
}

TEST_F(WritePaths, ALoadKilledInTheMiddleAndRunAgainLeavesOneCopyOfEveryClaim) {
  std::ostringstream big;
  const int kClaims = 20000;
  for (int i = 0; i < kClaims; ++i)
    big << R"({"subject":"E)" << i % 997 << R"(","predicate":"pact","object":"F)" << i << R"(","source":"feed-)"
        << i % 13 << "\"}\n";
  Write("big.jsonl", big.str());
  ServerProcess server({"--schema", Path("schema.json")}, "", /*load_examples=*/false);
  uint64_t start = Transactions(server);
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    std::string bin = Claimgraph(), address = server.address(), path = Path("big.jsonl");
    execl(bin.c_str(), bin.c_str(), "--server", address.c_str(), "--token", kWriter.c_str(), "load", "--batch", "100",
          path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once some batches, but not all 200, are committed.
  for (int i = 0; i < 2000 && Transactions(server) < start + 20; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  uint64_t committed = Transactions(server) - start;
  EXPECT_GE(committed, 20u);
  EXPECT_LT(committed, 200u) << "the load finished before it could be killed: the test proves nothing";

  Ran rerun = Run({Claimgraph(), "--server", server.address(), "--token", kWriter, "load", "--batch", "100",
                   Path("big.jsonl")});
  ASSERT_EQ(rerun.code, 0) << rerun.err;
  v1::StatsResponse stats;
  ASSERT_TRUE(server.stub().Stats(As(kReader).get(), {}, &stats).ok());
  EXPECT_EQ(stats.live_claims(), static_cast<uint64_t>(kClaims));
  // And once more with another batch size: every claim a duplicate.
  Ran third = Run({Claimgraph(), "--server", server.address(), "--token", kWriter, "load", "--batch", "1000",
                   Path("big.jsonl")});
  EXPECT_NE(third.out.find("0 written, 20000 duplicates skipped"), std::string::npos) << third.out;
  ASSERT_TRUE(server.stub().Stats(As(kReader).get(), {}, &stats).ok());
  EXPECT_EQ(stats.live_claims(), static_cast<uint64_t>(kClaims));
}

}  // namespace
}  // namespace claimgraph::testing
