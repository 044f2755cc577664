#include "engine/ingest/arguments.h"

#include <algorithm>

namespace claimgraph::ingest {
namespace {

void AddPairwise(const std::vector<int>& parts, std::vector<std::pair<int, int>>* pairs) {
  for (size_t x = 0; x < parts.size(); ++x)
    for (size_t y = x + 1; y < parts.size(); ++y) pairs->emplace_back(parts[x], parts[y]);
}

}  // namespace

std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) out.push_back(c == '\n' ? ' ' : c);
  return out + "\"";
}

void AddProduct(const std::vector<int>& subjects, const std::vector<int>& objects,
                std::vector<std::pair<int, int>>* pairs) {
  for (int s : subjects)
    for (int o : objects) pairs->emplace_back(s, o);
}


std::string_view SentenceView::Text(size_t token_begin, size_t token_end) const {
  if (token_end <= token_begin) return {};
  const auto& t = *tokens;
  return text.substr(t[token_begin].begin, t[token_end - 1].end - t[token_begin].begin);
}

size_t SentenceView::ClauseGap(size_t a_end, size_t b_begin, int k) const {
  // Words inside a parenthesis that closes in between are an aside and do
  // not count: "intelligence liaison (the term used for intelligence
  // sharing) by A with B" (rules version 11). An unclosed one counts.
  size_t n = 0, aside = 0;
  int depth = 0;
  for (size_t i = a_end; i < b_begin; ++i) {
    const Token& t = (*tokens)[i];
    if (t.norm == "(") {
      ++depth;
    } else if (t.norm == ")" && depth > 0) {
      if (--depth == 0) aside = 0;
    } else if (t.is_word && ClauseOf(i) == k) {
      ++(depth > 0 ? aside : n);
    }
  }
  return n + aside;
}

ArgumentFinder::ArgumentFinder(const ArgumentRules& rules, const std::vector<GazetteerEntity>& entities)
    : rules_(rules), entities_(entities) {
  for (const auto& w : rules_.between_words) between_.Add(w, 0);
  for (const auto& w : rules_.also_words) also_.Add(w, 0);
  for (const auto& w : rules_.with_words) with_.Add(w, 0);
  for (const auto& w : rules_.with_heads) with_heads_.Add(w, 0);
  for (const auto& w : rules_.by_words) by_.Add(w, 0);
  for (const auto& w : rules_.possessive) possessive_.Add(w, 0);
  for (const auto& w : rules_.non_party_verbs) non_party_.Add(w, 0);
  for (const auto& w : rules_.membership_blockers) membership_blockers_.Add(w, 0);
  for (const auto& w : rules_.object_barriers) object_barriers_.Add(w, 0);
  for (const auto& w : rules_.member_modifiers)
    for (const auto& t : NormalizedPhrase(w)) member_modifiers_.insert(t);
  for (const auto& w : rules_.alongside_barriers)
    for (const auto& t : NormalizedPhrase(w)) alongside_barriers_.insert(t);
  for (const auto& w : rules_.possessive_pronouns)
    for (const auto& t : NormalizedPhrase(w)) pronouns_.push_back(t);
  for (const auto& w : rules_.reflexive_words)
    for (const auto& t : NormalizedPhrase(w)) reflexives_.push_back(t);
  for (const auto& w : rules_.between_owners) between_owners_.insert(w);
  for (const auto& w : rules_.between_barriers)
    for (const auto& t : NormalizedPhrase(w)) between_barriers_.push_back(t);
}

bool ArgumentFinder::TypeIn(int entity, const std::vector<std::string>& types) const {
  if (types.empty()) return true;
  return std::find(types.begin(), types.end(), entities_[entity].type) != types.end();
}

std::vector<int> ArgumentFinder::Parts(const MentionList& l, const std::vector<std::string>& types) const {
  std::vector<int> out;
  for (int e : l.entities)
    if (TypeIn(e, types)) out.push_back(e);
  return out;
}

