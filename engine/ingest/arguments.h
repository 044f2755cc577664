// Which mentions a relation cue binds, read from the clause around the cue:
// the cue-anchored argument patterns of docs/ingest.md. Each pattern fills
// argument slots (a list after "with", after "between", before the cue as
// its subject, ...) and expands a coordinated list only inside its own slot;
// a relation rule names the patterns it tries, in order, and the first that
// binds wins. Every pattern says how it chose, for --explain.
//
//   symmetric (pact, shares-intel)
//     possessive-with  "Japan's pact with India"            possessor x counterparts
//     subject-with     "Canada signed a treaty with France and Germany",
//                      "A is working with B and C on intelligence sharing"
//                                                         subject x counterparts (+ pairs within the subject)
//                      a counterpart slot without a subject binds nothing, and
//                      no later pattern is tried: "It developed partnerships
//                      with Canberra and Delhi" says nothing about the two.
//     with-group       "an agreement with the Quad group of A, B, C and D"
//                                                         the group's listed members, pairwise
//     between          "a pact between A and B", "among A, B and C", and a list
//                      after "as well as" that continues one    pairwise within each list
//     compound         "US-Japan pact", "guidelines for U.S.-Japan"   pairwise
//     by               "an agreement signed by A and B"        pairwise
//     cue-relative     "the treaty that A and B signed (with C)": the subject of
//                      a relative clause right after the cue   pairwise (x the with-list)
//     subject          "A and B signed a pact", "the two nations agreed to share
//                      intelligence"; the antecedent of a relative clause
//                      ("A and B, which signed a pact")       pairwise
//     network-members  rules with members_pairwise only: "an intelligence-sharing
//                      network, which counts A, B and C as members"   pairwise
//     clause-list      fallback: a list of two or more after the cue in its
//                      clause that fills no other slot         pairwise, lower confidence
//   A list bound as a group's members ("the alliance, which comprises A, B and
//   C") is no party of a symmetric cue except through with-group and
//   network-members: membership is not a bilateral pact.
//
//   directed (targets)
//     passive   "B was hacked by A", "targeted by"
//     verb-with "A slapped B with new sanctions": a cue that begins with
//               "with"; B right before it after one of with_verbs, A before
//               the verb (rules version 19)
//     active    "Russian hacking of Ukraine", "A's cyberattacks against B"
//     relative  "Russia, which hacked Germany in 2016"
//     attribution  "the attack on B, which officials attributed to A":
//               the object after the cue, the agent after an attribution
//               bridge within attribution_window words, or "attributed the
//               attack on B to A" (attribution_verbs); reported at most
//
//   membership (member-of)
//     members-after   "comprising A, B and C", "the Quad group of A and B"
//     members-before  "A and B as members", "A joined NATO", "A, which joined
//                     the Quad"; not across "ties with" ("closer ties with the
//                     alliance's member states" is not membership)
//     group-bracket   the members in parentheses or spaced dashes right
//                     after the group: "The Quad — A, B, C and D — met",
//                     "the BRICS bloc (A, B and C)"
//     group-before    the group right before the cue: "NATO members Poland
//                     and Romania", "Australia, a Five Eyes member,", "Turkey
//                     has been a NATO ally since 1952"; the members right after
//                     the cue, else the list before it when only copula,
//                     article and adjective words stand between
//     the group: after a members-before cue, the first group after the cue
//     in its clause, else the nearest in the clause or the clause it depends
//     on ("France left the summit" names none: nothing); after a
//     members-after cue, the nearest in the clause, the clause it depends on,
//     the sentence, else the group of the nearest earlier sentence that
//     names any, when it names exactly one ("This informal network made up
//     of ...", "A joined BRICS. The other members are ..."). A members-before
//     cue ending in "with" with no member before it takes the members right
//     after it ("The EU opened accession talks with Albania").
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/ingest/clauses.h"
#include "engine/ingest/mentions.h"
#include "engine/ingest/phrase_matcher.h"
#include "engine/ingest/rules.h"

