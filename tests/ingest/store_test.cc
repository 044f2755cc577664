// The pipeline against the example corpus and a real store: boilerplate of
// the corpus is gone, claims land with their provenance, re-ingesting the
// same text writes nothing, and a former name is an alias in the store and
// said in the method of a claim read through it.
#include <gtest/gtest.h>

#include <algorithm>

#include "base/sha256.h"
#include "engine/engine.h"
#include "engine/ingest/ingest_document.h"
#include "storage/claim_store.h"
#include "engine/io/schema.h"
#include "tests/ingest/ingest_store_fixture.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::ingest {
namespace {

using testing::CorpusFile;
using testing::ExamplePipeline;

bool ContainsNoCase(std::string haystack, std::string needle) {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  };
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

TEST(CorpusBoilerplateTest, BannersPaywallsAndBlogrollAreGoneArticlesStay) {
  auto p = ExamplePipeline();
  std::string cookies = p->Extract(CorpusFile("001_44c191641f30057a")).cleaned.text;
  EXPECT_FALSE(ContainsNoCase(cookies, "cookie"));
  EXPECT_TRUE(ContainsNoCase(cookies, "So we have to be ready for any campaign that extends its way into space."));
  std::string paywall = p->Extract(CorpusFile("004_8cc8e2fcc4fc9a24")).cleaned.text;
  EXPECT_FALSE(ContainsNoCase(paywall, "subscri"));
  EXPECT_TRUE(ContainsNoCase(paywall, "Graham Webster is a senior fellow"));
  std::string blog = p->Extract(CorpusFile("002_ef227a66c8fea69d")).cleaned.text;
  EXPECT_FALSE(ContainsNoCase(blog, "WordPress"));
  EXPECT_FALSE(ContainsNoCase(blog, "click here"));
  EXPECT_FALSE(ContainsNoCase(blog, "tumblr_"));
  EXPECT_TRUE(ContainsNoCase(blog, "what constitutes “uses of force” in cyberspace."));
  std::string plain = p->Extract(CorpusFile("003_8ff059d97790cbcc")).cleaned.text;
  EXPECT_TRUE(ContainsNoCase(plain, "a community with a shared future in cyberspace."));
}

class IngestStoreTest : public testing::IngestStoreFixture {};

TEST_F(IngestStoreTest, WritesOneTransactionWithProvenanceAndReingestingWritesNothing) {
  DocumentInput doc;
  doc.text = CorpusFile("004_8cc8e2fcc4fc9a24");
  doc.source_key = "nikkei-2015";
  doc.publisher = "Nikkei Asian Review";
  doc.published = "2015-06-04";
  auto first = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "analyst", false);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_FALSE(first->duplicate);
  ASSERT_GT(first->claim_ids.size(), 0u);
  EXPECT_EQ(first->claim_ids.size(), first->extraction.claims.size());
  uint64_t after_first = LiveClaims();

  auto view = store_->NewReadView();
  auto claim = (*view)->GetClaim(first->claim_ids[0]);
  ASSERT_TRUE(claim.ok());
  EXPECT_TRUE(claim->has_span);
  EXPECT_EQ(doc.text.substr(claim->span_begin, claim->span_end - claim->span_begin), claim->quote);
  // "rules:<version>/<rule>:<cue>": the stored claim says which rule made it.
  EXPECT_EQ(claim->method, first->extraction.claims[0].method);
  EXPECT_EQ(claim->method.rfind("rules:19/pact.", 0), 0u) << claim->method;
  EXPECT_EQ(claim->principal, "analyst");
  auto source = (*view)->GetSource(claim->source);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(source->key, "nikkei-2015");
  EXPECT_EQ(source->publisher, "Nikkei Asian Review");
  EXPECT_EQ(source->sha256, first->sha256);
  // The text is kept as given, and every claim's quote reads from it.
  auto kept = (*view)->GetEvidence(first->sha256);
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(kept->state, storage::Evidence::State::kKept);
  EXPECT_EQ(kept->text, doc.text);
  auto evidence = store_->VerifyEvidence();
  ASSERT_TRUE(evidence.ok()) << evidence.status().ToString();
  EXPECT_TRUE(evidence->ok) << evidence->problem;
  EXPECT_EQ(evidence->texts_checked, 1u);
  EXPECT_EQ(evidence->quotes_checked, first->claim_ids.size() - first->duplicate_claims);

  // The same text again, even under another source key: nothing new.
  doc.source_key = "nikkei-copy";
  auto again = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "analyst", false);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->claim_ids, first->claim_ids);
  EXPECT_EQ(LiveClaims(), after_first);
}

TEST_F(IngestStoreTest, ASourceKeyHoldsOneText) {
  DocumentInput doc;
  doc.text = "Japan and India signed a defence pact.";
  doc.source_key = "wire-1";
  ASSERT_TRUE(IngestDocument(engine_.get(), *ExamplePipeline(), doc, "analyst", false).ok());
  uint64_t before = LiveClaims();
  doc.text = "Canada and France signed a defence pact.";  // another text, same key
  auto clash = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "analyst", false);
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(clash.status().message().find("wire-1"), std::string::npos) << clash.status().message();
  EXPECT_EQ(LiveClaims(), before);
  // The failed write kept no text either; the first text stays the source's.
  auto view = store_->NewReadView();
  auto refused = (*view)->GetEvidence(base::Sha256Hex(doc.text));
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->state, storage::Evidence::State::kNone);
  EXPECT_EQ(engine_->GetSource("wire-1", true)->evidence.text, "Japan and India signed a defence pact.");
}

