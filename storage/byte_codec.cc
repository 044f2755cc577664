#include "storage/byte_codec.h"

#include <bit>
#include <cstring>

namespace claimgraph::storage {

void PutFixed64BE(std::string* out, uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(buf, 8);
}

void PutFixed32BE(std::string* out, uint32_t v) {
  char buf[4];
  for (int i = 3; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(buf, 4);
}

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutSignedVarint(std::string* out, int64_t v) {
  PutVarint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

void PutLengthPrefixed(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s.data(), s.size());
}

void PutDouble(std::string* out, double v) { PutFixed64BE(out, std::bit_cast<uint64_t>(v)); }

uint64_t DecodeFixed64BE(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

bool ByteReader::Need(size_t n) {
  if (!ok_ || in_.size() - pos_ < n) {
    ok_ = false;
    return false;
  }
  return true;
}

uint8_t ByteReader::Byte() {
  if (!Need(1)) return 0;
  return static_cast<uint8_t>(in_[pos_++]);
}

uint64_t ByteReader::Fixed64BE() {
  if (!Need(8)) return 0;
  uint64_t v = DecodeFixed64BE(in_.data() + pos_);
  pos_ += 8;
  return v;
}

uint32_t ByteReader::Fixed32BE() {
  if (!Need(4)) return 0;
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(in_[pos_ + i]);
  pos_ += 4;
  return v;
}

uint64_t ByteReader::Varint() {
  uint64_t v = 0;
  for (int shift = 0; shift <= 63; shift += 7) {
    if (!Need(1)) return 0;
    uint8_t b = static_cast<uint8_t>(in_[pos_++]);
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  ok_ = false;  // more than 10 bytes: not a varint we wrote
  return 0;
}

int64_t ByteReader::SignedVarint() {
  uint64_t u = Varint();
  return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
}

std::string_view ByteReader::LengthPrefixed() {
  uint64_t n = Varint();
  if (!ok_ || n > in_.size() - pos_) {
    ok_ = false;
    return {};
  }
  std::string_view s = in_.substr(pos_, n);
  pos_ += n;
  return s;
}

std::string_view ByteReader::Bytes(size_t n) {
  if (!Need(n)) return {};
  std::string_view s = in_.substr(pos_, n);
  pos_ += n;
  return s;
}

double ByteReader::Double() { return std::bit_cast<double>(Fixed64BE()); }

}  // namespace claimgraph::storage
