// The membership patterns (member-of) and the choice of their group.
#include "engine/ingest/arguments.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "engine/ingest/tokenizer.h"

namespace claimgraph::ingest {
namespace {

// "a color guard composed of Belgian, Dutch, Polish and U.S. airmen": a list
// with a national adjective, right before a lower-case word, describes that
// noun's people; it names no members of a group.
bool ModifiesNoun(const SentenceView& v, const MentionList& l) {
  const auto& tokens = *v.tokens;
  if (l.token_end >= v.sentence.token_end || !tokens[l.token_end].is_word) return false;
  const unsigned char first = static_cast<unsigned char>(v.text[tokens[l.token_end].begin]);
  if (!std::islower(first)) return false;
  for (const Mention& m : *v.mentions)
    if (m.kind == MentionKind::kDemonym && m.token_begin >= l.token_begin && m.token_end <= l.token_end) return true;
  return false;
}

// "30th", "2nd": a numeric ordinal, which ranks a member as a rank word does.
bool IsOrdinal(const std::string& w) {
  return w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0])) &&
         (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th"));
}

}  // namespace

int ArgumentFinder::GroupFor(const SentenceView& v, const RelationRule& rule, int k, size_t cb, size_t ce, int members,
                             bool after_first, size_t* gb, size_t* ge) const {
  // Names, and "the bloc" / "the alliance" resolved to the one group it
  // stands for ("set to join the bloc", "the accession of X to the alliance").
  std::vector<Mention> mentions = *v.mentions;
  for (const auto& l : v.lists)
    if (l.anaphor && l.entities.size() == 1 && entities_[l.entities[0]].type == "group") {
      Mention m;
      m.token_begin = l.token_begin;
      m.token_end = l.token_end;
      m.entity = l.entities[0];
      mentions.push_back(m);
    }
  const MentionList* ml = members >= 0 ? &v.lists[members] : nullptr;
  auto eligible = [&](const Mention& m) {
    return TypeIn(m.entity, rule.group_types) && !(ml && m.token_begin >= ml->token_begin && m.token_end <= ml->token_end);
  };
  auto take = [&](const Mention& m) {
    *gb = m.token_begin;
    *ge = m.token_end;
    return m.entity;
  };
  // "member of NATO", "joined the Quad": the group after the cue, in its clause.
  // "to join neighboring Finland, which ... the alliance": a name of another
  // type first is the cue's object, and no group is.
  if (after_first) {
    const Mention* first = nullptr;
    for (const auto& m : mentions)
      if (m.token_begin >= ce && v.ClauseOf(m.token_begin) == k && (!first || m.token_begin < first->token_begin) &&
          !(ml && m.token_begin >= ml->token_begin && m.token_end <= ml->token_end))
        first = &m;
    if (first && eligible(*first)) return take(*first);
    if (first && v.Gap(ce, first->token_begin) <= 2) return -1;
  }
  // Else the nearest in the clause, then in the clause it depends on, then
  // (for members after the cue: "the Quad group of", not "joined") in the sentence.
  int head = v.clauses.info[k].head;
  for (int pass = 0; pass < (after_first ? 2 : 3); ++pass) {
    const Mention* best = nullptr;
    size_t best_d = SIZE_MAX;
    for (const auto& m : mentions) {
      if (!eligible(m)) continue;
      int mk = v.ClauseOf(m.token_begin);
      if ((pass == 0 && mk != k) || (pass == 1 && mk != head)) continue;
      size_t d = m.token_end <= cb ? v.Gap(m.token_end, cb) : v.Gap(ce, m.token_begin);
      if (d < best_d) best_d = d, best = &m;
    }
    if (best) return take(*best);
    if (pass == 0 && head < 0) pass = 1;
  }
  return -1;
}

