// The ClaimQL parser: text in, our AST or diagnostics out. No ANTLR type
// appears here; the grammar and its generated code stay inside grammar/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.h"
#include "grammar/parse_cache.h"

namespace claimgraph::grammar {

// A syntax (or, from later stages, semantic) error with its position. The
// text shown to users — "line 1:15: <message>", the source line, a caret
// line — is drawn from it by codec::FormatDiagnostic (codec/diagnostic_text.h),
// the one renderer every tool shares; grammar/ itself depends on nothing.
struct Diagnostic {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, characters
  uint32_t length = 1;  // characters to underline
  std::string message;  // "unexpected 'RETURN'; expected a term (?variable, \"string\" or number)"
};

// Builds a diagnostic pointing at a span of the text (for binder errors).
Diagnostic DiagnosticAt(std::string_view text, const SourceSpan& span, std::string message);

struct ParseResult {
  std::vector<Statement> statements;
  std::vector<Diagnostic> diagnostics;  // empty when the parse succeeded
  bool ok() const { return diagnostics.empty(); }
};

struct ParseOptions {
  size_t max_length = 1 << 20;  // bytes of query text
  size_t max_nesting = 128;     // ( { nesting depth, checked before parsing
};

// Never throws, never prints: every problem comes back as a Diagnostic. With
// a cache, a text of a shape parsed before skips lexing and parsing.
ParseResult Parse(std::string_view text, const ParseOptions& options = {}, ParseCache* cache = nullptr);

// `s p o` alone — the pattern of the Watch RPC, the same rule as CHANGES ...
// MATCH s p o — so that its diagnostics point into the pattern's own text.
struct ChangePatternParse {
  ChangePattern pattern;
  std::vector<Diagnostic> diagnostics;  // empty when the parse succeeded
  bool ok() const { return diagnostics.empty(); }
};
ChangePatternParse ParseChangePattern(std::string_view text, const ParseOptions& options = {});

}  // namespace claimgraph::grammar
