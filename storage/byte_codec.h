// Primitive encodings shared by keys and records: big-endian fixed64 (so that
// byte order is numeric order in keys), LEB128 varints, length-prefixed strings
// and IEEE doubles. ByteReader never reads past its input: a short or malformed
// buffer makes ok() false and every later read returns zero values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::storage {

void PutFixed64BE(std::string* out, uint64_t v);
void PutFixed32BE(std::string* out, uint32_t v);
void PutVarint(std::string* out, uint64_t v);
void PutSignedVarint(std::string* out, int64_t v);  // zigzag
void PutLengthPrefixed(std::string* out, std::string_view s);
void PutDouble(std::string* out, double v);
uint64_t DecodeFixed64BE(const char* p);

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  uint8_t Byte();
  uint64_t Fixed64BE();
  uint32_t Fixed32BE();
  uint64_t Varint();
  int64_t SignedVarint();
  std::string_view LengthPrefixed();
  double Double();
  std::string_view Bytes(size_t n);
  bool ok() const { return ok_; }
  bool AtEnd() const { return pos_ == in_.size(); }
  size_t position() const { return pos_; }

 private:
  bool Need(size_t n);
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace claimgraph::storage
