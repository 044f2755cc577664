// Online writes on a hub against writes on random subjects (issue 19, items 3
// and 4): does a commit's cost depend on how big the lists it touches are?
//
//   hub_write_bench --dir DIR [--claims N] [--writes W] [--batch B] [--rounds R]
//                   [--candidates C] [--seed S] [--no-sync]
//
// Opens the store in DIR, or builds one of N synthetic claims there first
// (the bulk path, as query_bench does) when DIR has none. The biggest hub is
// the subject with the most claims among the first C entity ids (the
// planner's estimate of each; the synthetic graph's Zipf ranks put its hubs
// first). Then, R times, alternating so that a noisy machine slows both
// alike: W/R claims in commits of B on the hub (subject the hub, predicate
// and object random), and W/R claims in commits of B on random subjects.
// Commits are synced, as claimgraphd's are, unless --no-sync. Last, it reads
// the hub's claims (one Scan over its lists, median of 5) before the writes,
// after them, and after a flush: what a query on the hub pays for writes not
// yet compacted into its lists.
//
// Prints progress on stderr and, on stdout, a summary line:
//   hub_write_bench claims=N hub=NAME hub_claims=H hub_cps=X random_cps=Y ratio=X/Y ...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "storage/claim_store.h"
#include "tools/bench/synthetic_graph.h"

namespace cg = claimgraph;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

template <typename T>
T OrDie(cg::Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, r.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(r).value();
}

void Check(const cg::Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
    std::exit(1);
  }
}

struct Target {
  cg::storage::EntityId hub = 0;
  uint64_t hub_claims = 0;
  uint64_t entities = 0;
  std::vector<cg::storage::PredicateId> predicates;
  cg::storage::SourceId source = 0;
};

Target FindTarget(cg::storage::ClaimStore* store, uint64_t candidates) {
  Target t;
  auto view = OrDie(store->NewReadView(), "opening a view");
  t.entities = view->EntityCount();
  for (cg::storage::EntityId id = 1; id <= std::min(candidates, t.entities); ++id) {
    uint64_t n = OrDie(view->EstimateClaims({.subject = id}), "estimating");
    if (n > t.hub_claims) t.hub = id, t.hub_claims = n;
  }
  for (const auto& p : OrDie(view->ListPredicates(), "listing predicates")) t.predicates.push_back(p.id);
  Check(view->ForEachSource([&](const cg::storage::Source& s) {
          t.source = s.id;
          return false;  // the first will do
        }),
        "listing sources");
  if (t.hub == 0 || t.predicates.empty() || t.source == 0) {
    std::fprintf(stderr, "the store has no claims to find a hub in\n");
    std::exit(1);
  }
  return t;
}

// `claims` claims in commits of `batch`, with the subject `subject()`.
// Returns the seconds spent.
template <typename SubjectFn>
double Write(cg::storage::ClaimStore* store, const Target& t, uint64_t claims, uint64_t batch, std::mt19937_64& rng,
             SubjectFn subject) {
  const auto start = Clock::now();
  for (uint64_t done = 0; done < claims;) {
    cg::storage::WriteOptions wo;
    wo.principal = "hub_write_bench";
    auto tx = OrDie(store->BeginWrite(wo), "beginning a transaction");
    for (uint64_t i = 0; i < batch && done < claims; ++i, ++done) {
      cg::storage::ClaimInput in;
      in.subject = subject();
      in.predicate = t.predicates[rng() % t.predicates.size()];
      in.object = 1 + rng() % t.entities;
      in.source = t.source;
      in.confidence = 0.75;
      in.method = "bench";
      OrDie(tx->Assert(in), "asserting");
    }
    OrDie(tx->Commit(), "committing");
  }
  return Seconds(start);
}

