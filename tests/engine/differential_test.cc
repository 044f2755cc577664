// Differential test: random graphs and random queries from the supported
// fragment (conjunctions of patterns over directed, symmetric and inverse
// predicates, paths with + * {m,n} and alternatives, != filters, FROM SOURCE,
// AS OF), evaluated by the engine and by a deliberately naive evaluator that
// enumerates every assignment of the variables. The result sets must agree.
// A second, denser shape gives joins enough input rows for the planner's
// read-ahead (batched inner lookups), so that path is compared too.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "engine/engine.h"
#include "tests/numbered.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::engine {
namespace {

using testing::Begin;
using testing::Numbered;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

// Predicates p0 (directed), p1 (symmetric), p2 (directed, inverse p2-inv).

struct RefClaim {
  int s, p, o, source;
  storage::Modality modality;
  storage::TxId asserted, retracted = 0;
};

struct Graph {
  std::vector<RefClaim> claims;
};

// The naive evaluator's view of facts: pairs (s, o) per predicate usable at `as_of`.
std::set<std::pair<int, int>> Facts(const Graph& g, int p, storage::TxId as_of, int only_source) {
  std::set<std::pair<int, int>> out;
  for (const auto& c : g.claims) {
    bool live = c.asserted <= as_of && (c.retracted == 0 || c.retracted > as_of);
    bool usable = c.modality == base::Modality::kAsserted || c.modality == base::Modality::kReported;
    if (c.p == p && live && usable && (only_source < 0 || c.source == only_source)) out.insert({c.s, c.o});
  }
  return out;
}

struct Step {
  int predicate;
  bool inverse;
};
struct PathSpec {
  std::vector<Step> steps;  // alternatives
  int min = 1, max = 1;     // max -1 = unbounded
  std::string text;
};
struct TermSpec {
  bool variable;
  int value;  // variable index or entity index
};
struct PatternSpec {
  TermSpec s, o;
  PathSpec path;
};

std::string TermText(const TermSpec& t) {
  return t.variable ? "?v" + std::to_string(t.value) : "\"e" + std::to_string(t.value) + "\"";
}

// Edges of one step of the path: directed, symmetric (both ways) or inverse.
std::set<std::pair<int, int>> Edges(const Graph& g, const PathSpec& path, storage::TxId as_of, int src) {
  std::set<std::pair<int, int>> out;
  for (const Step& st : path.steps) {
    for (auto [s, o] : Facts(g, st.predicate, as_of, src)) {
      if (st.predicate == 1) {
        out.insert({s, o});
        out.insert({o, s});
      } else if (st.inverse) {
        out.insert({o, s});
      } else {
        out.insert({s, o});
      }
    }
  }
  return out;
}

// Pairs connected by a walk whose length is within [min, max].
std::set<std::pair<int, int>> PathPairs(const Graph& g, const PathSpec& path, storage::TxId as_of, int src,
                                        int entities) {
  auto edges = Edges(g, path, as_of, src);
  std::set<std::pair<int, int>> out;
  int limit = path.max < 0 ? path.min + entities + 1 : path.max;
  for (int start = 0; start < entities; ++start) {
    std::set<int> frontier{start};
    for (int len = 0; len <= limit; ++len) {
      if (len >= path.min)
        for (int n : frontier) out.insert({start, n});
      std::set<int> next;
      for (int n : frontier)
        for (auto [a, b] : edges)
          if (a == n) next.insert(b);
      frontier = next;
    }
  }
  return out;
}

std::set<std::vector<std::string>> Reference(const Graph& g, const std::vector<PatternSpec>& patterns, int vars,
                                             const std::vector<std::pair<int, int>>& not_equal, storage::TxId as_of,
                                             int src, int entities) {
  std::vector<std::set<std::pair<int, int>>> pairs;
  for (const auto& p : patterns) pairs.push_back(PathPairs(g, p.path, as_of, src, entities));
  std::set<std::vector<std::string>> out;
  std::vector<int> a(vars, 0);
  int combos = 1;
  for (int i = 0; i < vars; ++i) combos *= entities;
  for (int c = 0; c < combos; ++c) {
    int x = c;
    for (int i = 0; i < vars; ++i) {
      a[i] = x % entities;
      x /= entities;
    }
    bool ok = true;
    for (size_t i = 0; i < patterns.size() && ok; ++i) {
      int s = patterns[i].s.variable ? a[patterns[i].s.value] : patterns[i].s.value;
      int o = patterns[i].o.variable ? a[patterns[i].o.value] : patterns[i].o.value;
      ok = pairs[i].count({s, o}) > 0;
    }
    for (auto [l, r] : not_equal) ok = ok && a[l] != a[r];
    if (!ok) continue;
    std::vector<std::string> row;
    for (int i = 0; i < vars; ++i) row.push_back(Numbered("e", a[i]));
    out.insert(row);
  }
  return out;
}

PathSpec RandomPath(std::mt19937_64& rng) {
  PathSpec p;
  int kind = rng() % 10;
  auto step = [&]() {
    Step s{int(rng() % 3), false};
    if (s.predicate != 1 && rng() % 3 == 0) s.inverse = true;
    return s;
  };
  auto step_text = [](const Step& s) {
    if (s.predicate == 2 && s.inverse) return std::string("p2-inv");  // the declared inverse name
    return std::string(s.inverse ? "^" : "") + "p" + std::to_string(s.predicate);
  };
  p.steps.push_back(step());
  if (kind >= 6) p.steps.push_back(step());
  std::string inner = step_text(p.steps[0]);
  if (p.steps.size() > 1) inner = "(" + inner + "|" + step_text(p.steps[1]) + ")";
  switch (kind % 6) {
    case 0: case 1: case 2: p.text = inner; break;
    case 3: p.min = 1; p.max = -1; p.text = inner + "+"; break;
    case 4: p.min = 0; p.max = -1; p.text = inner + "*"; break;
    case 5:
      p.min = int(rng() % 3);
      p.max = p.min + int(rng() % 3);
      p.text = inner + "{" + std::to_string(p.min) + "," + std::to_string(p.max) + "}";
      break;
  }
  if (p.steps.size() == 1 && p.text.find_first_of("+*{") == std::string::npos && p.steps[0].inverse &&
      p.steps[0].predicate == 2 && rng() % 2)
    p.text = "^p2";  // the other way to say it
  return p;
}

struct Shape {
  uint64_t seed;
  int entities;
  int claims_per_tx;  // three transactions
  int graphs, queries_per_graph;
  int plain_percent = 0;  // of patterns made one plain step (p0, p1, p2, ^p0...) instead of a random path
};
struct Counts {
  int compared = 0, nonempty = 0, read_ahead = 0;  // read_ahead: plans that batch a join's lookups
};

void CompareRandomQueries(const Shape& shape, Counts* counts) {
  const int entities = shape.entities;
  std::mt19937_64 rng(shape.seed);
  int& compared = counts->compared;
  int& nonempty = counts->nonempty;
  for (int graph_round = 0; graph_round < shape.graphs; ++graph_round) {
    TempDir dir;
    auto store = OpenStore(dir.path());
    Graph g;
    std::vector<storage::EntityId> ids;
    std::vector<storage::SourceId> sources;
    std::vector<storage::PredicateId> preds;
    {
      auto tx = Begin(store.get());
      for (int i = 0; i < entities; ++i) ids.push_back(ValueOrDie(tx->ResolveOrCreateEntity("e" + std::to_string(i))));
      for (int i = 0; i < 3; ++i) sources.push_back(ValueOrDie(tx->UpsertSource({"s" + std::to_string(i), "", "", "", "", ""})));
      storage::Predicate p0{0, "p0"}, p1{0, "p1", true}, p2{0, "p2", false, "p2-inv"};
      for (auto* p : {&p0, &p1, &p2}) preds.push_back(ValueOrDie(tx->DefinePredicate(*p)));
      ValueOrDie(tx->Commit());
    }
    Engine engine(store.get());
    // Queries after each transaction, not only after the last: what a view
    // of one transaction read and kept (the store's list cache) must never
    // answer a view of the next.
    for (int t = 0; t < 3; ++t) {
      auto tx = Begin(store.get());
      std::vector<RefClaim> added;
      for (int i = 0; i < shape.claims_per_tx; ++i) {
        RefClaim c{int(rng() % entities), int(rng() % 3), int(rng() % entities), int(rng() % 3),
                   rng() % 6 == 0 ? base::Modality::kProposed : (rng() % 7 == 0 ? base::Modality::kDenied : base::Modality::kAsserted), 0};
        storage::ClaimInput in;
        in.subject = ids[c.s];
        in.predicate = preds[c.p];
        in.object = ids[c.o];
        in.source = sources[c.source];
        in.modality = c.modality;
        ValueOrDie(tx->Assert(in));
        added.push_back(c);
      }
      std::vector<size_t> retract;
      for (size_t i = 0; i < g.claims.size(); ++i)
        if (!g.claims[i].retracted && rng() % 6 == 0) {
          ASSERT_TRUE(tx->Retract(i + 1, "random").ok());
          retract.push_back(i);
        }
      storage::TxId txid = ValueOrDie(tx->Commit()).tx;
      for (auto& c : added) c.asserted = txid;
      for (size_t i : retract) g.claims[i].retracted = txid;
      g.claims.insert(g.claims.end(), added.begin(), added.end());
      const storage::TxId newest = txid;  // 2, 3, 4: tx 1 made the schema
      for (int q = 0; q < shape.queries_per_graph / 3; ++q) {
        int vars = 1 + int(rng() % 3);
        std::vector<PatternSpec> patterns;
        int n = 1 + int(rng() % 3);
        std::set<int> used;
        for (int i = 0; i < n; ++i) {
          PatternSpec p;
          auto term = [&]() {
            TermSpec t{rng() % 4 != 0, 0};
            t.value = t.variable ? int(rng() % vars) : int(rng() % entities);
            if (t.variable) used.insert(t.value);
            return t;
          };
          p.s = term();
          if (shape.plain_percent > 0 && int(rng() % 100) < shape.plain_percent) {
            const Step st{int(rng() % 3), false};
            p.path.steps.push_back(st);
            p.path.text = "p" + std::to_string(st.predicate);
          } else {
            p.path = RandomPath(rng);
          }
          p.o = term();
          patterns.push_back(p);
        }
        if (used.size() != size_t(vars)) continue;  // every variable must be bound by a pattern
        std::vector<std::pair<int, int>> not_equal;
        if (vars >= 2 && rng() % 3 == 0) not_equal.push_back({0, 1});
        storage::TxId as_of = rng() % 3 == 0 ? 2 + rng() % (newest - 1) : newest;
        int src = rng() % 5 == 0 ? int(rng() % 3) : -1;

        std::string text = "MATCH ";
        for (size_t i = 0; i < patterns.size(); ++i)
          text += (i ? ", " : "") + TermText(patterns[i].s) + " " + patterns[i].path.text + " " + TermText(patterns[i].o);
        if (!not_equal.empty()) text += " WHERE ?v0 != ?v1";
        if (src >= 0) text += " FROM SOURCE \"s" + std::to_string(src) + "\"";
        text += " AS OF TX " + std::to_string(as_of) + " RETURN DISTINCT ";
        for (int i = 0; i < vars; ++i) text += (i ? ", ?v" : "?v") + std::to_string(i);

        auto result = engine.Execute(text, ExecuteOptions{});
        ASSERT_TRUE(result.ok()) << text << "\n" << result.status().ToString();
        std::set<std::vector<std::string>> actual;
        for (const auto& row : result->rows) {
          std::vector<std::string> r;
          for (const auto& v : row) r.push_back(v.ToString());
          actual.insert(r);
        }
        auto expected = Reference(g, patterns, vars, not_equal, as_of, src, entities);
        EXPECT_EQ(actual, expected) << text;
        ++compared;
        if (!expected.empty()) ++nonempty;
        auto plan = engine.Execute("EXPLAIN " + text, ExecuteOptions{});
        ASSERT_TRUE(plan.ok()) << text << "\n" << plan.status().ToString();
        bool batched = false;
        for (const auto& row : plan->rows)
          for (const auto& v : row) batched |= v.ToString().find("read ahead") != std::string::npos;
        counts->read_ahead += batched;
      }
    }
  }
}

TEST(Differential, EngineAgreesWithNaiveEvaluator) {
  Counts counts;
  CompareRandomQueries({20261123, 7, 9, 6, 60}, &counts);
  // The comparison is only meaningful if many queries return something.
  EXPECT_GT(counts.compared, 150);
  EXPECT_GT(counts.nonempty, counts.compared / 4);
}

// Denser graphs: a join's outer side gives tens of rows, so the planner puts
// a read-ahead before it (the inner lists prefetched in batches, symmetric
// reverse reads included) and the answers must not change.
TEST(Differential, ReadAheadJoinsAgreeWithNaiveEvaluator) {
  Counts counts;
  CompareRandomQueries({20261202, 20, 120, 3, 60, 80}, &counts);
  std::printf("compared %d, nonempty %d, with a read-ahead %d\n", counts.compared, counts.nonempty, counts.read_ahead);
  EXPECT_GT(counts.compared, 80);
  EXPECT_GT(counts.nonempty, counts.compared / 3);
  // Fewer than with every query after the last transaction: the first
  // rounds query smaller graphs, whose joins are too small to read ahead.
  EXPECT_GT(counts.read_ahead, counts.compared / 8);
}

}  // namespace
}  // namespace claimgraph::engine
