// BELIEF(?c) (issue 14): a hand-computed case over several sources per
// publisher, and a differential test — random claims, publishers, modalities
// and confidences, the engine's BELIEF per group against a brute-force
// evaluation of the formula in docs/claimql.md written here.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "engine/engine.h"
#include "storage/posting_list.h"
#include "tests/numbered.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::engine {
namespace {

using base::Modality;
using testing::Begin;
using testing::Numbered;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

constexpr double kTolerance = 1e-12;

QueryResult Query(Engine* engine, const std::string& text) {
  auto r = engine->Execute(text, ExecuteOptions{});
  EXPECT_TRUE(r.ok()) << text << "\n" << r.status().ToString();
  return r.ok() ? *r : QueryResult{};
}

// One claim as the reference sees it.
struct RefClaim {
  int s, o, source;
  Modality modality;
  double confidence;
  storage::ClaimId id = 0;
  bool live = true;
};

struct RefSource {
  std::string key, publisher;
};

// The formula, straight from docs/claimql.md: per voice (publisher, or the
// source key when there is none) the max support and max doubt, then
// noisy-OR within each and S × (1 − A).
double Reference(const std::vector<const RefClaim*>& claims, const std::vector<RefSource>& sources) {
  std::map<std::string, std::pair<double, double>> voices;  // voice -> {support, against}
  for (const RefClaim* c : claims) {
    const RefSource& src = sources[c->source];
    auto& v = voices[src.publisher.empty() ? "source " + src.key : "publisher " + src.publisher];
    if (c->modality == Modality::kAsserted) v.first = std::max(v.first, c->confidence);
    if (c->modality == Modality::kReported) v.first = std::max(v.first, 0.6 * c->confidence);
    if (c->modality == Modality::kDenied) v.second = std::max(v.second, c->confidence);
  }
  double none_support = 1, none_against = 1;
  for (const auto& [voice, v] : voices) {
    none_support *= 1 - v.first;
    none_against *= 1 - v.second;
  }
  return (1 - none_support) * none_against;
}

TEST(Belief, HandComputedOverSourcesSharingAPublisher) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto tx = Begin(store.get());
    auto a = ValueOrDie(tx->ResolveOrCreateEntity("A")), b = ValueOrDie(tx->ResolveOrCreateEntity("B"));
    auto p = ValueOrDie(tx->DefinePredicate({0, "p0"}));
    auto a1 = ValueOrDie(tx->UpsertSource({"a1", "", "Pub A", "", "", ""}));
    auto a2 = ValueOrDie(tx->UpsertSource({"a2", "", "Pub A", "", "", ""}));
    auto b1 = ValueOrDie(tx->UpsertSource({"b1", "", "Pub B", "", "", ""}));
    auto c1 = ValueOrDie(tx->UpsertSource({"c1", "", "Pub C", "", "", ""}));
    auto n1 = ValueOrDie(tx->UpsertSource({"n1", "", "", "", "", ""}));
    uint64_t span = 0;
    auto add = [&](storage::SourceId source, Modality m, double confidence) {
      storage::ClaimInput in;
      in.subject = a;
      in.predicate = p;
      in.object = b;
      in.source = source;
      in.has_span = true;
      in.span_begin = in.span_end = span++;
      in.modality = m;
      in.confidence = confidence;
      ValueOrDie(tx->Assert(in));
    };
    add(a1, Modality::kAsserted, 0.9);
    add(a2, Modality::kAsserted, 0.8);   // Pub A again: one voice, max 0.9
    add(a2, Modality::kDenied, 0.2);     // Pub A also doubts it
    add(b1, Modality::kReported, 0.5);   // 0.6 × 0.5 = 0.3
    add(c1, Modality::kProposed, 1.0);   // nothing
    add(n1, Modality::kDenied, 0.4);     // no publisher: its own voice
    ValueOrDie(tx->Commit());
  }
  Engine engine(store.get());
  // Voices: Pub A s = max(0.9, 0.8) = 0.9, a = 0.2; Pub B s = 0.3; Pub C
  // nothing; n1 a = 0.4.
  //   S = 1 − (1 − 0.9)(1 − 0.3) = 1 − 0.1 × 0.7 = 0.93
  //   A = 1 − (1 − 0.2)(1 − 0.4) = 1 − 0.8 × 0.6 = 0.52
  //   BELIEF = 0.93 × (1 − 0.52) = 0.4464
  QueryResult r = Query(&engine, "MATCH ?x p0 ?y AS ?c RETURN ?x, BELIEF(?c) AS b");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_NEAR(r.rows[0][1].number, 0.4464, kTolerance);
  // Without Pub A's sources: S = 0.3, A = 0.4, BELIEF = 0.3 × 0.6 = 0.18.
  r = Query(&engine, "MATCH ?x p0 ?y AS ?c FROM SOURCE \"b1\", \"c1\", \"n1\" RETURN BELIEF(?c) AS b");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_NEAR(r.rows[0][0].number, 0.18, kTolerance);
  // Only the proposal: no support, 0.
  r = Query(&engine, "MATCH ?x p0 ?y AS ?c FROM PUBLISHER \"Pub C\" RETURN BELIEF(?c) AS b");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0][0].number, 0.0);
}

