// Value.int_value end to end (issue 18): a client that sets
// QueryRequest.integers gets whole numbers (a COUNT, an integer literal, a
// claim id) as int_value and fractions as number_value, over gRPC, a Session
// and the HTTP/JSON API (where an int64 is a string); a client that does not
// set it gets number_value as before int_value existed.
#include <gtest/gtest.h>

#include "tests/server/http_harness.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::testing {
namespace {

// One row: the Quad's members counted, a fraction, a literal, a claim's id,
// then two whole numbers that are doubles by what made them: a literal
// written with a point, and a division.
const char* kMixed =
    "MATCH ?x member-of \"Quad\" AS ?c RETURN COUNT(DISTINCT ?x) AS n, 2.5 AS half, 7 AS seven, MIN(?c.id) AS first, "
    "1.0 AS one, 6 / 3 AS two";

class IntegerValues : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { process_ = new HttpServerProcess(); }
  static void TearDownTestSuite() {
    delete process_;
    process_ = nullptr;
  }
  static ServerProcess& server() { return process_->server(); }
  static HttpServerProcess* process_;
};
HttpServerProcess* IntegerValues::process_ = nullptr;

v1::QueryRequest Asking(const std::string& statement, bool integers) {
  v1::QueryRequest req;
  req.set_statement(statement);
  req.set_integers(integers);
  return req;
}

TEST_F(IntegerValues, WholeNumbersComeAsIntValueWhenAsked) {
  auto q = RunQuery(server().stub(), kReader, Asking(kMixed, true));
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  ASSERT_EQ(q.rows.size(), 1u);
  const auto& row = q.rows[0];
  ASSERT_EQ(row.values(0).kind_case(), v1::Value::kIntValue) << row.DebugString();
  EXPECT_EQ(row.values(0).int_value(), 4);
  ASSERT_EQ(row.values(1).kind_case(), v1::Value::kNumberValue) << row.DebugString();
  EXPECT_EQ(row.values(1).number_value(), 2.5);
  ASSERT_EQ(row.values(2).kind_case(), v1::Value::kIntValue) << row.DebugString();
  EXPECT_EQ(row.values(2).int_value(), 7);
  ASSERT_EQ(row.values(3).kind_case(), v1::Value::kIntValue) << row.DebugString();
  EXPECT_GT(row.values(3).int_value(), 0);
  // Integers by expression, not by value: doubles stay doubles even when whole.
  ASSERT_EQ(row.values(4).kind_case(), v1::Value::kNumberValue) << row.DebugString();
  EXPECT_EQ(row.values(4).number_value(), 1.0);
  ASSERT_EQ(row.values(5).kind_case(), v1::Value::kNumberValue) << row.DebugString();
  EXPECT_EQ(row.values(5).number_value(), 2.0);
}

// + - * of integers stay integers; a stored number written as an integer is one.
TEST_F(IntegerValues, ArithmeticOfIntegersIsAnInteger) {
  auto q = RunQuery(server().stub(), kReader,
                    Asking("MATCH ?x member-of \"Quad\" AS ?c RETURN COUNT(*) * 2 + 1 AS odd, -COUNT(*) AS neg, "
                           "COUNT(*) * 0.5 AS half",
                           true));
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  ASSERT_EQ(q.rows.size(), 1u);
  const auto& row = q.rows[0];
  ASSERT_EQ(row.values(0).kind_case(), v1::Value::kIntValue) << row.DebugString();
  EXPECT_EQ(row.values(0).int_value() % 2, 1);
  ASSERT_EQ(row.values(1).kind_case(), v1::Value::kIntValue) << row.DebugString();
  EXPECT_LT(row.values(1).int_value(), 0);
  EXPECT_EQ(row.values(2).kind_case(), v1::Value::kNumberValue) << row.DebugString();
}

// A client built before int_value existed never sees it.
TEST_F(IntegerValues, AnOlderClientStillGetsNumberValue) {
  auto q = RunQuery(server().stub(), kReader, Asking(kMixed, false));
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  ASSERT_EQ(q.rows.size(), 1u);
  for (int i : {0, 2, 3}) EXPECT_EQ(q.rows[0].values(i).kind_case(), v1::Value::kNumberValue) << i;
  EXPECT_EQ(q.rows[0].values(0).number_value(), 4);
}

TEST_F(IntegerValues, ASessionStatementAsksLikeAQuery) {
  auto ctx = As(kReader);
  auto stream = server().stub().Session(ctx.get());
  v1::SessionRequest req;
  req.set_id(1);
  *req.mutable_query() = Asking(kMixed, true);
  ASSERT_TRUE(stream->Write(req));
  stream->WritesDone();
  v1::SessionResponse r;
  std::vector<v1::Row> rows;
  while (stream->Read(&r)) rows.insert(rows.end(), r.response().batch().rows().begin(), r.response().batch().rows().end());
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].values(0).kind_case(), v1::Value::kIntValue);
  EXPECT_EQ(rows[0].values(0).int_value(), 4);
  EXPECT_EQ(rows[0].values(1).kind_case(), v1::Value::kNumberValue);
}

// The JSON mapping writes an int64 as a string: {"int_value":"4"}.
TEST_F(IntegerValues, OverHttpAnIntegerIsAJsonString) {
  auto http = process_->client();
  auto asked = HttpQuery(http, kReader, kMixed, {{"integers", true}});
  ASSERT_TRUE(asked.ok()) << asked.body;
  EXPECT_NE(asked.body.find(R"({"int_value":"4"})"), std::string::npos) << asked.body;
  EXPECT_NE(asked.body.find(R"({"number_value":2.5})"), std::string::npos) << asked.body;
  auto plain = HttpQuery(http, kReader, kMixed);
  ASSERT_TRUE(plain.ok()) << plain.body;
  EXPECT_NE(plain.body.find(R"({"number_value":4})"), std::string::npos) << plain.body;
  EXPECT_EQ(plain.body.find("int_value"), std::string::npos) << plain.body;
}

// The CLI asks for integers and prints them as integers, fractions as they are.
TEST_F(IntegerValues, TheCliShowsWholeNumbersWithoutAFraction) {
  TempDir scratch;
  std::filesystem::create_directories(scratch.path());
  Ran r = RunCaptured({BinaryDir() + "/tools/claimgraph/claimgraph", "--server", server().address(), "--token", kReader,
                       "query", kMixed, "--format", "json"},
                      scratch.path());
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("\"n\":4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"half\":2.5"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("4.0"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace claimgraph::testing
