// Candidate claims from one sentence. The sentence is cut into clauses
// (clauses.h); each cue phrase of a relation rule binds the argument slots of
// its own clause through the rule's patterns (arguments.h); the claim gets
// the modality of the modal words in its clause and the time expression
// nearest it in its clause (time_expressions.h). Sentences are fed in
// document order, because "the two governments" and "this network" refer
// back to earlier ones.
//
// Modality: denied > proposed > reported > asserted. Proposal, denial and
// hedging cues count within the claim's clause (and, for a "that" clause, the
// clause it depends on) and within the modality window around the evidence;
// a conditional clause and the clause it depends on are proposed; reported
// speech ("officials said", "according to") counts anywhere in the sentence.
//
// Anaphora: "the three countries", "both sides" stand for the nearest
// preceding list (this sentence first, then `lookback_sentences` earlier ones,
// then the headline) with exactly that many entities of the noun's type
// (noun_types), else for nothing. "the agreement" with no party of its own
// stands for the relation of its predicate named before in the document
// (definite-relation). Every claim whose parties come from another sentence
// says which (CandidateClaim::parties_from).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/modality.h"
#include "engine/ingest/arguments.h"
#include "engine/ingest/clauses.h"
#include "engine/ingest/mentions.h"
#include "engine/ingest/phrase_matcher.h"
#include "engine/ingest/rules.h"
#include "engine/ingest/time_expressions.h"

namespace claimgraph::ingest {

struct CandidateClaim {
  int subject = 0, object = 0;  // gazetteer entity indices
  std::string predicate;
  bool symmetric = false;
  base::Modality modality = base::Modality::kAsserted;
  double confidence = 0;
  size_t token_begin = 0, token_end = 0;  // the evidence: cue and the slots it bound
  std::string cue;                        // the cue as written, for review
  std::string cue_norm;                   // normalized ("intelligence-sharing"), for the method
  std::string rule;                       // "<relation id>.<pattern>"
  // For review (--explain): the cue's clause, how the arguments were chosen,
  // why the modality.
  size_t clause_begin = 0, clause_end = 0;  // tokens: first and one past the last of the clause
  std::string subject_choice, object_choice, modality_reason;
  // The time expression nearest the evidence in its clause, if any.
  bool has_time = false;
  size_t time_begin = 0, time_end = 0;  // tokens
  std::string time_from, time_to;       // ISO 8601, possibly partial; "" = open or unknown
  // Parties taken from another sentence ("the two countries", "the
  // agreement"): which one, "the headline" or "sentence 3"; "" = this one.
  std::string parties_from;
};

class RelationExtractor {
 public:
  RelationExtractor(const IngestRules& rules, const Gazetteer& gazetteer, const ListBuilder& lists);

  // What earlier sentences of the same document left for later ones.
  struct SentenceMemory {
    int index = 0;  // the sentence's number in the document, 0 the first
    std::vector<MentionList> lists;
    std::vector<int> groups;  // group entities mentioned, in order
    // Its symmetric claims, for "these partnerships" in the next sentence.
    struct Related {
      int x = 0, y = 0;
      std::string predicate;
      base::Modality modality = base::Modality::kAsserted;
      bool one_subject = false;  // x alone before the cue, y a counterpart after "with" (subject-with)
    };
    std::vector<Related> related;
  };
  // "the Reciprocal Access Agreement (RAA)": from there on the bracketed
  // initialism is a cue of each rule whose cue ended right before the
  // bracket ("Tokyo has signed the RAA with Australia").
  struct CueAlias {
    uint64_t hash = 0;
    std::string norm;   // "raa"
    int rule = 0;
    std::string stands_for;  // the cue it stands for, normalized: "agreement"
  };
  struct DocumentMemory {
    std::deque<SentenceMemory> sentences;  // newest first
    std::vector<CueAlias> aliases;         // in the order the document defines them
    int seen = 0;                          // sentences read so far
    // "Australia, US sign deal to deepen defence ties": the text's first line
    // when it ends without a full stop. What it names stays in reach for the
    // whole document (the body says "the two countries", "the agreement").
    bool has_headline = false;
    SentenceMemory headline;
    // Every symmetric relation named so far, for "the agreement" (bounded).
    std::deque<SentenceMemory::Related> relations;
    std::deque<int> relation_sentences;  // the sentence of each, parallel to `relations`
    // The sentence after the one being read, for a counted noun whose set
    // the text names next ("with four key partners. The four are ...");
    // set by the caller before each Extract, null at the end (rules version 18).
    const Sentence* next = nullptr;
    const std::vector<Mention>* next_mentions = nullptr;
  };

