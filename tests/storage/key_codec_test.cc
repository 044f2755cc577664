#include "storage/claim_store.h"
#include "storage/key_codec.h"
#include "storage/posting_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <tuple>

namespace claimgraph::storage {
namespace {

TEST(KeyCodec, ByteOrderEqualsNumericOrderForEveryIndex) {
  std::mt19937_64 rng(7);
  // Mix small ids and ids with high bytes set (literal terms) to exercise every byte.
  auto id = [&] { return (rng() % 3 == 0) ? rng() : rng() % 300; };
  std::vector<std::array<uint64_t, 4>> tuples(2000);
  for (auto& t : tuples) t = {id(), id(), id(), id()};
  for (TripleIndex index : {TripleIndex::kSpo, TripleIndex::kPos, TripleIndex::kOsp}) {
    std::vector<std::pair<std::string, std::array<uint64_t, 4>>> keyed;
    for (auto& t : tuples) keyed.emplace_back(EncodeTripleKey(index, t[0], t[1], t[2], t[3]), t);
    std::sort(keyed.begin(), keyed.end());
    auto order = [&](const std::array<uint64_t, 4>& t) {
      switch (index) {
        case TripleIndex::kSpo: return std::make_tuple(t[0], t[1], t[2], t[3]);
        case TripleIndex::kPos: return std::make_tuple(t[1], t[2], t[0], t[3]);
        case TripleIndex::kOsp: return std::make_tuple(t[2], t[0], t[1], t[3]);
      }
      return std::make_tuple(t[0], t[1], t[2], t[3]);
    };
    for (size_t i = 1; i < keyed.size(); ++i) EXPECT_LE(order(keyed[i - 1].second), order(keyed[i].second));
    for (auto& [key, t] : keyed) {
      IndexEntry e;
      ASSERT_TRUE(DecodeTripleKey(index, key, &e));
      EXPECT_EQ(e.subject, t[0]);
      EXPECT_EQ(e.predicate, t[1]);
      EXPECT_EQ(e.object, t[2]);
      EXPECT_EQ(e.claim, t[3]);
    }
  }
}

TEST(KeyCodec, EveryPatternShapeIsOnePrefixOfItsIndexOrAPostingList) {
  const EntityId s = 11;
  const PredicateId p = 22;
  const TermId o = 33;
  for (int mask = 0; mask < 8; ++mask) {
    TriplePattern pat;
    if (mask & 1) pat.subject = s;
    if (mask & 2) pat.predicate = p;
    if (mask & 4) pat.object = o;
    const PatternKeys keys = KeysOf(pat);
    EXPECT_EQ(keys.path, ChooseAccessPath((mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0)) << "mask " << mask;
    EXPECT_NE(keys.cf, Cf::kPos) << "format 2 writes no pos";
    EXPECT_EQ(keys.prefix.size(), 8u * __builtin_popcount(mask)) << "mask " << mask;
    // A key of the family read, for a claim of (s, p, o), starts with the prefix.
    std::string full;
    switch (keys.path) {
      case AccessPath::kSpPostings: full = EncodePostingKey(s, p); break;
      case AccessPath::kPoPostings: full = EncodePostingKey(p, o); break;
      case AccessPath::kSpo:
      case AccessPath::kFullScan: full = EncodeTripleKey(TripleIndex::kSpo, s, p, o, 99); break;
      case AccessPath::kOsp: full = EncodeTripleKey(TripleIndex::kOsp, s, p, o, 99); break;
    }
    EXPECT_EQ(keys.cf, keys.path == AccessPath::kSpPostings   ? Cf::kSpPostings
                       : keys.path == AccessPath::kPoPostings ? Cf::kPoPostings
                       : keys.path == AccessPath::kOsp        ? Cf::kOsp
                                                              : Cf::kSpo)
        << "mask " << mask;
    EXPECT_EQ(full.compare(0, keys.prefix.size(), keys.prefix), 0) << "mask " << mask;
  }
}

TEST(KeyCodec, IndexValueRoundTripsAndRejectsGarbage) {
  IndexEntry e;
  e.asserted_tx = 5;
  e.retracted_tx = 900;
  e.source = 1234567;
  e.modality = Modality::kProposed;
  e.confidence = ConfidenceCodeOf(0.85);
  IndexEntry d;
  ASSERT_TRUE(DecodeIndexValue(EncodeIndexValue(e), &d));
  EXPECT_EQ(d.asserted_tx, 5u);
  EXPECT_EQ(d.retracted_tx, 900u);
  EXPECT_EQ(d.source, 1234567u);
  EXPECT_EQ(d.modality, Modality::kProposed);
  EXPECT_EQ(d.confidence, 851u);
  EXPECT_FALSE(DecodeIndexValue("", &d));
  EXPECT_FALSE(DecodeIndexValue(EncodeIndexValue(e) + "x", &d));
  // Format 3's value is format 4's without the code: each decoder takes only its own.
  std::string v3 = EncodeIndexValue(e);
  v3.resize(v3.size() - 2);  // 851 is a 2-byte varint
  EXPECT_FALSE(DecodeIndexValue(v3, &d));
  ASSERT_TRUE(DecodeFormat3IndexValue(v3, &d));
  EXPECT_EQ(d.source, 1234567u);
  EXPECT_EQ(d.confidence, kConfidenceInRecord);
  EXPECT_FALSE(DecodeFormat3IndexValue(EncodeIndexValue(e), &d));
}

// The index carries a confidence only when it decodes to the very same
// double: every whole number of thousandths in [0, 1], as parsed from text.
TEST(KeyCodec, BySourceEntryRoundTripsAndRejectsGarbage) {
  const IndexEntry e{.subject = 1ull << 40, .predicate = 7, .object = (1ull << 63) | 5, .claim = 99,
                     .asserted_tx = 12, .retracted_tx = 300, .source = 17, .modality = Modality::kProposed,
                     .confidence = 801};
  const std::string key = EncodeBySourceKey(e.source, e.claim), value = EncodeBySourceValue(e);
  IndexEntry out;
  ASSERT_TRUE(DecodeBySourceEntry(key, value, &out));
  EXPECT_EQ(out, e);
  EXPECT_FALSE(DecodeBySourceEntry(EncodeBySourceKey(18, e.claim), value, &out));  // filed under another source
  EXPECT_FALSE(DecodeBySourceEntry(key, value.substr(0, value.size() - 1), &out));
  EXPECT_FALSE(DecodeBySourceEntry(key, value + "x", &out));
  EXPECT_FALSE(DecodeBySourceEntry(key, "", &out));
  EXPECT_FALSE(DecodeBySourceEntry(key.substr(1), value, &out));
}

TEST(KeyCodec, ConfidenceCodesAreExactOrAbsent) {
  for (int k = 0; k <= 1000; ++k) {
    char text[16];
    std::snprintf(text, sizeof text, "%d.%03d", k / 1000, k % 1000);
    const double parsed = std::strtod(text, nullptr);
    const uint32_t code = ConfidenceCodeOf(parsed);
    ASSERT_EQ(code, uint32_t(k) + 1) << text;
    const double back = ConfidenceOfCode(code);
    ASSERT_EQ(std::memcmp(&back, &parsed, sizeof back), 0) << text;  // bit for bit
  }
  EXPECT_EQ(ConfidenceCodeOf(1.0), 1001u);
  EXPECT_EQ(ConfidenceCodeOf(0.0), 1u);
  EXPECT_EQ(ConfidenceCodeOf(0.7), 701u);
  for (double inexact : {1.0 / 3, 0.1234, 0.8 + 1e-15, double(0.57f), -0.0, -0.5, 1.5, std::nan("")})
    EXPECT_EQ(ConfidenceCodeOf(inexact), kConfidenceInRecord) << inexact;
}

TEST(KeyCodec, IdKeysRoundTripAndRejectTheWrongSize) {
  uint64_t a = 0, b = 0;
  uint8_t tag = 0;
  const std::string names = EncodeNamesKey(NameTag::kSource, 0x0102030405060708ull);
  EXPECT_EQ(names.size(), kNamesKeySize);
  EXPECT_EQ(names.compare(0, 1, NamesKeyPrefix(NameTag::kSource)), 0);
  ASSERT_TRUE(DecodeNamesKey(names, &a));
  EXPECT_EQ(a, 0x0102030405060708ull);
  EXPECT_FALSE(DecodeNamesKey(names + "x", &a));

  const std::string claim = EncodeClaimKey(77, kClaimRetractionTag);
  EXPECT_EQ(claim.size(), kClaimKeySize);
  ASSERT_TRUE(DecodeClaimKey(claim, &a, &tag));
  EXPECT_EQ(a, 77u);
  EXPECT_EQ(tag, kClaimRetractionTag);
  EXPECT_FALSE(DecodeClaimKey(claim.substr(1), &a, &tag));

  const std::string by_source = EncodeBySourceKey(5, 6);
  EXPECT_EQ(by_source.size(), kBySourceKeySize);
  ASSERT_TRUE(DecodeBySourceKey(by_source, &a, &b));
  EXPECT_EQ(a, 5u);
  EXPECT_EQ(b, 6u);
  EXPECT_FALSE(DecodeBySourceKey(EncodeId(5), &a, &b));

  ASSERT_TRUE(DecodeTxKey(EncodeTxKey(9), &a));
  EXPECT_EQ(a, 9u);
  ASSERT_TRUE(DecodeId(EncodeId(1234), &a));
  EXPECT_EQ(a, 1234u);
  EXPECT_FALSE(DecodeId("1234", &a));
  EXPECT_EQ(EncodeTripleKey(TripleIndex::kOsp, 1, 2, 3, 4).size(), kTripleKeySize);
}

}  // namespace
}  // namespace claimgraph::storage
