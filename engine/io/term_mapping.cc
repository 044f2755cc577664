#include "engine/io/term_mapping.h"

#include <charconv>
#include <cctype>
#include <cmath>

namespace claimgraph::io {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// ISO 8601 as XSD writes it: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm:ss[.f][Z|±hh:mm].
bool IsIsoDate(std::string_view s) {
  if (s.size() < 4 || !AllDigits(s.substr(0, 4))) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || s.size() < 7 || !AllDigits(s.substr(5, 2))) return false;
  int month = std::stoi(std::string(s.substr(5, 2)));
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || s.size() < 10 || !AllDigits(s.substr(8, 2))) return false;
  int day = std::stoi(std::string(s.substr(8, 2)));
  if (day < 1 || day > 31) return false;
  if (s.size() == 10) return true;
  std::string_view rest = s.substr(10);
  if (rest == "Z") return true;
  if (rest[0] != 'T' || rest.size() < 9) return false;
  if (!AllDigits(rest.substr(1, 2)) || rest[3] != ':' || !AllDigits(rest.substr(4, 2)) || rest[6] != ':' ||
      !AllDigits(rest.substr(7, 2)))
    return false;
  rest = rest.substr(9);
  if (!rest.empty() && rest[0] == '.') {
    size_t i = 1;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
    if (i == 1) return false;
    rest = rest.substr(i);
  }
  if (rest.empty() || rest == "Z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && AllDigits(rest.substr(1, 2)) && rest[3] == ':' &&
         AllDigits(rest.substr(4, 2));
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
  return true;
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
  if (IsAbsoluteIri(name) && !StartsWith(name, kEntityIriPrefix) && !StartsWith(name, "_:"))
    return {RdfTerm::Kind::kIri, std::string(name), "", ""};
  return {RdfTerm::Kind::kIri, std::string(kEntityIriPrefix) + PercentEncode(name), "", ""};
}

RdfTerm PredicateToIri(std::string_view name) {
  return {RdfTerm::Kind::kIri, std::string(kPredicateIriPrefix) + std::string(name), "", ""};
}

RdfTerm SourceToIri(std::string_view key) {
  if (IsAbsoluteIri(key) && !StartsWith(key, kSourceIriPrefix) && !StartsWith(key, "_:"))
    return {RdfTerm::Kind::kIri, std::string(key), "", ""};
  return {RdfTerm::Kind::kIri, std::string(kSourceIriPrefix) + PercentEncode(key), "", ""};
}

std::string CanonicalNumber(double value) {
  if (value == 0) value = 0;  // no "-0"
  // Whole numbers print as integers ("125000000", not "1.25e+08"); others in
  // the shortest form that reads back to the same double.
  if (std::trunc(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<int64_t>(value));
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, end);
}

Result<storage::Literal> MakeNumberLiteral(std::string_view lexical) {
  std::string_view t = lexical;
  if (!t.empty() && t[0] == '+') t.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) {
    // A named string, not "\"" + std::string(lexical): GCC 12 inlines that
    // insert-at-front and warns -Wrestrict, a false positive (GCC bug 105651).
    const std::string text(lexical);
    return Status::InvalidArgument("\"" + text + "\" is not a finite number");
  }
  return storage::Literal{storage::TermKind::kNumber, CanonicalNumber(v), v};
}

Result<storage::Literal> MakeDateLiteral(std::string_view lexical) {
  if (!IsIsoDate(lexical)) {
    const std::string text(lexical);  // named: see MakeNumberLiteral
    return Status::InvalidArgument("\"" + text +
                                   "\" is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
  }
  return storage::Literal{storage::TermKind::kDate, std::string(lexical), 0};
}

Result<storage::Literal> LiteralFromTerm(const RdfTerm& term) {
  std::string_view dt = term.datatype;
  if (!StartsWith(dt, kXsd) || !term.language.empty())
    return storage::Literal{storage::TermKind::kString, term.value, 0};
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
  return storage::Literal{storage::TermKind::kString, term.value, 0};
}

RdfTerm LiteralToTerm(const storage::Literal& l) {
  RdfTerm t{RdfTerm::Kind::kLiteral, l.lexical, "", ""};
  switch (l.kind) {
    case storage::TermKind::kNumber:
      if (l.lexical.find_first_of(".eE") == std::string::npos) t.datatype = std::string(kXsd) + "integer";
      else if (l.lexical.find_first_of("eE") == std::string::npos) t.datatype = std::string(kXsd) + "decimal";
      else t.datatype = std::string(kXsd) + "double";
      break;
    case storage::TermKind::kDate:
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

}  // namespace claimgraph::io
