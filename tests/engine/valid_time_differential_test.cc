// Differential test of VALID AT / VALID DURING [OR UNKNOWN] (issue 14):
// random claims with random partial valid times (unknown, open at either end,
// years, months and days around leap years), random query intervals, the
// engine's answers against a brute-force evaluation written here on
// std::chrono days — independent of base/valid_time.cc, which compares ISO
// text.
#include <gtest/gtest.h>

#include <chrono>
#include <climits>
#include <cstdio>
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
namespace chr = std::chrono;

constexpr int kEntities = 5;

// A partial date as the reference sees it: year, month (0 = none), day (0 = none).
struct Partial {
  int year = 0, month = 0, day = 0;
  std::string Text() const {
    char buf[16];
    if (month == 0) std::snprintf(buf, sizeof buf, "%04d", year);
    else if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  int First() const {
    chr::year_month_day d{chr::year(year), chr::month(month ? month : 1), chr::day(day ? day : 1)};
    return chr::sys_days(d).time_since_epoch().count();
  }
  int Last() const {
    if (day) return First();
    chr::year_month_day_last d{chr::year(year), chr::month_day_last(chr::month(month ? month : 12))};
    return chr::sys_days(d).time_since_epoch().count();
  }
};

Partial RandomPartial(std::mt19937_64& rng) {
  static const int kYears[] = {1899, 1900, 1903, 1904, 1999, 2000, 2001, 2004};
  Partial p;
  p.year = kYears[rng() % 8];
  int precision = int(rng() % 3);
  if (precision >= 1) p.month = 1 + int(rng() % 12);
  if (precision == 2) {
    unsigned last = unsigned(chr::year_month_day_last{chr::year(p.year), chr::month_day_last(chr::month(p.month))}.day());
    p.day = 1 + int(rng() % last);
  }
  return p;
}

struct RefClaim {
  int s, o;
  bool has_from = false, has_to = false;
  Partial from, to;
  storage::ClaimId id = 0;
  bool known() const { return has_from || has_to; }
};

bool Matches(const RefClaim& c, int qlo, int qhi, bool or_unknown) {
  if (!c.known()) return or_unknown;
  int lo = c.has_from ? c.from.First() : INT_MIN;
  int hi = c.has_to ? c.to.Last() : INT_MAX;
  return lo <= qhi && hi >= qlo;
}

std::set<std::vector<std::string>> Rows(const QueryResult& r) {
  std::set<std::vector<std::string>> out;
  for (const auto& row : r.rows) {
    std::vector<std::string> v;
    for (const auto& x : row) v.push_back(x.ToString());
    out.insert(v);
  }
  return out;
}

TEST(ValidTimeDifferential, EngineAgreesWithBruteForce) {
  std::mt19937_64 rng(20261130);
  int compared = 0, nonempty = 0, partial = 0;
  for (int round = 0; round < 4; ++round) {
    TempDir dir;
    auto store = OpenStore(dir.path());
    std::vector<RefClaim> claims;
    {
      auto tx = Begin(store.get());
      std::vector<storage::EntityId> ids;
      for (int i = 0; i < kEntities; ++i) ids.push_back(ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", i))));
      storage::SourceId source = ValueOrDie(tx->UpsertSource({"s", "", "", "", "", ""}));
      storage::PredicateId p = ValueOrDie(tx->DefinePredicate({0, "p0"}));
      for (int i = 0; i < 40; ++i) {
        RefClaim c{int(rng() % kEntities), int(rng() % kEntities)};
        int shape = int(rng() % 4);  // unknown, from only, to only, both
        if (shape == 1 || shape == 3) c.has_from = true, c.from = RandomPartial(rng);
        if (shape == 2 || shape == 3) c.has_to = true, c.to = RandomPartial(rng);
        if (c.has_from && c.has_to && c.from.First() > c.to.Last()) std::swap(c.from, c.to);
        if (c.has_from && c.has_to && c.from.First() > c.to.Last()) c.has_to = false;  // same day, finer from
        storage::ClaimInput in;
        in.subject = ids[c.s];
        in.predicate = p;
        in.object = ids[c.o];
        in.source = source;
        in.span_begin = in.span_end = uint64_t(i);  // distinct identities
        in.has_span = true;
        if (c.has_from) in.valid.from = c.from.Text();
        if (c.has_to) in.valid.to = c.to.Text();
        ASSERT_TRUE(base::CheckValidTime(in.valid).ok()) << in.valid.from << " " << in.valid.to;
        c.id = ValueOrDie(tx->Assert(in));
        claims.push_back(c);
      }
      ValueOrDie(tx->Commit());
    }
    Engine engine(store.get());
    for (int q = 0; q < 80; ++q) {
      Partial a = RandomPartial(rng), b = RandomPartial(rng);
      bool during = rng() % 2 == 0;
      if (!during) b = a;
      if (a.First() > b.Last()) std::swap(a, b);
      if (a.First() > b.Last()) b = a;
      bool or_unknown = rng() % 3 == 0;
      int qlo = a.First(), qhi = b.Last();
      std::string valid = during ? " VALID DURING \"" + a.Text() + "\"..\"" + b.Text() + "\""
                                 : " VALID AT \"" + a.Text() + "\"";
      if (or_unknown) valid += " OR UNKNOWN";

      // Claims, one by one.
      std::string text = "MATCH ?x p0 ?y AS ?c" + valid + " RETURN ?c";
      auto result = engine.Execute(text, ExecuteOptions{});
      ASSERT_TRUE(result.ok()) << text << "\n" << result.status().ToString();
      std::set<std::vector<std::string>> expected;
      for (const auto& c : claims)
        if (Matches(c, qlo, qhi, or_unknown)) expected.insert({std::to_string(c.id)});
      EXPECT_EQ(Rows(*result), expected) << text;
      ++compared;
      if (!expected.empty()) ++nonempty;
      if (!expected.empty() && expected.size() < claims.size()) ++partial;

      // Facts joined over two patterns: each edge needs a claim valid then.
      text = "MATCH ?x p0 ?y, ?y p0 ?z" + valid + " RETURN DISTINCT ?x, ?y, ?z";
      result = engine.Execute(text, ExecuteOptions{});
      ASSERT_TRUE(result.ok()) << text << "\n" << result.status().ToString();
      expected.clear();
      for (const auto& c1 : claims)
        for (const auto& c2 : claims)
          if (c1.o == c2.s && Matches(c1, qlo, qhi, or_unknown) && Matches(c2, qlo, qhi, or_unknown))
            expected.insert({Numbered("e", c1.s), Numbered("e", c1.o), Numbered("e", c2.o)});
      EXPECT_EQ(Rows(*result), expected) << text;
      ++compared;
    }
  }
  // Meaningful only if filters often keep some claims and drop others.
  EXPECT_GT(compared, 600);
  EXPECT_GT(nonempty, compared / 4);
  EXPECT_GT(partial, compared / 8);
}

}  // namespace
}  // namespace claimgraph::engine
