// The gRPC row path (RowForm::kWire: rows written as wire bytes, the message's
// fields as unknown fields in field order) against the message path protobuf
// serializes: the client must receive the same bytes. Every message both
// sinks hand out is serialized — alone, as the Query RPC writes it, and inside
// a SessionResponse, as Session writes it — and compared byte for byte: on
// every kind of value, and on the answers of every statement of the golden
// scripts (provenance columns, nulls, lists, writes) in batches of 1, 2 and 512.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <array>
#include <limits>
#include <map>

#include "server/streaming_sink.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::server {
namespace {

using engine::Value;

// Everything one sink handed out, each message serialized as it went.
struct Sent {
  std::vector<std::string> alone;
  std::vector<std::string> in_session;
};

// A sink and what it sent.
struct Side {
  Side(const v1::QueryRequest& request, RowForm form)
      : sink(nullptr, [this](v1::QueryResponse* m) { return Record(m); }, request, form) {}
  bool Record(v1::QueryResponse* m) {
    sent.alone.push_back(m->SerializeAsString());
    v1::SessionResponse session;  // lent as Session lends it
    session.set_id(7);
    session.unsafe_arena_set_allocated_response(m);
    sent.in_session.push_back(session.SerializeAsString());
    session.unsafe_arena_release_response();
    return true;
  }
  void Finish(const engine::QueryResult& result) {
    Record(sink.Last(result, [](v1::QueryTrailer* t) {
      t->set_read_at_tx(42);
      t->set_cluster("node 1");
    }));
  }
  Sent sent;
  StreamingSink sink;
};

// Gives the engine's rows to both forms: the message form (a) whole, the
// wire form (b) as the engine hands them to it — with entities by id when
// it takes them so, which a gives whole, named from the engine's names.
class Tee final : public engine::RowSink {
 public:
  Tee(Side* a, Side* b) : a_(a), b_(b) {}
  Status Header(const std::vector<std::string>& columns, std::optional<engine::TxId> as_of) override {
    CG_RETURN_IF_ERROR(a_->sink.Header(columns, as_of));
    return b_->sink.Header(columns, as_of);
  }
  Status Row(const std::vector<Value>& row, const std::vector<uint64_t>& provenance) override {
    std::vector<Value> whole = row;
    for (Value& v : whole) {
      if (v.kind != Value::Kind::kEntity || v.id == 0 || !v.text.empty()) continue;
      EXPECT_NE(names_, nullptr) << "an entity by id in a sink that did not take them";
      if (!names_) continue;
      CG_ASSIGN_OR_RETURN(std::string_view name, names_->Name(v.id));
      v.text = std::string(name);
      ++by_id_;
    }
    CG_RETURN_IF_ERROR(a_->sink.Row(whole, provenance));
    return b_->sink.Row(row, provenance);
  }
  bool TakeEntitiesById(engine::EntityNames* names) override {
    names_ = names;
    return b_->sink.TakeEntitiesById(names);
  }
  size_t by_id() const { return by_id_; }

