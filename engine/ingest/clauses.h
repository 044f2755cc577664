// A light clause segmentation over a sentence's tokens, so that the relation
// rules read the clause a cue is in instead of a window of words around it.
// No parser: the markers are the rules file's `clauses` lexicons.
//
//   boundary       ";", "but", "whereas": a new top-level clause starts at the
//                  marker (not_boundaries such as "but also" are no marker).
//   relative       "which", "who" (after a word or a comma): a clause about
//                  what precedes it, its antecedent. It ends at the next
//                  closer ("," or a spaced dash) that is not inside a list,
//                  and the clause it interrupted goes on after the closer:
//                  "NATO, which A and B joined, signed ..." is one main clause
//                  in two pieces around a relative one.
//   complementizer "that": a dependent clause like a relative one, except that
//                  the modal words of its head reach into it ("denied that A
//                  and B signed a pact").
//   subordinate    "while", "although", "because", "given", ...: a dependent
//                  clause up to the next closer; "since 2015" (a time
//                  expression) opens none.
//   conditional    "if", "unless": a subordinate clause whose claims, and those
//                  of the clause it depends on, are hypothetical.
//
// A comma inside a coordinated list with a conjunction ("the US, UK, Canada,
// and Australia") is never a closer; a list joined by commas alone may be
// split where a clause ends ("If Russia hacks Germany, NATO would respond"). What this cannot see: a relative clause
// without a comma ends only at the next marker ("the pact that A and B signed
// in 2015 calls for ..." keeps "calls for" in the relative clause), and a
// clause coordinated by a bare "and" stays part of the clause before it.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "engine/ingest/mentions.h"
#include "engine/ingest/phrase_matcher.h"
#include "engine/ingest/rules.h"
#include "engine/ingest/sentences.h"
#include "engine/ingest/tokenizer.h"

namespace claimgraph::ingest {

enum class ClauseKind { kMain, kRelative, kComplement, kSubordinate, kConditional };

struct ClauseInfo {
  ClauseKind kind = ClauseKind::kMain;
  int head = -1;             // the clause this one depends on; -1 for a top-level clause
  size_t marker = SIZE_MAX;  // the token of its opening pronoun or subordinator
  bool hypothetical = false; // a conditional clause, or the clause a conditional depends on
  size_t first = SIZE_MAX, last = 0;  // first and last token of its pieces (for review)
};

struct Clauses {
  std::vector<int> id_of;        // per token of the sentence (index token - sentence begin)
  std::vector<ClauseInfo> info;  // by clause id
};

class ClauseSegmenter {
 public:
  explicit ClauseSegmenter(const ClauseRules& rules);
  // `lists`: the sentence's coordinated lists, whose commas and conjunctions
  // are no closers. `time_starts`: tokens that begin a time expression
  // ("since 2015"), where a subordinator opens no clause.
  Clauses Segment(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                  const std::vector<MentionList>& lists, const std::vector<size_t>& time_starts) const;

 private:
  enum Marker { kNone = -1, kBoundary, kRelative, kComplement, kSubordinate, kConditional, kCloser };
  PhraseMatcher markers_;  // value: Marker
};

}  // namespace claimgraph::ingest
