#include "storage/evidence.h"

#include "storage/byte_codec.h"
#include "storage/tx_log.h"

namespace claimgraph::storage {
namespace {

constexpr uint8_t kKept = 1;
constexpr uint8_t kRedacted = 2;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string EncodeKeptText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 1);
  out.push_back(static_cast<char>(kKept));
  out.append(text);
  return out;
}

std::string EncodeRedaction(const Evidence& e) {
  std::string out(1, static_cast<char>(kRedacted));
  PutVarint(&out, e.redacted_tx);
  PutSignedVarint(&out, e.redacted_at_us);
  PutLengthPrefixed(&out, e.redacted_by);
  PutLengthPrefixed(&out, e.reason);
  PutVarint(&out, e.redacted_source);
  return out;
}

Status DecodeEvidence(std::string_view in, Evidence* out) {
  *out = Evidence{};
  if (in.empty()) return Status::Corruption("evidence record is empty");
  if (static_cast<uint8_t>(in[0]) == kKept) {
    out->state = Evidence::State::kKept;
    out->text = std::string(in.substr(1));
    return Status::Ok();
  }
  if (static_cast<uint8_t>(in[0]) != kRedacted)
    return Status::Corruption("evidence record has unknown kind " + std::to_string(static_cast<uint8_t>(in[0])));
  ByteReader r(in.substr(1));
  out->state = Evidence::State::kRedacted;
  out->redacted_tx = r.Varint();
  out->redacted_at_us = r.SignedVarint();
  out->redacted_by = std::string(r.LengthPrefixed());
  out->reason = std::string(r.LengthPrefixed());
  out->redacted_source = r.Varint();
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("evidence redaction record is malformed");
  return Status::Ok();
}

std::optional<std::string> EvidenceKeyOf(std::string_view hex) {
  if (hex.size() != 2 * kHashSize) return std::nullopt;
  std::string key(kHashSize, '\0');
  for (size_t i = 0; i < kHashSize; ++i) {
    int hi = HexValue(hex[2 * i]), lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    key[i] = static_cast<char>(hi * 16 + lo);
  }
  return key;
}

std::string EncodeRedactOp(std::string_view key, std::string_view reason) {
  std::string out(key);
  PutLengthPrefixed(&out, reason);
  return out;
}

}  // namespace claimgraph::storage
