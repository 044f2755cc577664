// A cache of ANTLR parses, keyed by a statement's shape: its text with the
// contents of its string literals masked, so that `MATCH "entity-17" p ?o`
// and `MATCH "entity-42" p ?o` share one entry. Lexing and parsing were about
// a quarter of the server's CPU for a point statement (and their tables the
// largest part of what a statement brings into the CPU caches); a hit skips
// both and runs only the Transformer, on the cached tree, over the new text.
//
// Why reusing a tree is exact: ANTLR decides on token types alone, and a
// string literal whose content has no backslash, CR or LF is one STRING token
// whatever its characters. Two texts with the same shape are the same bytes
// outside their literals and literals of the same length in characters, so
// they lex to the same tokens at the same character positions and parse to
// the same tree; the tokens read their text from the input stream, which a
// hit reloads with the new text. Everything that depends on a literal's
// content (escapes, dates, numbers, spans) is the Transformer's, which runs
// again. A literal with a backslash is kept verbatim in the key.
//
// A MATCH statement's AST is kept too, when the Transformer is shown to copy
// its literals verbatim (query_template.h): a hit then skips the Transformer.
//
// Thread-safe. An entry is taken out while a parse uses it, so two threads
// with the same shape use two entries; at most `max_entries` are kept, the
// least recently used going first. Only parses without syntax errors are kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::grammar {

class ParseCache {
 public:
  explicit ParseCache(size_t max_entries = 256);
  ~ParseCache();
  ParseCache(const ParseCache&) = delete;
  ParseCache& operator=(const ParseCache&) = delete;

  struct Counters {
    uint64_t hits = 0, misses = 0, kept = 0;
    uint64_t templated = 0;  // hits answered from a MATCH's template (no Transformer)
  };
  Counters counters() const;

  // The shape key of `text`, or false when the text is not worth caching
  // (too long). Exposed for tests. `literals` (may be null): where the
  // content of each masked literal lies in `text` (byte offset and length),
  // in order.
  struct LiteralAt {
    size_t offset, length;
  };
  static bool ShapeOf(std::string_view text, std::string* key, std::vector<LiteralAt>* literals = nullptr);

  // One cached parse (ANTLR's objects; defined in parser.cc).
  struct Entry;
  // The entry for `key`, taken out of the cache, or null.
  std::unique_ptr<Entry> Take(const std::string& key);
  // Keeps `entry` under `key` for later parses of the same shape;
  // `templated`: the parse that took it used its template.
  void Give(const std::string& key, std::unique_ptr<Entry> entry, bool templated = false);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimgraph::grammar
