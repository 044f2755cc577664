// Tamper evidence at the user's end: a txlog record changed with the RocksDB
// API (storage's test hook) makes `claimgraph audit verify` (through the
// server) and `claimgraphd verify` (offline) exit non-zero, naming the first
// bad transaction; an index entry changed is found by both with --indexes,
// and a changed byte of an ingested text by both with --evidence.
#include <gtest/gtest.h>

#include "base/sha256.h"
#include "storage/claim_store.h"
#include "storage/key_codec.h"
#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

std::string Output(const std::string& command, int* exit_code) {
  FILE* p = popen(command.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  *exit_code = WEXITSTATUS(pclose(p));
  return out;
}

// Serves `data` (no auth file: loopback only, every caller the admin) and runs
// `claimgraph ARGS --server ...` against it.
std::string AskServer(const std::string& data, const std::string& args, int* code) {
  int port = FreePort();
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl((BinaryDir() + "/server/claimgraphd").c_str(), "claimgraphd", "serve", "--data", data.c_str(), "--listen",
          ("127.0.0.1:" + std::to_string(port)).c_str(), (char*)nullptr);
    _exit(127);
  }
  auto channel = TestChannel("127.0.0.1:" + std::to_string(port));
  EXPECT_TRUE(channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(30)));
  std::string out = Output(BinaryDir() + "/tools/claimgraph/claimgraph " + args + " --server 127.0.0.1:" +
                               std::to_string(port) + " 2>&1",
                           code);
  channel.reset();
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  return out;
}

TEST(TamperEvidence, AuditVerifyExitsNonZeroAndNamesTheTransaction) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::string data = dir.path() + "/data";
  {
    ServerProcess server;  // imports the example data (two transactions and more)
    ASSERT_EQ(server.Stop(), 0);
    std::filesystem::copy(server.data_dir(), data, std::filesystem::copy_options::recursive);
  }
  // Change one byte of transaction 2's record.
  std::string key = storage::EncodeTxKey(2);
  auto record = storage::TEST_RawGet(data, "txlog", key);
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  std::string tampered = *record;
  tampered[tampered.size() / 2] ^= 0x01;
  ASSERT_TRUE(storage::TEST_RawPut(data, "txlog", key, tampered).ok());

  int code = 0;
  std::string offline = Output(BinaryDir() + "/server/claimgraphd verify --data " + data + " 2>&1", &code);
  EXPECT_NE(code, 0) << offline;
  EXPECT_NE(offline.find("tx 2"), std::string::npos) << offline;

  // Serve the tampered store and ask through the client.
  std::string online = AskServer(data, "audit verify", &code);
  EXPECT_EQ(code, 1) << online;
  EXPECT_NE(online.find("AUDIT FAILED at tx 2"), std::string::npos) << online;
}

// The derived indexes: an osp entry that no longer matches its claim passes
// the log check (the log and claim records are intact) and fails --indexes.
TEST(TamperEvidence, VerifyIndexesFindsAnAlteredIndexEntry) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::string data = dir.path() + "/data";
  {
    ServerProcess server;
    ASSERT_EQ(server.Stop(), 0);
    std::filesystem::copy(server.data_dir(), data, std::filesystem::copy_options::recursive);
  }
  int code = 0;
  std::string clean = Output(BinaryDir() + "/server/claimgraphd verify --indexes --data " + data + " 2>&1", &code);
  EXPECT_EQ(code, 0) << clean;
  EXPECT_NE(clean.find("indexes ok"), std::string::npos) << clean;

  // Claim 1 as stored, then its osp entry made to say it was never retracted and came from source 99.
  storage::IndexEntry e;
  {
    auto store = storage::ClaimStore::Open(data, {});
    ASSERT_TRUE(store.ok());
    auto view = (*store)->NewReadView();
    auto claim = (*view)->GetClaim(1);
    ASSERT_TRUE(claim.ok());
    e = {claim->subject, claim->predicate, claim->object, 1, claim->asserted_tx, claim->retracted_tx, claim->source,
         claim->modality};
  }
  storage::IndexEntry forged = e;
  forged.source = 99;
  ASSERT_TRUE(storage::TEST_RawPut(data, "osp", storage::EncodeTripleKey(storage::TripleIndex::kOsp, e.subject, e.predicate,
                                                                         e.object, e.claim),
                                   storage::EncodeIndexValue(forged))
                  .ok());
  std::string log_only = Output(BinaryDir() + "/server/claimgraphd verify --data " + data + " 2>&1", &code);
  EXPECT_EQ(code, 0) << log_only;  // the log and the claim records are intact
  std::string tampered = Output(BinaryDir() + "/server/claimgraphd verify --indexes --data " + data + " 2>&1", &code);
  EXPECT_NE(code, 0) << tampered;
  EXPECT_NE(tampered.find("INDEXES FAILED: claim 1: its osp entry"), std::string::npos) << tampered;

  // The same through the server, as an auditor with the client would ask.
  std::string online_log = AskServer(data, "audit verify", &code);
  EXPECT_EQ(code, 0) << online_log;
  std::string online = AskServer(data, "audit verify --indexes", &code);
  EXPECT_EQ(code, 1) << online;
  EXPECT_NE(online.find("INDEXES FAILED: claim 1: its osp entry"), std::string::npos) << online;
}

