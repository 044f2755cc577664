// A negotiation noun that governs a relation through its prepositional
// phrase: "Negotiations were launched on 3 October 2005 for the accession of
// Croatia and Turkey". The relation is under negotiation however many words
// stand between; a window of words would have to be wide enough to reach it
// and would then let unrelated earlier words govern too, so the phrase is
// read instead (rules version 18, after eval17's one hard-rule violation).
#include <algorithm>

#include "engine/ingest/extractor.h"

namespace claimgraph::ingest {

bool RelationExtractor::Governed(const RelationRule& rule) const {
  return std::find(rules_.modality.governed_predicates.begin(), rules_.modality.governed_predicates.end(),
                   rule.predicate) != rules_.modality.governed_predicates.end();
}

size_t RelationExtractor::PhrasePreposition(const SentenceView& v, size_t begin,
                                            const std::unordered_set<std::string>& preps) const {
  const auto& tokens = *v.tokens;
  const auto& mentions = *v.mentions;
  const size_t sb = v.sentence.token_begin;
  auto lower_word = [&](size_t i) {
    return tokens[i].is_word && v.text[tokens[i].begin] >= 'a' && v.text[tokens[i].begin] <= 'z';
  };
  // Back from the evidence over what may stand inside the phrase before it:
  // determiners, a name's possessive ("on Montenegro's membership"), one
  // modifier ("for the eventual accession of").
  size_t p = begin;
  bool modifier = false;
  while (p > sb && !preps.count(tokens[p - 1].norm)) {
    const Token& t = tokens[p - 1];
    if (governed_determiners_.count(t.norm)) {
      --p;
      continue;
    }
    if (t.norm == "s" && p >= sb + 3 && tokens[p - 2].norm == "'") {
      auto owner = std::find_if(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.token_end == p - 2; });
      if (owner == mentions.end()) return SIZE_MAX;
      p = owner->token_begin;
      continue;
    }
    if (!modifier && lower_word(p - 1)) {
      modifier = true;
      --p;
      continue;
    }
    return SIZE_MAX;
  }
  return p == sb ? SIZE_MAX : p - 1;
}

size_t RelationExtractor::GoverningNoun(const SentenceView& v, const RelationRule& rule, int clause, size_t begin,
                                        size_t* prep) const {
  if (governing_nouns_.empty() || !Governed(rule)) return SIZE_MAX;
  const auto& tokens = *v.tokens;
  const auto& mentions = *v.mentions;
  const size_t sb = v.sentence.token_begin;
  auto name_starting_at = [&](size_t i) {
    return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.token_begin == i; });
  };
  const size_t at = PhrasePreposition(v, begin, governed_prepositions_);
  if (at == SIZE_MAX || v.ClauseOf(at) != clause) return SIZE_MAX;
  *prep = at;
  // Back from the preposition to the noun, in the clause. A determiner that
  // opens another noun phrase ("talks ended with an agreement for the
  // accession of") gives the phrase to that noun; one before a name ("talks
  // with the EU") does not.
  for (size_t i = *prep; i-- > sb;) {
    if (v.ClauseOf(i) != clause) continue;
    if (governing_nouns_.count(tokens[i].norm)) return i;
    if (governed_determiners_.count(tokens[i].norm) && !name_starting_at(i + 1)) return SIZE_MAX;
  }
  return SIZE_MAX;
}

// "EU foreign ministers cleared a path for Bosnia's eventual membership in
// the EU" (eval18, stored as asserted): what a path, a way or a door is
// opened to is still to come. Read from the phrase, as a governing noun's:
// the path noun right before the preposition whose phrase holds the
// evidence, so that a path word of another clause or phrase changes nothing
// ("Finland, which joined NATO in 2023, cleared the way for talks"). And the
// cue's own modifier: "Serbia's eventual membership", "a possible pact"
// (rules version 19).
size_t RelationExtractor::EnablingPath(const SentenceView& v, const RelationRule& rule, int clause, size_t begin) const {
  if (!Governed(rule)) return SIZE_MAX;
  const auto& tokens = *v.tokens;
  const size_t sb = v.sentence.token_begin;
  if (begin > sb && prospective_modifiers_.count(tokens[begin - 1].norm)) return begin - 1;
  if (enabling_paths_.empty()) return SIZE_MAX;
  const size_t at = PhrasePreposition(v, begin, enabling_prepositions_);
  if (at == SIZE_MAX || at == sb || v.ClauseOf(at) != clause) return SIZE_MAX;
  return enabling_paths_.count(tokens[at - 1].norm) ? at - 1 : SIZE_MAX;
}

}  // namespace claimgraph::ingest
