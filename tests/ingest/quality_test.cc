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
        if (g.doc != doc || g.predicate != c.predicate || g.modality != storage::ModalityName(c.modality)) continue;
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
      if (!ok)
        false_positives.push_back(std::string(doc).substr(0, 3) + " " + c.subject + " " + c.predicate + " " +
                                  c.object + " [" + storage::ModalityName(c.modality) + "] \"" + c.quote + "\"");
    }
  }
  int found = 0;
  std::vector<std::string> misses;
  for (const auto& g : gold) {
    found += g.found;
    if (!g.found)
      misses.push_back(g.doc.substr(0, 3) + " " + g.subject + " " + g.predicate + " " + g.object + " [" + g.modality + "]");
  }
  double precision = claims ? static_cast<double>(correct) / claims : 0;
  double recall = gold.empty() ? 0 : static_cast<double>(found) / gold.size();
  // The figures docs/ingest.md quotes.
  std::printf("ingest quality: %d claims, %d correct, precision %.3f; %zu gold facts, %d found, recall %.3f\n", claims,
              correct, precision, gold.size(), found, recall);
  for (const auto& [doc, pc] : per_doc) std::printf("  %s: %d claims, %d correct\n", doc.c_str(), pc.first, pc.second);
  for (const auto& fp : false_positives) std::printf("  false positive: %s\n", fp.c_str());
  for (const auto& m : misses) std::printf("  missed: %s\n", m.c_str());
  EXPECT_GE(precision, 0.8);
  EXPECT_GE(recall, 0.7);
}

}  // namespace
}  // namespace claimgraph::ingest
