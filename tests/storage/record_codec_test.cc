// The claim record's appended valid time (issue 14): absent, the record is
// byte for byte what it was before (so its digest in the txlog is too), and
// records written before it existed still read.
#include "storage/record_codec.h"

#include <gtest/gtest.h>

namespace claimgraph::storage {
namespace {

Claim Sample() {
  Claim c;
  c.subject = 3;
  c.predicate = 2;
  c.object = 4;
  c.source = 1;
  c.has_span = true;
  c.span_begin = 10;
  c.span_end = 20;
  c.quote = "A signed a pact with B";
  c.confidence = 0.75;
  c.method = "manual";
  c.modality = Modality::kReported;
  c.asserted_tx = 7;
  c.principal = "alice";
  c.asserted_at_us = 1234567;
  return c;
}

TEST(ClaimRecordCodec, WithoutValidTimeTheRecordIsTheOldLayout) {
  Claim c = Sample();
  std::string rec = EncodeClaim(c);
  // The format before valid time, written out field by field: version 1,
  // varint 3, varint 2, fixed64be 4, varint 1, has_span, 10, 20, quote, ...
  std::string old;
  old += '\x01';
  old += '\x03';
  old += '\x02';
  old += std::string("\0\0\0\0\0\0\0\x04", 8);
  old += '\x01';
  old += '\x01';
  old += '\x0a';
  old += '\x14';
  old += static_cast<char>(c.quote.size()) + c.quote;
  old += std::string("\x3f\xe8\0\0\0\0\0\0", 8);  // 0.75
  old += "\x06manual";
  old += static_cast<char>(Modality::kReported);
  old += '\x07';
  old += "\x05" "alice";
  ASSERT_TRUE(rec.starts_with(old));
  Claim back;
  ASSERT_TRUE(DecodeClaim(rec, &back).ok());
  EXPECT_EQ(back, c);
  EXPECT_FALSE(back.valid.known());
}

TEST(ClaimRecordCodec, ValidTimeIsAppendedAndRoundTrips) {
  Claim plain = Sample();
  for (base::ValidTime v : {base::ValidTime{"1949", "1991"}, base::ValidTime{"1943-05", ""},
                            base::ValidTime{"", "2015-02-28"}}) {
    Claim c = plain;
    c.valid = v;
    std::string rec = EncodeClaim(c);
    EXPECT_TRUE(rec.starts_with(EncodeClaim(plain)));
    EXPECT_GT(rec.size(), EncodeClaim(plain).size());
    Claim back;
    ASSERT_TRUE(DecodeClaim(rec, &back).ok());
    EXPECT_EQ(back, c);
  }
}

TEST(ClaimRecordCodec, RejectsATruncatedOrEmptyValidTime) {
  Claim c = Sample();
  c.valid = {"1949", "1991"};
  std::string rec = EncodeClaim(c);
  Claim back;
  EXPECT_EQ(DecodeClaim(rec.substr(0, rec.size() - 2), &back).code(), StatusCode::kCorruption);
  std::string empty = EncodeClaim(Sample()) + std::string("\0\0", 2);
  EXPECT_EQ(DecodeClaim(empty, &back).code(), StatusCode::kCorruption);
  EXPECT_EQ(DecodeClaim(rec + "x", &back).code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace claimgraph::storage
