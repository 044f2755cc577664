// Splitting a script — a file of ClaimQL statements separated by ';' — into
// its statements, without parsing them. The console, `claimgraph query -f` and
// `claimgraphd query -f` all split with this one function, so a ';' inside a
// string or a comment never ends a statement in one tool and not in another.
//
// It follows ClaimQL.g4's lexical rules: a string runs from '"' to the next
// unescaped '"' or to the end of its line (a backslash escapes any character,
// a line break included); a comment runs from "--" to the end of the line;
// whitespace is space, tab, CR and LF. Anything else is left for the parser.
// In codec/ rather than grammar/ because the CLI splits its console input and
// `query -f` files without the parser (it sends each statement to a server);
// tests/codec/split_statements_test checks it agrees with the parser on where
// statements are.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimgraph::codec {

struct ScriptStatement {
  // From the statement's first token to its last (comments inside kept,
  // blanks and comments before the ';' not); a view into the script passed
  // to SplitStatements.
  std::string_view text;
  size_t offset = 0;     // byte offset of `text` in the script
  size_t end = 0;        // byte offset just past the ';' (the script's size if unterminated)
  uint32_t line = 1;     // 1-based line of text[0] in the script
  uint32_t column = 1;   // 1-based column of text[0], in characters as diagnostics count them
  bool terminated = true;  // false only for a last statement with no ';' after it
};

// The non-empty statements of `script`, in order. Empty statements (";;", or
// only comments between two ';') are skipped; a statement without a closing
// ';' can only be the last one and has `terminated` false.
std::vector<ScriptStatement> SplitStatements(std::string_view script);

}  // namespace claimgraph::codec