  // Thread-safe: the extractor is immutable, the document's memory is the caller's.
  // `explain`: fill each claim's subject_choice, object_choice and modality_reason.
  std::vector<CandidateClaim> Extract(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                      const std::vector<Mention>& mentions, DocumentMemory* memory,
                                      bool explain = false) const;

 private:
  struct Cue {
    size_t begin, end;
    int rule;
    CueKind kind;
    const CueAlias* alias = nullptr;  // the cue is an initialism the document defined
  };
  // Initialisms in brackets right after a symmetric rule's cue become aliases
  // of that cue for the rest of the document; alias tokens become cues.
  void DefineAliases(std::string_view text, const std::vector<Token>& tokens, const Sentence& s, const std::vector<Mention>& mentions,
                     const std::vector<Cue>& cues, DocumentMemory* memory) const;
  void AliasCues(const std::vector<Token>& tokens, const Sentence& s, const DocumentMemory& memory,
                 std::vector<Cue>* cues) const;
  // "a new security alliance (AUKUS) by A, B and C", "the partnership,
  // called AUKUS": the group a symmetric cue names right after it, or -1.
  int NamedGroup(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, const Sentence& s,
                 size_t cue_end) const;
  enum ModalKind { kProposed, kDenied, kReported, kHedged, kNeutral, kEnabling, kScheduled, kPresupposing };
  struct ModalCue {
    size_t token, word;
    int kind;
    int clause;
    size_t verb = 0;  // kScheduled: the signing or joining verb the marker governs
  };
  // "will sign", "agreed to formally join", "is to be signed": the token of
  // the verb a future marker at i governs within the rules' future_gap, or 0.
  bool IsFutureMarker(uint64_t hash) const {
    for (uint64_t h : future_markers_)
      if (h == hash) return true;
    return false;
  }
  size_t ScheduledVerb(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, size_t i,
                       size_t end) const;
  // "airstrikes early on Monday in": the end of a time-place cue of rule r
  // at i (past its place preposition), or 0.
  size_t TimePlaceCue(std::string_view text, const std::vector<Token>& tokens, size_t r, size_t i, size_t end) const;
  // "will ensure Sweden joins": the joining verb of the clause a complement
  // verb at q governs, or 0.
  size_t ComplementClauseVerb(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, size_t q,
                              size_t end) const;
  // "India, Pakistan to Share Intelligence": a headline's "to" right after
  // the names that open the sentence governs whatever verb follows it ("A
  // and B will resume sharing" is a sentence, whose "will" governs only
  // future_verbs).
  bool AfterOpeningNames(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, const Sentence& s,
                         size_t i) const;
  // "agreed Thursday to increase": the modal cue at i read without the
  // interposed words after its first word; its length in the text's tokens.
  PhraseMatcher::Match ModalAcrossInterposed(std::string_view text, const std::vector<Token>& tokens, size_t i,
                                             size_t end) const;