TEST(BeliefDifferential, EngineAgreesWithBruteForce) {
  std::mt19937_64 rng(20261130);
  const Modality kModalities[] = {Modality::kAsserted, Modality::kReported, Modality::kProposed, Modality::kDenied};
  int compared = 0, mixed = 0, shared_publisher = 0;
  for (int round = 0; round < 6; ++round) {
    TempDir dir;
    auto store = OpenStore(dir.path());
    // Three publishers with two or three sources each, and three sources without one.
    std::vector<RefSource> sources;
    for (int i = 0; i < 10; ++i)
      sources.push_back({Numbered("src", i), i < 7 ? Numbered("pub", i % 3) : ""});
    std::vector<RefClaim> claims;
    {
      auto tx = Begin(store.get());
      std::vector<storage::EntityId> ids;
      for (int i = 0; i < 3; ++i) ids.push_back(ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", i))));
      std::vector<storage::SourceId> source_ids;
      for (const auto& s : sources) source_ids.push_back(ValueOrDie(tx->UpsertSource({s.key, "", s.publisher, "", "", ""})));
      storage::PredicateId p = ValueOrDie(tx->DefinePredicate({0, "p0"}));
      for (int i = 0; i < 60; ++i) {
        // Mostly thousandths (the index carries them), some not (BELIEF
        // reads those from the claim record): groups mix both.
        RefClaim c{int(rng() % 3), int(rng() % 3), int(rng() % sources.size()), kModalities[rng() % 4],
                   rng() % 4 == 0 ? double(rng() % 1000003) / 1000003 : double(rng() % 1001) / 1000};
        storage::ClaimInput in;
        in.subject = ids[c.s];
        in.predicate = p;
        in.object = ids[c.o];
        in.source = source_ids[c.source];
        in.has_span = true;
        in.span_begin = in.span_end = uint64_t(i);  // distinct identities
        in.modality = c.modality;
        in.confidence = c.confidence;
        c.id = ValueOrDie(tx->Assert(in));
        claims.push_back(c);
      }
      ValueOrDie(tx->Commit());
    }
    {  // BELIEF sees live claims only.
      auto tx = Begin(store.get());
      for (auto& c : claims)
        if (rng() % 8 == 0) {
          ASSERT_TRUE(tx->Retract(c.id, "test").ok());
          c.live = false;
        }
      ValueOrDie(tx->Commit());
    }
    Engine engine(store.get());
    for (int q = 0; q < 20; ++q) {
      // A random FROM PUBLISHER / FROM SOURCE restriction, or none.
      std::set<int> allowed;
      std::string from;
      int kind = int(rng() % 3);
      for (int i = 0; i < int(sources.size()); ++i) allowed.insert(i);
      if (kind == 1) {
        std::set<std::string> pubs;
        for (int k = 0; k < 3; ++k)
          if (rng() % 2) pubs.insert(Numbered("pub", k));
        if (pubs.empty()) pubs.insert("pub0");
        for (const auto& name : pubs) from += (from.empty() ? " FROM PUBLISHER \"" : ", \"") + name + "\"";
        allowed.clear();
        for (int i = 0; i < int(sources.size()); ++i)
          if (pubs.count(sources[i].publisher)) allowed.insert(i);
      } else if (kind == 2) {
        allowed.clear();
        for (int i = 0; i < int(sources.size()); ++i)
          if (rng() % 2) {
            allowed.insert(i);
            from += (from.empty() ? " FROM SOURCE \"" : ", \"") + sources[i].key + "\"";
          }
        if (allowed.empty()) {
          allowed.insert(0);
          from = " FROM SOURCE \"src0\"";
        }
      }
      // Group by fact, or by subject only (several facts' claims in one group).
      const bool by_fact = rng() % 2 == 0;
      std::string text = std::string("MATCH ?x p0 ?y AS ?c") + from + " RETURN ?x" + (by_fact ? ", ?y" : "") +
                         ", BELIEF(?c) AS b";
      QueryResult r = Query(&engine, text);
      std::map<std::vector<std::string>, std::vector<const RefClaim*>> groups;
      for (const auto& c : claims)
        if (c.live && allowed.count(c.source)) {
          std::vector<std::string> key{Numbered("e", c.s)};
          if (by_fact) key.push_back(Numbered("e", c.o));
          groups[key].push_back(&c);
        }
      ASSERT_EQ(r.rows.size(), groups.size()) << text;
      for (const auto& row : r.rows) {
        std::vector<std::string> key;
        for (size_t i = 0; i + 1 < row.size(); ++i) key.push_back(row[i].ToString());
        auto it = groups.find(key);
        ASSERT_NE(it, groups.end()) << text;
        EXPECT_NEAR(row.back().number, Reference(it->second, sources), kTolerance) << text;
        ++compared;
        std::set<Modality> ms;
        std::map<std::string, int> per_publisher;
        for (const RefClaim* c : it->second) {
          ms.insert(c->modality);
          if (!sources[c->source].publisher.empty()) ++per_publisher[sources[c->source].publisher];
        }
        if (ms.count(Modality::kDenied) && (ms.count(Modality::kAsserted) || ms.count(Modality::kReported))) ++mixed;
        for (const auto& [pub, n] : per_publisher) shared_publisher += n > 1;
      }
      // Deterministic: the same query gives the same doubles, bit for bit.
      QueryResult again = Query(&engine, text);
      ASSERT_EQ(again.rows.size(), r.rows.size());
      for (size_t i = 0; i < r.rows.size(); ++i) EXPECT_EQ(again.rows[i].back().number, r.rows[i].back().number);

      // HAVING keeps exactly the groups the reference puts at or above a threshold.
      const double threshold = double(rng() % 10) / 10;
      std::string having = text + " HAVING b >= " + std::to_string(threshold);
      QueryResult h = Query(&engine, having);
      size_t expected = 0;
      for (const auto& [key, cs] : groups) expected += Reference(cs, sources) >= threshold;
      EXPECT_EQ(h.rows.size(), expected) << having;
    }
  }
  // Meaningful only if groups often mix support with denial and hold several
  // claims of one publisher (where max and sum differ).
  EXPECT_GT(compared, 500);
  EXPECT_GT(mixed, compared / 4);
  EXPECT_GT(shared_publisher, compared / 4);
}

// Format 4 carries a confidence in the indexes only when it is exact there
// (storage::ConfidenceCodeOf); any other is read from the claim record, and
// BELIEF is the same double either way.
TEST(Belief, AConfidenceTheIndexCannotCarryIsReadFromTheRecord) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  const double third = 1.0 / 3, odd = 0.123456789;
  {
    auto tx = Begin(store.get());
    auto a = ValueOrDie(tx->ResolveOrCreateEntity("A")), b = ValueOrDie(tx->ResolveOrCreateEntity("B"));
    auto p = ValueOrDie(tx->DefinePredicate({0, "p0"}));
    uint64_t span = 0;
    auto add = [&](const char* source, const char* publisher, Modality m, double confidence) {
      storage::ClaimInput in;
      in.subject = a;
      in.predicate = p;
      in.object = b;
      in.source = ValueOrDie(tx->UpsertSource({source, "", publisher, "", "", ""}));
      in.has_span = true;
      in.span_begin = in.span_end = span++;
      in.modality = m;
      in.confidence = confidence;
      ValueOrDie(tx->Assert(in));
    };
    add("a1", "Pub A", Modality::kAsserted, third);  // not in the index
    add("b1", "Pub B", Modality::kAsserted, 0.9);    // in the index
    add("c1", "Pub C", Modality::kDenied, odd);      // not in the index
    ValueOrDie(tx->Commit());
  }
  {
    auto view = ValueOrDie(store->NewReadView());
    std::multiset<uint32_t> codes;
    for (auto c = view->Scan({}); c->Valid(); c->Next()) codes.insert(c->entry().confidence);
    EXPECT_EQ(codes, (std::multiset<uint32_t>{storage::kConfidenceInRecord, storage::kConfidenceInRecord, 901}));
  }
  Engine engine(store.get());
  QueryResult r = Query(&engine, "MATCH ?x p0 ?y AS ?c RETURN BELIEF(?c) AS b");
  ASSERT_EQ(r.rows.size(), 1u);
  // CombineVoices' operations in its order (voices by publisher): bit for bit.
  const double support = 1 - (1 * (1 - third)) * (1 - 0.9);
  const double against = 1 - odd;
  EXPECT_EQ(r.rows[0][0].number, support * against);
}

