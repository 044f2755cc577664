// The Watch RPC and `claimgraph watch`: committed changes first, then new
// ones as they commit; resumption from a transaction; a prompt, clean end
// (UNAVAILABLE naming where to resume) when the server stops; and a watch
// that spans a server restart sees every change exactly once, in tx order.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <thread>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

// Explicit appends: GCC's -Wrestrict misfires on chained std::string `+`.
std::string Cat(std::string a, const std::string& b) {
  a.append(b);
  return a;
}

// SIGTERM; the exit code, and how long the stop took.
int StopServer(pid_t pid, std::chrono::milliseconds* took) {
  auto started = std::chrono::steady_clock::now();
  kill(pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 300; ++i) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      *took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  *took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  return -1;
}

std::unique_ptr<v1::ClaimGraph::Stub> Connect(std::shared_ptr<grpc::Channel>* channel, int port) {
  *channel = TestChannel(Cat("127.0.0.1:", std::to_string(port)));
  (*channel)->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return v1::ClaimGraph::NewStub(*channel);
}

// One claim "n<i> knows m" in its own transaction; returns the claim id.
uint64_t AssertOne(v1::ClaimGraph::Stub& stub, int i) {
  v1::AssertRequest req;
  auto* c = req.add_claims();
  c->set_subject(Cat("n", std::to_string(i)));
  c->set_predicate("knows");
  c->set_object_entity("m");
  c->set_source(Cat("watch-", std::to_string(i)));
  v1::WriteResponse resp;
  grpc::Status s = stub.Assert(As("").get(), req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return s.ok() ? resp.claim_ids(0) : 0;
}

// Waits (up to 30 s) until `path` has at least `lines` lines; returns them.
std::vector<std::string> WaitForLines(const std::string& path, size_t lines) {
  std::vector<std::string> out;
  for (int i = 0; i < 300; ++i) {
    out.clear();
    std::istringstream in(Slurp(path));
    for (std::string line; std::getline(in, line);) out.push_back(line);
    if (out.size() >= lines) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return out;
}

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.path());
    data_ = dir_.path() + "/data";
    log_ = dir_.path() + "/server.log";
    port_ = FreePort();
    pid_ = StartServe(data_, port_, log_);
    stub_ = Connect(&channel_, port_);
    ASSERT_TRUE(RunQuery(*stub_, "", "DEFINE PREDICATE knows").status.ok());  // tx 1
  }
  void TearDown() override {
    stub_.reset();
    channel_.reset();
    if (pid_ > 0) {
      std::chrono::milliseconds took{};
      StopServer(pid_, &took);
    }
  }
  TempDir dir_;
  std::string data_, log_;
  int port_ = 0;
  pid_t pid_ = -1;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ClaimGraph::Stub> stub_;
};

TEST_F(WatchTest, ExistingChangesThenNewOnesThenAResume) {
  uint64_t first = AssertOne(*stub_, 1);  // tx 2
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  v1::WatchRequest req;
  req.set_since_tx(1);
  req.set_pattern("?a knows \"m\"");
  auto reader = stub_->Watch(&ctx, req);
  v1::WatchResponse m;
  ASSERT_TRUE(reader->Read(&m));  // the committed one
  EXPECT_EQ(m.tx(), 2u);
  EXPECT_TRUE(m.complete());
  EXPECT_EQ(m.principal(), "local");
  ASSERT_EQ(m.changes_size(), 1);
  EXPECT_EQ(m.changes(0).kind(), "asserted");
  EXPECT_EQ(m.changes(0).claim_id(), first);
  EXPECT_EQ(m.changes(0).subject().name(), "n1");
  EXPECT_EQ(m.changes(0).predicate(), "knows");
  EXPECT_EQ(m.changes(0).object().entity_value().name(), "m");
  EXPECT_EQ(m.changes(0).source(), "watch-1");
  // A new one, as it commits; then a retraction with its reason.
  uint64_t second = AssertOne(*stub_, 2);  // tx 3
  ASSERT_TRUE(reader->Read(&m));
  EXPECT_EQ(m.tx(), 3u);
  EXPECT_EQ(m.changes(0).claim_id(), second);
  v1::RetractRequest retract;
  retract.add_claim_ids(first);
  retract.set_reason("wrong person");
  v1::WriteResponse w;
  ASSERT_TRUE(stub_->Retract(As("").get(), retract, &w).ok());  // tx 4
  ASSERT_TRUE(reader->Read(&m));
  EXPECT_EQ(m.tx(), 4u);
  ASSERT_EQ(m.changes_size(), 1);
  EXPECT_EQ(m.changes(0).kind(), "retracted");
  EXPECT_EQ(m.changes(0).claim_id(), first);
  EXPECT_EQ(m.changes(0).reason(), "wrong person");
  ctx.TryCancel();
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);

  // Resumed after tx 3: only tx 4's change.
  grpc::ClientContext again;
  again.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  req.set_since_tx(3);
  auto resumed = stub_->Watch(&again, req);
  ASSERT_TRUE(resumed->Read(&m));
  EXPECT_EQ(m.tx(), 4u);
  again.TryCancel();
  resumed->Finish();
}

