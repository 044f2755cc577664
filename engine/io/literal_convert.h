// Literal values between the interchange formats (codec::Literal) and the
// store (storage::Literal, whose kind is the top byte of a term id). The same
// value either way; only the kind's spelling differs.
#pragma once

#include "base/status.h"
#include "codec/literal.h"
#include "storage/types.h"

namespace claimgraph::io {

inline storage::Literal ToStored(codec::Literal literal) {
  storage::TermKind kind = literal.kind == codec::LiteralKind::kNumber ? storage::TermKind::kNumber
                           : literal.kind == codec::LiteralKind::kDate ? storage::TermKind::kDate
                                                                       : storage::TermKind::kString;
  return {kind, std::move(literal.lexical), literal.number};
}

inline codec::Literal FromStored(const storage::Literal& literal) {
  codec::LiteralKind kind = literal.kind == storage::TermKind::kNumber ? codec::LiteralKind::kNumber
                            : literal.kind == storage::TermKind::kDate ? codec::LiteralKind::kDate
                                                                       : codec::LiteralKind::kString;
  return {kind, literal.lexical, literal.number};
}

// A number as stored: in canonical form (codec::CanonicalNumber); InvalidArgument
// for NaN and infinities.
inline Result<storage::Literal> StoredNumber(double value) {
  CG_ASSIGN_OR_RETURN(codec::Literal literal, codec::MakeNumberLiteral(codec::CanonicalNumber(value)));
  return ToStored(std::move(literal));
}

// An ISO 8601 date as stored; InvalidArgument naming the forms it may take.
inline Result<storage::Literal> StoredDate(std::string_view lexical) {
  CG_ASSIGN_OR_RETURN(codec::Literal literal, codec::MakeDateLiteral(lexical));
  return ToStored(std::move(literal));
}

}  // namespace claimgraph::io
