// What one ParseCache entry keeps: ANTLR's objects for one parsed text, alive
// together because the tree's tokens point into the token stream and read
// their text from the input stream. Internal to grammar/.
#pragma once

#include "ClaimQLLexer.h"
#include "ClaimQLParser.h"
#include "antlr4-runtime.h"
#include "grammar/ast.h"
#include "grammar/parse_cache.h"

namespace claimgraph::grammar {

struct ParseCache::Entry {
  // The text is read before the parser exists: constructing it fetches the
  // first token.
  explicit Entry(const std::string& text) : input(text) {}
  antlr4::ANTLRInputStream input;
  generated::ClaimQLLexer lexer{&input};
  antlr4::CommonTokenStream tokens{&lexer};
  generated::ClaimQLParser parser{&tokens};  // owns the tree
  generated::ClaimQLParser::ScriptContext* tree = nullptr;
  // The shape's one MATCH statement with marks for its literals
  // (query_template.h), once shown exact; tried once per entry.
  std::optional<Statement> query_template;
  bool template_tried = false;
};

}  // namespace claimgraph::grammar