size_t ArgumentFinder::EndsBefore(const SentenceView& v, const PhraseMatcher& m, size_t pos) const {
  if (m.empty()) return 0;
  for (size_t back = 4; back >= 1; --back) {
    if (pos < v.sentence.token_begin + back) continue;
    if (m.LongestAt(*v.tokens, pos - back, pos, v.text).length == back) return back;
  }
  return 0;
}

bool ArgumentFinder::Crosses(const SentenceView& v, const PhraseMatcher& m, size_t from, size_t to) const {
  if (m.empty()) return false;
  for (size_t i = from; i < to; ++i)
    if (m.LongestAt(*v.tokens, i, to, v.text).length) return true;
  return false;
}

void ArgumentFinder::Annotate(SentenceView* view) const {
  SentenceView& v = *view;
  const auto& tokens = *v.tokens;
  // "with the European Commission as well as the French Foreign Ministry",
  // "with Australia as well as with India": a list after "as well as" (and
  // a "with" of its own) right after a list in a with slot of the same
  // clause continues that slot; one list, so that each is a counterpart
  // (rules version 14). A between list keeps its own "also" slot below.
  for (size_t li = 1; li < v.lists.size();) {
    MentionList& prev = v.lists[li - 1];
    const MentionList& l = v.lists[li];
    auto lead_of = [&](size_t b, size_t floor) {
      while (b > floor && (tokens[b - 1].norm == "the" || tokens[b - 1].norm == "\"")) --b;
      return b;
    };
    size_t lead = lead_of(l.token_begin, prev.token_end);
    size_t with = lead > prev.token_end ? EndsBefore(v, with_, lead) : 0;
    size_t also = lead - with > prev.token_end ? EndsBefore(v, also_, lead - with) : 0;
    size_t comma = also && lead - with - also > prev.token_end && tokens[lead - with - also - 1].norm == "," ? 1 : 0;
    size_t prev_lead = lead_of(prev.token_begin, v.sentence.token_begin);
    bool joins = also && !prev.anaphor && !l.anaphor && lead - with - also - comma == prev.token_end &&
                 v.ClauseOf(prev.token_begin) == v.ClauseOf(l.token_begin) && EndsBefore(v, with_, prev_lead) > 0;
    if (!joins) {
      ++li;
      continue;
    }
    for (int e : l.entities)
      if (std::find(prev.entities.begin(), prev.entities.end(), e) == prev.entities.end()) prev.entities.push_back(e);
    prev.token_end = l.token_end;
    prev.compound = false;
    v.lists.erase(v.lists.begin() + static_cast<std::ptrdiff_t>(li));
  }
  v.slots.assign(v.lists.size(), ListSlot{});
  for (size_t li = 0; li < v.lists.size(); ++li) {
    const MentionList& l = v.lists[li];
    ListSlot& slot = v.slots[li];
    slot.clause = v.ClauseOf(l.token_begin);
    // Skip "the", quotes and a possessive determiner back to the slot's
    // preposition: "signed the accord with her Indian counterpart" is with
    // India (a minister's counterpart stands for the state).
    size_t lead = l.token_begin;
    auto determiner = [&](const std::string& w) {
      return w == "the" || w == "\"" || w == "his" || w == "her" || w == "their" || w == "its";
    };
    while (lead > v.sentence.token_begin && determiner(tokens[lead - 1].norm)) --lead;
    slot.slot_begin = slot.slot_end = lead;
    if (size_t n = EndsBefore(v, with_, lead)) {
      slot.with = true;
      slot.slot_begin = lead - n;
      slot.slot_end = lead;
      slot.with_head = EndsBefore(v, with_heads_, slot.slot_begin) > 0;
    } else if (size_t b = EndsBefore(v, between_, lead)) {
      slot.between = true;
      slot.slot_begin = lead - b;
      slot.slot_end = lead;
    } else if (size_t y = EndsBefore(v, by_, lead)) {
      slot.by = true;
      slot.slot_begin = lead - y;
      slot.slot_end = lead;
    } else if (size_t a = EndsBefore(v, also_, lead); a && li > 0 && (v.slots[li - 1].between || v.slots[li - 1].also)) {
      slot.also = true;
      slot.slot_begin = lead - a;
      slot.slot_end = lead;
    }
    slot.after = l.token_end;
    if (l.token_end < v.sentence.token_end)
      if (auto m = possessive_.LongestAt(tokens, l.token_end, v.sentence.token_end, v.text); m.length) {
        slot.possessor = true;
        slot.after = l.token_end + m.length;
      }
  }
}

