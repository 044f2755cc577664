#include "codec/nquads/term_mapping.h"

#include <cctype>

#include "base/utf8.h"

namespace claimgraph::codec {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool IsXsdInteger(std::string_view t) {
  for (const char* n : {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
                        "unsignedByte"})
    if (t == n) return true;
  return false;
}

}  // namespace

std::string PercentEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string PercentDecode(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool IsAbsoluteIri(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = text[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  for (unsigned char c : text)
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' ||
        c == '\\')
      return false;
  // An IRI is Unicode text: a name percent-decoded into stray bytes is no IRI
  // (written as-is it would make a line no N-Quads reader takes).
  return base::FirstInvalidUtf8(text) == std::string_view::npos;
}

std::string EntityNameFromTerm(const RdfTerm& term) {
  if (term.kind == RdfTerm::Kind::kBlankNode) return "_:" + term.value;
  if (StartsWith(term.value, kEntityIriPrefix)) return PercentDecode(term.value.substr(kEntityIriPrefix.size()));
  return term.value;
}

std::string PredicateNameFromIri(std::string_view iri) {
  size_t cut = iri.find_last_of("#/:");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

std::string SourceKeyFromTerm(const RdfTerm& term) {
  if (term.kind == RdfTerm::Kind::kBlankNode) return "_:" + term.value;
  if (StartsWith(term.value, kSourceIriPrefix)) return PercentDecode(term.value.substr(kSourceIriPrefix.size()));
  return term.value;
}

RdfTerm EntityToIri(std::string_view name) {
  if (IsAbsoluteIri(name) && !StartsWith(name, kOwnIriPrefix) && !StartsWith(name, "_:"))
    return {RdfTerm::Kind::kIri, std::string(name), "", ""};
  return {RdfTerm::Kind::kIri, std::string(kEntityIriPrefix) + PercentEncode(name), "", ""};
}

RdfTerm PredicateToIri(std::string_view name) {
  return {RdfTerm::Kind::kIri, std::string(kPredicateIriPrefix) + std::string(name), "", ""};
}

RdfTerm SourceToIri(std::string_view key) {
  if (IsAbsoluteIri(key) && !StartsWith(key, kOwnIriPrefix) && !StartsWith(key, "_:"))
    return {RdfTerm::Kind::kIri, std::string(key), "", ""};
  return {RdfTerm::Kind::kIri, std::string(kSourceIriPrefix) + PercentEncode(key), "", ""};
}

Result<Literal> LiteralFromTerm(const RdfTerm& term) {
  std::string_view dt = term.datatype;
  if (!StartsWith(dt, kXsd) || !term.language.empty())
    return Literal{LiteralKind::kString, term.value, 0};
  std::string_view local = dt.substr(kXsd.size());
  if (IsXsdInteger(local)) {
    std::string_view v = term.value;
    if (!v.empty() && (v[0] == '+' || v[0] == '-')) v.remove_prefix(1);
    if (!AllDigits(v)) return Status::InvalidArgument("\"" + term.value + "\" is not a valid xsd:" + std::string(local));
    return MakeNumberLiteral(term.value);
  }
  if (local == "decimal" || local == "double" || local == "float") {
    auto r = MakeNumberLiteral(term.value);
    if (!r.ok()) return Status::InvalidArgument("\"" + term.value + "\" is not a valid finite xsd:" + std::string(local));
    return r;
  }
  if (local == "date" || local == "dateTime" || local == "gYear" || local == "gYearMonth") {
    auto r = MakeDateLiteral(term.value);
    if (!r.ok()) return Status::InvalidArgument("\"" + term.value + "\" is not a valid xsd:" + std::string(local));
    return r;
  }
  return Literal{LiteralKind::kString, term.value, 0};
}

RdfTerm LiteralToTerm(const Literal& l) {
  RdfTerm t{RdfTerm::Kind::kLiteral, l.lexical, "", ""};
  switch (l.kind) {
    case LiteralKind::kNumber:
      if (l.lexical.find_first_of(".eE") == std::string::npos) t.datatype = std::string(kXsd) + "integer";
      else if (l.lexical.find_first_of("eE") == std::string::npos) t.datatype = std::string(kXsd) + "decimal";
      else t.datatype = std::string(kXsd) + "double";
      break;
    case LiteralKind::kDate:
      if (l.lexical.size() == 4) t.datatype = std::string(kXsd) + "gYear";
      else if (l.lexical.size() == 7) t.datatype = std::string(kXsd) + "gYearMonth";
      else if (l.lexical.find('T') != std::string::npos) t.datatype = std::string(kXsd) + "dateTime";
      else t.datatype = std::string(kXsd) + "date";
      break;
    default:
      break;
  }
  return t;
}

}  // namespace claimgraph::codec
