// Candidate claims from one sentence: cue phrases of each relation rule bound
// to the entity lists around them, with the modality of the words near the
// evidence. Sentences are fed in document order, because "the two
// governments" and "this network" refer back to earlier ones.
//
//   symmetric (pact, shares-intel): every pair within each list of two or more
//     participants near the cue ("an agreement between A, B and C"); a list
//     after "with" pairs with the subject before the cue instead ("A signed a
//     pact with B and C"); lists after "with an eye on", "against" ... are
//     adversaries, not parties. Cues of two predicates near the same list
//     are both: "an intelligence-sharing agreement between A and B" is a pact
//     and shares-intel.
//   directed (targets): subject just before the cue ("Chinese hacking"),
//     object right after it or after a preposition ("aggression against A and
//     B"); "attacked by" swaps them.
//   membership (member-of): the group named nearest in the sentence (or, for
//     "this network", the last group of the previous sentences), members the
//     list after "comprising"/"made up of", or before "as members"/"join".
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ingest/mentions.h"
#include "engine/ingest/phrase_matcher.h"
#include "engine/ingest/rules.h"
#include "base/modality.h"

namespace claimgraph::ingest {

struct CandidateClaim {
  int subject = 0, object = 0;   // gazetteer entity indices
  std::string predicate;
  base::Modality modality = base::Modality::kAsserted;
  double confidence = 0;
  size_t token_begin = 0, token_end = 0;  // the evidence: cue, participants, modal words
  std::string cue;                        // the cue as written, for review
};

class RelationExtractor {
 public:
  RelationExtractor(const IngestRules& rules, const Gazetteer& gazetteer, const ListBuilder& lists);

  // What earlier sentences of the same document left for later ones.
  struct SentenceMemory {
    std::vector<MentionList> lists;
    std::vector<int> groups;  // group entities mentioned, in order
  };
  using DocumentMemory = std::deque<SentenceMemory>;  // newest first

  // Thread-safe: the extractor is immutable, the document's memory is the caller's.
  std::vector<CandidateClaim> Extract(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                      const std::vector<Mention>& mentions, DocumentMemory* memory) const;

 private:
  struct CueMatch {
    size_t begin, end;
    int rule;
    int kind;  // 0 plain, 1 members after, 2 members before
  };
  bool TypeIn(int entity, const std::vector<std::string>& types) const;
  std::vector<int> Filter(const std::vector<int>& entities, const std::vector<std::string>& types) const;
  base::Modality ModalityFor(const std::vector<std::pair<size_t, int>>& modal, size_t word_begin,
                                size_t word_end, bool reported) const;

  const IngestRules& rules_;
  const Gazetteer& gazetteer_;
  const ListBuilder& list_builder_;
  PhraseMatcher cues_;
  std::vector<CueMatch> cue_table_;  // matcher value -> (rule, kind)
  PhraseMatcher modal_;              // value: 0 proposed, 1 denied, 2 reported
};

}  // namespace claimgraph::ingest
