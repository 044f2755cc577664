#include "engine/ingest/mentions.h"

#include <algorithm>

namespace claimgraph::ingest {

ListBuilder::ListBuilder(const MentionRules& rules) : rules_(rules) {
  for (const auto& s : rules_.list_separators) separators_.Add(s, 0);
  for (const auto& a : rules_.adversary_markers) adversary_.Add(a, 0);
  for (const auto& t : rules_.list_titles) titles_.Add(t, 0);
  for (const auto& d : rules_.anaphora.determiners) {
    determiner_hashes_.push_back(TokenHash(NormalizedPhrase(d).front()));
    determiners_.Add(d, 0);
  }
}

int ListBuilder::AnaphorSize(const std::vector<Token>& tokens, size_t i, size_t end, size_t* length,
                             std::string* noun) const {
  const auto& a = rules_.anaphora;
  if (i >= end ||
      std::find(determiner_hashes_.begin(), determiner_hashes_.end(), tokens[i].hash) == determiner_hashes_.end() ||
      std::find(a.determiners.begin(), a.determiners.end(), tokens[i].norm) == a.determiners.end())
    return 0;
  if (i + 1 < end && a.numbers.count(tokens[i + 1].norm)) {
    int n = CountedNounSize(tokens, i + 1, end, length, noun);
    if (n) ++*length;
    return n;
  }
  if (tokens[i].norm != "both") return 0;
  return NounAfter(tokens, i, i + 1, end, 2, length, noun);
}

int ListBuilder::CountedNounSize(const std::vector<Token>& tokens, size_t i, size_t end, size_t* length,
                                 std::string* noun) const {
  auto it = i < end ? rules_.anaphora.numbers.find(tokens[i].norm) : rules_.anaphora.numbers.end();
  if (it == rules_.anaphora.numbers.end()) return 0;
  return NounAfter(tokens, i, i + 1, end, it->second, length, noun);
}

int ListBuilder::NounAfter(const std::vector<Token>& tokens, size_t i, size_t j, size_t end, int n, size_t* length,
                           std::string* noun) const {
  const auto& a = rules_.anaphora;
  if (j >= end) return 0;
  auto is_noun = [&](size_t k) { return std::find(a.nouns.begin(), a.nouns.end(), tokens[k].norm) != a.nouns.end(); };
  // One or two adjectives may come first: "the two Balkan states", "the two
  // Central European states".
  for (size_t k = j; k < j + 2 && k + 1 < end && !is_noun(j) && tokens[k].is_word; ++k)
    if (is_noun(k + 1)) j = k + 1;
  if (!is_noun(j)) return 0;
  *length = j + 1 - i;
  if (noun) *noun = tokens[j].norm;
  return n;
}

size_t ListBuilder::SkipOfficial(std::string_view text, const std::vector<Token>& tokens, size_t i,
                                 size_t end) const {
  size_t j = i;
  if (j + 1 < end && tokens[j].norm == "'" && tokens[j + 1].norm == "s") j += 2;  // "India's Prime Minister"
  auto title = titles_.LongestAt(tokens, j, end, text);
  if (!title.length) return i;
  j += title.length;
  // The official's name: up to four capitalized words ("Fumio Kishida",
  // "Mark Rutte"), none of them a separator.
  auto capitalized = [&](const Token& t) {
    return t.is_word && t.begin < text.size() && text[t.begin] >= 'A' && text[t.begin] <= 'Z';
  };
  auto particle = [&](const Token& t) {
    return std::find(rules_.name_particles.begin(), rules_.name_particles.end(), t.norm) != rules_.name_particles.end();
  };
  for (int n = 0; n < 4 && j < end && capitalized(tokens[j]); ++n) {
    ++j;
    // "da Silva", "von der Leyen": particles count only before a capitalized word.
    size_t p = j;
    while (p < end && p < j + 2 && !capitalized(tokens[p]) && particle(tokens[p])) ++p;
    if (p > j && p < end && capitalized(tokens[p])) j = p;
  }
  return j;
}

std::vector<MentionList> ListBuilder::Build(std::string_view text, const std::vector<Token>& tokens,
                                            const Sentence& s, const std::vector<Mention>& mentions) const {
  std::vector<MentionList> lists;
  auto skip_the = [&](size_t i, size_t end) {
    while (i < end && (tokens[i].norm == "the" || tokens[i].norm == "\"")) ++i;
    return i;
  };
  // How mention a (ending at a_end) joins a mention starting at b_begin:
  // 0 = not at all, 1 = coordinated, 2 = compound.
  auto join = [&](size_t a_end, size_t b_begin) -> int {
    if (b_begin == a_end + 1 && (tokens[a_end].norm == "-" || tokens[a_end].norm == "/") &&
        !tokens[a_end].space_before && !tokens[b_begin].space_before && !IsEmDash(text, tokens[a_end]))
      return 2;
    size_t i = a_end;
    // "the U.S. government and the U.K. government": the first member's
    // "government" is its head, not the list's end.
    while (i < b_begin && tokens[i].is_word &&
           std::find(rules_.list_heads.begin(), rules_.list_heads.end(), tokens[i].norm) != rules_.list_heads.end())
      ++i;
    i = SkipOfficial(text, tokens, i, b_begin);
    int separators = 0;
    while (i < b_begin) {
      i = skip_the(i, b_begin);
      if (i == b_begin) break;
      auto m = separators_.LongestAt(tokens, i, b_begin, text);
      if (!m.length) return 0;
      i += m.length;
      ++separators;
    }
    return separators >= 1 && separators <= 2 ? 1 : 0;
  };
  // Whether the separators before a mention hold the final conjunction
  // ("and", "&", "or"): the list ends with that mention.
  auto conjunction = [&](size_t a_end, size_t b_begin) {
    for (size_t i = a_end; i < b_begin; ++i)
      if (tokens[i].norm == "and" || tokens[i].norm == "&" || tokens[i].norm == "or") return true;
    return false;
  };
  bool closed = false;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const Mention& m = mentions[k];
    int how = k > 0 ? join(mentions[k - 1].token_end, m.token_begin) : 0;
    if (how == 1 && closed) how = 0;  // "China and Russia, Japan and India": two lists
    if (how == 0) closed = false;
    if (how == 1 && conjunction(mentions[k - 1].token_end, m.token_begin)) closed = true;
    if (how != 0 && !lists.empty()) {
      MentionList& cur = lists.back();
      bool cur_kind_set = cur.entities.size() >= 2;
      if (!cur_kind_set || cur.compound == (how == 2)) {
        cur.compound = how == 2;
        cur.token_end = m.token_end;
        if (std::find(cur.entities.begin(), cur.entities.end(), m.entity) == cur.entities.end())
          cur.entities.push_back(m.entity);
        continue;
      }
      if (how == 2) {
        // "AUKUS, US-Japan": the previous mention leaves the coordinated list
        // to start the compound.
        const Mention& prev = mentions[k - 1];
        cur.entities.erase(std::remove(cur.entities.begin(), cur.entities.end(), prev.entity), cur.entities.end());
        cur.token_end = mentions[k - 2].token_end;
        MentionList compound;
        compound.token_begin = prev.token_begin;
        compound.token_end = m.token_end;
        compound.entities = {prev.entity};
        if (m.entity != prev.entity) compound.entities.push_back(m.entity);
        compound.compound = true;
        lists.push_back(std::move(compound));
        continue;
      }
    }
    MentionList list;
    list.token_begin = m.token_begin;
    list.token_end = m.token_end;
    list.entities = {m.entity};
    lists.push_back(std::move(list));
  }
  for (auto& list : lists) MarkContext(text, tokens, s, &list);
  return lists;
}

void ListBuilder::MarkContext(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                              MentionList* list) const {
  size_t i = list->token_begin;
  while (i > s.token_begin && (tokens[i - 1].norm == "the" || tokens[i - 1].norm == "\"" || tokens[i - 1].norm == "-"))
    --i;
  if (i > s.token_begin && tokens[i - 1].norm == "with") list->after_with = true;
  for (size_t back = 1; back <= 4 && back <= i - s.token_begin; ++back) {
    auto m = adversary_.LongestAt(tokens, i - back, i, text);
    if (m.length == back) { list->adversary = true; break; }
  }
}

}  // namespace claimgraph::ingest
