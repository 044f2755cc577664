// The Session RPC through a real claimgraphd: statements answered in order
// with their ids, a failed statement answered with its error while the
// session goes on, roles, per-statement timeouts, large results in batches,
// and shutdown with an idle session open.
#include <gtest/gtest.h>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

using SessionStream = grpc::ClientReaderWriter<v1::SessionRequest, v1::SessionResponse>;

// One statement's answer, read up to its last message (trailer or error).
struct Answer {
  std::vector<uint64_t> ids;  // of every message
  std::vector<v1::Row> rows;
  std::vector<std::string> columns;
  int messages = 0;
  bool has_trailer = false;
  v1::StatementError error;
  bool has_error = false;
  bool stream_ok = true;
};

Answer RunStatement(SessionStream* stream, uint64_t id, const std::string& text, uint32_t batch_rows = 0, uint32_t timeout_ms = 0) {
  v1::SessionRequest req;
  req.set_id(id);
  req.mutable_query()->set_statement(text);
  req.mutable_query()->set_batch_rows(batch_rows);
  req.set_timeout_ms(timeout_ms);
  Answer a;
  if (!stream->Write(req)) {
    a.stream_ok = false;
    return a;
  }
  v1::SessionResponse resp;
  while (stream->Read(&resp)) {
    ++a.messages;
    a.ids.push_back(resp.id());
    if (resp.has_error()) {
      a.has_error = true;
      a.error = resp.error();
      return a;
    }
    const auto& r = resp.response();
    if (r.has_header()) a.columns.assign(r.header().columns().begin(), r.header().columns().end());
    for (const auto& row : r.batch().rows()) a.rows.push_back(row);
    if (r.has_trailer()) {
      a.has_trailer = true;
      return a;
    }
  }
  a.stream_ok = false;
  return a;
}

TEST(Session, StatementsRunInOrderAndAFailureDoesNotEndTheSession) {
  ServerProcess server;
  auto ctx = As(kReader);
  auto stream = server.stub().Session(ctx.get());

  Answer members = RunStatement(stream.get(), 7, "MATCH ?x member-of \"Five Eyes\" RETURN ?x ORDER BY ?x");
  ASSERT_TRUE(members.has_trailer) << members.error.message();
  EXPECT_EQ(members.columns, std::vector<std::string>{"?x"});
  EXPECT_EQ(members.rows.size(), 5u);
  EXPECT_EQ(members.rows[0].values(0).entity_value().name(), "Australia");
  for (uint64_t id : members.ids) EXPECT_EQ(id, 7u);

  Answer typo = RunStatement(stream.get(), 8, "MATCH ?a pactt ?b RETURN ?a");
  ASSERT_TRUE(typo.has_error);
  EXPECT_EQ(typo.error.code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(typo.error.message().find("line 1:10"), std::string::npos) << typo.error.message();
  EXPECT_NE(typo.error.message().find("did you mean 'pact'"), std::string::npos) << typo.error.message();
  EXPECT_EQ(typo.ids, std::vector<uint64_t>{8});

  // A reader's write is refused and writes nothing; the session goes on.
  uint64_t before = Transactions(server);
  Answer write = RunStatement(stream.get(), 9, "ASSERT \"Japan\" pact \"Canada\" SOURCE \"session-test\"");
  ASSERT_TRUE(write.has_error);
  EXPECT_EQ(write.error.code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Transactions(server), before);

  Answer again = RunStatement(stream.get(), 10, "MATCH ?x member-of \"Five Eyes\" RETURN COUNT(*) AS n");
  ASSERT_TRUE(again.has_trailer) << again.error.message();
  EXPECT_EQ(again.rows[0].values(0).number_value(), 5);

  stream->WritesDone();
  EXPECT_TRUE(stream->Finish().ok());
}

TEST(Session, WritesLargeResultsAndTimeouts) {
  ServerProcess server;
  {  // a 30-node clique as the writer, over a session
    auto ctx = As(kWriter);
    auto stream = server.stub().Session(ctx.get());
    ASSERT_TRUE(RunStatement(stream.get(), 1, "DEFINE PREDICATE knows").has_trailer);
    for (int i = 0; i < 30; ++i)
      for (int j = 0; j < 30; ++j)
        if (i != j) {
          Answer a = RunStatement(stream.get(), 100 + i * 30 + j,
                         "ASSERT \"n" + std::to_string(i) + "\" knows \"n" + std::to_string(j) + "\" SOURCE \"clique\"");
          ASSERT_TRUE(a.has_trailer) << a.error.message();
        }
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
  }
  auto ctx = As(kReader, 60000);
  auto stream = server.stub().Session(ctx.get());
  // 870 rows in batches of 100: nine messages with the statement's id, the last with the trailer.
  Answer big = RunStatement(stream.get(), 5, "MATCH ?a knows ?b RETURN ?a, ?b", 100);
  ASSERT_TRUE(big.has_trailer) << big.error.message();
  EXPECT_EQ(big.rows.size(), 870u);
  EXPECT_EQ(big.messages, 9);
  for (uint64_t id : big.ids) EXPECT_EQ(id, 5u);
  // A statement's own timeout ends it, not the session.
  Answer slow = RunStatement(stream.get(), 6, "MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d, ?d knows ?e RETURN COUNT(*)", 0, 20);
  ASSERT_TRUE(slow.has_error);
  EXPECT_EQ(slow.error.code(), grpc::StatusCode::DEADLINE_EXCEEDED) << slow.error.message();
  Answer after = RunStatement(stream.get(), 7, "MATCH \"n1\" knows ?x RETURN COUNT(*) AS n");
  ASSERT_TRUE(after.has_trailer) << after.error.message();
  EXPECT_EQ(after.rows[0].values(0).number_value(), 29);
  // An idle session does not hold up shutdown, and its stream ends.
  EXPECT_EQ(server.Stop(/*close_channel=*/false), 0);
  v1::SessionResponse resp;
  EXPECT_FALSE(stream->Read(&resp));
}

TEST(Session, NeedsAToken) {
  ServerProcess server;
  grpc::ClientContext ctx;
  auto stream = server.stub().Session(&ctx);
  v1::SessionRequest req;
  req.mutable_query()->set_statement("MATCH ?x member-of \"Five Eyes\" RETURN ?x");
  stream->Write(req);
  v1::SessionResponse resp;
  EXPECT_FALSE(stream->Read(&resp));
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace claimgraph::testing