TEST_F(WatchTest, AGreatTransactionIsSplitAndCompleteOnlyOnItsLast) {
  v1::AssertRequest req;  // 600 claims in one transaction (tx 2)
  for (int i = 0; i < 600; ++i) {
    auto* c = req.add_claims();
    c->set_subject(Cat("n", std::to_string(i)));
    c->set_predicate("knows");
    c->set_object_entity("m");
    c->set_source("great");
  }
  v1::WriteResponse w;
  ASSERT_TRUE(stub_->Assert(As("").get(), req, &w).ok());
  AssertOne(*stub_, 9999);  // tx 3
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto reader = stub_->Watch(&ctx, v1::WatchRequest());
  std::vector<v1::WatchResponse> got;
  v1::WatchResponse m;
  while (got.size() < 4 && reader->Read(&m)) got.push_back(m);
  ctx.TryCancel();
  reader->Finish();
  ASSERT_EQ(got.size(), 4u);
  std::vector<int> sizes;
  uint64_t next_claim = w.claim_ids(0);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(got[i].tx(), 2u);
    EXPECT_EQ(got[i].complete(), i == 2);
    sizes.push_back(got[i].changes_size());
    for (const auto& c : got[i].changes()) EXPECT_EQ(c.claim_id(), next_claim++);  // in order, none twice
  }
  EXPECT_EQ(sizes, (std::vector<int>{256, 256, 88}));
  EXPECT_EQ(got[3].tx(), 3u);
  EXPECT_TRUE(got[3].complete());
}

TEST_F(WatchTest, BadRequestsAreRefusedWithTheReason) {
  v1::WatchRequest req;
  req.set_pattern("?a knws ?b");
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto reader = stub_->Watch(&ctx, req);
  v1::WatchResponse m;
  EXPECT_FALSE(reader->Read(&m));
  grpc::Status s = reader->Finish();
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("unknown predicate 'knws'"), std::string::npos) << s.error_message();
  EXPECT_NE(s.error_message().find("did you mean 'knows'"), std::string::npos) << s.error_message();

  grpc::ClientContext ctx2;
  ctx2.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  v1::WatchRequest beyond;
  beyond.set_since_tx(99);
  auto r2 = stub_->Watch(&ctx2, beyond);
  EXPECT_FALSE(r2->Read(&m));
  s = r2->Finish();
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("since tx 99 is beyond the newest transaction, 1"), std::string::npos)
      << s.error_message();
}

// progress_seconds: a filtered watch that matches nothing still learns how
// far the server has looked (tx 3, which it examined and did not send), and
// a resume from there starts after it; without it, a quiet stream is silent.
TEST_F(WatchTest, ProgressMessagesSayHowFarAFilteredWatchHasLooked) {
  v1::WatchRequest req;
  req.set_since_tx(1);
  req.set_pattern("?a knows \"nobody\"");
  req.set_progress_seconds(1);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto reader = stub_->Watch(&ctx, req);
  AssertOne(*stub_, 1);  // tx 2, not matching
  AssertOne(*stub_, 2);  // tx 3, not matching
  v1::WatchResponse m;
  do {
    ASSERT_TRUE(reader->Read(&m)) << reader->Finish().error_message();
    EXPECT_TRUE(m.progress());
    EXPECT_TRUE(m.complete());
    EXPECT_EQ(m.changes_size(), 0);
  } while (m.tx() < 3);
  EXPECT_EQ(m.tx(), 3u);
  ASSERT_TRUE(reader->Read(&m));  // still quiet: the heartbeat again, at the same place
  EXPECT_TRUE(m.progress());
  EXPECT_EQ(m.tx(), 3u);
  ctx.TryCancel();
  reader->Finish();

  // Without progress_seconds the same quiet watch sends nothing: a matching
  // change written after two seconds is its first message.
  grpc::ClientContext quiet;
  quiet.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  req.set_progress_seconds(0);
  req.set_pattern("?a knows \"m\"");
  req.set_since_tx(3);
  auto silent = stub_->Watch(&quiet, req);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  AssertOne(*stub_, 3);  // tx 4, matching
  ASSERT_TRUE(silent->Read(&m));
  EXPECT_FALSE(m.progress());
  EXPECT_EQ(m.tx(), 4u);
  EXPECT_EQ(m.changes_size(), 1);
  quiet.TryCancel();
  silent->Finish();

  grpc::ClientContext too_long;
  too_long.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  req.set_progress_seconds(3601);
  auto refused = stub_->Watch(&too_long, req);
  EXPECT_FALSE(refused->Read(&m));
  grpc::Status s = refused->Finish();
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("progress_seconds 3601 is over 3600"), std::string::npos) << s.error_message();
}

