// Encodings of the records stored as values (names, claims CFs). Every record
// starts with a version byte; decoders reject unknown versions, trailing bytes
// and truncation with Corruption naming the record kind.
//
//   EntityRecord     := 1, str name, str type, varint n, str alias[n]
//   PredicateRecord  := 1, str name, byte symmetric, str inverse, str domain, str range
//   SourceRecord     := 1, str key, str title, str publisher, str published, str url, str sha256
//   LiteralRecord    := 1, byte kind, str lexical, double number
//   ClaimRecord      := 1, varint subject, varint predicate, fixed64be object, varint source,
//                       byte has_span, varint span_begin, varint span_end, str quote,
//                       double confidence, str method, byte modality, varint asserted_tx,
//                       str principal, svarint asserted_at_us
//                       [, str valid_from, str valid_to]   (only when either is set)
//   RetractionRecord := 1, varint retracted_tx, str reason, str retracted_by, svarint retracted_at_us
// (str = varint length + bytes; double = IEEE-754 bits as fixed64be)
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "storage/types.h"

namespace claimgraph::storage {

std::string EncodeEntity(const Entity& e);
Status DecodeEntity(std::string_view in, Entity* out);  // leaves out->id alone
std::string EncodePredicate(const Predicate& p);
Status DecodePredicate(std::string_view in, Predicate* out);
std::string EncodeSource(const Source& s);
Status DecodeSource(std::string_view in, Source* out);
std::string EncodeLiteral(const Literal& l);
Status DecodeLiteral(std::string_view in, Literal* out);
// The assertion part of a claim (everything up to asserted_at_us).
std::string EncodeClaim(const Claim& c);
// The same bytes into *record (replacing what it held; its capacity is reused).
void EncodeClaimTo(const Claim& c, std::string* record);
Status DecodeClaim(std::string_view in, Claim* out);
// The retraction part (retracted_tx .. retracted_at_us).
std::string EncodeRetraction(const Claim& c);
Status DecodeRetraction(std::string_view in, Claim* out);

}  // namespace claimgraph::storage
