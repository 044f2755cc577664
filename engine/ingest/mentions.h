// Coordinated lists of entity mentions, and the anaphora "the two
// governments". (The mentions themselves come from the gazetteer,
// gazetteer.h.)
//
// Lists: mentions joined only by separators ("the United States, India,
// Japan and Australia") or by hyphens without spaces ("US-Japan-UK", a
// compound); a list never mixes the two.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/ingest/gazetteer.h"
#include "engine/ingest/phrase_matcher.h"
#include "engine/ingest/rules.h"
#include "engine/ingest/sentences.h"
#include "engine/ingest/tokenizer.h"

namespace claimgraph::ingest {

struct MentionList {
  size_t token_begin = 0, token_end = 0;
  std::vector<int> entities;  // distinct, in text order
  bool compound = false;      // "US-Japan"
  bool anaphor = false;       // "the two governments", resolved
  bool after_with = false;    // "... with L": counterparts of a subject
  bool adversary = false;     // "with an eye on L", "against L"
  // An anaphor resolved to a set named in an earlier sentence: that
  // sentence's number in the document (0 the first; -1: this sentence).
  int from_sentence = -1;
};

// Groups a sentence's mentions into lists and marks their context.
class ListBuilder {
 public:
  explicit ListBuilder(const MentionRules& rules);
  std::vector<MentionList> Build(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                 const std::vector<Mention>& mentions) const;
  // "the two governments": the number of participants it stands for (0: not
  // one); `noun` (optional) gets the noun ("governments"), which says what
  // type of entity it stands for.
  int AnaphorSize(const std::vector<Token>& tokens, size_t i, size_t end, size_t* length,
                  std::string* noun = nullptr) const;
  // "four key security partners": a number, at most two words, an anaphora
  // noun, starting at i without a determiner; its count, or 0.
  int CountedNounSize(const std::vector<Token>& tokens, size_t i, size_t end, size_t* length,
                      std::string* noun = nullptr) const;
  // False when no anaphor starts with this token (most): one bit test.
  bool MayStartAnaphor(const Token& t) const { return determiners_.MayStartWith(t); }
  // Marks what precedes a list (after "with", after an adversary marker);
  // Build does it for the lists it makes, the extractor for resolved anaphors.
  void MarkContext(std::string_view text, const std::vector<Token>& tokens, const Sentence& s, MentionList* list) const;

 private:
  // Past "[ 's ] <title> <Name ...>" starting at token i (rules.list_titles),
  // or i itself when no title starts there.
  size_t SkipOfficial(std::string_view text, const std::vector<Token>& tokens, size_t i, size_t end) const;
  // The anaphora noun at j or after one or two words (a counted phrase that
  // starts at i and counts n): n, with its length from i; else 0.
  int NounAfter(const std::vector<Token>& tokens, size_t i, size_t j, size_t end, int n, size_t* length,
                std::string* noun) const;

  MentionRules rules_;
  PhraseMatcher separators_, adversary_, determiners_, titles_;
  std::vector<uint64_t> determiner_hashes_;  // AnaphorSize runs on every token: integers first
};

}  // namespace claimgraph::ingest