// The hub's claims, read through its posting lists: the median of 5 reads, in ms.
double ReadHub(cg::storage::ClaimStore* store, cg::storage::EntityId hub, uint64_t* count) {
  std::vector<double> ms;
  for (int run = 0; run < 5; ++run) {
    const auto start = Clock::now();
    auto view = OrDie(store->NewReadView(), "opening a view");
    *count = 0;
    auto c = view->Scan({.subject = hub});
    for (; c->Valid(); c->Next()) ++*count;
    Check(c->status(), "scanning the hub");
    ms.push_back(Seconds(start) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  uint64_t n = 1000000, writes = 5000, batch = 50, rounds = 5, candidates = 10000, seed = 1;
  bool sync = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--dir" && has_value) dir = argv[++i];
    else if (a == "--claims" && has_value) n = std::stoull(argv[++i]);
    else if (a == "--writes" && has_value) writes = std::stoull(argv[++i]);
    else if (a == "--batch" && has_value) batch = std::max<uint64_t>(1, std::stoull(argv[++i]));
    else if (a == "--rounds" && has_value) rounds = std::max<uint64_t>(1, std::stoull(argv[++i]));
    else if (a == "--candidates" && has_value) candidates = std::stoull(argv[++i]);
    else if (a == "--seed" && has_value) seed = std::stoull(argv[++i]);
    else if (a == "--no-sync") sync = false;
    else {
      std::fprintf(stderr,
                   "usage: hub_write_bench --dir DIR [--claims N] [--writes W] [--batch B] [--rounds R] "
                   "[--candidates C] [--seed S] [--no-sync]\n");
      return 2;
    }
  }
  if (dir.empty()) {
    std::fprintf(stderr, "hub_write_bench: --dir is required (the store is built there when missing)\n");
    return 2;
  }
  cg::storage::StoreOptions options;
  options.sync_commits = sync;
  if (!std::filesystem::exists(std::filesystem::path(dir) / "CURRENT")) {
    std::fprintf(stderr, "[hub_write_bench] building a store of %llu synthetic claims in %s...\n",
                 (unsigned long long)n, dir.c_str());
    const auto start = Clock::now();
    auto store = OrDie(cg::storage::ClaimStore::Open(dir, options), "creating the store");
    cg::bench::LoadSynthetic(cg::bench::MakeSyntheticGraph(n), store.get());
    Check(store->Flush(), "flushing");
    std::fprintf(stderr, "[hub_write_bench] built in %.1f s\n", Seconds(start));
  }
  auto store = OrDie(cg::storage::ClaimStore::Open(dir, options), "opening the store");
  const Target t = FindTarget(store.get(), candidates);
  uint64_t stored_claims;
  std::string hub_name;
  {
    auto view = OrDie(store->NewReadView(), "opening a view");
    stored_claims = OrDie(view->FirstClaimFromTx(view->last_tx() + 1), "counting claims") - 1;
    hub_name = OrDie(view->GetEntity(t.hub), "reading the hub").name;
  }
  std::fprintf(stderr, "[hub_write_bench] hub %s: ~%llu claims as subject (of %llu entities)\n", hub_name.c_str(),
               (unsigned long long)t.hub_claims, (unsigned long long)t.entities);

  uint64_t hub_count_before = 0, hub_count_after = 0;
  const double read_before_ms = ReadHub(store.get(), t.hub, &hub_count_before);

  std::mt19937_64 rng(seed);
  const uint64_t per_round = std::max<uint64_t>(1, writes / rounds);
  double hub_s = 0, random_s = 0;
  uint64_t hub_claims = 0, random_claims = 0;
  for (uint64_t r = 0; r < rounds; ++r) {
    // Which goes first alternates too: a flush or compaction that one round
    // triggers lands on either side alike.
    for (int side = 0; side < 2; ++side) {
      if ((side == 0) == (r % 2 == 0)) {
        hub_s += Write(store.get(), t, per_round, batch, rng, [&] { return t.hub; });
        hub_claims += per_round;
      } else {
        random_s += Write(store.get(), t, per_round, batch, rng, [&] { return 1 + rng() % t.entities; });
        random_claims += per_round;
      }
    }
    std::fprintf(stderr, "[hub_write_bench] round %llu/%llu: hub %.0f claims/s, random %.0f claims/s\n",
                 (unsigned long long)(r + 1), (unsigned long long)rounds, hub_claims / hub_s,
                 random_claims / random_s);
  }
  const double read_after_ms = ReadHub(store.get(), t.hub, &hub_count_after);
  Check(store->Flush(), "flushing");
  const double read_flushed_ms = ReadHub(store.get(), t.hub, &hub_count_after);
  const double hub_cps = hub_claims / hub_s, random_cps = random_claims / random_s;
  std::printf("hub_write_bench claims=%llu hub=%s hub_claims=%llu batch=%llu hub_cps=%.0f random_cps=%.0f "
              "ratio=%.2f hub_read_ms_before=%.1f after=%.1f flushed=%.1f (%llu then %llu claims)\n",
              (unsigned long long)stored_claims, hub_name.c_str(), (unsigned long long)hub_count_before,
              (unsigned long long)batch, hub_cps, random_cps, random_cps / hub_cps, read_before_ms, read_after_ms, read_flushed_ms,
              (unsigned long long)hub_count_before, (unsigned long long)hub_count_after);
  return 0;
}