Binding ArgumentFinder::GroupBefore(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                                    bool of_group) const {
  const auto& tokens = *v.tokens;
  const int k = v.ClauseOf(cb);
  const auto& types = rule.member_types;
  Binding b;
  b.token_begin = cb;
  b.token_end = ce;
  // The group ends right before the cue: "NATO member", "a Five Eyes ally";
  // or before a possessive: "ASEAN's members: A, B" (rules version 17); or,
  // for a cue ending in "of", it follows the cue: "The members of ASEAN are
  // A, B and C" (rules version 17). Then the members are only the list after it.
  const Mention* group = nullptr;
  std::string where = "right before the cue ";
  // "NATO's 30th member", "the EU's newest member state": an ordinal or a
  // rank word may stand between the group, or its possessive, and the cue
  // (rules version 18).
  size_t at = cb;
  while (at > v.sentence.token_begin && v.ClauseOf(at - 1) == k &&
         (IsOrdinal(tokens[at - 1].norm) || member_modifiers_.count(tokens[at - 1].norm) > 0))
    --at;
  for (const auto& m : *v.mentions)
    if (m.token_end == at && TypeIn(m.entity, rule.group_types)) group = &m;
  // A possessive is one or two tokens ("'s": "'" and "s"); at most two
  // look-ups per cue, not one per mention.
  for (size_t p = at >= 2 ? at - 2 : 0; p < at && !group; ++p)
    if (p > 0 && possessive_.LongestAt(tokens, p, at, v.text).length == at - p)
      for (const auto& m : *v.mentions)
        if (m.token_end == p && TypeIn(m.entity, rule.group_types)) group = &m;
  if (!group && of_group) {
    size_t g = ce;
    while (g < v.sentence.token_end && rules_.apposition_words.count(tokens[g].norm) > 0 && tokens[g].norm != ",") ++g;
    // "The members of the Quad are": the mention may hold the article.
    for (const auto& m : *v.mentions)
      if (m.token_begin >= ce && m.token_begin <= g && TypeIn(m.entity, rule.group_types)) group = &m;
    where = "after the cue ";
  } else if (group && group->token_end != at) {
    where = "before the possessive and the cue ";
  } else if (group && at != cb) {
    where = "before the rank and the cue ";
  }
  if (!group) return b;
  const size_t after = of_group ? group->token_end : ce;
  int members = -1;
  std::string how;
  // "NATO members Poland and Romania": the list right after the cue, or
  // after only copula, article and adjective words ("The founding NATO
  // members were the United States, Belgium, ...", "ASEAN members: A, B").
  size_t first = after;
  while (first < v.sentence.token_end && v.ClauseOf(first) == k &&
         (rules_.apposition_words.count(tokens[first].norm) > 0 || tokens[first].norm == ":"))
    ++first;
  for (size_t li = 0; li < v.lists.size() && members < 0; ++li) {
    const MentionList& l = v.lists[li];
    if ((l.token_begin == after || l.token_begin == first) && !l.adversary && !Parts(l, types).empty()) {
      members = static_cast<int>(li);
      how = l.token_begin == after ? "the list right after the group " : "the list after the group and a copula ";
      if (!of_group) how = l.token_begin == ce ? "the list right after the cue " : "the list after the cue and a copula ";
    }
  }
  if (of_group && members < 0) return b;
  // "Australia, a Five Eyes member," / "Turkey has been a NATO ally": the
  // list before it, with only copula, article and adjective words between.
  for (size_t li = v.lists.size(); li-- > 0 && members < 0;) {
    const MentionList& l = v.lists[li];
    if (l.token_end > group->token_begin) continue;
    if (l.adversary || v.slots[li].clause != k || Parts(l, types).empty()) break;
    bool only_glue = true;
    for (size_t i = l.token_end; i < group->token_begin && only_glue; ++i)
      only_glue = rules_.apposition_words.count(tokens[i].norm) > 0 || IsOrdinal(tokens[i].norm);
    // "Poland, along with other NATO members,", "Estonia and other EU member
    // states": "other" counts the list among the group's members.
    std::string between;
    for (size_t i = l.token_end; i < group->token_begin; ++i)
      if (!(i == l.token_end && tokens[i].norm == ",")) between += (between.empty() ? "" : " ") + tokens[i].norm;
    const bool other = !between.empty() && std::find(rule.group_before_glue.begin(), rule.group_before_glue.end(),
                                                     between) != rule.group_before_glue.end();
    if (only_glue || other) {
      members = static_cast<int>(li);
      how = other ? "the list before the cue and " + Quoted(between) + " " : "the list before the cue ";
    }
    break;
  }
  // "Ukraine hopes to become an EU member", "Moldova and Georgia, which hope
  // to become EU members,": "to become" / "to be" and only article and
  // adjective words before the group; the subject a few words before "to",
  // or the antecedent of the relative clause the cue is in (rules version 11).
  // What comes before "to" ("hopes", "aspiring") sets the modality.
  if (members < 0) {
    size_t i = group->token_begin;
    auto to_be = [&](size_t j) {
      return j >= v.sentence.token_begin + 2 && (tokens[j - 1].norm == "become" || tokens[j - 1].norm == "be") &&
             tokens[j - 2].norm == "to";
    };
    while (i > v.sentence.token_begin && !to_be(i) && v.ClauseOf(i - 1) == k &&
           rules_.apposition_words.count(tokens[i - 1].norm) > 0 && tokens[i - 1].norm != ",")
      --i;
    if (to_be(i) && v.ClauseOf(i - 2) == k) {
      constexpr size_t kWordsBeforeTo = 3;  // "hopes", "is expected", "are also aspiring"
      bool antecedent = false;
      const int s = Subject(v, types, k, i - 2, kWordsBeforeTo, &antecedent);
      const size_t marker = v.clauses.info[k].marker;
      // "Ukraine told Poland it hopes to become": a pronoun in between is the
      // one who becomes, and the list before it is not.
      bool pronoun = false;
      for (size_t j = s >= 0 ? v.lists[s].token_end : i; j + 2 < i && !pronoun; ++j)
        pronoun = tokens[j].norm == "it" || tokens[j].norm == "they" || tokens[j].norm == "we";
      if (s >= 0 && !pronoun && (!antecedent || v.ClauseGap(marker + 1, i - 2, k) <= kWordsBeforeTo + 1)) {
        members = s;
        how = antecedent ? "the antecedent of the relative clause before \"to " + tokens[i - 1].norm + "\" "
                         : "the list before \"to " + tokens[i - 1].norm + "\" ";
      }
    }
  }
  if (members < 0) return b;
  const MentionList& ml = v.lists[members];
  b.pattern = "group-before";
  b.descriptive = true;
  for (int m : Parts(ml, types)) b.pairs.emplace_back(m, group->entity);
  b.token_begin = std::min({cb, ml.token_begin, group->token_begin});
  b.token_end = std::max(ce, ml.token_end);
  b.subject_choice = how + Quoted(v.Text(ml.token_begin, ml.token_end));
  b.object_choice = "the group " + where + Quoted(v.Text(group->token_begin, group->token_end));
  b.anaphor = ml.anaphor;
  b.member_list = members;
  b.group = group->entity;
  return b;
}

