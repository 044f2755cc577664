// Ingestion in a cluster (docs/scale-out.md, "Ingestion in a cluster"):
// nodes started with --schema and --rules bring the store up to the schema
// through the stream (written once, by the writer), and IngestDocument
// through any node is extracted and written by the writer; every node then
// answers the claims at the writer's tx, and a resend is a duplicate.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cluster/cluster_helpers.h"

namespace claimgraph::testing {
namespace {

std::string CorpusText(const std::string& file) {
  std::ifstream in(std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/corpus/" + file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

v1::IngestDocumentRequest Document(const std::string& file) {
  v1::IngestDocumentRequest req;
  req.set_text(CorpusText(file));
  req.set_source_key("corpus/" + file);
  req.set_title(file);
  return req;
}

// The first ingestion of a new cluster waits for its leaders and for the
// writer to bring the store up to the schema: retried (the text's SHA-256
// is the idempotency key) for up to `seconds`.
grpc::Status IngestUntilOk(ServerProcess& node, const v1::IngestDocumentRequest& req,
                           v1::IngestDocumentResponse* resp, int seconds = 60) {
  const auto until = Clock::now() + std::chrono::seconds(seconds);
  grpc::Status s;
  do {
    s = node.stub().IngestDocument(As(kWriter, 20000).get(), req, resp);
    if (s.ok()) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  } while (Clock::now() < until);
  return s;
}

TEST_F(ClusterTest, DocumentsIngestedThroughAnyNodeAreWrittenOnceByTheWriterWithTheSchemaOnce) {
  const std::string src = CLAIMGRAPH_SOURCE_DIR;
  const std::vector<std::string> ingest{"--schema", src + "/examples/schema.json", "--rules",
                                        src + "/examples/ingest/rules.json"};
  NatsCluster nats(3);
  auto n1 = StartNode(nats, 1, "", ingest), n2 = StartNode(nats, 2, "", ingest), n3 = StartNode(nats, 3, "", ingest);
  std::vector<ServerProcess*> nodes{n1.get(), n2.get(), n3.get()};
  const std::vector<std::string> files{"000_7b8d84514c241447.txt", "001_44c191641f30057a.txt",
                                       "002_ef227a66c8fea69d.txt"};

  // One document through each node: at least two of them are not the writer.
  uint64_t last_tx = 0;
  std::vector<uint64_t> txs;
  for (size_t i = 0; i < nodes.size(); ++i) {
    v1::IngestDocumentResponse resp;
    grpc::Status s = IngestUntilOk(*nodes[i], Document(files[i]), &resp);
    ASSERT_TRUE(s.ok()) << s.error_message() << "\n" << nodes[i]->Log();
    EXPECT_FALSE(resp.duplicate());
    EXPECT_GT(resp.claims_size(), 0) << files[i];
    EXPECT_GT(resp.tx(), last_tx);
    last_tx = resp.tx();
    txs.push_back(resp.tx());
  }
  // The schema was written once, before the first document: tx 1 of the
  // three nodes' one chain, and the documents 2, 3, 4.
  EXPECT_EQ(txs, (std::vector<uint64_t>{2, 3, 4}));

  std::set<std::string> hashes;
  std::set<size_t> rows;
  for (ServerProcess* node : nodes) {
    QueryResult q = ReadAt(*node, "MATCH ?s ?p ?o AS ?c FROM SOURCE \"corpus/" + files[0] + "\" RETURN ?c", last_tx);
    ASSERT_TRUE(q.status.ok()) << q.status.error_message();
    EXPECT_GT(q.rows.size(), 0u);
    rows.insert(q.rows.size());
    v1::VerifyAuditResponse audit = Audit(*node);
    EXPECT_TRUE(audit.ok()) << audit.problem();
    EXPECT_EQ(audit.head_tx(), last_tx);
    hashes.insert(audit.head_hash());
  }
  EXPECT_EQ(hashes.size(), 1u) << "every node shows the same head hash";
  EXPECT_EQ(rows.size(), 1u) << "every node answers the same claims";

  // The first document again, through another node: a duplicate, answered
  // with the transaction that wrote it, nothing written.
  v1::IngestDocumentResponse again;
  ASSERT_TRUE(IngestUntilOk(*nodes[2], Document(files[0]), &again).ok());
  EXPECT_TRUE(again.duplicate());
  EXPECT_EQ(again.tx(), txs[0]);
  EXPECT_EQ(Audit(*nodes[0]).head_tx(), last_tx);
}

}  // namespace
}  // namespace claimgraph::testing
