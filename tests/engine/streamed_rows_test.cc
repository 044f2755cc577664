// A streamed answer handed to a sink that takes entities by id
// (RowSink::TakeEntitiesById) is the answer itself: with every entity cell's
// name filled in from the names the engine offers, each row equals the row
// of the same statement answered whole (no sink) — unbound OPTIONAL
// variables (null, not an entity), literal objects, predicates, claims,
// attributes, provenance and LIMIT included. DISTINCT keeps whole cells.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::engine {
namespace {

using testing::BuildFixtureStore;
using testing::TempDir;

class ByIdSink final : public RowSink {
 public:
  Status Header(const std::vector<std::string>&, std::optional<TxId>) override { return Status::Ok(); }
  Status Row(const std::vector<Value>& row, const std::vector<uint64_t>& provenance) override {
    std::vector<Value> whole = row;
    for (Value& v : whole) {
      if (v.kind != Value::Kind::kEntity || !v.text.empty()) continue;
      EXPECT_NE(names_, nullptr) << "an entity by id while no names are offered";
      EXPECT_NE(v.id, 0u) << "an entity cell with no entity";
      if (!names_) continue;
      CG_ASSIGN_OR_RETURN(std::string_view name, names_->Name(v.id));
      v.text = std::string(name);
      ++by_id;
    }
    rows.push_back(std::move(whole));
    provenances.push_back(provenance);
    return Status::Ok();
  }
  bool TakeEntitiesById(EntityNames* names) override {
    names_ = names;
    ++offers;
    return true;
  }
  std::vector<std::vector<Value>> rows;
  std::vector<std::vector<uint64_t>> provenances;
  int by_id = 0, offers = 0;

 private:
  EntityNames* names_ = nullptr;
};

bool SameValue(const Value& a, const Value& b) {
  return a.kind == b.kind && a.id == b.id && a.text == b.text && a.boolean == b.boolean &&
         (a.number == b.number || (a.number != a.number && b.number != b.number)) && a.integer == b.integer &&
         a.list.size() == b.list.size();
}

TEST(StreamedRows, EntitiesByIdGiveTheAnswerAnsweredWhole) {
  TempDir dir;
  auto store = BuildFixtureStore(dir.path());
  Engine engine(store.get());
  const std::vector<std::string> statements = {
      "MATCH ?a pact ?b RETURN ?a, ?b",
      "MATCH ?x member-of \"Quad\" OPTIONAL { ?x pact ?y } RETURN ?x, ?y",
      "MATCH ?x member-of \"Five Eyes\" OPTIONAL { ?t targets ?x } RETURN ?t, ?x",
      "MATCH ?a ?p ?o AS ?c RETURN ?c, ?a, ?p, ?o, ?c.source, ?c.subject, ?o.name",
      "MATCH ?a ?p ?o RETURN ?o, ?a LIMIT 7",
      "MATCH \"Japan\" pact ?x, ?x pact ?y RETURN ?x, ?y WITH PROVENANCE",
      "MATCH ?a pact ?b RETURN DISTINCT ?a",
  };
  int by_id = 0;
  for (const auto& statement : statements) {
    SCOPED_TRACE(statement);
    auto whole = engine.Execute(statement, {});
    ASSERT_TRUE(whole.ok()) << whole.status().ToString();
    ByIdSink sink;
    auto streamed = engine.Execute(statement, {}, &sink);
    ASSERT_TRUE(streamed.ok()) << streamed.status().ToString();
    ASSERT_EQ(sink.rows.size(), whole->rows.size());
    ASSERT_FALSE(whole->rows.empty());
    for (size_t r = 0; r < sink.rows.size(); ++r) {
      ASSERT_EQ(sink.rows[r].size(), whole->rows[r].size());
      for (size_t c = 0; c < sink.rows[r].size(); ++c) {
        EXPECT_TRUE(SameValue(sink.rows[r][c], whole->rows[r][c]))
            << "row " << r << " column " << c << ": " << sink.rows[r][c].ToString() << " against "
            << whole->rows[r][c].ToString();
      }
      if (whole->with_provenance) {
        EXPECT_EQ(sink.provenances[r], whole->provenance[r]);
      }
    }
    EXPECT_EQ(sink.offers, statement.find("DISTINCT") == std::string::npos ? 2 : 0)
        << "offered before the rows and withdrawn after them";
    by_id += sink.by_id;
  }
  EXPECT_GT(by_id, 30);
}

}  // namespace
}  // namespace claimgraph::engine