Binding ArgumentFinder::GroupBracket(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                                     const std::vector<int>& earlier_groups) const {
  const auto& tokens = *v.tokens;
  const auto& types = rule.member_types;
  Binding b;
  b.token_begin = cb;
  b.token_end = ce;
  const bool paren = tokens[cb].norm == "(";
  // The group, with only bracket heads between it and the bracket: "the
  // BRICS bloc (", "Members of the Quad —".
  const Mention* group = nullptr;
  for (const auto& m : *v.mentions) {
    if (m.token_end > cb || !TypeIn(m.entity, rule.group_types)) continue;
    bool only_heads = true;
    for (size_t i = m.token_end; i < cb && only_heads; ++i)
      only_heads = std::find(rule.bracket_heads.begin(), rule.bracket_heads.end(), tokens[i].norm) !=
                   rule.bracket_heads.end();
    if (only_heads) group = &m;
  }
  // "the new members - A, B and C - will bring a new vigor to the alliance",
  // "three countries aspiring to gain membership - A, B and C -": no group
  // before the bracket, but a membership word right before it; the group is
  // the one the sentence names nearest the bracket, else the last one named
  // in the sentences before.
  int fallback = -1;
  std::string fallback_choice;
  if (!group && cb > v.sentence.token_begin &&
      std::find(rule.bracket_heads_without_group.begin(), rule.bracket_heads_without_group.end(), tokens[cb - 1].norm) !=
          rule.bracket_heads_without_group.end()) {
    size_t best_d = SIZE_MAX;
    for (const auto& m : *v.mentions) {
      if (!TypeIn(m.entity, rule.group_types)) continue;
      size_t d = m.token_end <= cb ? v.Gap(m.token_end, cb) : v.Gap(ce, m.token_begin);
      if (d < best_d) best_d = d, fallback = m.entity, fallback_choice = "the group the sentence names " + Quoted(v.Text(m.token_begin, m.token_end));
    }
    if (fallback < 0)
      for (int g : earlier_groups)
        if (TypeIn(g, rule.group_types)) {
          fallback = g;
          fallback_choice = "the last group of the previous sentences (" + entities_[g].name + ")";
          b.lookback = true;
          break;
        }
  }
  if (!group && fallback < 0) return b;
  // The list right inside the bracket (past an article), of two or more
  // members, closed by the bracket's closer, or for a dash by a comma or the
  // sentence's end: "The Quad — A, B, C and D — met", "..., the Quad — A, B, C and D."
  size_t first = ce;
  while (first < v.sentence.token_end && (tokens[first].norm == "the" || tokens[first].norm == "a")) ++first;
  int members = -1;
  for (size_t li = 0; li < v.lists.size(); ++li)
    if (v.lists[li].token_begin == first && !v.lists[li].adversary) members = static_cast<int>(li);
  // "the G7 leaders (the heads of state or government from Canada, ...)":
  // a lead-in phrase before the list, in parentheses after a group (rules
  // version 18).
  bool lead_in = false;
  // Rare (parentheses after a group with no list right inside), so the
  // phrases are compared word by word here rather than kept in a matcher.
  for (size_t p = 0; members < 0 && paren && group && p < rule.bracket_lead_ins.size(); ++p) {
    const std::vector<std::string> words = NormalizedPhrase(rule.bracket_lead_ins[p]);
    size_t i = first;
    bool same = true;
    for (const auto& w : words) {
      same = same && i < v.sentence.token_end && tokens[i].norm == w;
      ++i;
    }
    if (!same) continue;
    for (size_t li = 0; li < v.lists.size(); ++li)
      if (v.lists[li].token_begin == i && !v.lists[li].adversary) members = static_cast<int>(li), lead_in = true;
  }
  if (members < 0) return b;
  const MentionList& ml = v.lists[members];
  std::vector<int> parts = Parts(ml, types);
  if (parts.size() < 2 || parts.size() != ml.entities.size()) return b;
  const size_t close = ml.token_end;
  // After a lead-in the list may end at a comma before the closer ("...,
  // the United Kingdom and the United States, together with the President
  // of the European Council)": what follows is no member.
  auto closer_later = [&] {
    for (size_t i = close; i < v.sentence.token_end; ++i)
      if (tokens[i].norm == ")") return true;
    return false;
  };
  const bool closed = close == v.sentence.token_end || (lead_in && tokens[close].norm == "," && closer_later()) ||
                      (paren ? tokens[close].norm == ")"
                             : (tokens[close].norm == "-" && (tokens[close].space_before || IsEmDash(v.text, tokens[close]))) ||
                                   tokens[close].norm == "," ||
                                   tokens[close].norm == "." || tokens[close].norm == ";");
  if (!closed) return b;
  const int group_entity = group ? group->entity : fallback;
  b.pattern = "group-bracket";
  // Without a group the bracket describes a noun said before it ("three
  // countries aspiring to membership - A, B -"): what is said of that noun
  // (a proposal cue before it) counts, as for a cue with its arguments.
  b.descriptive = group != nullptr;
  for (int m : parts) b.pairs.emplace_back(m, group_entity);
  b.token_begin = group ? group->token_begin : cb - 1;
  b.token_end = std::min(v.sentence.token_end, close + (paren || tokens[close].norm == "-" ? 1 : 0));
  b.subject_choice = std::string("the list in ") + (paren ? "parentheses " : "dashes ") + (lead_in ? "after " + Quoted(tokens[ml.token_begin - 1].norm) + " " : "") +
                     Quoted(v.Text(ml.token_begin, ml.token_end));
  b.object_choice = group ? "the group right before the bracket " + Quoted(v.Text(group->token_begin, group->token_end))
                          : fallback_choice + " (\"" + tokens[cb - 1].norm + "\" before the bracket)";
  b.member_list = members;
  b.group = group_entity;
  return b;
}

