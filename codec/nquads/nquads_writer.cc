#include "codec/nquads/nquads_writer.h"

#include <cstdio>

namespace claimgraph::codec {
namespace {

void EscapeInto(std::string* out, std::string_view text, bool iri) {
  for (unsigned char c : text) {
    if (iri) {
      if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' ||
          c == '\\') {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04X", c);
        out->append(buf);
      } else {
        out->push_back(static_cast<char>(c));
      }
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
}

}  // namespace

std::string FormatTerm(const RdfTerm& t) {
  std::string out;
  switch (t.kind) {
    case RdfTerm::Kind::kIri:
      out.push_back('<');
      EscapeInto(&out, t.value, true);
      out.push_back('>');
      break;
    case RdfTerm::Kind::kBlankNode:
      out = "_:" + t.value;
      break;
    case RdfTerm::Kind::kLiteral:
      out.push_back('"');
      EscapeInto(&out, t.value, false);
      out.push_back('"');
      if (!t.language.empty()) {
        out += "@" + t.language;
      } else if (!t.datatype.empty() && t.datatype != std::string(kXsd) + "string") {
        out += "^^<";
        EscapeInto(&out, t.datatype, true);
        out.push_back('>');
      }
      break;
  }
  return out;
}

std::string FormatQuad(const Quad& q) {
  // Appended term by term (no copies of the terms; and GCC 12's -Wrestrict
  // false positive on the inlined "a" + b + ..., GCC bug 105651, stays away).
  std::string out = FormatTerm(q.subject);
  out.push_back(' ');
  out += FormatTerm(q.predicate);
  out.push_back(' ');
  out += FormatTerm(q.object);
  if (q.graph) {
    out.push_back(' ');
    out += FormatTerm(*q.graph);
  }
  out += " .";
  return out;
}

}  // namespace claimgraph::codec
