#include "base/normalize.h"

#include <gtest/gtest.h>

namespace claimgraph::base {
namespace {

TEST(NormalizeAlias, CaseAndPunctuationInsensitive) {
  EXPECT_EQ(NormalizeAlias("U.S."), "us");
  EXPECT_EQ(NormalizeAlias("US"), "us");
  EXPECT_EQ(NormalizeAlias("us"), "us");
  EXPECT_EQ(NormalizeAlias("Five-Eyes"), "five eyes");
  EXPECT_EQ(NormalizeAlias("  Five   Eyes "), "five eyes");
  EXPECT_EQ(NormalizeAlias("People's Republic of China"), "peoples republic of china");
  EXPECT_EQ(NormalizeAlias("People\xE2\x80\x99s Republic of China"), "peoples republic of china");
  EXPECT_EQ(NormalizeAlias("..."), "");
}

TEST(NormalizeAlias, KeepsNonAsciiBytes) { EXPECT_EQ(NormalizeAlias("T\xC3\xBCrkiye"), "t\xC3\xBCrkiye"); }

}  // namespace
}  // namespace claimgraph::base