namespace claimgraph::ingest {

// What a list is in its sentence: the slot it fills, if any.
struct ListSlot {
  int clause = 0;
  size_t slot_begin = 0;     // first token of its preposition ("with", "between"), else of the list
  size_t slot_end = 0;       // one past the preposition (== slot_begin without one)
  size_t after = 0;          // the token after the list and a possessive "'s"
  bool with = false;         // after "with": counterparts
  bool with_head = false;    // ... right after a with-head ("working with")
  bool between = false;      // after "between" or "among"
  bool also = false;         // after "as well as" that continues a between list
  bool by = false;           // after "by"
  bool possessor = false;    // followed by "'s"
  bool member = false;       // bound as a group's members by a membership cue
  bool modifier = false;     // a group modifying a membership noun ("the largest ASEAN member"): no subject
  int group = -1;            // for members: the group entity, when known
  int member_clause = -1;    // for members: the clause of that membership cue
};

// One sentence as the patterns read it. Built by the extractor.
struct SentenceView {
  std::string_view text;
  const std::vector<Token>* tokens = nullptr;
  Sentence sentence;
  const std::vector<Mention>* mentions = nullptr;
  std::vector<MentionList> lists;  // coordinated lists and resolved anaphors, in text order
  std::vector<ListSlot> slots;     // parallel to lists
  Clauses clauses;
  std::vector<size_t> words;  // words[i - sentence begin]: word tokens of the sentence before token i
  // The reported-speech cue after a quotation this sentence is part of and
  // that closes in a later sentence (quotations.h); SIZE_MAX when none.
  size_t quote_attribution = SIZE_MAX;

  size_t WordAt(size_t token) const { return words[token - sentence.token_begin]; }
  // Words strictly between a range ending at a_end and one starting at b_begin (0 if they overlap).
  size_t Gap(size_t a_end, size_t b_begin) const { return a_end <= b_begin ? WordAt(b_begin) - WordAt(a_end) : 0; }
  int ClauseOf(size_t token) const { return clauses.id_of[token - sentence.token_begin]; }
  // Words of clause k strictly between the two ranges: a relative clause in
  // between does not count ("the treaty, which A and B discussed, was signed by").
  size_t ClauseGap(size_t a_end, size_t b_begin, int k) const;
  std::string_view Text(size_t token_begin, size_t token_end) const;
};

// kNotACue: a rule's not_cues phrase ("deal with"), which hides the cue inside it.
enum class CueKind { kPlain, kMembersAfter, kMembersBefore, kGroupBefore, kMembersBracket, kNotACue };

// What a pattern bound for one cue.
struct Binding {
  std::string pattern;                     // "" = nothing bound
  std::vector<std::pair<int, int>> pairs;  // (subject, object) entities
  size_t token_begin = 0, token_end = 0;   // the evidence, cue included
  std::string subject_choice, object_choice;  // how they were chosen
  bool adjacent = false, anaphor = false, lookback = false, fallback = false;
  // The clause whose verb states the relation when it is not the cue's own
  // ("the treaty that A and B signed in 2022"): its time and modal words
  // count, and those of the cue's clause too.
  int clause = -1;
  // A relation a noun phrase describes ("NATO members Poland and Romania",
  // "the Quad, comprising A, B, C and D"): the modal words of the clause
  // around it are about something else ("Ukraine is seeking closer ties with
  // NATO members ..."), only those inside the evidence count.
  bool descriptive = false;
  int member_list = -1;  // membership: the list bound as members
  bool members_are_antecedent = false;  // ... the head of the relative clause holding the cue
  int group = -1;        // membership: the group
  // Directed: the agent is named only by an attribution ("which officials
  // attributed to X"); the phrase, for the modality's reason. Non-empty
  // makes the claim reported at most.
  std::string attribution;
};

// Shared by the pattern files (arguments*.cc): text as one quoted line for an
// explanation, and every subject with every object.
std::string Quoted(std::string_view s);
void AddProduct(const std::vector<int>& subjects, const std::vector<int>& objects,
                std::vector<std::pair<int, int>>* pairs);

// The patterns, one file per shape: arguments.cc (slots, symmetric),
// arguments_directed.cc, arguments_membership.cc.
class ArgumentFinder {
 public:
  ArgumentFinder(const ArgumentRules& rules, const std::vector<GazetteerEntity>& entities);

