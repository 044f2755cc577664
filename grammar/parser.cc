// Parse(): pre-checks, ANTLR lexer and parser with our error listener, then
// the Transformer. ANTLR's console listener is removed: errors are collected,
// never printed.
#include "grammar/parser.h"

#include <algorithm>
#include <set>

#include "ClaimQLLexer.h"
#include "ClaimQLParser.h"
#include "antlr4-runtime.h"
#include "grammar/parse_cache_entry.h"
#include "grammar/query_template.h"
#include "grammar/transformer.h"

namespace claimgraph::grammar {
namespace {

// Byte offset of every code point, plus one past the end; false on invalid UTF-8.
bool CodePointOffsets(std::string_view text, std::vector<uint32_t>* offsets, size_t* bad_at) {
  offsets->clear();
  offsets->reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > text.size() || (n == 2 && c < 0xC2)) {
      *bad_at = i;
      return false;
    }
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        *bad_at = i;
        return false;
      }
    offsets->push_back(static_cast<uint32_t>(i));
    i += n;
  }
  offsets->push_back(static_cast<uint32_t>(text.size()));
  return true;
}

// Line and column (1-based, characters) of a byte offset.
std::pair<uint32_t, uint32_t> Position(std::string_view text, size_t byte) {
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

std::string FriendlyTokenName(const antlr4::dfa::Vocabulary& vocab, size_t type) {
  using L = generated::ClaimQLLexer;
  switch (type) {
    case antlr4::Token::EOF: return "end of input";
    case L::VARIABLE: return "?variable";
    case L::STRING: return "\"string\"";
    case L::INTEGER: return "integer";
    case L::DECIMAL: return "number";
    case L::IDENTIFIER: return "name";
    default: break;
  }
  std::string literal = vocab.getLiteralName(type);
  if (!literal.empty()) return literal;  // 'MATCH'-style keywords come out of the symbolic name below
  std::string symbolic = vocab.getSymbolicName(type);
  // Tokens renamed to dodge C macros (NULL, TRUE, DOMAIN) read as their keyword.
  for (const char* suffix : {"_LITERAL", "_KW"}) {
    size_t n = std::char_traits<char>::length(suffix);
    if (symbolic.size() > n && symbolic.compare(symbolic.size() - n, n, suffix) == 0) symbolic.resize(symbolic.size() - n);
  }
  return symbolic.empty() ? vocab.getDisplayName(type) : symbolic;
}

class CollectingErrorListener : public antlr4::BaseErrorListener {
 public:
  explicit CollectingErrorListener(std::vector<Diagnostic>* out) : out_(out) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t column,
                   const std::string& antlr_message, std::exception_ptr) override {
    if (out_->size() >= 5) return;  // the first errors are the useful ones
    Diagnostic d;
    d.line = static_cast<uint32_t>(line);
    d.column = static_cast<uint32_t>(column) + 1;
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    if (!offending || !parser) {
      d.message = antlr_message;
      out_->push_back(std::move(d));
      return;
    }
    if (offending->getType() == generated::ClaimQLLexer::UNTERMINATED_STRING) {
      d.message = "unterminated string: a closing '\"' is missing on this line";
      out_->push_back(std::move(d));
      return;
    }
    std::string what = offending->getType() == antlr4::Token::EOF ? "unexpected end of input"
                                                                   : "unexpected '" + offending->getText() + "'";
    if (offending->getType() != antlr4::Token::EOF) {
      // Length in characters of the offending token.
      std::string t = offending->getText();
      d.length = static_cast<uint32_t>(
          std::count_if(t.begin(), t.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    }
    std::set<std::string> expected;
    try {
      for (size_t type : parser->getExpectedTokens().toList())
        expected.insert(FriendlyTokenName(parser->getVocabulary(), type));
    } catch (...) {
    }
    // Up to every statement keyword (a misspelt first word); longer lists,
    // inside expressions, say less than the caret.
    if (!expected.empty() && expected.size() <= 16) {
      std::string list;
      for (const auto& e : expected) list += (list.empty() ? "" : ", ") + e;
      d.message = what + "; expected " + (expected.size() == 1 ? "" : "one of ") + list;
    } else {
      d.message = what;
    }
    out_->push_back(std::move(d));
  }

 private:
  std::vector<Diagnostic>* out_;
};

}  // namespace

// The one MATCH statement of `tree` transformed over the marked form of
// `text` (query_template.h); nullopt when it is not one MATCH or the marked
// text does not transform. Leaves `entry` reading the marked text.
static std::optional<Statement> MakeTemplate(ParseCache::Entry* entry, generated::ClaimQLParser::ScriptContext* tree,
                                             std::string_view text, const std::vector<ParseCache::LiteralAt>& literals,
                                             std::vector<uint32_t> offsets) {
  if (tree->statement().size() != 1) return std::nullopt;
  std::optional<std::string> marked = MarkedText(text, literals);
  if (!marked) return std::nullopt;
  entry->input.load(*marked);
  try {
    Statement statement = Transformer(std::move(offsets)).TransformStatement(tree->statement(0));
    if (!std::holds_alternative<Query>(statement.node)) return std::nullopt;
    return statement;
  } catch (...) {  // the marks did not transform: no template, the statement's own parse stands
    return std::nullopt;
  }
}

// The script rule, or with `pattern` the changePatternOnly rule into *pattern.
static ParseResult ParseWith(std::string_view text, const ParseOptions& options, ChangePattern* pattern,
                             ParseCache* cache) {
  ParseResult result;
  auto fail_at = [&](size_t byte, std::string message) {
    Diagnostic d;
    std::tie(d.line, d.column) = Position(text, byte);
    d.message = std::move(message);
    result.diagnostics.push_back(std::move(d));
    return result;
  };
  if (text.size() > options.max_length)
    return fail_at(0, "query is " + std::to_string(text.size()) + " bytes; the limit is " +
                          std::to_string(options.max_length));
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos) return fail_at(nul, "NUL byte in query text");
  std::vector<uint32_t> offsets;
  size_t bad = 0;
  if (!CodePointOffsets(text, &offsets, &bad)) return fail_at(bad, "query text is not valid UTF-8");
  // Deep nesting would recurse deeply in the parser: refuse it up front.
  size_t depth = 0;
  bool in_string = false, in_comment = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_comment) {
      in_comment = c != '\n';
    } else if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      in_comment = true;
    } else if (c == '(' || c == '{') {
      if (++depth > options.max_nesting)
        return fail_at(i, "nesting deeper than " + std::to_string(options.max_nesting) + " levels");
    } else if ((c == ')' || c == '}') && depth > 0) {
      --depth;
    }
  }

  try {
    // ANTLR's input stream drops a leading byte order mark, which would shift
    // its character indexes and line-1 columns by one against ours (offsets,
    // Position, codec::FormatDiagnostic all count the mark as a character). It
    // reads a space there instead: one character, skipped as whitespace.
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    std::string antlr_text(text);
    if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) antlr_text.replace(0, kByteOrderMark.size(), " ");

    // A parse of the same shape is reused (parse_cache.h): only the Transformer runs.
    std::string key;
    std::vector<ParseCache::LiteralAt> literals;
    const bool cacheable = cache && !pattern && ParseCache::ShapeOf(text, &key, &literals);
    std::unique_ptr<ParseCache::Entry> entry = cacheable ? cache->Take(key) : nullptr;
    const bool hit = entry != nullptr;
    // A MATCH of a known shape: its AST is the template's, with this text's
    // literals (query_template.h). No backslash: every literal is plain.
    const bool templatable = cacheable && text.size() == antlr_text.size() && text.find('\\') == std::string_view::npos &&
                             LiteralsAreAscii(text, literals);
    if (hit && templatable && entry->query_template) {
      Statement statement = *entry->query_template;
      FillLiterals(text, literals, &std::get<Query>(statement.node));
      result.statements.push_back(std::move(statement));
      cache->Give(key, std::move(entry), /*templated=*/true);
      return result;
    }
    if (hit) entry->input.load(antlr_text);  // its tokens now read the new text
    else entry = std::make_unique<ParseCache::Entry>(antlr_text);
    // Whatever the Transformer says of this text, the tree stays good for its shape.
    struct GiveBack {
      ParseCache* cache;
      const std::string& key;
      std::unique_ptr<ParseCache::Entry>& entry;
      bool keep = false;
      ~GiveBack() {
        if (keep) cache->Give(key, std::move(entry));
      }
    } give_back{cache, key, entry};

    generated::ClaimQLParser::ScriptContext* tree = entry->tree;
    generated::ClaimQLParser::ChangePatternOnlyContext* pattern_tree = nullptr;
    if (!hit) {
      antlr4::CommonTokenStream& tokens = entry->tokens;
      generated::ClaimQLParser& parser = entry->parser;
      entry->lexer.removeErrorListeners();
      parser.removeErrorListeners();
      CollectingErrorListener listener(&result.diagnostics);
      parser.addErrorListener(&listener);
      // SLL first, the full LL only when SLL fails: the usual two-stage speedup.
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
      parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
      auto run = [&] {
        if (pattern) pattern_tree = parser.changePatternOnly();
        else tree = parser.script();
      };
      try {
        run();
      } catch (const antlr4::ParseCancellationException&) {
        tokens.seek(0);
        parser.reset();
        result.diagnostics.clear();
        parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
        parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
        run();
      }
      parser.removeErrorListeners();  // the listener dies with this call
      if (!result.diagnostics.empty()) return result;
      entry->tree = tree;
      give_back.keep = cacheable;
    } else {
      give_back.keep = true;
    }
    const bool make_template = templatable && !entry->template_tried;
    std::vector<uint32_t> template_offsets;
    if (make_template) template_offsets = offsets;  // the marked text's are the same: its literals are ASCII too
    Transformer transformer(std::move(offsets));
    if (pattern) {
      *pattern = transformer.TransformChangePattern(pattern_tree->changePattern());
      return result;
    }
    for (auto* st : tree->statement()) result.statements.push_back(transformer.TransformStatement(st));
    if (make_template) {
      entry->template_tried = true;
      if (std::optional<Statement> made = MakeTemplate(entry.get(), tree, text, literals, std::move(template_offsets));
          made && result.statements.size() == 1 && result.statements[0].span == made->span) {
        Statement filled = *made;
        FillLiterals(text, literals, &std::get<Query>(filled.node));
        if (std::get<Query>(filled.node) == std::get<Query>(result.statements[0].node))
          entry->query_template = std::move(made);
      }
    }
  } catch (const TransformError& e) {
    Diagnostic d;
    d.line = e.span.line;
    d.column = e.span.column;
    d = DiagnosticAt(text, e.span, e.what());
    result.diagnostics.push_back(std::move(d));
  } catch (const std::exception& e) {
    return fail_at(0, std::string("internal parser error: ") + e.what());
  }
  return result;
}

ParseResult Parse(std::string_view text, const ParseOptions& options, ParseCache* cache) {
  return ParseWith(text, options, nullptr, cache);
}

ChangePatternParse ParseChangePattern(std::string_view text, const ParseOptions& options) {
  ChangePatternParse out;
  out.diagnostics = ParseWith(text, options, &out.pattern, nullptr).diagnostics;
  return out;
}

}  // namespace claimgraph::grammar
