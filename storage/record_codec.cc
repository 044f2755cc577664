#include "storage/record_codec.h"

#include "storage/byte_codec.h"

namespace claimgraph::storage {
namespace {

constexpr uint8_t kRecordVersion = 1;

Status Finish(const ByteReader& r, const char* what) {
  if (!r.ok()) return Status::Corruption(std::string(what) + " record is truncated or malformed");
  if (!r.AtEnd()) return Status::Corruption(std::string(what) + " record has trailing bytes");
  return Status::Ok();
}

Status CheckVersion(ByteReader& r, const char* what) {
  uint8_t v = r.Byte();
  if (!r.ok()) return Status::Corruption(std::string(what) + " record is empty");
  if (v != kRecordVersion)
    return Status::Corruption(std::string(what) + " record has unknown version " + std::to_string(v));
  return Status::Ok();
}

}  // namespace

std::string EncodeEntity(const Entity& e) {
  std::string out(1, static_cast<char>(kRecordVersion));
  PutLengthPrefixed(&out, e.name);
  PutLengthPrefixed(&out, e.type);
  PutVarint(&out, e.aliases.size());
  for (const auto& a : e.aliases) PutLengthPrefixed(&out, a);
  return out;
}

Status DecodeEntity(std::string_view in, Entity* out) {
  ByteReader r(in);
  CG_RETURN_IF_ERROR(CheckVersion(r, "entity"));
  out->name = r.LengthPrefixed();
  out->type = r.LengthPrefixed();
  uint64_t n = r.Varint();
  out->aliases.clear();
  for (uint64_t i = 0; i < n && r.ok(); ++i) out->aliases.emplace_back(r.LengthPrefixed());
  return Finish(r, "entity");
}

std::string EncodePredicate(const Predicate& p) {
  std::string out(1, static_cast<char>(kRecordVersion));
  PutLengthPrefixed(&out, p.name);
  out.push_back(p.symmetric ? 1 : 0);
  PutLengthPrefixed(&out, p.inverse);
  PutLengthPrefixed(&out, p.domain);
  PutLengthPrefixed(&out, p.range);
  return out;
}

Status DecodePredicate(std::string_view in, Predicate* out) {
  ByteReader r(in);
  CG_RETURN_IF_ERROR(CheckVersion(r, "predicate"));
  out->name = r.LengthPrefixed();
  out->symmetric = r.Byte() != 0;
  out->inverse = r.LengthPrefixed();
  out->domain = r.LengthPrefixed();
  out->range = r.LengthPrefixed();
  return Finish(r, "predicate");
}

std::string EncodeSource(const Source& s) {
  std::string out(1, static_cast<char>(kRecordVersion));
  for (const std::string* f : {&s.key, &s.title, &s.publisher, &s.published, &s.url, &s.sha256})
    PutLengthPrefixed(&out, *f);
  return out;
}

Status DecodeSource(std::string_view in, Source* out) {
  ByteReader r(in);
  CG_RETURN_IF_ERROR(CheckVersion(r, "source"));
  for (std::string* f : {&out->key, &out->title, &out->publisher, &out->published, &out->url, &out->sha256})
    *f = r.LengthPrefixed();
  return Finish(r, "source");
}

std::string EncodeLiteral(const Literal& l) {
  std::string out(1, static_cast<char>(kRecordVersion));
  out.push_back(static_cast<char>(l.kind));
  PutLengthPrefixed(&out, l.lexical);
  PutDouble(&out, l.number);
  return out;
}

Status DecodeLiteral(std::string_view in, Literal* out) {
  ByteReader r(in);
  CG_RETURN_IF_ERROR(CheckVersion(r, "literal"));
  uint8_t kind = r.Byte();
  if (kind < 1 || kind > 3) return Status::Corruption("literal record has bad kind " + std::to_string(kind));
  out->kind = static_cast<TermKind>(kind);
  out->lexical = r.LengthPrefixed();
  out->number = r.Double();
  return Finish(r, "literal");
}

std::string EncodeClaim(const Claim& c) {
  std::string out;
  EncodeClaimTo(c, &out);
  return out;
}

void EncodeClaimTo(const Claim& c, std::string* record) {
  std::string& out = *record;
  out.assign(1, static_cast<char>(kRecordVersion));
  PutVarint(&out, c.subject);
  PutVarint(&out, c.predicate);
  PutFixed64BE(&out, c.object);
  PutVarint(&out, c.source);
  out.push_back(c.has_span ? 1 : 0);
  PutVarint(&out, c.span_begin);
  PutVarint(&out, c.span_end);
  PutLengthPrefixed(&out, c.quote);
  PutDouble(&out, c.confidence);
  PutLengthPrefixed(&out, c.method);
  out.push_back(static_cast<char>(c.modality));
  PutVarint(&out, c.asserted_tx);
  PutLengthPrefixed(&out, c.principal);
  PutSignedVarint(&out, c.asserted_at_us);
  // Appended later, and only when known: a claim without valid time encodes
  // (and so digests) exactly as before, and records written before still read.
  if (c.valid.known()) {
    PutLengthPrefixed(&out, c.valid.from);
    PutLengthPrefixed(&out, c.valid.to);
  }
}

Status DecodeClaim(std::string_view in, Claim* out) {
  ByteReader r(in);
  CG_RETURN_IF_ERROR(CheckVersion(r, "claim"));
  out->subject = r.Varint();
  out->predicate = r.Varint();
  out->object = r.Fixed64BE();
  out->source = r.Varint();
  out->has_span = r.Byte() != 0;
  out->span_begin = r.Varint();
  out->span_end = r.Varint();
  out->quote = r.LengthPrefixed();
  out->confidence = r.Double();
  out->method = r.LengthPrefixed();
  uint8_t m = r.Byte();
  if (m > 3) return Status::Corruption("claim record has bad modality " + std::to_string(m));
  out->modality = static_cast<Modality>(m);
  out->asserted_tx = r.Varint();
  out->principal = r.LengthPrefixed();
  out->asserted_at_us = r.SignedVarint();
  out->valid = {};
  if (r.ok() && !r.AtEnd()) {
    out->valid.from = r.LengthPrefixed();
    out->valid.to = r.LengthPrefixed();
    if (r.ok() && !out->valid.known()) return Status::Corruption("claim record has an empty valid time");
  }
  return Finish(r, "claim");
}

std::string EncodeRetraction(const Claim& c) {
  std::string out(1, static_cast<char>(kRecordVersion));
  PutVarint(&out, c.retracted_tx);
  PutLengthPrefixed(&out, c.retract_reason);
  PutLengthPrefixed(&out, c.retracted_by);
  PutSignedVarint(&out, c.retracted_at_us);
  return out;
}

Status DecodeRetraction(std::string_view in, Claim* out) {
  ByteReader r(in);
  CG_RETURN_IF_ERROR(CheckVersion(r, "retraction"));
  out->retracted_tx = r.Varint();
  out->retract_reason = r.LengthPrefixed();
  out->retracted_by = r.LengthPrefixed();
  out->retracted_at_us = r.SignedVarint();
  return Finish(r, "retraction");
}

}  // namespace claimgraph::storage