  // Fills view->slots (the membership fields are the extractor's, once it has
  // bound the membership cues).
  void Annotate(SentenceView* view) const;

  // `earlier_groups`: the group an earlier sentence leaves for a membership
  // cue whose sentence names none (at most one; the extractor chooses it).
  Binding Bind(const SentenceView& v, const RelationRule& rule, CueKind kind, size_t cue_begin, size_t cue_end,
               const std::vector<int>& earlier_groups) const;

 private:
  Binding Symmetric(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce) const;
  Binding Directed(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce) const;
  Binding Membership(const SentenceView& v, const RelationRule& rule, CueKind kind, size_t cb, size_t ce,
                     const std::vector<int>& earlier_groups) const;
  // A members-before cue of the rule's cues_without_group with no object of
  // its own ("Uzbekistan joined in 2001."): its group may be an earlier one.
  bool StandsWithoutGroup(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce) const;

  bool TypeIn(int entity, const std::vector<std::string>& types) const;
  std::vector<int> Parts(const MentionList& l, const std::vector<std::string>& types) const;
  // Length of a phrase of `m` ending just before token `pos` (0: none).
  size_t EndsBefore(const SentenceView& v, const PhraseMatcher& m, size_t pos) const;
  bool Crosses(const SentenceView& v, const PhraseMatcher& m, size_t from, size_t to) const;
  // The nearest list before `before` in clause k that can be a subject (or,
  // in a relative clause without one, its antecedent); -1 if none.
  int Subject(const SentenceView& v, const std::vector<std::string>& types, int k, size_t before, size_t max_words,
              bool* antecedent) const;
  // The counterpart slot of a cue: a list after "with" right after the cue,
  // or after a with-head earlier in the clause ("working with L to expand
  // intelligence cooperation"); -1 if none.
  int WithSlot(const SentenceView& v, int k, size_t cb, size_t ce, bool attached_only) const;
  // The group before the cue (or its possessive), or with of_group the group
  // right after a cue ending in "of"; its members the list next to it.
  Binding GroupBefore(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce, bool of_group) const;
  Binding GroupBracket(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                       const std::vector<int>& earlier_groups) const;
  // "attacked its power grid": the one entity of object_types named in the
  // sentence before the pronoun at `p`, other than `subjects`; -1 if none or
  // several (a wrong target is worse than none).
  int PronounReferent(const SentenceView& v, const RelationRule& rule, size_t p, const std::vector<int>& subjects,
                      size_t* rb, size_t* re) const;
  int GroupFor(const SentenceView& v, const RelationRule& rule, int k, size_t cb, size_t ce, int members,
               bool after_first, size_t* gb, size_t* ge) const;

  ArgumentRules rules_;
  const std::vector<GazetteerEntity>& entities_;
  PhraseMatcher between_, also_, with_, with_heads_, by_, possessive_, non_party_, membership_blockers_, object_barriers_;
  std::unordered_set<std::string> between_owners_;  // "negotiations": a "between" list right after it is its own
  std::vector<std::string> between_barriers_;  // normalized words: "amid" starts another noun's phrase
  std::vector<std::string> pronouns_, reflexives_;  // normalized single tokens
  std::unordered_set<std::string> member_modifiers_;  // normalized words: "newest" in "NATO's newest member"
  std::unordered_set<std::string> alongside_barriers_;  // normalized words: "with" in "alongside talks with Russia"
};

}  // namespace claimgraph::ingest
