#include "storage/byte_codec.h"

#include <gtest/gtest.h>

#include <limits>

namespace claimgraph::storage {
namespace {

TEST(ByteCodec, VarintsRoundTripAtBoundaries) {
  std::string buf;
  std::vector<uint64_t> values{0, 1, 127, 128, 16383, 16384, (1ull << 32), std::numeric_limits<uint64_t>::max()};
  for (uint64_t v : values) PutVarint(&buf, v);
  ByteReader r(buf);
  for (uint64_t v : values) EXPECT_EQ(r.Varint(), v);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.AtEnd());
}

TEST(ByteCodec, SignedVarintsRoundTrip) {
  std::string buf;
  std::vector<int64_t> values{0, -1, 1, -64, 64, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
  for (int64_t v : values) PutSignedVarint(&buf, v);
  ByteReader r(buf);
  for (int64_t v : values) EXPECT_EQ(r.SignedVarint(), v);
  EXPECT_TRUE(r.ok());
}

TEST(ByteCodec, TruncatedInputIsNotOk) {
  std::string buf;
  PutLengthPrefixed(&buf, "hello world");
  ByteReader r(std::string_view(buf).substr(0, 5));
  EXPECT_EQ(r.LengthPrefixed(), "");
  EXPECT_FALSE(r.ok());
  ByteReader r2("\x80\x80");  // varint that never ends
  r2.Varint();
  EXPECT_FALSE(r2.ok());
}

TEST(ByteCodec, Fixed64BigEndianSortsNumerically) {
  std::string a, b;
  PutFixed64BE(&a, 255);
  PutFixed64BE(&b, 256);
  EXPECT_LT(a, b);
  EXPECT_EQ(DecodeFixed64BE(b.data()), 256u);
}

}  // namespace
}  // namespace claimgraph::storage