TEST_F(IngestStoreTest, DryRunWritesNothingAndBadUtf8IsRefused) {
  DocumentInput doc;
  doc.text = CorpusFile("000_7b8d84514c241447");
  auto dry = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "analyst", true);
  ASSERT_TRUE(dry.ok());
  EXPECT_GT(dry->extraction.claims.size(), 0u);
  EXPECT_EQ(dry->tx, 0u);
  EXPECT_EQ(LiveClaims(), 0u);
  doc.text = "Japan and India signed a pact \xff\xfe.";
  auto bad = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "analyst", false);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("offset 30"), std::string::npos) << bad.status().message();
  EXPECT_EQ(LiveClaims(), 0u);
}

TEST_F(IngestStoreTest, IngestedClaimsAnswerClaimQL) {
  DocumentInput doc;
  doc.text = CorpusFile("003_8ff059d97790cbcc");
  doc.source_key = "china-daily";
  ASSERT_TRUE(IngestDocument(engine_.get(), *ExamplePipeline(), doc, "analyst", false).ok());
  engine::Engine engine(store_.get());
  auto result = engine.Execute("MATCH ?c member-of \"Quad\" RETURN ?c ORDER BY ?c", {});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  std::vector<std::string> members;
  for (const auto& row : result->rows) members.push_back(row[0].ToString());
  EXPECT_EQ(members, (std::vector<std::string>{"Australia", "India", "Japan", "United States"}));
}

// The time a sentence gives is stored as the claim's valid time (issue 14);
// a claim whose sentence gives none has none, and VALID filters read it.
TEST_F(IngestStoreTest, TheSentencesTimeIsTheClaimsValidTime) {
  DocumentInput doc;
  doc.text =
      "In 2007, an intelligence exchange agreement between Japan and Australia was signed. "
      "Since 2015, Japan and India have shared intelligence. "
      "Canada and France signed a defence pact.";
  doc.source_key = "valid-time";
  auto result = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "analyst", false);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->claim_ids.size(), result->extraction.claims.size());
  auto view = store_->NewReadView();
  ASSERT_TRUE(view.ok());
  int timed = 0, untimed = 0, open_ended = 0;
  for (size_t i = 0; i < result->claim_ids.size(); ++i) {
    const ExtractedClaim& c = result->extraction.claims[i];
    auto got = (*view)->GetClaim(result->claim_ids[i]);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    const storage::Claim& stored = *got;
    EXPECT_EQ(stored.valid, (base::ValidTime{c.time.from, c.time.to})) << c.quote;
    if (c.subject == "Japan" && c.object == "Australia") {
      EXPECT_EQ(stored.valid, (base::ValidTime{"2007", "2007"}));
    }
    if (c.subject == "Japan" && c.object == "India") {  // open-ended: "since"
      EXPECT_EQ(stored.valid, (base::ValidTime{"2015", ""}));
      ++open_ended;
    }
    (stored.valid.known() ? timed : untimed)++;
  }
  EXPECT_GT(timed, 0);
  EXPECT_GT(untimed, 0);
  EXPECT_EQ(open_ended, 1);
  engine::Engine engine(store_.get());
  auto at = [&](const std::string& when) {
    auto r = engine.Execute("MATCH \"Japan\" shares-intel ?x VALID AT \"" + when + "\" RETURN ?x", {});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->rows.size() : 0;
  };
  EXPECT_EQ(at("2007-06"), 1u);  // Australia
  EXPECT_EQ(at("2008"), 0u);
  EXPECT_EQ(at("2030"), 1u);  // India, since 2015
}

TEST_F(IngestStoreTest, AFormerNameIsAnAliasInTheStoreAndAClaimReadThroughItSaysSo) {
  // A hand-written schema listing the former name only under former_names.
  auto schema = io::ParseSchemaJson(R"({"format": "claimgraph-schema/1",
      "predicates": [{"name": "pact", "symmetric": true}],
      "entities": [{"name": "Russia", "type": "country",
                    "former_names": [{"name": "Soviet Union", "aliases": ["USSR"], "demonyms": ["Soviet"]}]},
                   {"name": "Cuba", "type": "country"}]})");
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  ASSERT_TRUE(io::ApplySchema(*engine_, *schema, "test").ok());
  {
    auto view = store_->NewReadView();
    auto russia = (*view)->FindEntity("Russia");
    ASSERT_TRUE(russia.ok());
    for (const char* former : {"USSR", "Soviet Union", "Soviet"}) {
      auto found = (*view)->FindEntity(former);
      ASSERT_TRUE(found.ok()) << former;
      EXPECT_EQ(*found, *russia) << former;
    }
  }
  auto rules = ParseIngestRules(testing::ReadFileOrDie(testing::SourceDir() + "/examples/ingest/rules.json"));
  ASSERT_TRUE(rules.ok());
  IngestPipeline pipeline(*schema, std::move(*rules));
  DocumentInput doc;
  doc.text = "In 1962 the USSR and Cuba signed a treaty.";
  auto result = IngestDocument(engine_.get(), pipeline, doc, "analyst", false);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->claim_ids.size(), 1u);
  auto view = store_->NewReadView();
  auto claim = (*view)->GetClaim(result->claim_ids[0]);
  ASSERT_TRUE(claim.ok());
  EXPECT_EQ(claim->method, "rules:19/pact.subject:treaty; \"USSR\" read as Russia (former name)");
  EXPECT_EQ(claim->quote, "USSR and Cuba signed a treaty");
}

}  // namespace
}  // namespace claimgraph::ingest