  // "Pakistan's ISI": `agency` names an agency of the state `state` names,
  // right after its possessive.
  bool PossessedAgency(const std::vector<Token>& tokens, const Mention& state, const Mention& agency) const;
  // The mentions with each "<state>'s <agency of that state>" made one
  // mention of the agency spanning both.
  std::vector<Mention> AgenciesWithPossessors(const std::vector<Token>& tokens, const std::vector<Mention>& mentions) const;
  void ResolveAnaphors(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                       const DocumentMemory& memory, std::vector<MentionList>* lists) const;
  // A counted noun's set named after it (rules version 18): the list right
  // after a cataphora marker a few words on in the sentence, else the list
  // after a marker that opens the next sentence, when it is exactly n
  // entities that `fits`; its sentence index in *from (-1: this one).
  // `types`: the noun's types (null: any type but a group). `with`: the
  // entities coordinated before the noun ("Britain and four partners"),
  // which a later list may name again with the n ("The five nations -
  // Britain, A, B, C, D -").
  std::optional<MentionList> Cataphor(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                      const std::vector<MentionList>& lists, const DocumentMemory& memory, size_t end,
                                      int n, const std::vector<std::string>* types, const std::vector<int>& with,
                                      int* from) const;
  // The first sentence is a headline: the text's first line, ending without
  // a full stop, with at least two words.
  bool IsHeadline(std::string_view text, const std::vector<Token>& tokens, const Sentence& s) const;
  // "The agreement was signed in Riyadh": a symmetric cue noun after a
  // definite determiner that bound no party, in a clause that names none,
  // stands for the relation of its predicate named nearest before it in the
  // document, when that is one set of parties (rules version 16).
  Binding DefiniteRelation(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                           const DocumentMemory& memory, int* from_sentence) const;
  // A list of names joined by commas alone may run across a clause end ("If
  // Russia hacks Germany, NATO would respond"): one list per clause.
  void SplitAtClauses(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                      const std::vector<Mention>& mentions, SentenceView* view) const;
  // described: the evidence is a noun phrase that describes a relation the
  // sentence takes as given (rules' modality.describing); reported speech
  // outside [word_begin, word_end) does not lower it either.
  base::Modality ModalityFor(const SentenceView& v, const std::vector<ModalCue>& modal, int clause, bool head_in_scope, bool descriptive,
                             bool described, size_t word_begin, size_t word_end, std::string* reason) const;
  // "Negotiations were launched in 2005 for the accession of Croatia": the
  // token of a governing noun of the clause whose prepositional phrase holds
  // the evidence starting at `begin`, or SIZE_MAX; *prep is the preposition
  // (rules' modality.governing_nouns, rules version 18).
  size_t GoverningNoun(const SentenceView& v, const RelationRule& rule, int clause, size_t begin, size_t* prep) const;
  // "cleared a path for Moldova's eventual membership", "a roadmap towards
  // Albania's accession": the token of a path noun right before an enabling
  // preposition whose phrase holds the evidence starting at `begin`, or
  // SIZE_MAX; "Serbia's eventual membership": the token of a prospective
  // modifier right before the cue (rules version 19).
  size_t EnablingPath(const SentenceView& v, const RelationRule& rule, int clause, size_t begin) const;
  // The governed phrase's start: back from the evidence over determiners, a
  // name's possessive and one modifier to a preposition of `preps`; the
  // preposition's token, or SIZE_MAX.
  size_t PhrasePreposition(const SentenceView& v, size_t begin, const std::unordered_set<std::string>& preps) const;
  bool Governed(const RelationRule& rule) const;
  // "Japan signed a pact with Australia. Talks on a similar agreement are
  // ongoing with Canada.": a symmetric cue whose sentence names only a
  // with-list after it, with "similar", "also", "another" or "same" before
  // that list, takes the one subject of the previous sentence's claims of
  // its predicate (rules version 15; after eval15's run).
  Binding CarriedSubject(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                         const std::deque<SentenceMemory>& history) const;
  // The first token of the noun phrase a binding describes, or SIZE_MAX: "the
  // treaty signed with China" (a describing participle right after a
  // symmetric cue, a definite determiner before it), "NATO members Poland
  // and Romania", "the Quad, comprising A, B, C and D".
  // "the Russian-Israeli deconfliction agreement": a definite noun phrase
  // holding both the parties and the cue; reported speech around it does
  // not lower it (plans still do).
  bool NamedInside(const std::vector<Token>& tokens, const SentenceView& v, const RelationRule& rule, const Binding& b,
                   size_t cue_end) const;
  size_t DescribedFrom(const std::vector<Token>& tokens, const SentenceView& v, const RelationRule& rule, const Binding& b,
                       size_t cue_begin, size_t cue_end) const;
  bool TypeIn(int entity, const std::vector<std::string>& types) const;
  // A bracket cue counts only within three tokens after a group's mention.
  bool BracketAfterGroup(std::string_view text, const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                         size_t i, const RelationRule& rule) const;
  // "These partnerships, known as intelligence liaison relationships": a
  // symmetric cue that bound nothing, with "these <relation noun>" before it
  // in its clause, relates the pairs of the previous sentence's symmetric
  // claims of another predicate. Their modality comes along when it is not
  // asserted (partnerships officials reported are reported relationships).
  Binding RelationAnaphor(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                          const std::deque<SentenceMemory>& history, base::Modality* inherited) const;

