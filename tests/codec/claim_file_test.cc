// The claim file reader both tools share: formats by name, blank and comment
// lines, and one reader per file remembering nothing wrong between lines.
#include "codec/claim_file.h"

#include <gtest/gtest.h>

namespace claimgraph::codec {
namespace {

TEST(ClaimFileFormatOf, TheExtensionSaysTheFormat) {
  EXPECT_EQ(ClaimFileFormatOf("a/b.nq").value(), ClaimFileFormat::kNQuads);
  EXPECT_EQ(ClaimFileFormatOf("b.nt").value(), ClaimFileFormat::kNQuads);
  EXPECT_EQ(ClaimFileFormatOf("b.nquads").value(), ClaimFileFormat::kNQuads);
  EXPECT_EQ(ClaimFileFormatOf("b.jsonl").value(), ClaimFileFormat::kJsonl);
  EXPECT_EQ(ClaimFileFormatOf("b.ndjson").value(), ClaimFileFormat::kJsonl);
  auto unknown = ClaimFileFormatOf("claims.txt");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(), "claims.txt: unknown format (use .nq/.nt for N-Quads, .jsonl for claims)");
}

TEST(ClaimLineReader, NQuadsLinesBlankCommentsClaimsAndErrors) {
  ClaimLineReader reader(ClaimFileFormat::kNQuads, {"feed"});
  ClaimLine line;
  reader.Read("", &line);
  EXPECT_TRUE(line.blank);
  reader.Read("  # a comment\r", &line);
  EXPECT_TRUE(line.blank);
  reader.Read("<urn:e:a> <urn:p:q> <urn:e:b> .\r", &line);
  ASSERT_FALSE(line.blank);
  ASSERT_TRUE(line.error.message.empty()) << line.error.message;
  EXPECT_EQ(line.claim.claim.source.key, "feed");
  EXPECT_FALSE(line.claim.retracted());
  reader.Read("<urn:e:a> <urn:p:q> <b> .", &line);
  EXPECT_FALSE(line.blank);
  EXPECT_EQ(line.error.column, 21u);
  EXPECT_EQ(line.error.message, "relative IRI <b> (N-Quads needs absolute IRIs)");
  // The next line starts clean.
  reader.Read("<urn:e:a> <urn:p:q> \"v\" .", &line);
  EXPECT_TRUE(line.error.message.empty()) << line.error.message;
  EXPECT_EQ(line.claim.claim.object_kind, ClaimDraft::ObjectKind::kString);
}

TEST(ClaimLineReader, JsonlLinesBlankClaimsAndErrors) {
  ClaimLineReader reader(ClaimFileFormat::kJsonl, {});
  ClaimLine line;
  reader.Read(" \t\r", &line);
  EXPECT_TRUE(line.blank);
  reader.Read(R"({"subject":"A","predicate":"p","object":"B","source":"s","retracted_tx":4})", &line);
  ASSERT_TRUE(line.error.message.empty()) << line.error.message;
  EXPECT_TRUE(line.claim.retracted());
  EXPECT_EQ(line.claim.claim.method, "import:jsonl");
  reader.Read(R"({"subject":"A","predicate":"p","object":"B","source":"s","modality":"maybe"})", &line);
  EXPECT_EQ(line.error.column, 69u);
  reader.Read(R"({"subject":"A","predicate":"p","object":"B","source":"s"})", &line);
  EXPECT_TRUE(line.error.message.empty()) << line.error.message;
  EXPECT_FALSE(line.claim.retracted());
}

TEST(FormatLineError, FileLineColumnAndTheWholeLine) {
  EXPECT_EQ(FormatLineError("a.nq", 3, 7, "bad"), "a.nq:3:7: bad");
  EXPECT_EQ(FormatLineError("a.jsonl", 12, 0, "missing \"source\""), "a.jsonl:12: missing \"source\"");
}

}  // namespace
}  // namespace claimgraph::codec