TEST_F(WatchTest, ShutdownEndsAWatchPromptlyNamingWhereToResume) {
  AssertOne(*stub_, 1);  // tx 2
  grpc::ClientContext ctx;
  v1::WatchRequest req;
  auto reader = stub_->Watch(&ctx, req);
  v1::WatchResponse m;
  ASSERT_TRUE(reader->Read(&m));
  EXPECT_EQ(m.tx(), 2u);
  std::chrono::milliseconds took{};
  std::thread stopper([&] { EXPECT_EQ(StopServer(pid_, &took), 0); });
  EXPECT_FALSE(reader->Read(&m));  // the stream ends, without waiting for the drain's deadline
  grpc::Status s = reader->Finish();
  stopper.join();
  pid_ = -1;
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_NE(s.error_message().find("resume the watch after tx 2"), std::string::npos) << s.error_message();
  // Not held up by the watcher: the drain is bounded by its 100 ms wait slices
  // (the drain deadline is 30 s by default; an idle client connection adds up to ~5 s).
  EXPECT_LT(took, std::chrono::seconds(10));
}

TEST_F(WatchTest, CliWatchAcrossAServerRestartSeesEveryChangeOnce) {
  std::vector<uint64_t> asserted;
  asserted.push_back(AssertOne(*stub_, 1));  // tx 2, before the watch
  const std::string out = dir_.path() + "/watch.out", err = dir_.path() + "/watch.err";
  pid_t cli = fork();
  if (cli == 0) {
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(o, 1);
    dup2(e, 2);
    execl((BinaryDir() + "/tools/claimgraph/claimgraph").c_str(), "claimgraph", "--server",
          Cat("127.0.0.1:", std::to_string(port_)).c_str(), "watch", "--since", "1", "--pattern", "?a knows ?b",
          "--json", "--max", "6", (char*)nullptr);
    _exit(127);
  }
  for (int i = 2; i <= 3; ++i) asserted.push_back(AssertOne(*stub_, i));  // tx 3, 4
  ASSERT_EQ(WaitForLines(out, 3).size(), 3u) << Slurp(err);

  // A graceful stop ends the watch (it must not hold the drain up).
  stub_.reset();
  channel_.reset();
  std::chrono::milliseconds took{};
  EXPECT_EQ(StopServer(pid_, &took), 0);
  EXPECT_LT(took, std::chrono::seconds(10));
  pid_ = -1;
  // The CLI noticed and is reconnecting; restart on the same store and port.
  for (int i = 0; i < 100 && Slurp(err).find("resuming after tx") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_NE(Slurp(err).find("claimgraphd is stopping; resume the watch after tx 4"), std::string::npos) << Slurp(err);
  pid_ = StartServe(data_, port_, log_);
  stub_ = Connect(&channel_, port_);
  for (int i = 4; i <= 6; ++i) asserted.push_back(AssertOne(*stub_, i));  // tx 5, 6, 7

  int status = -1;
  for (int i = 0; i < 300; ++i) {
    if (waitpid(cli, &status, WNOHANG) == cli) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (i == 299) {
      kill(cli, SIGKILL);
      waitpid(cli, &status, 0);
    }
  }
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << Slurp(err);
  std::vector<std::string> lines = WaitForLines(out, 6);
  ASSERT_EQ(lines.size(), 6u) << Slurp(out) << Slurp(err);
  uint64_t last_tx = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto j = nlohmann::json::parse(lines[i]);
    EXPECT_EQ(j["change"], "asserted");
    EXPECT_EQ(j["claim"].get<uint64_t>(), asserted[i]) << lines[i];
    EXPECT_GT(j["tx"].get<uint64_t>(), last_tx) << "out of order or twice: " << lines[i];
    last_tx = j["tx"].get<uint64_t>();
  }
  EXPECT_EQ(last_tx, 7u);
}

}  // namespace
}  // namespace claimgraph::testing