  const IngestRules& rules_;
  const Gazetteer& gazetteer_;
  const ListBuilder& list_builder_;
  ClauseSegmenter clauses_;
  TimeFinder times_;
  ArgumentFinder arguments_;
  // One matcher per relation rule, so that two rules' cues may overlap
  // ("information security agreement" is shares-intel, its "agreement" pact).
  std::vector<PhraseMatcher> cues_;
  std::vector<std::vector<CueKind>> cue_kinds_;  // per rule: matcher value -> kind
  std::unordered_set<std::string> describing_;   // modality.describing, words joined by one space
  std::unordered_set<std::string> definite_determiners_, causative_;  // modality: "the", "its"; "get", "have"
  std::unordered_set<std::string> governing_nouns_, governed_prepositions_, governed_determiners_;  // "negotiations ... for the"
  std::unordered_set<std::string> enabling_paths_, enabling_prepositions_, prospective_modifiers_;  // "path ... for", "eventual"
  PhraseMatcher complement_verbs_;                      // "ensure", "make sure" (first-token filter inline)
  std::vector<uint64_t> complement_clause_verbs_;        // token hashes of "joins", "join"
  // Per relation rule: its time_place_nouns ("airstrikes") and the time words
  // that may follow them before a place preposition.
  std::vector<PhraseMatcher> time_place_nouns_;
  std::vector<std::unordered_set<std::string>> time_place_words_;
  std::unordered_set<std::string> carry_words_;  // mentions.anaphora: "similar", "also" (a sentence going on)
  std::unordered_set<std::string> cataphora_markers_;  // mentions.anaphora: ":", "namely", "are"
  std::unordered_set<std::string> definite_relation_nouns_;  // mentions.anaphora: "agreement" in "the agreement"
  std::unordered_set<std::string> group_nouns_;  // "the alliance": a group named before
  std::unordered_set<std::string> relation_determiners_, relation_nouns_;  // "these partnerships"
  PhraseMatcher numbers_;                        // "two", "three": a counted noun may start there (first-token filter)
  std::vector<uint64_t> plural_pronouns_;        // token hashes of "they", "them"
  PhraseMatcher any_cue_;                        // every rule's cues: its first-token filter skips most tokens
  PhraseMatcher modal_;                          // value: ModalKind
  std::vector<uint64_t> future_markers_;  // token hashes of "will", "to": tested on every token of a sentence with a cue
  std::vector<uint64_t> future_verbs_, future_not_after_;  // token hashes of "sign"; of "first" ("the first to")
  std::vector<uint64_t> interposed_;  // token hashes of "thursday", "today": may stand inside a modal cue
  std::vector<std::vector<std::string>> naming_words_;  // "called", "known as": a name follows
  std::vector<uint64_t> by_verbs_;  // token hashes of "formed" of the members-after cue "formed by"
  int membership_rule_ = -1;                            // the rule that members named that way are claims of
};

}  // namespace claimgraph::ingest
