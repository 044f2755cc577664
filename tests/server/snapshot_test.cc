// Snapshots through every door: `claimgraphd snapshot` on a stopped server's
// store, the Snapshot call (`claimgraph snapshot`, POST /v1/snapshot) on a
// running one with --snapshot-dir. Each writes a store that verifies and
// exports the same bytes as the original did; each refusal says why.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/server/http_harness.h"

namespace claimgraph::testing {
namespace {

std::string Claimgraphd() { return BinaryDir() + "/server/claimgraphd"; }
std::string Claimgraph() { return BinaryDir() + "/tools/claimgraph/claimgraph"; }

std::string ExportOffline(const std::string& data, const std::string& scratch) {
  Ran r = RunCaptured({Claimgraphd(), "export", "--data", data, "--format", "nquads-prov"}, scratch);
  EXPECT_EQ(r.code, 0) << r.err;
  return r.out;
}

TEST(Snapshot, OfflineOfAStoppedServersStoreAndRefusedWhileItRuns) {
  TempDir scratch;
  std::filesystem::create_directories(scratch.path());
  ServerProcess server;  // the example data
  // The server holds the store: the offline tool says so and writes nothing.
  Ran busy = RunCaptured({Claimgraphd(), "snapshot", "--data", server.data_dir(), "--out", scratch.path() + "/s1"},
                         scratch.path());
  EXPECT_NE(busy.code, 0);
  EXPECT_NE(busy.err.find("lock"), std::string::npos) << busy.err;
  EXPECT_FALSE(std::filesystem::exists(scratch.path() + "/s1"));
  ASSERT_EQ(server.Stop(), 0);

  Ran made = RunCaptured({Claimgraphd(), "snapshot", "--data", server.data_dir(), "--out", scratch.path() + "/s1"},
                         scratch.path());
  ASSERT_EQ(made.code, 0) << made.err;
  EXPECT_NE(made.out.find("snapshot of tx "), std::string::npos) << made.out;
  EXPECT_NE(made.out.find("written to " + scratch.path() + "/s1"), std::string::npos) << made.out;
  Ran verified = RunCaptured({Claimgraphd(), "verify", "--indexes", "--data", scratch.path() + "/s1"}, scratch.path());
  EXPECT_EQ(verified.code, 0) << verified.out << verified.err;
  EXPECT_EQ(ExportOffline(scratch.path() + "/s1", scratch.path()), ExportOffline(server.data_dir(), scratch.path()));

  Ran again = RunCaptured({Claimgraphd(), "snapshot", "--data", server.data_dir(), "--out", scratch.path() + "/s1"},
                          scratch.path());
  EXPECT_NE(again.code, 0);
  EXPECT_NE(again.err.find("exists"), std::string::npos) << again.err;
}

TEST(Snapshot, ARunningServerWritesThemUnderItsSnapshotDirOnly) {
  TempDir scratch, snapshots;
  std::filesystem::create_directories(scratch.path());
  {
    ServerProcess plain;  // no --snapshot-dir: refused, saying what to do
    Ran r = RunCaptured({Claimgraph(), "--server", plain.address(), "--token", kAdmin, "snapshot", "x"}, scratch.path());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("--snapshot-dir"), std::string::npos) << r.err;
  }
  HttpServerProcess web({"--snapshot-dir", snapshots.path()});
  ServerProcess& server = web.server();
  Ran cli = RunCaptured({Claimgraph(), "--server", server.address(), "--token", kAdmin, "snapshot", "by-cli"},
                        scratch.path());
  ASSERT_EQ(cli.code, 0) << cli.err;
  EXPECT_NE(cli.out.find("written to " + snapshots.path() + "/by-cli"), std::string::npos) << cli.out;
  Ran writer = RunCaptured({Claimgraph(), "--server", server.address(), "--token", kWriter, "snapshot", "by-writer"},
                           scratch.path());
  EXPECT_EQ(writer.code, 1);
  EXPECT_NE(writer.err.find("admin"), std::string::npos) << writer.err;
  EXPECT_FALSE(std::filesystem::exists(snapshots.path() + "/by-writer"));

  HttpClient http = web.client();
  HttpAnswer a = http.Post("/v1/snapshot", R"({"name": "by-http"})", kAdmin);
  ASSERT_EQ(a.status, 200) << a.body;
  auto answer = FromJson<v1::SnapshotResponse>(a.body);
  EXPECT_EQ(answer.path(), snapshots.path() + "/by-http");
  EXPECT_EQ(answer.head_hash().size(), 64u);
  EXPECT_EQ(http.Post("/v1/snapshot", R"({"name": "../out"})", kAdmin).status, 400);
  EXPECT_EQ(http.Post("/v1/snapshot", R"({"name": "by-http"})", kAdmin).status, 409);

  ASSERT_EQ(server.Stop(), 0);
  const std::string original = ExportOffline(server.data_dir(), scratch.path());
  EXPECT_EQ(ExportOffline(snapshots.path() + "/by-cli", scratch.path()), original);
  EXPECT_EQ(ExportOffline(snapshots.path() + "/by-http", scratch.path()), original);
}

}  // namespace
}  // namespace claimgraph::testing
