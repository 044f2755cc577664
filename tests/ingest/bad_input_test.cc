// Input the pipeline must answer clearly without writing anything: an article
// in another script, one naming no entity, a 16 MB article without
// punctuation (which must not go quadratic), and a gazetteer that gives one
// name to two entities.
#include <gtest/gtest.h>

#include <chrono>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "codec/format/claim_lines.h"
#include "engine/engine.h"
#include "engine/ingest/ingest_document.h"
#include "engine/io/schema.h"
#include "storage/claim_store.h"
#include "tests/ingest/ingest_store_fixture.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::ingest {
namespace {

using testing::CorpusFile;
using testing::ExamplePipeline;
using testing::SourceDir;

const char* kRussian =
    "Россия и Китай подписали соглашение об обмене разведывательной информацией. "
    "Министры обороны двух стран встретились в Москве и обсудили сотрудничество.";
const char* kChinese = "日本和中国签署了情报共享协议。两国国防部长在东京会晤，讨论了合作。";

std::string Note(const Extraction& ex, std::string_view text) {
  return codec::NoClaimsNote(text, ex.sentences, ex.mentions, ex.claims.size());
}

class BadInputStoreTest : public testing::IngestStoreFixture {};

TEST_F(BadInputStoreTest, AnArticleInAnotherScriptFindsNothingWritesNothingAndSaysWhy) {
  for (const char* text : {kRussian, kChinese}) {
    DocumentInput doc;
    doc.text = text;
    auto result = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "test", false);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_GT(result->extraction.sentences, 0u) << text;
    EXPECT_EQ(result->extraction.mentions, 0u) << text;
    EXPECT_TRUE(result->extraction.claims.empty()) << text;
    EXPECT_EQ(result->tx, 0u) << text;
    EXPECT_EQ(Note(result->extraction, doc.text),
              "no claims: no entity of the gazetteer is named (100% of the text's letters are not Latin; the "
              "gazetteer's names must be written in the text's script)")
        << text;
  }
  EXPECT_EQ(LiveClaims(), 0u);
}

TEST_F(BadInputStoreTest, AnArticleNamingNoEntityFindsNothingWritesNothingAndSaysWhy) {
  DocumentInput doc;
  doc.text = "The weather was fine on Monday, and everyone agreed to share lunch.\nNo treaty was signed.\n";
  auto result = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "test", false);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->extraction.claims.empty());
  EXPECT_EQ(result->tx, 0u);
  EXPECT_EQ(Note(result->extraction, doc.text), "no claims: no entity of the gazetteer is named");
  EXPECT_EQ(LiveClaims(), 0u);
  // Entities but no relation between them: said so too.
  doc.text = "Japan and India are large countries.";
  auto named = IngestDocument(engine_.get(), *ExamplePipeline(), doc, "test", false);
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(Note(named->extraction, doc.text), "no claims: 2 entity mentions, but no relation rule matched");
  EXPECT_EQ(codec::NoClaimsNote("Japan and India signed a pact.", 1, 2, 1), "");
}

// The example corpus repeated to `bytes`; with `punctuation` false every ASCII
// character that is neither a letter nor a digit is a space: one sentence of
// 16 MB, which the splitter cuts into pieces of max_tokens.
std::string SixteenMegabytes(bool punctuation) {
  std::string corpus;
  for (const char* doc : {"000_7b8d84514c241447", "001_44c191641f30057a", "002_ef227a66c8fea69d",
                          "003_8ff059d97790cbcc", "004_8cc8e2fcc4fc9a24"})
    corpus += CorpusFile(doc) + "\n";
  std::string text;
  const size_t bytes = 16u << 20;
  text.reserve(bytes + corpus.size());
  while (text.size() < bytes) text += corpus;
  text.resize(bytes);
  while ((static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();  // no cut UTF-8 character
  if (!punctuation)
    for (char& c : text) {
      unsigned char u = c;
      if (u < 0x80 && !std::isalnum(u)) c = ' ';
    }
  return text;
}

double Seconds(const std::string& text, Extraction* out) {
  auto started = std::chrono::steady_clock::now();
  *out = ExamplePipeline()->Extract(text);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

TEST(BadInputTest, SixteenMegabytesWithoutPunctuationTakeAboutAsLongAsSixteenWithIt) {
  std::string normal = SixteenMegabytes(true);
  std::string run_on = SixteenMegabytes(false);
  // Side by side, best of two each, so that a machine busy with other work
  // slows both alike; what is compared is the ratio, not a time.
  Extraction a, b;
  double normal_s = std::min(Seconds(normal, &a), Seconds(normal, &a));
  double run_on_s = std::min(Seconds(run_on, &b), Seconds(run_on, &b));
  std::printf("16 MB: %.2f s with punctuation (%zu sentences, %zu mentions, %zu claims), %.2f s without (%zu "
              "sentences, %zu mentions, %zu claims): ratio %.2f\n",
              normal_s, a.sentences, a.mentions, a.claims.size(), run_on_s, b.sentences, b.mentions,
              b.claims.size(), run_on_s / normal_s);
  EXPECT_GT(b.sentences, (16u << 20) / 8 / 300);  // cut into pieces of max_tokens
  EXPECT_GT(b.mentions, 0u);
  // Measured 2026-11-30 on the 2-core VM: see docs/ingest.md. A quadratic
  // cost would be thousands of times slower.
  EXPECT_LT(run_on_s, 3 * normal_s);
}

TEST(BadInputTest, AGazetteerGivingOneNameToTwoEntitiesIsRefusedNamingTheFileAndBoth) {
  ::claimgraph::testing::TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::string path = dir.path() + "/two-congos.json";
  std::ofstream(path) << R"({"format": "claimgraph-schema/1", "predicates": [], "entities": [
      {"name": "Republic of the Congo", "type": "country", "aliases": ["Congo"]},
      {"name": "Democratic Republic of the Congo", "type": "country", "aliases": ["DRC", "Congo"]}]})";
  auto pipeline = LoadIngestPipeline(path, SourceDir() + "/examples/ingest/rules.json");
  ASSERT_FALSE(pipeline.ok());
  EXPECT_EQ(pipeline.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(pipeline.status().message(), path + ": \"Congo\" names two entities, \"Republic of the Congo\" and "
                                                 "\"Democratic Republic of the Congo\" (give it to one of them)");
  // The store's side (serve --schema, ingest --schema, import --schema) says the same, naming the file.
  auto opened = storage::ClaimStore::Open(dir.path() + "/store", storage::StoreOptions{});
  ASSERT_TRUE(opened.ok());
  engine::Engine engine(opened->get());
  auto applied = io::ApplySchemaFile(engine, path, "test");
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(applied.status().ToString().find(path), std::string::npos) << applied.status().ToString();
  EXPECT_NE(applied.status().ToString().find("\"Congo\" names two entities"), std::string::npos);
}

}  // namespace
}  // namespace claimgraph::ingest