// Answers of a store, as text and exact numbers, for comparing before and after.
std::vector<std::string> Answers(Engine* engine, const std::vector<std::string>& queries) {
  std::vector<std::string> out;
  for (const auto& q : queries) {
    QueryResult r = Query(engine, q);
    out.push_back("-- " + q);
    for (const auto& row : r.rows) {
      std::string line;
      for (const auto& v : row) {
        line += v.ToString();
        if (v.kind == Value::Kind::kNumber) {
          char bits[40];
          std::snprintf(bits, sizeof bits, " [%a]", v.number);  // every bit of the double
          line += bits;
        }
        line += " | ";
      }
      out.push_back(line);
    }
  }
  return out;
}

TEST(Belief, AFormat3StoreMigratesKeepingEveryAnswerAndBelief) {
  std::mt19937_64 rng(33);
  TempDir dir;
  const std::vector<std::string> queries = {
      "MATCH ?x p0 ?y AS ?c RETURN ?x, ?y, BELIEF(?c) AS b, COUNT(?c) AS n",
      "MATCH ?x p0 ?y AS ?c RETURN ?x, BELIEF(?c) AS b",
      "MATCH ?x p0 ?y AS ?c FROM PUBLISHER \"pub1\" RETURN ?x, ?y, BELIEF(?c) AS b",
      "MATCH \"e0\" p0 ?y AS ?c RETURN ?y, BELIEF(?c) AS b",
      "MATCH ?x p0 \"e1\" AS ?c RETURN ?x, BELIEF(?c) AS b",
      "MATCH ?x p0 ?y AS ?c RETURN ?c, ?c.confidence, ?c.modality, ?c.source ORDER BY ?c",
      "MATCH ?x p0 ?y RETURN ?x, ?y ORDER BY ?x, ?y",
      "MATCH ?x p0 ?y AS ?c AS OF TX 1 RETURN ?x, ?y, BELIEF(?c) AS b",
  };
  std::vector<std::string> before;
  std::string sp_key, sp_value;  // one list as format 4 wrote it
  {
    auto store = OpenStore(dir.path());
    auto tx = Begin(store.get());
    std::vector<storage::EntityId> ids;
    for (int i = 0; i < 3; ++i) ids.push_back(ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", i))));
    std::vector<storage::SourceId> sources;
    for (int i = 0; i < 8; ++i)
      sources.push_back(ValueOrDie(tx->UpsertSource({Numbered("src", i), "", i < 6 ? Numbered("pub", i % 3) : "", "", "", ""})));
    storage::PredicateId p = ValueOrDie(tx->DefinePredicate({0, "p0"}));
    std::vector<storage::ClaimId> claims;
    for (int i = 0; i < 80; ++i) {
      storage::ClaimInput in;
      in.subject = ids[rng() % 3];
      in.predicate = p;
      in.object = ids[rng() % 3];
      in.source = sources[rng() % sources.size()];
      in.has_span = true;
      in.span_begin = in.span_end = uint64_t(i);
      in.modality = static_cast<Modality>(rng() % 4);
      in.confidence = i % 3 == 0 ? double(rng() % 999983) / 999983 : double(rng() % 1001) / 1000;
      claims.push_back(ValueOrDie(tx->Assert(in)));
    }
    ValueOrDie(tx->Commit());
    tx.reset();  // the writer lock goes with the transaction
    auto retract = Begin(store.get());
    for (size_t i = 0; i < claims.size(); i += 7) ASSERT_TRUE(retract->Retract(claims[i], "test").ok());
    ValueOrDie(retract->Commit());
    retract.reset();
    Engine engine(store.get());
    before = Answers(&engine, queries);
    sp_key = storage::EncodePostingKey(ids[0], p);
  }
  sp_value = ValueOrDie(storage::TEST_RawGet(dir.path(), "sp_postings", sp_key));
  ASSERT_OK(storage::TEST_DowngradeToFormat3(dir.path()));
  storage::StoreOptions read_only;
  read_only.read_only = true;
  auto refused = storage::ClaimStore::Open(dir.path(), read_only);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("format 3"), std::string::npos) << refused.status().ToString();
  EXPECT_NE(ValueOrDie(storage::TEST_RawGet(dir.path(), "sp_postings", sp_key)), sp_value);  // version 1 now
  // A migration cut short by a crash: this list was rewritten, the version
  // not yet recorded. The next Open runs it again over the mix.
  ASSERT_OK(storage::TEST_RawPut(dir.path(), "sp_postings", sp_key, sp_value));
  {
    auto store = OpenStore(dir.path());  // migrates
    storage::AuditReport indexes = ValueOrDie(store->VerifyIndexes());  // confidence codes included
    EXPECT_TRUE(indexes.ok) << indexes.problem;
    Engine engine(store.get());
    EXPECT_EQ(Answers(&engine, queries), before);
  }
  EXPECT_EQ(ValueOrDie(storage::TEST_RawGet(dir.path(), "sp_postings", sp_key)), sp_value);
  auto reopened = ValueOrDie(storage::ClaimStore::Open(dir.path(), read_only));  // format 5 now
}

}  // namespace
}  // namespace claimgraph::engine
