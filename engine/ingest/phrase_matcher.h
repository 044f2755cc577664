// Finds the longest known phrase starting at a token: the one lookup shared
// by the gazetteer, the cue lexicons, the modality cues and the boilerplate
// cues. Phrases are tokenized exactly as the text is, so "intelligence-sharing"
// matches "intelligence–sharing" with an en dash too.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/ingest/tokenizer.h"

namespace claimgraph::ingest {

enum class CaseRule {
  kInsensitive,  // "five eyes" matches "Five Eyes"
  kExact,        // every word as written: "US" must not match the pronoun "us"
  // The words the phrase capitalizes are capitalized in the text (any other
  // letters in any case): "China" and "CHINA" but not "china"; "White House"
  // but not "white house"; "the Pentagon" and "The Pentagon". A one-word
  // phrase must be capitalized in the text whatever its own spelling.
  kCapitalized,
};

class PhraseMatcher {
 public:
  struct Match {
    size_t length = 0;  // tokens; 0 = no match
    int value = -1;
  };

  // Empty phrases are ignored. A phrase added twice keeps its first value.
  void Add(std::string_view phrase, int value, CaseRule rule = CaseRule::kInsensitive);
  // The longest phrase that starts at tokens[i] and ends at or before `end`.
  // Inline for the common case, a token that starts no phrase.
  Match LongestAt(const std::vector<Token>& tokens, size_t i, size_t end, std::string_view text) const {
    if (!MayStartWith(tokens[i])) return {};
    return LongestFrom(tokens, i, end, text);
  }
  bool empty() const { return by_first_.empty(); }
  // False when no phrase can start with this token: the inline first test of
  // LongestAt, for loops that try several matchers on every token.
  bool MayStartWith(const Token& t) const { return first_filter_.test(FilterSlot(t.hash)); }

 private:
  struct Entry {
    // Length and second token's hash inline: a bucket ("the", "south") is
    // scanned entry by entry, and most entries fail on these without
    // touching the vectors' heap blocks.
    size_t length = 0;
    uint64_t second = 0;
    std::vector<uint64_t> hashes;
    std::vector<std::string> norms;
    std::vector<std::string> exact;  // original token texts (kExact, kCapitalized)
    CaseRule rule;
    int value;
  };
  // Most tokens start no phrase: a bitmap over the first tokens' hashes
  // answers that without a hash-table probe.
  static constexpr size_t kFilterBits = 1 << 16;
  static size_t FilterSlot(uint64_t hash) { return hash >> 48; }
  Match LongestFrom(const std::vector<Token>& tokens, size_t i, size_t end, std::string_view text) const;
  std::bitset<kFilterBits> first_filter_;
  std::unordered_map<uint64_t, std::vector<Entry>> by_first_;  // by the first token's hash; longest first
};

// The case rule a gazetteer name gets when the schema sets none ("case"):
// all-capital initialisms are exact, one-word names must be capitalized,
// longer names match in any case.
CaseRule CaseRuleForName(std::string_view name);

}  // namespace claimgraph::ingest