bool ArgumentFinder::StandsWithoutGroup(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce) const {
  const auto& tokens = *v.tokens;
  std::string cue;
  for (size_t i = cb; i < ce; ++i) cue += (i > cb ? " " : "") + tokens[i].norm;
  if (std::find(rule.cues_without_group.begin(), rule.cues_without_group.end(), cue) == rule.cues_without_group.end())
    return false;
  // Nothing after the cue but the end of its clause or a year ("joined in
  // 2001", "joined last"): "joined the talks" has an object of its own.
  if (ce >= v.sentence.token_end || v.ClauseOf(ce) != v.ClauseOf(cb)) return true;
  const std::string& next = tokens[ce].norm;
  if (!tokens[ce].is_word) return next != "'" && next != "(";
  auto year = [&](size_t i) {
    return i < v.sentence.token_end && tokens[i].norm.size() == 4 &&
           std::all_of(tokens[i].norm.begin(), tokens[i].norm.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if ((next == "in" || next == "since") && year(ce + 1)) return true;
  // "became a full member last year.": a relative time, then the clause ends.
  if ((next == "last" || next == "this") && ce + 1 < v.sentence.token_end && tokens[ce + 1].is_word) {
    const size_t after = ce + 2;
    if (after >= v.sentence.token_end || v.ClauseOf(after) != v.ClauseOf(cb) || !tokens[after].is_word) return true;
  }
  return next == "as";  // "joined as a full member"
}

Binding ArgumentFinder::Membership(const SentenceView& v, const RelationRule& rule, CueKind kind, size_t cb, size_t ce,
                                   const std::vector<int>& earlier_groups) const {
  const int k = v.ClauseOf(cb);
  const auto& types = rule.member_types;
  Binding b;
  b.token_begin = cb;
  b.token_end = ce;
  const std::string want = kind == CueKind::kMembersAfter    ? "members-after"
                           : kind == CueKind::kGroupBefore ? "group-before"
                           : kind == CueKind::kMembersBracket ? "group-bracket"
                                                           : "members-before";
  if (std::find(rule.patterns.begin(), rule.patterns.end(), want) == rule.patterns.end()) return b;
  if (kind == CueKind::kGroupBefore) return GroupBefore(v, rule, cb, ce, false);
  if (kind == CueKind::kMembersBracket) return GroupBracket(v, rule, cb, ce, earlier_groups);
  int members = -1;
  bool antecedent = false;
  if (kind == CueKind::kMembersAfter) {
    for (size_t li = 0; li < v.lists.size() && members < 0; ++li) {
      const MentionList& l = v.lists[li];
      if (l.token_begin < ce || v.slots[li].clause != k || l.adversary) continue;
      if (v.Gap(ce, l.token_begin) > static_cast<size_t>(rule.max_distance)) break;
      if (ModifiesNoun(v, l)) break;
      if (!Parts(l, types).empty()) members = static_cast<int>(li);
    }
  } else {
    for (size_t li = v.lists.size(); li-- > 0;) {
      const MentionList& l = v.lists[li];
      const ListSlot& slot = v.slots[li];
      if (l.token_end > cb || slot.clause != k) continue;
      if (l.adversary || slot.with || Parts(l, types).empty()) continue;
      if (v.Gap(l.token_end, cb) > static_cast<size_t>(rule.members_before_distance)) break;
      if (Crosses(v, membership_blockers_, l.token_end, cb)) break;  // "closer ties with the alliance's members"
      members = static_cast<int>(li);
      break;
    }
    if (members < 0 && v.clauses.info[k].kind == ClauseKind::kRelative) {
      bool ignored = false;
      members = Subject(v, types, k, cb, static_cast<size_t>(rule.members_before_distance), &ignored);
      antecedent = members >= 0;
    }
    // "The EU opened accession talks with Albania": a members-before cue that
    // ends in "with" and has no member before it (the one talking is the
    // group) names the members right after it (rules version 14).
    if (members < 0 && (*v.tokens)[ce - 1].norm == "with")
      for (size_t li = 0; li < v.lists.size(); ++li) {
        const MentionList& l = v.lists[li];
        if (l.token_begin < ce || v.slots[li].clause != k || l.adversary) continue;
        if (v.Gap(ce, l.token_begin) <= 1 && Parts(l, types).size() == l.entities.size()) members = static_cast<int>(li);
        break;
      }
  }
  // "The members of ASEAN are A, B and C", "The founding members of X
  // were A, B": a members-before cue that is a group-before cue and "of",
  // with no member before it, names the group after it and the members
  // after the group (rules version 17).
  if (members < 0 && kind == CueKind::kMembersBefore && ce - cb >= 2 && (*v.tokens)[ce - 1].norm == "of") {
    std::string head;
    for (size_t i = cb; i + 1 < ce; ++i) head += (head.empty() ? "" : " ") + (*v.tokens)[i].norm;
    // "founding members of": the head's last word will do.
    const std::string last = head.substr(head.rfind(' ') == std::string::npos ? 0 : head.rfind(' ') + 1);
    auto group_cue = [&](const std::string& w) {
      return std::find(rule.cues_group_before.begin(), rule.cues_group_before.end(), w) != rule.cues_group_before.end();
    };
    if (group_cue(head) || group_cue(last))
      if (Binding g = GroupBefore(v, rule, cb, ce, true); !g.pattern.empty()) return g;
  }
  if (members < 0) return b;
  size_t gb = cb, ge = ce;
  int group = GroupFor(v, rule, k, cb, ce, members, kind == CueKind::kMembersBefore, &gb, &ge);
  // "Montenegro joined European Union sanctions against Russia": the group
  // after the cue modifies a noun; what was joined is the sanctions.
  if (group >= 0 && kind == CueKind::kMembersBefore && gb >= ce && ge < v.sentence.token_end &&
      std::find(rule.group_modified_nouns.begin(), rule.group_modified_nouns.end(), (*v.tokens)[ge].norm) !=
          rule.group_modified_nouns.end())
    return b;
  std::string group_choice;
  if (group >= 0) {
    group_choice = "the group " + Quoted(v.Text(gb, ge)) + " nearest the cue";
  } else if (kind == CueKind::kMembersBefore && !StandsWithoutGroup(v, rule, cb, ce)) {
    return b;  // "France left the summit": no group named, no membership
  } else {
    for (int g : earlier_groups)
      if (TypeIn(g, rule.group_types)) {
        group = g;
        break;
      }
    if (group < 0) return b;
    b.lookback = true;
    group_choice = "the last group of the previous sentences (" + entities_[group].name + ")";
  }
  const MentionList& ml = v.lists[members];
  b.pattern = want;
  b.descriptive = kind == CueKind::kMembersAfter;
  // "hopes to join NATO and the European Union": every group of the
  // coordinated list the group is in.
  std::vector<int> groups = {group};
  for (const auto& l : v.lists)
    if (!l.anaphor && l.token_begin <= gb && ge <= l.token_end && l.entities.size() > 1) {
      std::vector<int> listed;
      for (int e : l.entities)
        if (TypeIn(e, rule.group_types)) listed.push_back(e);
      if (listed.size() > 1) groups = std::move(listed);
      b.token_end = std::max(b.token_end, l.token_end);
      ge = std::max(ge, l.token_end);
    }
  for (int m : Parts(ml, types))
    for (int g : groups) b.pairs.emplace_back(m, g);
  b.token_begin = std::min({cb, ml.token_begin, gb});
  b.token_end = std::max({ce, ml.token_end, ge});
  // "Ethiopia and Egypt are set to join BRICS alongside Saudi Arabia and
  // Iran": the list right after "alongside" the group (at most three words
  // between, no name) joins with them, in the same way (rules version 15).
  const auto& tokens = *v.tokens;
  if (kind == CueKind::kMembersBefore && !b.lookback && ge < v.sentence.token_end && tokens[ge].norm == "alongside")
    for (size_t li = 0; li < v.lists.size(); ++li) {
      const MentionList& l = v.lists[li];
      if (l.token_begin <= ge || v.slots[li].clause != k || l.adversary) continue;
      // Not a name after a preposition of its own ("alongside talks with Russia").
      bool preposition = v.slots[li].with;
      for (size_t t = ge + 1; t < l.token_begin; ++t) preposition |= alongside_barriers_.count(tokens[t].norm) > 0;
      if (!preposition && v.Gap(ge + 1, l.token_begin) <= 3 && !Parts(l, types).empty() &&
          Parts(l, types).size() == l.entities.size()) {
        for (int m : Parts(l, types))
          for (int g : groups) b.pairs.emplace_back(m, g);
        b.token_end = std::max(b.token_end, l.token_end);
        b.subject_choice += " and the list after \"alongside\" " + Quoted(v.Text(l.token_begin, l.token_end));
      }
      break;
    }
  b.subject_choice = std::string(antecedent ? "the antecedent of the relative clause " :
                                 kind == CueKind::kMembersAfter ? "the list after the cue " : "the list before the cue ") +
                     Quoted(v.Text(ml.token_begin, ml.token_end));
  b.object_choice = group_choice;
  b.anaphor = ml.anaphor;
  b.member_list = members;
  b.members_are_antecedent = antecedent;
  b.group = group;
  return b;
}

}  // namespace claimgraph::ingest
