// Precision and recall over the construction suite, from the same runs as the
// per-entry tests (constructions_test.cc): overall, per split (dev, eval), per
// predicate and per construction. It prints and asserts no threshold — the
// per-entry tests are the assertions; these are the figures docs/ingest.md
// quotes ("Measuring on text the rules were not written on").
//
// A claim is one (subject, predicate, object, modality) of one entry; the same
// claim found twice in a text counts once. Precision is the share of the
// claims found that are expected, recall the share of expected claims found.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "tests/ingest/construction_suite.h"

namespace claimgraph::ingest::testing {
namespace {

struct Tally {
  int entries = 0, exact = 0;
  int found = 0, correct = 0, expected = 0;  // claims found, found and expected, expected
  int wrong_modality = 0;                    // expected claims found with another modality only
  int wrong_time = 0;                        // expected claims found without their time or with another

  void Add(const EntryOutcome& o, const std::string& predicate) {
    for (const auto& k : o.got)
      if (predicate.empty() || o.predicate_of.at(k) == predicate) {
        ++found;
        correct += o.expected.count(k) > 0;
      }
    for (const auto& k : o.expected) {
      if (!predicate.empty() && o.predicate_of.at(k) != predicate) continue;
      ++expected;
      if (o.got.count(k)) continue;
      bool timed = false;
      for (const auto& g : o.got) timed |= g.rfind(k + " (time ", 0) == 0;
      if (timed) {
        ++wrong_time;
        continue;
      }
      std::string triple = k.substr(0, k.rfind(" ["));
      for (const auto& g : o.got)
        if (g.substr(0, g.rfind(" [")) == triple && g.back() == ']') {
          ++wrong_modality;
          break;
        }
    }
  }
};

// "0.750 (15/20)", or "-" when nothing was counted.
std::string Ratio(int num, int den) {
  if (den == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f (%d/%d)", static_cast<double>(num) / den, num, den);
  return buf;
}

// One row: entries (dev/eval), exact matches, then precision and recall over all, dev, eval.
void PrintRow(const std::string& label, const std::map<std::string, Tally>& by_split) {
  auto get = [&](const char* s) { auto it = by_split.find(s); return it == by_split.end() ? Tally{} : it->second; };
  Tally all = get("all"), dev = get("dev"), eval = get("eval");
  // Entries: all (dev/eval), and how many came out exactly right.
  std::string n = all.entries ? std::to_string(all.entries) + " (" + std::to_string(dev.entries) + "/" +
                                    std::to_string(eval.entries) + ")"
                              : "-";
  std::string ok = all.entries ? std::to_string(all.exact) : "-";
  std::printf("  %-24s %12s %4s  | %-17s %-17s | %-17s %-17s | %-17s %-17s\n", label.c_str(), n.c_str(), ok.c_str(),
              Ratio(all.correct, all.found).c_str(), Ratio(all.correct, all.expected).c_str(),
              Ratio(dev.correct, dev.found).c_str(), Ratio(dev.correct, dev.expected).c_str(),
              Ratio(eval.correct, eval.found).c_str(), Ratio(eval.correct, eval.expected).c_str());
}

void PrintHeader(const char* what) {
  std::printf("  %-24s %12s %4s  | %-17s %-17s | %-17s %-17s | %-17s %-17s\n", what, "n (dev/eval)", "ok", "precision", "recall",
              "dev precision", "dev recall", "eval precision", "eval recall");
}

TEST(ConstructionFigures, PrecisionAndRecallPerPredicateConstructionAndSplit) {
  const Suite& suite = LoadedSuite();
  ASSERT_EQ(suite.error, "");
  const char* predicates[] = {"member-of", "pact", "shares-intel", "targets"};
  std::map<std::string, std::map<std::string, Tally>> rows;  // row label -> split ("all", "dev", "eval") -> tally
  int timed = 0;
  for (const auto& e : suite.entries) {
    const EntryOutcome& o = RunEntry(e);
    for (const auto& c : e.expect) timed += !c.time.empty();
    for (const char* split : {"all", e.split.c_str()}) {
      // A predicate's row counts its claims only; whether an entry is exactly
      // right is a question about all of its claims.
      auto count = [&](const std::string& label, const std::string& predicate) {
        Tally& t = rows[label][split];
        if (predicate.empty()) {
          ++t.entries;
          t.exact += o.matches();
        }
        t.Add(o, predicate);
      };
      count("all", "");
      for (const char* p : predicates) count(std::string("predicate ") + p, p);
      for (const auto& tag : e.constructions) count(tag, "");
    }
  }
  const Tally& all = rows["all"]["all"];
  std::printf("construction suite (examples/gazetteer.json, examples/ingest/rules.json): %d entries, "
              "%d exactly right, %zu known misses listed (%d entries differ)\n",
              all.entries, all.exact, suite.known_misses.size(), all.entries - all.exact);
  std::printf("  claims: %d found, %d correct, %d expected; %d expected claims found only with another modality, "
              "%d only without their time or with another\n",
              all.found, all.correct, all.expected, all.wrong_modality, all.wrong_time);
  std::printf("  %d expected claims carry a time, compared as text (a claim found without it or with another is wrong)\n",
              timed);
  PrintHeader("");
  PrintRow("all", rows["all"]);
  PrintHeader("per predicate");
  for (const char* p : predicates) PrintRow(std::string("predicate ") + p, rows[std::string("predicate ") + p]);
  PrintHeader("per construction");
  for (const auto& [label, by_split] : rows)
    if (label != "all" && label.rfind("predicate ", 0) != 0) PrintRow(label, by_split);
}

}  // namespace
}  // namespace claimgraph::ingest::testing