int ArgumentFinder::Subject(const SentenceView& v, const std::vector<std::string>& types, int k, size_t before,
                            size_t max_words, bool* antecedent) const {
  *antecedent = false;
  for (size_t li = v.lists.size(); li-- > 0;) {
    const MentionList& l = v.lists[li];
    const ListSlot& slot = v.slots[li];
    if (l.token_end > before || slot.clause != k) continue;
    if (l.adversary || slot.with || slot.between || slot.also || slot.by || slot.member || slot.modifier) continue;
    if (Parts(l, types).empty()) continue;  // "Britain's GCHQ": the agency is no party, the state may be
    // "Australia, a Five Eyes member, signed": a name after an indefinite
    // article modifies a noun phrase; the subject is further back.
    if (l.token_begin > v.sentence.token_begin &&
        ((*v.tokens)[l.token_begin - 1].norm == "a" || (*v.tokens)[l.token_begin - 1].norm == "an"))
      continue;
    if (v.ClauseGap(l.token_end, before, k) > max_words) return -1;
    if (Crosses(v, non_party_, l.token_end, before)) return -1;  // "Russia condemned the pact"
    return static_cast<int>(li);
  }
  // A relative clause without a subject of its own: its antecedent ("A and
  // B, which signed a pact").
  const ClauseInfo& info = v.clauses.info[k];
  if (info.kind != ClauseKind::kRelative) return -1;
  size_t marker = info.marker;
  if (marker > v.sentence.token_begin && (*v.tokens)[marker - 1].norm == ",") --marker;
  for (size_t li = v.lists.size(); li-- > 0;) {
    const MentionList& l = v.lists[li];
    if (l.token_end != marker) continue;
    if (l.adversary || Parts(l, types).empty()) return -1;
    *antecedent = true;
    return static_cast<int>(li);
  }
  return -1;
}

int ArgumentFinder::WithSlot(const SentenceView& v, int k, size_t cb, size_t ce, bool attached_only) const {
  int headed = -1;
  for (size_t li = 0; li < v.lists.size(); ++li) {
    const ListSlot& slot = v.slots[li];
    if (!slot.with || slot.clause != k || v.lists[li].adversary) continue;
    if (slot.slot_begin >= ce && v.ClauseGap(ce, slot.slot_begin, k) <= static_cast<size_t>(rules_.slot_gap))
      return static_cast<int>(li);
    // "working with L to expand intelligence cooperation": the cue after the slot.
    if (slot.with_head && v.lists[li].token_end <= cb && headed < 0) headed = static_cast<int>(li);
  }
  return attached_only ? -1 : headed;
}

Binding ArgumentFinder::Bind(const SentenceView& v, const RelationRule& rule, CueKind kind, size_t cue_begin,
                             size_t cue_end, const std::vector<int>& earlier_groups) const {
  switch (rule.shape) {
    case RelationShape::kSymmetric: return Symmetric(v, rule, cue_begin, cue_end);
    case RelationShape::kDirected: return Directed(v, rule, cue_begin, cue_end);
    case RelationShape::kMembership: break;
  }
  return Membership(v, rule, kind, cue_begin, cue_end, earlier_groups);
}

