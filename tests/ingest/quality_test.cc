// Precision and recall of the pipeline against the project's gold annotation
// of the example corpus (examples/ingest/gold.jsonl). A claim is correct when
// the gold has the same document, predicate, modality and participants (in
// either order for symmetric predicates) and the claim's span overlaps one of
// the gold fact's evidence spans. Precision counts claims; recall counts gold
// facts found by at least one correct claim.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>

#include "engine/ingest/pipeline.h"
#include "tests/ingest/ingest_test_util.h"

namespace claimgraph::ingest {
namespace {

using testing::CorpusFile;
using testing::ExamplePipeline;
using testing::ReadFileOrDie;
using testing::SourceDir;

struct GoldFact {
  std::string doc, subject, predicate, object, modality;
  std::vector<std::pair<uint64_t, uint64_t>> evidence;
  bool found = false;
};

// Claims and gold facts of one predicate.
struct Tally {
  int claims = 0, correct = 0, gold = 0, found = 0;
  double precision() const { return claims ? static_cast<double>(correct) / claims : 0; }
  double recall() const { return gold ? static_cast<double>(found) / gold : 0; }
};

bool Symmetric(const std::string& p) { return p == "pact" || p == "shares-intel"; }

std::vector<GoldFact> LoadGold() {
  std::vector<GoldFact> gold;
  std::istringstream in(ReadFileOrDie(SourceDir() + "/examples/ingest/gold.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    GoldFact f{j["doc"], j["subject"], j["predicate"], j["object"], j["modality"], {}, false};
    for (const auto& e : j["evidence"]) f.evidence.emplace_back(e["span"][0], e["span"][1]);
    gold.push_back(std::move(f));
  }
  return gold;
}

TEST(IngestQualityTest, GoldEvidenceQuotesTheCorpusExactly) {
  std::istringstream in(ReadFileOrDie(SourceDir() + "/examples/ingest/gold.jsonl"));
  std::string line;
  int facts = 0;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    std::string text = CorpusFile(j["doc"]);
    for (const auto& e : j["evidence"]) {
      uint64_t b = e["span"][0], end = e["span"][1];
      ASSERT_LE(end, text.size());
      EXPECT_EQ(text.substr(b, end - b), e["quote"].get<std::string>()) << line;
    }
    ++facts;
  }
  EXPECT_GT(facts, 50);
}

TEST(IngestQualityTest, PrecisionAndRecallOnTheExampleCorpus) {
  auto gold = LoadGold();
  std::map<std::string, std::pair<int, int>> per_doc;  // doc -> (claims, correct)
  std::map<std::string, Tally> per_predicate;
  int claims = 0, correct = 0;
  std::vector<std::string> false_positives;
  for (const char* doc : {"000_7b8d84514c241447", "001_44c191641f30057a", "002_ef227a66c8fea69d",
                          "003_8ff059d97790cbcc", "004_8cc8e2fcc4fc9a24"}) {
    std::string text = CorpusFile(doc);
    Extraction ex = ExamplePipeline()->Extract(text);
    for (const auto& c : ex.claims) {
      // Every claim quotes the original bytes exactly.
      ASSERT_EQ(text.substr(c.span_begin, c.span_end - c.span_begin), c.quote);
      bool ok = false;
      for (auto& g : gold) {
        if (g.doc != doc || g.predicate != c.predicate || g.modality != base::ModalityName(c.modality)) continue;
        bool same = (g.subject == c.subject && g.object == c.object) ||
                    (Symmetric(g.predicate) && g.subject == c.object && g.object == c.subject);
        if (!same) continue;
        for (auto [b, e] : g.evidence)
          if (c.span_begin < e && b < c.span_end) ok = true;
        if (ok) {
          g.found = true;
          break;
        }
      }
      ++claims;
      correct += ok;
      per_doc[doc].first++;
      per_doc[doc].second += ok;
      per_predicate[c.predicate].claims++;
      per_predicate[c.predicate].correct += ok;
      if (!ok)
        false_positives.push_back(std::string(doc).substr(0, 3) + " " + c.subject + " " + c.predicate + " " +
                                  c.object + " [" + base::ModalityName(c.modality) + "] \"" + c.quote + "\"");
    }
  }
  int found = 0;
  std::vector<std::string> misses;
  for (const auto& g : gold) {
    found += g.found;
    per_predicate[g.predicate].gold++;
    per_predicate[g.predicate].found += g.found;
    if (!g.found)
      misses.push_back(g.doc.substr(0, 3) + " " + g.subject + " " + g.predicate + " " + g.object + " [" + g.modality + "]");
  }
  double precision = claims ? static_cast<double>(correct) / claims : 0;
  double recall = gold.empty() ? 0 : static_cast<double>(found) / gold.size();
  // The figures docs/ingest.md quotes.
  std::printf("ingest quality: %d claims, %d correct, precision %.3f; %zu gold facts, %d found, recall %.3f\n", claims,
              correct, precision, gold.size(), found, recall);
  for (const auto& [doc, pc] : per_doc) std::printf("  %s: %d claims, %d correct\n", doc.c_str(), pc.first, pc.second);
  for (const auto& [p, t] : per_predicate)
    std::printf("  %s: %d claims, %d correct, precision %.3f; %d gold facts, %d found, recall %.3f\n", p.c_str(),
                t.claims, t.correct, t.precision(), t.gold, t.found, t.recall());
  // The split of docs/ingest.md ("Measuring on text the rules were not
  // written on"): rules may be developed on dev, never on eval. The floors
  // below still hold for all five.
  struct Split {
    const char* name;
    std::vector<std::string> docs;
  };
  for (const Split& split : {Split{"dev", {"000_7b8d84514c241447", "002_ef227a66c8fea69d"}},
                             Split{"eval", {"001_44c191641f30057a", "003_8ff059d97790cbcc", "004_8cc8e2fcc4fc9a24"}}}) {
    Tally t;
    for (const auto& doc : split.docs) {
      t.claims += per_doc[doc].first;
      t.correct += per_doc[doc].second;
      for (const auto& g : gold)
        if (g.doc == doc) {
          t.gold++;
          t.found += g.found;
        }
    }
    std::printf("  split %s (%zu documents): %d claims, %d correct, precision %.3f; %d gold facts, %d found, recall %.3f\n",
                split.name, split.docs.size(), t.claims, t.correct, t.precision(), t.gold, t.found, t.recall());
  }
  for (const auto& fp : false_positives) std::printf("  false positive: %s\n", fp.c_str());
  for (const auto& m : misses) std::printf("  missed: %s\n", m.c_str());
  // Floors just under what is measured, so that a regression fails the test
  // instead of staying green until it is large. Measured on 2026-11-30 with
  // the clause rules (rules version 2; the gold has 82 facts since the
  // information-security agreement of 002 counts as shares-intel too):
  //   all           precision 0.983 (119/121)  recall 0.927 (76/82)
  //   member-of     precision 1.000 (19/19)    recall 1.000 (19/19)
  //   pact          precision 0.984 (62/63)    recall 1.000 (27/27)
  //   shares-intel  precision 0.971 (34/35)    recall 0.875 (28/32)
  //   targets       precision 1.000 (4/4)      recall 0.500 (2/4)
  // Then "invasion of" became a targets cue (a common wording on unseen
  // text) and 000's garbled "regarding the US invasion of Ukraine. Russia
  // and ..." reads as US targets Ukraine, which the gold rightly lacks:
  //   all           precision 0.975 (119/122)
  //   targets       precision 0.800 (4/5)
  // Then "these partnerships, known as intelligence liaison relationships"
  // (000) related the previous sentence's pairs (relation-anaphor):
  //   all           precision 0.976 (124/127)  recall 0.976 (80/82)
  //   shares-intel  precision 0.975 (39/40)    recall 1.000 (32/32)
  // Each floor is the figure minus 0.02. With a few dozen claims per
  // predicate that is about one claim or fact: a change to the rules that
  // loses one fails here on purpose. If the change is worth it, measure
  // again and lower the floor in the same commit, saying why; if the
  // figures rise, raise the floors.
  EXPECT_GE(precision, 0.96);
  EXPECT_GE(recall, 0.95);
  struct Floor {
    const char* predicate;
    double precision, recall;
  };
  for (const Floor& f : {Floor{"member-of", 0.98, 0.98}, Floor{"pact", 0.96, 0.98}, Floor{"shares-intel", 0.95, 0.98},
                         Floor{"targets", 0.78, 0.48}}) {
    const Tally& t = per_predicate[f.predicate];
    EXPECT_GE(t.precision(), f.precision)
        << f.predicate << ": " << t.correct << " of " << t.claims << " claims correct";
    EXPECT_GE(t.recall(), f.recall) << f.predicate << ": " << t.found << " of " << t.gold << " gold facts found";
  }
  // A predicate the floors do not name would go unchecked.
  EXPECT_EQ(per_predicate.size(), 4u);
}

}  // namespace
}  // namespace claimgraph::ingest
