// The ingestion rules file (examples/ingest/rules.json): every lexicon and
// threshold the pipeline uses, so that users extend it without recompiling.
// The file's format is described in docs/ingest.md; unknown predicates or a
// malformed entry are rejected with the entry's path ("relations[2].cues").
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
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
  int lookback_sentences = 3;
};

struct MentionRules {
  std::vector<std::string> blockers;          // names that contain an entity's name but are not it
  std::vector<std::string> list_separators;   // , and & /
  std::vector<std::string> adversary_markers; // "with an eye on China" is no partner
  AnaphoraRules anaphora;
};

struct ModalityRules {
  std::vector<std::string> proposed, denied, reported;
  int window_before = 6;
  int window_after = 3;
};

enum class RelationShape { kSymmetric, kDirected, kMembership };

struct RelationRule {
  std::string predicate;
  RelationShape shape = RelationShape::kSymmetric;
  std::vector<std::string> cues;                 // symmetric and directed
  std::vector<std::string> cues_members_after;   // membership: "group of" L
  std::vector<std::string> cues_members_before;  // membership: L "as members"
  std::vector<std::string> participant_types, subject_types, object_types, member_types, group_types;
  std::vector<std::string> object_prepositions;
  int max_distance = 15;  // words between a cue and the list it binds
  int subject_window = 4, object_window = 8;
  int group_lookback_sentences = 2;
  double confidence = 0.6;
};

struct ConfidenceRules {
  double adjacent_bonus = 0.15, anaphora_penalty = 0.1, lookback_penalty = 0.1;
  double min = 0.05, max = 0.95;
};

struct IngestRules {
  std::string version;  // claims get method "rules:<version>"
  BoilerplateRules boilerplate;
  SentenceRules sentences;
  MentionRules mentions;
  ModalityRules modality;
  std::vector<RelationRule> relations;
  ConfidenceRules confidence;
};

Result<IngestRules> ParseIngestRules(std::string_view json_text);

}  // namespace claimgraph::ingest
