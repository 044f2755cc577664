// ParseDiagnostic reads back what FormatDiagnostic drew: the HTTP API gives a
// client the line, column and length of an error as fields, taken from the
// same message a gRPC client reads as text.
#include <gtest/gtest.h>

#include "codec/diagnostic_text.h"

namespace claimgraph::codec {
namespace {

TEST(ParseDiagnostic, ReadsBackLineColumnLengthAndTheMessage) {
  std::string text = "MATCH ?a member-of \"Quad\"\n  RETURN ?b";
  std::string drawn = FormatDiagnostic(text, 2, 10, 2, "unknown variable ?b");
  auto p = ParseDiagnostic(drawn);
  ASSERT_TRUE(p.has_value()) << drawn;
  EXPECT_EQ(p->line, 2u);
  EXPECT_EQ(p->column, 10u);
  EXPECT_EQ(p->length, 2u);
  EXPECT_TRUE(p->excerpt);
  EXPECT_EQ(p->text, "unknown variable ?b");
}

TEST(ParseDiagnostic, AMultiByteLineKeepsTheColumnInCharacters) {
  std::string text = "MATCH ?a member-of \"Zürich–Genève\" RETURN ?x";
  uint32_t column = 43;  // "?x": characters, not bytes
  std::string drawn = FormatDiagnostic(text, 1, column, 2, "unknown variable ?x");
  auto p = ParseDiagnostic(drawn);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->column, column);
  EXPECT_EQ(p->length, 2u);
}

TEST(ParseDiagnostic, AMessageWithoutAnExcerptHasLengthOne) {
  auto p = ParseDiagnostic("line 1:1: empty statement");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->line, 1u);
  EXPECT_EQ(p->column, 1u);
  EXPECT_EQ(p->length, 1u);
  EXPECT_FALSE(p->excerpt);
  EXPECT_EQ(p->text, "empty statement");
}

TEST(ParseDiagnostic, MessagesWithoutAPositionAreNotRead) {
  EXPECT_FALSE(ParseDiagnostic("principal 'rita' (reader) may not retract claims").has_value());
  EXPECT_FALSE(ParseDiagnostic("line x:1: nope").has_value());
  EXPECT_FALSE(ParseDiagnostic("line 0:1: zero is not a line").has_value());
  EXPECT_FALSE(ParseDiagnostic("line 99999999999:1: too large").has_value());
  EXPECT_FALSE(ParseDiagnostic("").has_value());
}

}  // namespace
}  // namespace claimgraph::codec
