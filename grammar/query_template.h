// A MATCH statement's AST as a template for every statement of its shape
// (parse_cache.h): the statement is transformed once more over a "marked"
// text, its plain literals' characters replaced by a mark of their own (a
// control character per literal, repeated to the literal's length), and the
// marks found in the AST are where each literal's value goes. A later
// statement of the same shape gets a copy with its own literals put in the
// marks' places, without the Transformer's walk of ANTLR's tree (about a
// tenth of a point statement's server CPU, much of it dynamic_cast).
//
// Why it is exact: inside a MATCH the Transformer copies a plain literal's
// characters verbatim (StringValue: no backslash, nothing to unescape) into
// a string of the AST and looks at them nowhere else; everything else in the
// AST comes from the shape, which the two texts share. Spans are byte
// offsets: they agree when every literal is ASCII in both texts (a literal's
// length in bytes is then its length in characters, which the shape fixes),
// so only such texts use or make a template. And a template is kept only
// when, filled with the text it was made from, it equals that text's own
// transform (Parse checks it), which a Transformer that read a literal's
// content would fail for the marks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.h"
#include "grammar/parse_cache.h"

namespace claimgraph::grammar {

// Whether every literal of `text` at `literals` is ASCII.
bool LiteralsAreAscii(std::string_view text, const std::vector<ParseCache::LiteralAt>& literals);

// `text` with each non-empty literal's characters replaced by its mark;
// nullopt when there are more literals than marks.
std::optional<std::string> MarkedText(std::string_view text, const std::vector<ParseCache::LiteralAt>& literals);

// Puts the literals of `text` (at `literals`) into the marked places of
// `query`, a copy of a template made from a text of the same shape.
void FillLiterals(std::string_view text, const std::vector<ParseCache::LiteralAt>& literals, Query* query);

}  // namespace claimgraph::grammar
