// Transactions bigger than one message (docs/scale-out.md, "Large
// transactions"): sent as parts, applied whole by every node; a set its
// writer abandoned (parts 1 and 2 of 3, as a writer that died between two
// parts leaves it) is skipped by every node, a node restarted across it
// included, and the next writer appends after it.
#include <gtest/gtest.h>
#include <nats/nats.h>

#include <set>
#include <string>
#include <vector>

#include "tests/cluster/cluster_helpers.h"

namespace claimgraph::testing {
namespace {

// Publishes parts 1..`count` of `of` of a transaction that never comes
// whole, straight into the cluster's stream.
void PublishAbandonedParts(const NatsCluster& nats, int count, int of) {
  natsOptions* opts = nullptr;
  ASSERT_EQ(natsOptions_Create(&opts), NATS_OK);
  const std::string urls = nats.Urls();
  std::vector<std::string> list;
  for (size_t start = 0; start <= urls.size();) {
    size_t comma = urls.find(',', start);
    if (comma == std::string::npos) comma = urls.size();
    list.push_back(urls.substr(start, comma - start));
    start = comma + 1;
  }
  std::vector<const char*> servers;
  for (const auto& s : list) servers.push_back(s.c_str());
  natsOptions_SetServers(opts, servers.data(), static_cast<int>(servers.size()));
  natsConnection* nc = nullptr;
  ASSERT_EQ(natsConnection_Connect(&nc, opts), NATS_OK);
  jsCtx* js = nullptr;
  ASSERT_EQ(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
  for (int i = 1; i <= count; ++i) {
    natsMsg* msg = nullptr;
    const std::string body(5000, 'x'), part = std::to_string(i) + "/" + std::to_string(of);
    ASSERT_EQ(natsMsg_Create(&msg, "claimgraph.tx", nullptr, body.data(), static_cast<int>(body.size())), NATS_OK);
    natsMsgHeader_Set(msg, "Cg-Kind", "tx-part");
    natsMsgHeader_Set(msg, "Cg-Part", part.c_str());
    natsMsgHeader_Set(msg, "Cg-Tx", "999");
    jsPubAck* ack = nullptr;
    EXPECT_EQ(js_PublishMsg(&ack, js, msg, nullptr, nullptr), NATS_OK);
    if (ack) jsPubAck_Destroy(ack);
    natsMsg_Destroy(msg);
  }
  jsCtx_Destroy(js);
  natsConnection_Destroy(nc);
  natsOptions_Destroy(opts);
}

TEST_F(ClusterTest, BigTransactionsGoInPartsAndAnAbandonedSetIsSkippedByEveryNode) {
  NatsCluster nats(3);
  TempDir store3;
  // 4 KiB parts: a 300-claim batch's message is tens of parts.
  const std::vector<std::string> small{"--cluster-part-bytes", "4096"};
  auto n1 = StartNode(nats, 1, "", small), n2 = StartNode(nats, 2, "", small),
       n3 = StartNode(nats, 3, store3.path(), small);
  std::vector<ServerProcess*> nodes{n1.get(), n2.get(), n3.get()};
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("big", 300), &resp).ok()) << n1->Log();
  ExpectOneHistory(nodes, resp.tx(), 300);

  // Node 3 stops; a writer's abandoned parts land in the stream; the next
  // transaction (itself in parts) goes after them.
  kill(n3->pid(), SIGKILL);
  n3->Stop();
  PublishAbandonedParts(nats, 2, 3);
  ASSERT_TRUE(WriteUntilOk(*n2, Batch("after", 300), &resp, 30).ok()) << n2->Log();
  nodes.pop_back();
  ExpectOneHistory(nodes, resp.tx(), 600);

  // Node 3 restarts on its store and replays across the abandoned set.
  n3 = StartNode(nats, 3, store3.path(), small);
  nodes.push_back(n3.get());
  ExpectOneHistory(nodes, resp.tx(), 600);
  EXPECT_NE(n3->Log().find("discarding parts 1-2 of 3 of tx 999"), std::string::npos) << n3->Log();
}

}  // namespace
}  // namespace claimgraph::testing
