// The anaphors of a sentence, resolved against its lists and the document's
// memory: "the three countries", "both sides" (the nearest list of exactly
// that many of the noun's type), "they"/"them" (the one plural list before
// it in the sentence), "the alliance" (the one group named nearest before
// it). None of them is resolved to a guess: no fitting list, nothing. Beyond
// the look-back, the headline is tried last (rules version 16): what a
// headline names is what the body goes on to call "the two countries".
#include "engine/ingest/extractor.h"

#include <algorithm>
#include <set>

namespace claimgraph::ingest {

void RelationExtractor::ResolveAnaphors(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                        const DocumentMemory& memory, std::vector<MentionList>* lists) const {
  const AnaphoraRules& ana = rules_.mentions.anaphora;
  const size_t lookback = static_cast<size_t>(std::max(0, ana.lookback_sentences));
  // The sentences an anaphor may reach back to, nearest first: the look-back,
  // then the headline when it is further back than that.
  // Filled when the first anaphor needs it: most sentences have none.
  std::vector<const SentenceMemory*> history;
  bool reached = false;
  auto reach = [&]() -> const std::vector<const SentenceMemory*>& {
    if (reached) return history;
    reached = true;
    for (size_t h = 0; h < memory.sentences.size() && h < lookback; ++h) history.push_back(&memory.sentences[h]);
    if (memory.has_headline && (history.empty() || history.back()->index > 0) &&
        memory.seen <= std::max(0, ana.headline_reach_sentences))
      history.push_back(&memory.headline);
    return history;
  };
  std::vector<MentionList> anaphors;
  std::vector<size_t> numbers;  // where a counted noun may start ("two", "four"): read after the anaphors
  for (size_t i = s.token_begin; i < s.token_end; ++i) {
    if (numbers_.MayStartWith(tokens[i])) numbers.push_back(i);
    if (!list_builder_.MayStartAnaphor(tokens[i])) continue;
    size_t len = 0;
    std::string noun;
    int n = list_builder_.AnaphorSize(tokens, i, s.token_end, &len, &noun);
    if (n == 0) continue;
    auto types = ana.noun_types.find(noun);
    auto fits = [&](int e) {
      if (types != ana.noun_types.end()) return TypeIn(e, types->second);
      return gazetteer_.entities()[e].type != "group";
    };
    auto count = [&](const MentionList& l) { return std::count_if(l.entities.begin(), l.entities.end(), fits); };
    // The nearest preceding list of exactly n entities of the right type;
    // none: the anaphor stands for nothing (a wrong set is worse than none).
    const MentionList* found = nullptr;
    int from = -1;  // the sentence the set comes from; -1: this one
    for (auto it = lists->rbegin(); it != lists->rend() && !found; ++it)
      if (it->token_end <= i && !it->adversary && count(*it) == n) found = &*it;
    for (auto it = anaphors.rbegin(); it != anaphors.rend() && !found; ++it)
      if (count(*it) == n) found = &*it, from = it->from_sentence;
    // In an earlier sentence, a list whose entities were parties of its
    // claims beats a nearer one of onlookers: "Japan and Australia signed a
    // pact amid concerns over China and North Korea. The two countries ..."
    // is Japan and Australia (rules version 10).
    // Two such lists in that sentence and neither the parties of its claims
    // ("Japan and Australia met while China and Russia held drills. The two
    // countries signed a pact."): which is meant is unclear, so nothing, and
    // no sentence further back is tried (rules version 15).
    bool ambiguous = false;
    if (!found) reach();
    for (size_t h = 0; h < history.size() && !found && !ambiguous; ++h) {
      auto party = [&](int e) {
        for (const auto& r : history[h]->related)
          if (r.x == e || r.y == e) return true;
        return false;
      };
      const MentionList* nearest = nullptr;
      int candidates = 0;  // lists naming different sets ("U.S.-China relations ... U.S.-China Week" is one)
      for (auto it = history[h]->lists.rbegin(); it != history[h]->lists.rend() && !found; ++it) {
        if (it->adversary || count(*it) != n) continue;
        if (!nearest) nearest = &*it;
        if (std::set<int>(it->entities.begin(), it->entities.end()) !=
            std::set<int>(nearest->entities.begin(), nearest->entities.end()))
          ++candidates;
        else if (candidates == 0)
          candidates = 1;
        bool all_parties = true;
        for (int e : it->entities) all_parties = all_parties && (!fits(e) || party(e));
        if (all_parties && !history[h]->related.empty()) found = &*it;
      }
      if (!found && candidates > 1) ambiguous = true;
      else if (!found) found = nearest;
      if (found) from = history[h]->index;
    }
    // No list: "South Korea has decided to prolong its deal with Japan. The
    // two countries signed the pact in 2016." The parties of the nearest
    // earlier sentence's symmetric claims, when they are exactly n of the
    // noun's type, are the set the anaphor counts.
    MentionList parties;
    for (size_t h = 0; h < history.size() && !found && !ambiguous; ++h) {
      parties.entities.clear();
      for (const auto& r : history[h]->related)
        for (int e : {r.x, r.y})
          if (std::find(parties.entities.begin(), parties.entities.end(), e) == parties.entities.end())
            parties.entities.push_back(e);
      if (parties.entities.empty()) continue;
      if (count(parties) == n && static_cast<int>(parties.entities.size()) == n) found = &parties, from = history[h]->index;
      break;  // the nearest sentence that related anything decides
    }
    // Nothing before: "the five nations - A, B, C, D and E -" may name its
    // set after it (rules version 18).
    std::optional<MentionList> after;
    if (!found && !ambiguous)
      after = Cataphor(text, tokens, s, *lists, memory, i + len, n,
                       types != ana.noun_types.end() ? &types->second : nullptr, {}, &from);
    if (after) found = &*after;
    if (found) {
      MentionList a;
      a.token_begin = i;
      a.token_end = i + len;
      for (int e : found->entities)
        if (fits(e)) a.entities.push_back(e);
      a.anaphor = true;
      a.from_sentence = from;
      list_builder_.MarkContext(text, tokens, s, &a);
      anaphors.push_back(std::move(a));
    }
    i += len - 1;
  }
  // "with four key security partners": a counted noun without a determiner
  // introduces its set; it stands for the set the text names right after it,
  // else for nothing (rules version 18).
  for (size_t at = 0; at < numbers.size(); ++at) {
    const size_t i = numbers[at];
    if (!ana.numbers.count(tokens[i].norm)) continue;
    if (i > s.token_begin && std::find(ana.determiners.begin(), ana.determiners.end(), tokens[i - 1].norm) != ana.determiners.end())
      continue;  // "the four partners": read above
    size_t len = 0;
    std::string noun;
    const int n = list_builder_.CountedNounSize(tokens, i, s.token_end, &len, &noun);
    if (n == 0) continue;
    auto types = ana.noun_types.find(noun);
    // "Britain and four key security partners": the list coordinated before it.
    std::vector<int> with;
    size_t with_begin = i;
    if (i > s.token_begin + 1 && tokens[i - 1].norm == "and")
      for (const auto& l : *lists)
        if (l.token_end == i - 1 && !l.anaphor) with = l.entities, with_begin = l.token_begin;
    int from = -1;
    std::optional<MentionList> after = Cataphor(text, tokens, s, *lists, memory, i + len, n,
                                                types != ana.noun_types.end() ? &types->second : nullptr, with, &from);
    if (after && !with.empty()) {
      // One coordination: "Britain and four key security partners" is the
      // five, as "Britain and the United States" is the two.
      after->entities.insert(after->entities.begin(), with.begin(), with.end());
      lists->erase(std::remove_if(lists->begin(), lists->end(),
                                  [&](const MentionList& l) { return l.token_begin == with_begin && !l.anaphor; }),
                   lists->end());
    }
    if (after) {
      after->token_begin = with.empty() ? i : with_begin;
      after->token_end = i + len;
      after->anaphor = true;
      after->from_sentence = from;
      after->after_with = false;
      list_builder_.MarkContext(text, tokens, s, &*after);
      anaphors.push_back(std::move(*after));
    }
  }
  // "they", "them": the one list of two or more (no group) before it in the sentence.
  for (size_t i = s.token_begin; i < s.token_end && !plural_pronouns_.empty(); ++i) {
    if (std::find(plural_pronouns_.begin(), plural_pronouns_.end(), tokens[i].hash) == plural_pronouns_.end()) continue;
    const MentionList* found = nullptr;
    int candidates = 0;
    auto plural = [&](const MentionList& l) {
      return !l.adversary && l.token_end <= i &&
             std::count_if(l.entities.begin(), l.entities.end(),
                           [&](int e) { return gazetteer_.entities()[e].type != "group"; }) >= 2;
    };
    for (const auto& l : *lists)
      if (plural(l)) ++candidates, found = &l;
    for (const auto& l : anaphors)
      if (plural(l)) ++candidates, found = &l;
    if (candidates != 1) continue;
    MentionList a;
    a.token_begin = i;
    a.token_end = i + 1;
    for (int e : found->entities)
      if (gazetteer_.entities()[e].type != "group") a.entities.push_back(e);
    a.anaphor = true;
    a.from_sentence = found->from_sentence;
    list_builder_.MarkContext(text, tokens, s, &a);
    anaphors.push_back(std::move(a));
  }
  // "the alliance", "the bloc": the one group named nearest before it.
  static const uint64_t kThe = TokenHash("the");
  for (size_t i = s.token_begin; i + 1 < s.token_end; ++i) {
    if (tokens[i].hash != kThe || tokens[i].norm != "the" || !group_nouns_.count(tokens[i + 1].norm)) continue;
    // "the alliance of democracies", "the Union Jack": a name or its own
    // complement follows, not a reference back. A month is no name ("joined
    // the alliance April 1").
    if (i + 2 < s.token_end &&
        (tokens[i + 2].norm == "of" || (tokens[i + 2].is_word && text[tokens[i + 2].begin] >= 'A' &&
                                        text[tokens[i + 2].begin] <= 'Z' && !rules_.time.months.count(tokens[i + 2].norm))))
      continue;
    bool inside = false;  // part of a list already ("the Union" of a name)
    for (const auto& l : *lists) inside |= l.token_begin <= i + 1 && i + 1 < l.token_end;
    if (inside) continue;
    std::set<int> groups;
    int from = -1;
    for (const auto& l : *lists)
      if (l.token_end <= i)
        for (int e : l.entities)
          if (gazetteer_.entities()[e].type == "group") groups.insert(e);
    if (groups.empty()) reach();
    for (size_t h = 0; h < history.size() && groups.empty(); ++h) {
      groups.insert(history[h]->groups.begin(), history[h]->groups.end());
      from = history[h]->index;
    }
    if (groups.size() != 1) continue;  // none, or which one is meant is unclear
    MentionList a;
    a.token_begin = i;
    a.token_end = i + 2;
    a.entities.push_back(*groups.begin());
    a.anaphor = true;
    a.from_sentence = from;
    list_builder_.MarkContext(text, tokens, s, &a);
    anaphors.push_back(std::move(a));
    ++i;
  }
  lists->insert(lists->end(), anaphors.begin(), anaphors.end());
  std::sort(lists->begin(), lists->end(),
            [](const MentionList& a, const MentionList& b) { return a.token_begin < b.token_begin; });
}

std::optional<MentionList> RelationExtractor::Cataphor(std::string_view text, const std::vector<Token>& tokens,
                                                      const Sentence& s, const std::vector<MentionList>& lists,
                                                      const DocumentMemory& memory, size_t end, int n,
                                                      const std::vector<std::string>* types, const std::vector<int>& with,
                                                      int* from) const {
  auto fits = [&](int e) { return types ? TypeIn(e, *types) : gazetteer_.entities()[e].type != "group"; };
  auto named_with = [&](int e) { return std::find(with.begin(), with.end(), e) != with.end(); };
  // Exactly n that fit; or all of `with` and n more, which are the set.
  auto exactly = [&](const MentionList& l) -> std::optional<MentionList> {
    if (l.adversary || l.anaphor || !std::all_of(l.entities.begin(), l.entities.end(), fits)) return std::nullopt;
    if (static_cast<int>(l.entities.size()) == n) return l;
    const auto again = std::count_if(l.entities.begin(), l.entities.end(), named_with);
    if (with.empty() || again != static_cast<long>(with.size()) || static_cast<int>(l.entities.size() - again) != n)
      return std::nullopt;
    MentionList rest = l;
    rest.entities.erase(std::remove_if(rest.entities.begin(), rest.entities.end(), named_with), rest.entities.end());
    return rest;
  };
  auto marker = [&](size_t k) {
    const Token& t = tokens[k];
    if (t.norm == "-") return t.space_before || IsEmDash(text, t);  // "US-China" is no marker
    return cataphora_markers_.count(t.norm) > 0;
  };
  // The list right after the marker, past an article: exactly n that fit, or nothing.
  auto list_after = [&](const std::vector<MentionList>& in, size_t k) -> std::optional<MentionList> {
    size_t first = k + 1;
    if (first < tokens.size() && tokens[first].norm == "the") ++first;
    for (const auto& l : in)
      if (l.token_begin == first) return exactly(l);
    return std::nullopt;
  };
  // In its sentence: a marker a few words on ("three African states on
  // Monday: A, B and C"), no name before it.
  constexpr size_t kMarkerReach = 4;
  for (size_t k = end; k < s.token_end && k < end + kMarkerReach; ++k) {
    for (const auto& l : lists)
      if (l.token_begin <= k && k < l.token_end) return std::nullopt;
    if (!marker(k)) continue;
    *from = -1;
    return list_after(lists, k);
  }
  // The next sentence: a marker after an opening that names nothing ("The
  // five nations - A, B, ... -", "The two are A and B"). "A and B protested"
  // names its own subject, not the set counted before.
  if (!memory.next || !memory.next_mentions) return std::nullopt;
  const Sentence& t = *memory.next;
  constexpr size_t kOpeningWords = 4;  // "These two close partners"
  for (size_t k = t.token_begin; k < t.token_end && k <= t.token_begin + kOpeningWords; ++k) {
    for (const auto& m : *memory.next_mentions)
      if (m.token_begin <= k && k < m.token_end) return std::nullopt;
    if (!marker(k)) continue;
    *from = memory.seen + 1;
    return list_after(list_builder_.Build(text, tokens, t, *memory.next_mentions), k);
  }
  return std::nullopt;
}

}  // namespace claimgraph::ingest
