// Entity mentions from the schema's gazetteer (codec/schema/schema_file.h).
//
// Every name, alias, demonym, metonym and former name of the schema's
// entities is matched, longest first ("U.S. Department of Defense" is the
// agency, not the country), with its case rule: the schema's "case" for that
// name, else the one its spelling implies (CaseRuleForName). Blockers — the
// rules file's mentions.blockers, the schema's and its entities' — hide the
// names inside them ("South China Sea", "Georgia Tech").
//
// Two rules for names that are something else too, both reading lists of the
// schema and both conservative (they drop a mention only on positive evidence):
//
//   given name   A one-word name in the schema's given_names is no mention
//                when the next word of the sentence is capitalized, is not the
//                start of a name of the gazetteer and is not in not_surnames:
//                "Jordan Smith", "Chad Harris" (but "Jordan King Abdullah",
//                "Jordan, Israel", "Jordan and Egypt" stay).
//   common word  A one-word name in the schema's common_words, first word of
//                its sentence (after quotes or a bullet) and followed by a
//                lower-case word, is no mention unless the same document
//                names its entity elsewhere by any name not itself dropped by
//                this rule: "Turkey sandwiches are popular." alone is no
//                mention, in an article that also says "Ankara" or "Turkish"
//                it is. A following list separator ("Turkey and Greece") or
//                a word ending in "-ed" ("Turkey signed") keeps it, as it reads
//                as the subject of a sentence.
//
// The first needs the document, so Find takes all its sentences.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/ingest/phrase_matcher.h"
#include "engine/ingest/rules.h"
#include "engine/ingest/sentences.h"
#include "engine/ingest/tokenizer.h"
#include "engine/io/schema.h"

namespace claimgraph::ingest {

enum class MentionKind { kName, kAlias, kDemonym, kMetonym };

struct Mention {
  size_t token_begin = 0, token_end = 0;
  int entity = 0;  // index into Gazetteer::entities()
  MentionKind kind = MentionKind::kName;
  // The text names the entity by a former name ("USSR", "Soviet", "Burma"):
  // an index into its GazetteerEntity::former_names, else -1.
  int former = -1;
};

// An entity as ingestion knows it. References to other entities are indices
// into Gazetteer::entities(), -1 (or empty) when the schema names none.
struct GazetteerEntity {
  std::string name, type;
  bool historical = false;                   // no longer exists (Czechoslovakia; the USSR is a former name of Russia)
  int state = -1;                            // an agency's state: the FSB's is Russia
  int administered_by = -1;                  // a territory's administering state
  std::vector<int> successors, members;      // a former state's successors, a group's members
  std::vector<io::FormerName> former_names;  // as the schema lists them
};

class Gazetteer {
 public:
  Gazetteer(const io::Schema& schema, const MentionRules& rules);
  const std::vector<GazetteerEntity>& entities() const { return entities_; }

  // The mentions in each of a document's sentences (the result's k-th for
  // sentences[k]), in text order.
  std::vector<std::vector<Mention>> Find(std::string_view text, const std::vector<Token>& tokens,
                                         const std::vector<Sentence>& sentences) const;
  // One sentence as a document of its own.
  std::vector<Mention> Find(std::string_view text, const std::vector<Token>& tokens, const Sentence& s) const;

 private:
  struct Phrase {
    int entity = -1;  // -1: a blocker
    MentionKind kind = MentionKind::kName;
    int former = -1;
    bool common_word = false, given_name = false;
  };
  void AddEntity(const io::GazetteerEntry& entry);
  void Add(const std::string& phrase, Phrase what, CaseRule rule);
  bool BeforeSurname(std::string_view text, const std::vector<Token>& tokens, size_t next, size_t end) const;
  bool CommonWordReading(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                         size_t at) const;

  std::vector<GazetteerEntity> entities_;
  std::vector<Phrase> phrases_;  // matcher value -> what the phrase names
  PhraseMatcher matcher_;
  std::unordered_set<std::string> common_words_, given_names_;  // NormalizeAlias of the schema's lists
  std::unordered_set<std::string> not_surnames_;                // token norms
  std::unordered_set<std::string> place_prepositions_;          // "in": a metonym after it is the place
  std::unordered_set<std::string> non_party_heads_;             // "firms": a demonym before it is no mention
  std::unordered_set<std::string> separators_;                  // one-word list separators, token norms
  std::unordered_map<std::string, int> combining_forms_;        // "anglo" (token norm) -> United Kingdom
};

}  // namespace claimgraph::ingest