 private:
  Side* a_;
  Side* b_;
  engine::EntityNames* names_ = nullptr;
  size_t by_id_ = 0;
};

void ExpectSameBytes(const Sent& messages, const Sent& wire, const std::string& what) {
  ASSERT_EQ(messages.alone.size(), wire.alone.size()) << what;
  for (size_t i = 0; i < messages.alone.size(); ++i) {
    EXPECT_EQ(messages.alone[i], wire.alone[i]) << what << ", message " << i;
    EXPECT_EQ(messages.in_session[i], wire.in_session[i]) << what << ", message " << i << " in a session";
  }
}

v1::QueryRequest RequestWith(uint32_t batch_rows, bool integers) {
  v1::QueryRequest r;
  r.set_batch_rows(batch_rows);
  r.set_integers(integers);
  return r;
}

Value List(std::vector<Value> values) {
  Value v;
  v.kind = Value::Kind::kList;
  v.list = std::move(values);
  return v;
}

std::vector<Value> EveryKind() {
  return {Value::Null(), Value::Bool(false), Value::Bool(true), Value::Number(0), Value::Number(-2.5),
          Value::Number(std::numeric_limits<double>::quiet_NaN()), Value::Number(1e300), Value::Integer(0),
          Value::Integer(-1), Value::Integer(int64_t{1} << 52), Value::Integer(int64_t{1} << 60),
          Value::String(""), Value::String("caf\xc3\xa9 \"quoted\""), Value::String(std::string(300, 'x')),
          Value::Date("2015-04"), Value::Entity(0, ""), Value::Entity(1, "Japan"),
          Value::Entity(~uint64_t{0}, "entity-123456789012345"), Value::Predicate(3, "capital_of"),
          Value::Predicate(0, ""), Value::Claim(0), Value::Claim(uint64_t{1} << 40), List({}),
          List({Value::String("Nippon"), Value::Integer(7), List({Value::Null()}), List({})})};
}

TEST(RowWire, EveryKindOfValueIsTheMessageBytes) {
  const std::vector<Value> kinds = EveryKind();
  for (bool integers : {false, true}) {
    for (uint32_t batch : {1u, 3u, 512u}) {
      const v1::QueryRequest request = RequestWith(batch, integers);
      Side messages(request, RowForm::kMessages), wire(request, RowForm::kWire);
      Tee tee(&messages, &wire);
      std::vector<std::string> columns = {"a", "b"};
      ASSERT_TRUE(tee.Header(columns, engine::TxId{9}).ok());
      // Each kind alone, in pairs, with and without provenance, and a row
      // of every kind at once (wider than the writer's inline sizes).
      for (size_t i = 0; i < kinds.size(); ++i) {
        ASSERT_TRUE(tee.Row({kinds[i]}, {}).ok());
        ASSERT_TRUE(tee.Row({kinds[i], kinds[(i + 5) % kinds.size()]}, {i, uint64_t{1} << 35}).ok());
      }
      ASSERT_TRUE(tee.Row(kinds, {1, 2, 3}).ok());
      ASSERT_TRUE(tee.Row({}, {}).ok());
      engine::QueryResult result;
      result.stats.rows = 2 * kinds.size() + 2;
      result.stats.elapsed_ms = 1.25;
      result.warnings = {"a warning"};
      messages.Finish(result);
      wire.Finish(result);
      ExpectSameBytes(messages.sent, wire.sent, "batch " + std::to_string(batch));
      EXPECT_GT(wire.sent.alone.size(), batch == 512 ? 0u : 2u);
    }
  }
}

TEST(RowWire, NoRowsAndNoColumnsIsTheMessageBytes) {
  const v1::QueryRequest request = RequestWith(0, true);
  Side messages(request, RowForm::kMessages), wire(request, RowForm::kWire);
  Tee tee(&messages, &wire);
  ASSERT_TRUE(tee.Header({}, std::nullopt).ok());
  engine::QueryResult result;
  result.message = "asserted claim 12 in tx 5";
  messages.Finish(result);
  wire.Finish(result);
  ExpectSameBytes(messages.sent, wire.sent, "a write's answer");
}

// Entities by id: the kept cells give the bytes of whole ones, whether an
// entity comes first, again in its column, beside a whole one, or after the
// names change; the sink asks for a name only when a column's entity changes.
class FixedNames final : public engine::EntityNames {
 public:
  Result<std::string_view> Name(uint64_t entity) override {
    ++asked;
    if (entity == 404) return Status::NotFound("entity 404");
    names.try_emplace(entity, entity % 3 == 0 ? std::string() : "entity-" + std::to_string(entity * 7919));
    return std::string_view(names[entity]);
  }
  std::map<uint64_t, std::string> names;
  int asked = 0;
};

TEST(RowWire, EntitiesByIdAreTheBytesOfWholeOnes) {
  const v1::QueryRequest request = RequestWith(4, true);
  Side messages(request, RowForm::kMessages), wire(request, RowForm::kWire);
  Tee tee(&messages, &wire);
  FixedNames names;
  ASSERT_TRUE(tee.TakeEntitiesById(&names));
  EXPECT_FALSE(messages.sink.TakeEntitiesById(&names)) << "the message form builds its cells whole";
  ASSERT_TRUE(tee.Header({"a", "b", "c"}, std::nullopt).ok());
  const std::vector<uint64_t> ids = {5, 6, 5, 1ull << 40, 9, 6, 5, 300, 300};
  std::vector<std::vector<Value>> rows;
  for (size_t i = 0; i + 1 < ids.size(); ++i) {
    rows.push_back({Value::Entity(ids[i], ""), Value::Entity(ids[i + 1], ""), Value::Entity(2, "Japan")});
    rows.push_back({Value::String("x"), Value::Entity(ids[i], "")});
  }
  // What the sink should ask: a name each time a column's entity changes
  // (a column of another kind in between keeps what it kept).
  int by_id_cells = 0, changes = 0;
  std::vector<uint64_t> last(3, 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) {
      if (!row[c].text.empty() || row[c].kind != Value::Kind::kEntity) continue;
      ++by_id_cells;
      changes += last[c] != row[c].id;
      last[c] = row[c].id;
    }
  for (size_t i = 0; i < rows.size(); ++i) ASSERT_TRUE(tee.Row(rows[i], {i}).ok());
  EXPECT_EQ(names.asked, by_id_cells + changes) << "the tee asks for every cell, the sink on a change";
  EXPECT_LT(changes, by_id_cells);
  // A name it cannot find ends the statement with that error.
  Status missing = wire.sink.Row({Value::Entity(404, "")}, {});
  EXPECT_EQ(missing.code(), StatusCode::kNotFound) << missing.ToString();
  // Withdrawn: what it kept is forgotten with the names.
  tee.TakeEntitiesById(nullptr);
  FixedNames other;
  other.names[300] = "renamed";
  ASSERT_TRUE(tee.TakeEntitiesById(&other));
  ASSERT_TRUE(tee.Row({Value::Entity(300, ""), Value::Entity(300, "")}, {}).ok());
  engine::QueryResult result;
  messages.Finish(result);
  wire.Finish(result);
  ExpectSameBytes(messages.sent, wire.sent, "entities by id");
}

// The statements of the golden scripts, each run once through both forms.
TEST(RowWire, GoldenScriptAnswersAreTheMessageBytes) {
  namespace fs = std::filesystem;
  const fs::path scripts = fs::path(testing::SourceDir()) / "tests" / "claimql";
  size_t statements = 0, rows = 0, batch_index = 0, by_id = 0;
  for (const auto& entry : fs::directory_iterator(scripts)) {
    if (entry.path().extension() != ".cql") continue;
    testing::TempDir dir;
    auto store = testing::BuildFixtureStore(dir.path());
    engine::Engine engine(store.get());
    for (const auto& item : testing::SplitScript(testing::ReadFile(entry.path().string()))) {
      if (item.is_comment) continue;
      const uint32_t batch = std::array<uint32_t, 3>{1, 2, 512}[batch_index++ % 3];
      const v1::QueryRequest request = RequestWith(batch, statements % 2 == 0);
      Side messages(request, RowForm::kMessages), wire(request, RowForm::kWire);
      Tee tee(&messages, &wire);
      auto result = engine.Execute(item.text, {}, &tee);
      if (!result.ok()) continue;
      messages.Finish(*result);
      wire.Finish(*result);
      ++statements;
      rows += result->stats.rows;
      by_id += tee.by_id();
      ExpectSameBytes(messages.sent, wire.sent, entry.path().filename().string() + ": " + item.text);
    }
  }
  EXPECT_GT(statements, 100u);
  EXPECT_GT(rows, 500u);
  EXPECT_GT(by_id, 50u) << "the streamed answers' entities come by id";
}

}  // namespace
}  // namespace claimgraph::server