Binding ArgumentFinder::Symmetric(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce) const {
  const int k = v.ClauseOf(cb);
  const auto& types = rule.participant_types;
  const size_t max_d = static_cast<size_t>(std::max(0, rule.max_distance));
  Binding b;
  auto span = [&](size_t lb, size_t le) {
    b.token_begin = std::min(b.token_begin, lb);
    b.token_end = std::max(b.token_end, le);
  };
  b.token_begin = cb;
  b.token_end = ce;
  auto distance = [&](const MentionList& l) { return l.token_end <= cb ? v.Gap(l.token_end, cb) : v.Gap(ce, l.token_begin); };
  auto in_reach = [&](size_t li) {
    const MentionList& l = v.lists[li];
    return v.slots[li].clause == k && !l.adversary && distance(l) <= max_d;
  };
  for (const std::string& pattern : rule.patterns) {
    if (pattern == "possessive-with" || pattern == "subject-with" || pattern == "with-group") {
      int w = WithSlot(v, k, cb, ce, pattern == "possessive-with");
      if (w < 0) continue;
      const MentionList& wl = v.lists[w];
      auto objects = Parts(wl, types);
      // "with the Quad group of A, B, C and D": the group is named with its
      // members, and they are the parties (with-group), not the group.
      int members_after = -1;
      for (size_t m = 0; m < v.lists.size() && members_after < 0; ++m) {
        const ListSlot& ms = v.slots[m];
        const MentionList& ml = v.lists[m];
        if (ms.member && ml.token_begin >= wl.token_end &&
            v.Gap(wl.token_end, ml.token_begin) <= static_cast<size_t>(rules_.slot_gap) &&
            std::find(wl.entities.begin(), wl.entities.end(), ms.group) != wl.entities.end())
          members_after = static_cast<int>(m);
      }
      if (pattern == "possessive-with") {
        if (objects.empty() || members_after >= 0) continue;
        for (size_t li = 0; li < v.lists.size(); ++li) {
          const ListSlot& slot = v.slots[li];
          if (!slot.possessor || slot.clause != k || slot.after > cb || v.Gap(slot.after, cb) > 2) continue;
          auto subjects = Parts(v.lists[li], types);
          if (subjects.empty()) continue;
          b.pattern = pattern;
          AddProduct(subjects, objects, &b.pairs);
          AddPairwise(subjects, &b.pairs);
          span(v.lists[li].token_begin, wl.token_end);
          b.subject_choice = "the possessor before the cue " + Quoted(v.Text(v.lists[li].token_begin, slot.after));
          b.object_choice = "the list after \"with\" " + Quoted(v.Text(wl.token_begin, wl.token_end));
          b.adjacent = v.Gap(slot.after, cb) == 0;
          b.anaphor = v.lists[li].anaphor || wl.anaphor;
          return b;
        }
        continue;
      }
      bool antecedent = false;
      size_t before = std::min(cb, v.slots[w].slot_begin);
      int s = Subject(v, types, k, before, max_d, &antecedent);
      if (pattern == "subject-with") {
        if (objects.empty() || members_after >= 0) continue;
        b.pattern = pattern;
        const ListSlot& ws = v.slots[w];
        bool attached = ws.slot_begin >= ce;  // else after a with-head before the cue
        size_t from = attached ? ws.slot_begin : ws.slot_begin - EndsBefore(v, with_heads_, ws.slot_begin);
        b.object_choice = std::string(attached ? "the list after the cue's " : "the list after ") +
                          Quoted(v.Text(from, ws.slot_end)) + " " + Quoted(v.Text(wl.token_begin, wl.token_end));
        bool by_agents = false;
        if (s < 0) {
          // "intelligence liaison by the UK and the US with Pakistan": a
          // nominal cue's agents after "by", right before the with-list,
          // are its subject (rules version 11).
          for (size_t li = 0; li < v.lists.size() && s < 0; ++li) {
            const ListSlot& bs = v.slots[li];
            if (bs.by && bs.clause == k && bs.slot_begin >= ce && v.lists[li].token_end <= ws.slot_begin &&
                v.Gap(v.lists[li].token_end, ws.slot_begin) == 0 && !v.lists[li].adversary &&
                v.ClauseGap(ce, bs.slot_begin, k) <= static_cast<size_t>(rules_.slot_gap))
              s = static_cast<int>(li);
          }
          by_agents = s >= 0;
        }
        if (s < 0) {
          // Counterparts without a subject: nothing, and no other pattern
          // may pair them with each other.
          b.subject_choice = "no subject in the clause: nothing bound";
          return b;
        }
        auto subjects = Parts(v.lists[s], types);
        AddProduct(subjects, objects, &b.pairs);
        AddPairwise(subjects, &b.pairs);
        span(v.lists[s].token_begin, wl.token_end);
        b.subject_choice = std::string(by_agents    ? "the list after \"by\" right before the with-list "
                                       : antecedent ? "the antecedent of the relative clause "
                                                    : "the subject before the cue ") +
                           Quoted(v.Text(v.lists[s].token_begin, v.lists[s].token_end));
        b.adjacent = !by_agents && v.Gap(v.lists[s].token_end, cb) == 0;
        b.anaphor = v.lists[s].anaphor || wl.anaphor;
        return b;
      }
      // with-group: "with the Quad group of A, B, C and D".
      if (members_after < 0) continue;
      const MentionList& ml = v.lists[members_after];
      auto members = Parts(ml, types);
      if (members.empty()) continue;
      b.pattern = pattern;
      if (s >= 0) {
        AddProduct(Parts(v.lists[s], types), members, &b.pairs);
        span(v.lists[s].token_begin, ml.token_end);
        b.subject_choice = "the subject before the cue " + Quoted(v.Text(v.lists[s].token_begin, v.lists[s].token_end));
      } else {
        AddPairwise(members, &b.pairs);
        span(ml.token_begin, ml.token_end);
        b.subject_choice = "the members of the group the cue is with, pairwise";
      }
      b.object_choice = "the group after \"with\" and its members " + Quoted(v.Text(wl.token_begin, ml.token_end));
      return b;
    }
    if (pattern == "between") {
      std::string lists;
      int n = 0;
      for (size_t li = 0; li < v.lists.size(); ++li) {
        const ListSlot& slot = v.slots[li];
        if (!(slot.between || slot.also) || !in_reach(li)) continue;
        // "The pact comes amid tensions between A and B": a barrier word
        // between the cue and "between" hands the list to another noun.
        bool barred = false;
        for (size_t i = ce; i < slot.slot_begin && !barred; ++i)
          barred = std::find(between_barriers_.begin(), between_barriers_.end(), (*v.tokens)[i].norm) != between_barriers_.end();
        if (barred) continue;
        // "sharing of intelligence regarding the negotiations between A and B":
        // the list belongs to the negotiation, unless that is what the cue is.
        if (slot.slot_begin > ce && between_owners_.count((*v.tokens)[slot.slot_begin - 1].norm) > 0 &&
            std::find(rules_.negotiated_predicates.begin(), rules_.negotiated_predicates.end(), rule.predicate) ==
                rules_.negotiated_predicates.end())
          continue;
        auto parts = Parts(v.lists[li], types);
        if (parts.size() < 2) continue;
        lists += std::string(n++ ? " and " : "") + Quoted(v.Text(slot.slot_begin, slot.slot_end)) + " " +
                 Quoted(v.Text(v.lists[li].token_begin, v.lists[li].token_end));
        b.pattern = pattern;
        AddPairwise(parts, &b.pairs);
        span(slot.slot_begin, v.lists[li].token_end);
        b.anaphor |= v.lists[li].anaphor;
      }
      if (b.pattern.empty()) continue;
      b.subject_choice = b.object_choice = (n > 1 ? "the lists after " : "the list after ") + lists +
                                           (n > 1 ? ", each pairwise" : ", pairwise");
      return b;
    }
    if (pattern == "compound") {
      for (size_t li = 0; li < v.lists.size(); ++li) {
        const MentionList& l = v.lists[li];
        if (!l.compound || v.slots[li].clause != k || v.slots[li].member || l.adversary) continue;
        bool before = l.token_end <= cb && v.Gap(l.token_end, cb) <= 2;
        bool after = l.token_begin >= ce && v.Gap(ce, l.token_begin) <= 2;
        auto parts = Parts(l, types);
        if (!(before || after) || parts.size() < 2) continue;
        b.pattern = pattern;
        AddPairwise(parts, &b.pairs);
        span(l.token_begin, l.token_end);
        b.subject_choice = b.object_choice =
            "the hyphenated compound " + std::string(before ? "before" : "after") + " the cue " +
            Quoted(v.Text(l.token_begin, l.token_end)) + ", pairwise";
        b.adjacent = before ? v.Gap(l.token_end, cb) == 0 : v.Gap(ce, l.token_begin) == 0;
        return b;
      }
      continue;
    }
    if (pattern == "by") {
      for (size_t li = 0; li < v.lists.size(); ++li) {
        const ListSlot& slot = v.slots[li];
        // "an alliance founded in 2001 by A, B and C": founders a membership
        // cue bound as members are no pairwise pact (rules version 16).
        if (!slot.by || slot.member || slot.clause != k || slot.slot_begin < ce ||
            v.ClauseGap(ce, slot.slot_begin, k) > static_cast<size_t>(rules_.slot_gap) || v.lists[li].adversary)
          continue;
        auto parts = Parts(v.lists[li], types);
        if (parts.size() < 2) continue;
        b.pattern = pattern;
        AddPairwise(parts, &b.pairs);
        span(v.lists[li].token_begin, v.lists[li].token_end);
        b.subject_choice = b.object_choice =
            "the list after \"by\" " + Quoted(v.Text(v.lists[li].token_begin, v.lists[li].token_end)) + ", pairwise";
        b.anaphor = v.lists[li].anaphor;
        return b;
      }
      continue;
    }
    if (pattern == "cue-relative") {
      // "the treaty that A and B signed (with C)": the cue noun is what a
      // relative clause right after it is about, so that clause's subject
      // are the parties, and a with-list in it their counterparts.
      // The relative pronoun follows the cue or the noun it modifies
      // ("an intelligence-sharing deal that").
      int r = -1;
      for (size_t i = ce; i < v.sentence.token_end && v.ClauseGap(ce, i, k) <= 1; ++i)
        if (v.ClauseOf(i) != k) {
          r = v.ClauseOf(i);
          break;
        }
      if (r < 0) continue;
      const ClauseInfo& info = v.clauses.info[r];
      if (info.head != k || info.marker >= v.sentence.token_end || v.ClauseGap(ce, info.marker, k) > 1 ||
          (info.kind != ClauseKind::kRelative && info.kind != ClauseKind::kComplement))
        continue;
      const size_t marker = info.marker;
      int s = -1;
      for (size_t li = 0; li < v.lists.size() && s < 0; ++li) {
        const ListSlot& slot = v.slots[li];
        if (slot.clause != r || v.lists[li].token_begin <= marker) continue;
        if (slot.with || slot.between || slot.also || slot.by || slot.member || v.lists[li].adversary ||
            v.ClauseGap(marker + 1, v.lists[li].token_begin, r) > 1)
          break;  // the clause does not open with its subject ("the pact that ended the war between ...")
        s = static_cast<int>(li);
      }
      if (s < 0) continue;
      auto subjects = Parts(v.lists[s], types);
      if (subjects.empty()) continue;
      int w = -1;
      for (size_t li = s + 1; li < v.lists.size() && w < 0; ++li)
        if (v.slots[li].with && v.slots[li].clause == r && !v.lists[li].adversary) w = static_cast<int>(li);
      auto objects = w >= 0 ? Parts(v.lists[w], types) : std::vector<int>{};
      if (objects.empty() && subjects.size() < 2) continue;
      b.pattern = pattern;
      AddProduct(subjects, objects, &b.pairs);
      AddPairwise(subjects, &b.pairs);
      span(cb, (w >= 0 ? v.lists[w] : v.lists[s]).token_end);
      b.subject_choice = "the subject of the relative clause after the cue " +
                         Quoted(v.Text(v.lists[s].token_begin, v.lists[s].token_end)) +
                         (objects.empty() ? ", pairwise" : "");
      b.object_choice = objects.empty() ? b.subject_choice
                                        : "the list after \"with\" in that clause " +
                                              Quoted(v.Text(v.lists[w].token_begin, v.lists[w].token_end));
      b.adjacent = v.Gap(marker + 1, v.lists[s].token_begin) == 0;
      b.clause = r;
      b.anaphor = v.lists[s].anaphor || (w >= 0 && v.lists[w].anaphor);
      return b;
    }
    if (pattern == "subject") {
      bool antecedent = false;
      int s = Subject(v, types, k, cb, max_d, &antecedent);
      if (s < 0) continue;
      auto parts = Parts(v.lists[s], types);
      b.pattern = pattern;
      b.subject_choice = b.object_choice =
          std::string(antecedent ? "the antecedent of the relative clause " : "the subject before the cue ") +
          Quoted(v.Text(v.lists[s].token_begin, v.lists[s].token_end)) + ", pairwise";
      if (parts.size() < 2) {
        // One party and no counterpart: the clause's subject is taken, so no
        // later pattern may pair other lists around it.
        b.subject_choice += ": one party only, nothing bound";
        return b;
      }
      AddPairwise(parts, &b.pairs);
      span(v.lists[s].token_begin, v.lists[s].token_end);
      b.adjacent = v.Gap(v.lists[s].token_end, cb) == 0;
      b.anaphor = v.lists[s].anaphor;
      return b;
    }
    if (pattern == "network-members") {
      if (!rule.members_pairwise) continue;
      for (size_t li = 0; li < v.lists.size(); ++li) {
        const ListSlot& slot = v.slots[li];
        if (!slot.member || slot.member_clause < 0) continue;
        bool described = slot.member_clause == k || v.clauses.info[slot.member_clause].head == k;
        if (!described || distance(v.lists[li]) > max_d) continue;
        auto parts = Parts(v.lists[li], types);
        if (parts.size() < 2) continue;
        b.pattern = pattern;
        AddPairwise(parts, &b.pairs);
        span(v.lists[li].token_begin, v.lists[li].token_end);
        b.subject_choice = b.object_choice = "the members " + Quoted(v.Text(v.lists[li].token_begin, v.lists[li].token_end)) +
                                             " of a group the cue describes, pairwise";
        return b;
      }
      continue;
    }
    if (pattern == "clause-list") {
      for (size_t li = 0; li < v.lists.size(); ++li) {
        const ListSlot& slot = v.slots[li];
        // After the cue only: a list before it is the subject pattern's to take or refuse.
        // A between-list is the between pattern's to take or refuse ("amid tensions between A and B").
        if (slot.with || slot.by || slot.member || slot.between || slot.also || v.lists[li].token_begin < ce ||
            !in_reach(li))
          continue;
        auto parts = Parts(v.lists[li], types);
        if (parts.size() < 2) continue;
        b.pattern = pattern;
        AddPairwise(parts, &b.pairs);
        span(v.lists[li].token_begin, v.lists[li].token_end);
        b.subject_choice = b.object_choice = "fallback: the list " +
                                             Quoted(v.Text(v.lists[li].token_begin, v.lists[li].token_end)) +
                                             " in the cue's clause fills no other slot, pairwise";
        b.fallback = true;
        b.anaphor = v.lists[li].anaphor;
        return b;
      }
      continue;
    }
  }
  return b;
}

}  // namespace claimgraph::ingest
