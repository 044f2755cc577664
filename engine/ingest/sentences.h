// Sentence splitting over tokens. A sentence ends at . ! ? (and any closing
// quotes or brackets after it) when the next token starts a new word in
// upper case, a digit, a quote or a bullet -- unless the period belongs to an
// abbreviation from the rules ("Adm.", "Gen.", "U.S."), or to an initial
// ("Jeremy S. Maxie"). A line break ends a sentence too, except inside a
// hard-wrapped paragraph (the line goes on in lower case); a bulleted line is
// a sentence of its own. A sentence longer than the rules' max_tokens is cut
// into pieces of that many tokens.
#pragma once

#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/ingest/rules.h"
#include "engine/ingest/tokenizer.h"

namespace claimgraph::ingest {

struct Sentence {
  size_t token_begin = 0, token_end = 0;  // [begin, end) into the token vector
};

class SentenceSplitter {
 public:
  explicit SentenceSplitter(const SentenceRules& rules);
  std::vector<Sentence> Split(std::string_view text, const std::vector<Token>& tokens) const;

 private:
  std::unordered_set<std::string> abbreviations_;  // normalized, with the final period
  std::unordered_set<std::string> bullets_;
  size_t max_tokens_;
};

}  // namespace claimgraph::ingest