// Kept evidence: an ingested article's text, changed inside the first claim's
// quote, fails --evidence (the log is intact: the chain holds only the text's
// hash), offline and through the server; `claimgraph source KEY --text` gave
// the text back as ingested before.
TEST(TamperEvidence, VerifyEvidenceFindsAChangedTextAndNamesTheFirstClaimItBreaks) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  const std::string src = CLAIMGRAPH_SOURCE_DIR, data = dir.path() + "/data", article = dir.path() + "/article.txt";
  const std::string text =
      "Officials met. In 2007, an intelligence exchange agreement between Japan and Australia was signed.\n";
  std::ofstream(article) << text;
  Ran ingested = RunCaptured({BinaryDir() + "/server/claimgraphd", "ingest", "--data", data, "--schema",
                              src + "/examples/schema.json", "--rules", src + "/examples/ingest/rules.json", "--source",
                              "article", article},
                             dir.path());
  ASSERT_EQ(ingested.code, 0) << ingested.err;
  int code = 0;
  std::string clean = Output(BinaryDir() + "/server/claimgraphd verify --evidence --data " + data + " 2>&1", &code);
  EXPECT_EQ(code, 0) << clean;
  EXPECT_NE(clean.find("evidence ok: 1 kept text (" + std::to_string(text.size()) + " bytes)"), std::string::npos)
      << clean;
  std::string shown = AskServer(data, "source article --text", &code);
  EXPECT_EQ(code, 0) << shown;
  EXPECT_EQ(shown, text);

  uint64_t first_claim = 0, span_begin = 0;
  {
    auto store = storage::ClaimStore::Open(data, {});
    ASSERT_TRUE(store.ok());
    auto view = (*store)->NewReadView();
    auto claim = (*view)->GetClaim(1);
    ASSERT_TRUE(claim.ok()) << claim.status().ToString();
    first_claim = claim->id;
    span_begin = claim->span_begin;
  }
  const std::string key = base::Sha256Digest(text);
  auto stored = storage::TEST_RawGet(data, "evidence", key);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  std::string tampered = *stored;
  tampered[tampered.size() - text.size() + span_begin] ^= 0x01;  // the value ends with the text
  ASSERT_TRUE(storage::TEST_RawPut(data, "evidence", key, tampered).ok());

  const std::string named = "EVIDENCE FAILED: the text of source \"article\" no longer hashes to its SHA-256 " +
                            base::Sha256Hex(text).substr(0, 16) + "...; the first claim it breaks is claim " +
                            std::to_string(first_claim);
  std::string log_only = Output(BinaryDir() + "/server/claimgraphd verify --data " + data + " 2>&1", &code);
  EXPECT_EQ(code, 0) << log_only;
  std::string offline = Output(BinaryDir() + "/server/claimgraphd verify --evidence --data " + data + " 2>&1", &code);
  EXPECT_EQ(code, 1) << offline;
  EXPECT_NE(offline.find(named), std::string::npos) << offline;
  std::string online = AskServer(data, "audit verify --evidence", &code);
  EXPECT_EQ(code, 1) << online;
  EXPECT_EQ(online, offline);  // one formatter, whichever way it is asked
}

}  // namespace
}  // namespace claimgraph::testing
