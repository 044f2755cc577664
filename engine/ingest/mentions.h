// Entity mentions from the gazetteer, coordinated lists of them, and the
// anaphora "the two governments".
//
// Mentions: every name, alias, demonym and metonym of the schema's entities,
// longest match first ("U.S. Department of Defense" is the agency, not the
// country); blockers from the rules ("South China Sea") hide the names inside
// them. Lists: mentions joined only by separators ("the United States, India,
// Japan and Australia") or by hyphens without spaces ("US-Japan-UK", a
// compound); a list never mixes the two.
#pragma once

#include <string>
#include <string_view>
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
};

struct MentionList {
  size_t token_begin = 0, token_end = 0;
  std::vector<int> entities;  // distinct, in text order
  bool compound = false;      // "US-Japan"
  bool anaphor = false;       // "the two governments", resolved
  bool after_with = false;    // "... with L": counterparts of a subject
  bool adversary = false;     // "with an eye on L", "against L"
};

struct GazetteerEntity {
  std::string name, type;
};

class Gazetteer {
 public:
  Gazetteer(const std::vector<io::GazetteerEntry>& entries, const MentionRules& rules);
  const std::vector<GazetteerEntity>& entities() const { return entities_; }
  std::vector<Mention> Find(std::string_view text, const std::vector<Token>& tokens, const Sentence& s) const;

 private:
  std::vector<GazetteerEntity> entities_;
  std::vector<MentionKind> kinds_;  // parallel to matcher values (value = index here)
  std::vector<int> value_entity_;   // -1 for blockers
  PhraseMatcher matcher_;
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
  // False when no anaphor starts with this token (most): one bit test.
  bool MayStartAnaphor(const Token& t) const { return determiners_.MayStartWith(t); }
  // Marks what precedes a list (after "with", after an adversary marker);
  // Build does it for the lists it makes, the extractor for resolved anaphors.
  void MarkContext(std::string_view text, const std::vector<Token>& tokens, const Sentence& s, MentionList* list) const;

 private:
  MentionRules rules_;
  PhraseMatcher separators_, adversary_, determiners_;
  std::vector<uint64_t> determiner_hashes_;  // AnaphorSize runs on every token: integers first
};

}  // namespace claimgraph::ingest
