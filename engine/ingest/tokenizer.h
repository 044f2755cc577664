// Splits text into word and punctuation tokens, each with its byte range, and
// a normalized form for matching: ASCII lower case, curly quotes and
// apostrophes as ' and ", en and em dashes as -. Hyphens, apostrophes and
// quotes are tokens of their own, so "US-Japan-UK" is five tokens and
// "China's" three. Initialisms keep their periods ("U.S.", "e.g.") and numbers
// their decimal point; any other period is a token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::ingest {

struct Token {
  uint32_t begin = 0, end = 0;  // byte range in the tokenized text
  bool is_word = false;         // letters or digits (initialisms included)
  bool space_before = false;    // whitespace (or the start of text) precedes it
  bool newline_before = false;  // a line break precedes it
  std::string norm;             // normalized form
  uint64_t hash = 0;            // of norm (TokenHash), so matchers look up integers
};

// An em dash (U+2014) is normalized to "-" like a hyphen, but is never one:
// "the bloc—Brazil, Russia, India—" sets off an aside even without spaces,
// where "US-Japan" (or an en dash, "US–Japan") joins two names.
inline bool IsEmDash(std::string_view text, const Token& t) {
  return t.end - t.begin == 3 && text.substr(t.begin, 3) == "\xE2\x80\x94";
}

// FNV-1a of a normalized token form.
inline uint64_t TokenHash(std::string_view norm) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : norm) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::vector<Token> Tokenize(std::string_view text);

// The normalized token forms of a phrase, as Tokenize would produce them.
std::vector<std::string> NormalizedPhrase(std::string_view phrase);

}  // namespace claimgraph::ingest
