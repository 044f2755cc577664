// The ingestion rules file (examples/ingest/rules.json): every lexicon and
// threshold the pipeline uses, so that users extend it without recompiling.
// The file's format is described in docs/ingest.md. A key the format does not
// know, an unknown predicate, pattern or time role, or a malformed entry is
// refused with the entry's JSON path ("relations[2].cuez: unknown key (did you
// mean \"cues\"?)"); "comment" is allowed in every object.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"

namespace claimgraph::ingest {

struct BoilerplateRules {
  std::vector<std::string> cues;            // words that mark consent banners, paywalls, navigation
  std::vector<std::string> call_to_action;  // a whole short line equal to one of these is boilerplate
  double cue_density = 0.08;                // cues per word above which a block is boilerplate...
  int min_cues = 2;                         // ...if it has at least this many cues
  double tail_ratio = 0.6;                  // drop the rest once this share of its words is boilerplate
  int link_list_min_lines = 8;              // a run of this many short lines is a link list
  int link_list_max_words = 16;
  double link_list_nonsentence_ratio = 0.7;  // share of a link list's lines that are not sentences
};

struct SentenceRules {
  std::vector<std::string> abbreviations;  // "Adm.", "U.S.": a period after these ends no sentence
  std::vector<std::string> bullets;        // a line starting with one is a sentence of its own
  // Longer "sentences" (a list of thousands of names, a document without
  // punctuation) are cut into pieces of this many tokens, which bounds the
  // per-sentence work: the relation rules compare cues with lists.
  int max_tokens = 300;
};

struct AnaphoraRules {
  std::vector<std::string> determiners;  // the, these, both
  std::unordered_map<std::string, int> numbers;  // two -> 2
  std::vector<std::string> nouns;        // governments, nations
  // The entity types a noun stands for ("countries" -> country); a noun not
  // listed stands for any type but a group.
  std::unordered_map<std::string, std::vector<std::string>> noun_types;
  // "the alliance", "the bloc": the one group named nearest before it (this
  // sentence, then the lookback sentences); two groups there: nothing.
  std::vector<std::string> group_nouns;
  // "these partnerships": the relations of the previous sentence.
  std::vector<std::string> relation_determiners, relation_nouns;
  // "they", "them": the one list of two or more (no group) named before it in
  // its sentence; two such lists, or none: nothing.
  std::vector<std::string> plural_pronouns;
  // "a similar agreement ... with Canada": words that say a sentence goes on
  // from the one before, so that it may carry that sentence's subject.
  std::vector<std::string> carry_words;
  // "the agreement", "the pact": a symmetric cue noun that, after a definite
  // determiner and with no party of its own, stands for the relation of its
  // predicate named before in the document (pattern definite-relation).
  std::vector<std::string> definite_relation_nouns;
  // "with four key security partners ... The four are A, B, C and D": a
  // counted noun whose set the text names after it (cataphora, rules version
  // 18). A list right after one of these markers stands for it: in its own
  // sentence within a few words of the noun ("three states: A, B and C",
  // "partners - A, B -"), or in the next sentence after an opening that
  // names nothing ("The five nations - A, B, ... -", "The two are A and B").
  // Exactly that many of the noun's type, else nothing.
  std::vector<std::string> cataphora_markers;
  int lookback_sentences = 3;
  // The headline stays in reach for this many sentences of the body.
  int headline_reach_sentences = 0;
};

struct MentionRules {
  std::vector<std::string> blockers;          // names that contain an entity's name but are not it
  std::vector<std::string> list_separators;   // , and & /
  // "between the U.S. government and the U.K. government": a word for a
  // state's government right after a list member does not end the list
  // (rules version 12).
  std::vector<std::string> list_heads;
  // "Japanese Prime Minister Fumio Kishida and Indian Prime Minister Narendra
  // Modi signed": an official's title and name right after a list member
  // (past a possessive) speak for that member's state and do not end the
  // list (rules version 13).
  std::vector<std::string> list_titles;
  // Lower-case words inside such a name ("Lula da Silva", "Ursula von der
  // Leyen"), skipped only between capitalized words.
  std::vector<std::string> name_particles;
  std::vector<std::string> adversary_markers; // "with an eye on China" is no partner
  // "the ceremony in Brussels", "talks at Washington": a metonym (a capital
  // standing for its state or group) right after one of these is the place.
  std::vector<std::string> place_prepositions;
  // "sanctions on Chinese firms", "Russian-speaking hackers": a demonym right
  // before one of these words (past a hyphen) names people or things of the
  // nation, not its state: no mention (rules version 10).
  std::vector<std::string> non_party_heads;
  // "the Anglo-American agreement", "Sino-Russian ties": a combining form
  // names its state only when a hyphen joins it to another name (so
  // "Indo-Pacific" and "Anglo-Saxon" name nothing); form -> the gazetteer
  // name of the state (rules version 13).
  std::unordered_map<std::string, std::string> combining_forms;
  AnaphoraRules anaphora;
};

// The light clause segmentation (engine/ingest/clauses.h).
struct ClauseRules {
  std::vector<std::string> boundaries;         // ";" "but": a new clause of the same rank starts
  std::vector<std::string> not_boundaries;     // "but also", "all but": longest match wins, no boundary
  std::vector<std::string> relative_pronouns;  // which, who: a clause about what precedes it
  std::vector<std::string> complementizers;    // that: a dependent clause whose head's modal words reach it
  std::vector<std::string> subordinators;      // while, although, because, given: a dependent clause
  std::vector<std::string> conditionals;       // if, unless: a hypothetical clause
  std::vector<std::string> closers;            // "," and a spaced dash close a relative or fronted clause
};

// Which argument slots the relation patterns read (engine/ingest/arguments.h).
struct ArgumentRules {
  std::vector<std::string> between_words;    // "an agreement between L": one slot holding every party
  std::vector<std::string> also_words;       // "..., as well as L": L continues the slot before it
  std::vector<std::string> with_words;       // "a treaty with L": the counterparts of a subject
  std::vector<std::string> with_heads;       // "working with L": a counterpart slot anywhere in the clause
  std::vector<std::string> by_words;         // "signed by L", "hacked by L"
  std::vector<std::string> possessive;       // "'s": "Japan's pact with India"
  std::vector<std::string> non_party_verbs;  // "condemned": a list before it is no party of a cue after it
  std::vector<std::string> membership_blockers;  // "ties with": between a list and "member of", no membership
  // Words that may stand between a list and "a NATO member" ("Australia, a",
  // "Turkey has been a", "Sweden is not a"): normalized single tokens.
  std::unordered_set<std::string> apposition_words;
  // "attacked its power grid": a possessive pronoun standing for the one
  // entity of the sentence, other than the subject, that it can refer to;
  // not before a reflexive word ("its own credibility" is the subject's).
  std::vector<std::string> possessive_pronouns, reflexive_words;
  // "the partnership, called AUKUS": a group named by one of these (or in
  // brackets) right after a symmetric cue has the cue's parties as members.
  std::vector<std::string> naming_words = {"called", "named", "dubbed", "known as"};
  // "The pact comes amid tensions between A and B": one of these between a
  // cue and a later "between" list starts another noun's phrase, which owns it.
  std::vector<std::string> between_barriers;
  // "the sharing of intelligence regarding the negotiations between A and B":
  // a "between" list right after one of these nouns belongs to the noun (a
  // negotiation), not to a cue before it, unless the cue's predicate is one
  // of negotiated_predicates ("a pact, after talks between A and B": the
  // pact's parties, proposed at most by the modality cues) (rules version 17).
  std::vector<std::string> between_owners = {"negotiations", "negotiation", "talks"};
  std::vector<std::string> negotiated_predicates = {"pact"};
  // "Hezbollah said it fired rockets in retaliation for Israeli airstrikes on
  // Lebanon": a directed cue's object is not looked for past one of these,
  // which starts what is answered, with its own parties (rules version 11).
  std::vector<std::string> object_barriers;
  // "alongside talks with Russia": a preposition between "alongside" and a
  // list makes the list that preposition's object, not co-members.
  std::vector<std::string> alongside_barriers;
  // "North Macedonia became NATO's 30th member", "the EU's newest member":
  // words of rank that may stand between a group (or its possessive) and a
  // group-before cue, as a numeric ordinal ("30th") may (rules version 18).
  std::vector<std::string> member_modifiers;
  int slot_gap = 3;  // words allowed between a cue and the preposition of its slot
};

struct ModalityRules {
  std::vector<std::string> proposed, denied, reported;
  std::vector<std::string> hedged;   // "reportedly", "is said to": reported, within the clause
  // "paving the way for": proposed, but only for evidence that reaches past it
  // (what is enabled), never for the relation before it that enables it.
  std::vector<std::string> enabling;
  std::vector<std::string> neutral;  // "not only": matched first so that its words are no cue
  // "in retaliation for", "in response to": what follows within a few words
  // is presupposed, a fact the sentence takes as given, so reported speech
  // around it does not lower it ("Hezbollah said it fired in retaliation for
  // an Israeli airstrike in Lebanon": the airstrike is asserted; round 8's
  // convention, read since rules version 11). Hedges and plans still count.
  std::vector<std::string> presupposing;
  // A noun phrase that describes a relation the sentence takes as given:
  // a participle right after a symmetric cue noun with a definite
  // determiner before it ("the treaty signed with China in 2001"), or a
  // members-after cue that is a participle or an apposition ("the alliance,
  // comprising A, B and C"). Its relation keeps its own modality: the speech
  // and plan words of the clause around the noun phrase ("Russia said it
  // would honour ...", "according to ...") are about something else; modal
  // words inside the noun phrase, and conditionals, still count (rules
  // version 15).
  std::vector<std::string> describing;
  // A signing or joining still to come: a future marker ("will", "shall",
  // "to") followed within future_gap words by one of future_verbs ("will
  // sign", "agreed to sign", "are set to formally join", "is to be signed")
  // is proposed, whatever introduces the "to". Not after one of
  // future_not_after or an ordinal ("the first to sign", "the 32nd country to
  // join" are facts).
  std::vector<std::string> future_markers, future_verbs, future_not_after;
  // Words that may stand between a modal cue's first word and its rest: a
  // day or "today" in "agreed Thursday to increase", "agreed on Monday to
  // expand" (a cue is still one cue with the date said inside it).
  std::vector<std::string> interposed;
  // "the treaty signed with China", "the Russian-Israeli agreement": the
  // determiners before a noun phrase that names a relation as given.
  std::vector<std::string> definite_determiners;
  // "to get the agreement signed by June": after these verbs a describing
  // participle is a plan, not a description.
  std::vector<std::string> causative;
  // "Negotiations were launched in 2005 for the accession of Croatia":
  // a governing noun (negotiations, talks, bid) of the claim's clause, before
  // it, whose prepositional phrase (governed_prepositions: "for", "on") holds
  // the evidence of a governed predicate, makes the claim proposed however
  // many words stand between, by the clause's structure rather than a wider
  // window (rules version 18). The phrase holds the evidence when only a
  // determiner, a possessive or one modifier stands between the preposition
  // and it, and no other noun phrase (one of governed_determiners not right
  // before a name) stands between the noun and the preposition to take the
  // phrase.
  std::vector<std::string> governing_nouns, governed_prepositions, governed_predicates, governed_determiners;
  // "cleared a path for Moldova's eventual membership", "a roadmap towards
  // Albania's accession": a path noun (enabling_paths) right before one of
  // enabling_prepositions whose phrase holds the evidence of a governed
  // predicate (read as the governed phrase above) opens the way to the
  // relation: proposed. "Serbia's eventual membership", "a possible pact":
  // one of prospective_modifiers right before a governed predicate's cue is
  // proposed too (rules version 19, after eval18's "cleared a path for").
  std::vector<std::string> enabling_paths, enabling_prepositions, prospective_modifiers;
  // "they will ensure Sweden joins", "want to make sure Ukraine joins": a
  // future marker followed within future_gap words by one of
  // complement_verbs, then (past "that") a name or list and one of
  // complement_clause_verbs, is a joining or signing still to come: the
  // marker governs the clause whose verb is the joining verb (rules version 19).
  std::vector<std::string> complement_verbs, complement_clause_verbs;
  int future_gap = 2;
  int window_before = 6;
  int window_after = 3;
};

// What a time expression bounds, by the word before it.
enum class TimeRole {
  kAt,      // "in 2013", "during the Cold War": from its start to its end
  kFrom,    // "since 2015": from its start, open end
  kAfter,   // "after the Cold War", "post-": from its end
  kTo,      // "until 1991": open start, to its end
  kBefore,  // "before 1945": open start, to its start
};

struct TimePeriod {
  std::vector<std::string> names;  // "the Cold War", "Cold War"
  std::string from, to;            // ISO 8601, possibly partial ("1947")
};

struct TimeRules {
  std::unordered_map<std::string, TimeRole> prepositions;  // "since" -> from (phrases allowed: "dating back to")
  std::unordered_map<std::string, int> months;             // "july" -> 7, "sept" -> 9
  std::vector<TimePeriod> periods;
  std::vector<std::string> relative;  // "this week", "last year": kept as text, no ISO bounds
  std::vector<std::string> end_cues;  // "left", "lapsed": a point in time ends the relation
  int min_year = 1800, max_year = 2099;
};

enum class RelationShape { kSymmetric, kDirected, kMembership };

struct RelationRule {
  std::string id;  // names the rule in claims' method: "<id>.<pattern>"; default the predicate
  std::string predicate;
  RelationShape shape = RelationShape::kSymmetric;
  std::vector<std::string> cues;                 // symmetric and directed
  std::vector<std::string> not_cues;             // phrases that contain a cue but are none: "deal with"
  // One optional word before some cue words: "shares signals intelligence"
  // for the cue "shares intelligence", one modifier at a time.
  std::vector<std::string> modifier_before, modifiers;
  std::vector<std::string> cues_members_after;   // membership: "group of" L
  std::vector<std::string> cues_members_before;  // membership: L "as members"
  // membership: those members-before cues that may stand without their group
  // ("Uzbekistan joined in 2001", "A and B applied for membership."): with
  // nothing after them but a time or the clause's end, the group is the last
  // one of the group_lookback_sentences before.
  std::vector<std::string> cues_without_group;
  std::vector<std::string> cues_group_before;    // membership: G "member" ("a NATO member", "NATO allies A and B")
  // membership: G "(" L ")" or G " - " L " -": the members in parentheses or
  // spaced dashes right after the group ("The Quad — A, B, C and D — met"),
  // with only bracket_heads words between ("the BRICS bloc (A, B and C)").
  std::vector<std::string> cues_members_bracket, bracket_heads;
  // "the new members - A, B and C -": a bracket right after one of these
  // words, with no group before it, names members of the group the sentence
  // names (or, failing that, the last group of the sentences before).
  std::vector<std::string> bracket_heads_without_group;
  // "the G7 leaders (the heads of state or government from Canada, France,
  // ...)": inside parentheses after a group, one of these phrases (after an
  // article) may lead in to the member list, which then ends at the closer or
  // at a comma before it (rules version 18). Phrases, not any words before
  // "from": "(and guests from A and B)" names no members.
  std::vector<std::string> bracket_lead_ins;
  // "Poland, along with other NATO members,": words that may stand between a
  // list and "G member(s)" when they end in "other" -- the text counts the
  // list among the members (rules version 11).
  std::vector<std::string> group_before_glue;
  // "Montenegro joined European Union sanctions": a group right after a
  // members-before cue and before one of these nouns modifies the noun; it
  // is no group joined (rules version 18).
  std::vector<std::string> group_modified_nouns;
  std::vector<std::string> participant_types, subject_types, object_types, member_types, group_types;
  std::vector<std::string> object_prepositions;
  // "drones targeted 16 locations in various areas in northern Syria": when no
  // object stands within object_window, the first name of any type after the
  // cue may still be its object if it is a place phrase -- one of
  // place_prepositions, past place_modifiers ("northern"), within
  // place_object_window words.
  // place_barriers: words between the cue and the place that make it an
  // adjunct's place ("during talks in Oman"), not the object's.
  std::vector<std::string> place_prepositions, place_modifiers, place_barriers;
  // "Pakistan launched airstrikes early on Monday in Afghanistan": an attack
  // noun (time_place_nouns), then a run of time words (time_place_words, a
  // month, digits; at most four tokens), then a place preposition: the noun
  // through the preposition is a cue, so the place is its object (rules
  // version 19). Only attack nouns: "talks early on Monday in Oman" is no cue.
  std::vector<std::string> time_place_nouns, time_place_words;
  // "Washington slapped Moscow with new sanctions": a cue that begins with
  // "with" (pattern "verb-with"); the object is the name right before it,
  // one of with_verbs right before the object, the subject before the verb
  // (rules version 19).
  std::vector<std::string> with_verbs;
  // "Israel's war with Hamas": cues read only with a possessive subject
  // right before them (pattern "active"); "a war with Iran would be costly"
  // names no attacker (rules version 19).
  std::vector<std::string> possessive_cues;
  std::vector<std::vector<std::string>> possessive_cue_tokens;  // normalized, filled by the parser
  // The argument patterns tried for each cue, in order; the first that binds
  // wins (names in engine/ingest/arguments.h). Empty: every pattern of the shape.
  std::vector<std::string> patterns;
  // Members of a group described by one of this rule's cues ("an
  // intelligence-sharing network which counts A, B and C as members") are
  // related pairwise. Right for shares-intel; wrong for pact: membership of an
  // alliance is not a bilateral pact.
  bool members_pairwise = false;
  // "the BND shared intelligence with the CIA": a party that is an agency the
  // gazetteer gives a state (its `state`) stands for that state too, so each
  // claim with one is also made with the state in its place (method
  // "<id>.<pattern>+state", rules version 14). An agency acts for its state
  // in sharing and in spying; membership and pacts are signed by states.
  bool agency_states = false;
  int max_distance = 15;  // words between a cue and the list it binds
  int members_before_distance = 6;  // words between a member list and "as members", "joined"
  int subject_window = 4, object_window = 8;
  int place_object_window = 0;  // 0: no place-phrase objects
  // "Moscow denied any role in the cyberattack on Estonia": a phrase right
  // before a directed cue past which its subject may be sought.
  std::vector<std::string> agent_bridges;
  std::vector<std::vector<std::string>> agent_bridge_tokens;  // normalized, filled by the parser
  // "Japan joined the United States in sanctioning North Korea": a verb
  // between a mention and the subject's list, "in" before the cue; the
  // mention is a subject too.
  std::vector<std::string> co_agent_verbs;
  // "The EU on Monday imposed a new package of sanctions on Russia": a verb
  // of the cue's clause standing at most agent_verb_gap words before the cue;
  // the subject is sought before the verb (rules version 10).
  std::vector<std::string> agent_verbs;
  std::vector<std::vector<std::string>> agent_verb_tokens;  // normalized, filled by the parser
  int agent_verb_gap = 0;
  // "the attack on Sony Pictures, which officials attributed to North
  // Korea": a phrase after the object that names the agent after it
  // (pattern "attribution"). An attribution is reported at most: the text
  // says who is blamed, not that it is so (rules version 10).
  std::vector<std::string> attribution_bridges;
  std::vector<std::vector<std::string>> attribution_bridge_tokens;  // normalized, filled by the parser
  int attribution_window = 0;  // words between the object and the bridge
  // "Officials attributed the cyberattack on Estonia to Russia": one of
  // these words at most two words before the cue; the agent after "to" or
  // "on" right after the object.
  std::vector<std::string> attribution_verbs;
  // "the armed aggression of the Russian Federation against Ukraine": the
  // mention right after "of" right after the cue is the agent when one of
  // these follows it (past at most two words: "Russian forces against")
  // with the object right after (pattern "of-agent", rules version 13),
  // whatever stands before the cue. "the invasion of Ukraine" keeps Ukraine
  // the object.
  std::vector<std::string> of_agent_prepositions;
  int group_lookback_sentences = 2;
  double confidence = 0.6;
};

struct ConfidenceRules {
  double adjacent_bonus = 0.15, anaphora_penalty = 0.1, lookback_penalty = 0.1, fallback_penalty = 0.1;
  double min = 0.05, max = 0.95;
};

struct IngestRules {
  std::string version;  // claims get method "rules:<version>/<rule id>.<pattern>:<cue>"
  BoilerplateRules boilerplate;
  SentenceRules sentences;
  MentionRules mentions;
  ClauseRules clauses;
  ArgumentRules arguments;
  ModalityRules modality;
  TimeRules time;
  std::vector<RelationRule> relations;
  ConfidenceRules confidence;
};

// Errors name the JSON path of the offending entry, without a file name (the
// caller adds it): "relations[2].cuez: unknown key".
Result<IngestRules> ParseIngestRules(std::string_view json_text);

// The argument patterns a relation of this shape may list, in their default order.
const std::vector<std::string>& PatternsOf(RelationShape shape);

}  // namespace claimgraph::ingest
