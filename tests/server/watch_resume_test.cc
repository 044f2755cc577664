// The client's half of a resumed watch (tools/claimgraph/watch_resume.h):
// after a stream is cut — between transactions or in the middle of a split
// one — the next call starts after the last complete transaction and every
// change is delivered exactly once.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "tools/claimgraph/watch_resume.h"

namespace claimgraph::cli {
namespace {

struct Message {
  uint64_t tx;
  int changes;  // numbered from `first` within the transaction
  int first;
  bool complete;
};

// Feeds one stream's messages; returns the (tx, change number) delivered.
std::vector<std::pair<uint64_t, int>> Stream(WatchResume* r, const std::vector<Message>& messages) {
  std::vector<std::pair<uint64_t, int>> out;
  r->StartStream();
  for (const Message& m : messages) {
    for (int i = 0; i < m.changes; ++i)
      if (r->Take(m.tx)) out.push_back({m.tx, m.first + i});
    r->EndMessage(m.tx, m.complete);
  }
  return out;
}

TEST(WatchResume, ResumesAfterTheLastCompleteTransaction) {
  WatchResume r(4);
  auto got = Stream(&r, {{5, 2, 0, true}, {7, 1, 0, true}});
  EXPECT_EQ(got.size(), 3u);
  EXPECT_EQ(r.since(), 7u);
  // The server stopped between transactions: the next stream starts after 7.
  got = Stream(&r, {{9, 1, 0, true}});
  EXPECT_EQ(got, (std::vector<std::pair<uint64_t, int>>{{9, 0}}));
  EXPECT_EQ(r.since(), 9u);
}

TEST(WatchResume, ATransactionCutMidwayIsNotDeliveredTwice) {
  WatchResume r(1);
  // tx 2 complete; tx 3 split 256 + 256 + 88, cut after its second message.
  auto first = Stream(&r, {{2, 1, 0, true}, {3, 256, 0, false}, {3, 256, 256, false}});
  EXPECT_EQ(first.size(), 513u);
  EXPECT_EQ(r.since(), 2u);  // tx 3 was not received in full
  // Sent again from its start: only changes 512..599 are new.
  auto second = Stream(&r, {{3, 256, 0, false}, {3, 256, 256, false}, {3, 88, 512, true}, {4, 1, 0, true}});
  ASSERT_EQ(second.size(), 89u);
  EXPECT_EQ(second.front(), (std::pair<uint64_t, int>{3, 512}));
  EXPECT_EQ(second[87], (std::pair<uint64_t, int>{3, 599}));
  EXPECT_EQ(second.back(), (std::pair<uint64_t, int>{4, 0}));
  EXPECT_EQ(r.since(), 4u);
}

TEST(WatchResume, CutTwiceInTheSameTransaction) {
  WatchResume r(0);
  EXPECT_EQ(Stream(&r, {{1, 256, 0, false}}).size(), 256u);
  EXPECT_EQ(Stream(&r, {{1, 256, 0, false}, {1, 256, 256, false}}).size(), 256u);  // the second message is new
  auto last = Stream(&r, {{1, 256, 0, false}, {1, 256, 256, false}, {1, 10, 512, true}});
  ASSERT_EQ(last.size(), 10u);
  EXPECT_EQ(last.front().second, 512);
  EXPECT_EQ(r.since(), 1u);
}

}  // namespace
}  // namespace claimgraph::cli
