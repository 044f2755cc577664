// The directed patterns (targets): passive, active, relative.
#include "engine/ingest/arguments.h"

#include <algorithm>

namespace claimgraph::ingest {
namespace {

// "targeted oil companies during talks in Oman": a place preposition at
// `prep` with a place barrier ("during", "after") between the cue's end
// (`from`) and it says where something else happened: it introduces no object.
bool IsPlaceAdjunct(const RelationRule& rule, const std::vector<Token>& tokens, size_t from, size_t prep) {
  auto in = [](const std::vector<std::string>& words, const std::string& w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  if (!in(rule.place_prepositions, tokens[prep].norm)) return false;
  for (size_t q = from; q < prep; ++q)
    if (in(rule.place_barriers, tokens[q].norm)) return true;
  return false;
}

// Whether the normalized phrase `words` stands at tokens [at, at + size) within [.., end).
bool PhraseAt(const std::vector<Token>& tokens, size_t at, size_t end, const std::vector<std::string>& words) {
  if (words.empty() || at + words.size() > end) return false;
  for (size_t q = 0; q < words.size(); ++q)
    if (tokens[at + q].norm != words[q]) return false;
  return true;
}

// "imposed", "announced": a word in -ed, which may stand between an object
// and its agent's "by" ("sanctions on Iran imposed by the EU").
bool IsParticiple(const Token& t) {
  return t.is_word && t.norm.size() > 3 && t.norm.compare(t.norm.size() - 2, 2, "ed") == 0;
}

// The auxiliaries of a passive ("were imposed by"): English grammar, not a
// lexicon a user would extend.
bool IsAuxiliary(const Token& t) {
  static const char* const kAuxiliaries[] = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had"};
  for (const char* a : kAuxiliaries)
    if (t.norm == a) return true;
  return false;
}

}  // namespace

Binding ArgumentFinder::Directed(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce) const {
  const auto& tokens = *v.tokens;
  const auto& mentions = *v.mentions;
  const size_t te = v.sentence.token_end;
  const int k = v.ClauseOf(cb);
  Binding b;
  b.token_begin = cb;
  b.token_end = ce;
  // "threatened repeatedly by China": one adverb in -ly may stand before "by".
  size_t by_at = ce;
  size_t by_len = ce < te ? by_.LongestAt(tokens, ce, te, v.text).length : 0;
  if (!by_len && ce + 1 < te && tokens[ce].is_word && tokens[ce].norm.size() > 3 &&
      tokens[ce].norm.compare(tokens[ce].norm.size() - 2, 2, "ly") == 0) {
    by_len = by_.LongestAt(tokens, ce + 1, te, v.text).length;
    if (by_len) by_at = ce + 1;
  }
  // "attacks by Russia on Ukraine": a nominal cue that ends in "by" is a
  // passive whose agent follows it (rules version 10).
  for (size_t n = 1; !by_len && n < ce - cb; ++n)
    if (by_.LongestAt(tokens, ce - n, ce, v.text).length == n) by_at = ce - n, by_len = n;
  auto list_of = [&](const Mention& m) -> const MentionList* {
    for (const auto& l : v.lists)
      if (!l.anaphor && l.token_begin <= m.token_begin && m.token_end <= l.token_end) return &l;
    return nullptr;
  };
  // "Moscow denied any role in the cyberattack on Estonia": past an agent
  // bridge ending at most two words before the cue, the subject is sought
  // before the bridge.
  size_t subject_end = cb;
  for (const auto& bridge : rule.agent_bridge_tokens) {
    for (size_t e = cb; e > v.sentence.token_begin && v.Gap(e, cb) <= 2; --e) {
      if (e < bridge.size() + v.sentence.token_begin) break;
      bool match = true;
      for (size_t q = 0; q < bridge.size() && match; ++q) match = tokens[e - bridge.size() + q].norm == bridge[q];
      if (match) {
        subject_end = std::min(subject_end, e - bridge.size());
        break;
      }
    }
  }
  // "The EU on Monday imposed a new package of sanctions on Russia": the
  // nearest agent verb of the cue's clause within agent_verb_gap words
  // before the cue; SIZE_MAX if none.
  auto agent_verb = [&]() -> size_t {
    if (rule.agent_verb_gap <= 0) return SIZE_MAX;
    for (size_t e = cb; e > v.sentence.token_begin && v.Gap(e, cb) <= static_cast<size_t>(rule.agent_verb_gap); --e) {
      if (v.ClauseOf(e - 1) != k) break;
      for (const auto& verb : rule.agent_verb_tokens)
        if (e >= verb.size() + v.sentence.token_begin && PhraseAt(tokens, e - verb.size(), e, verb)) return e - verb.size();
    }
    return SIZE_MAX;
  };
  auto is_pronoun = [&](size_t p) {
    if (std::find(pronouns_.begin(), pronouns_.end(), tokens[p].norm) == pronouns_.end()) return false;
    // "its own credibility": the subject's, not another's.
    return !(p + 1 < te && std::find(reflexives_.begin(), reflexives_.end(), tokens[p + 1].norm) != reflexives_.end());
  };
  // "Iraqi President Saddam Hussein's order to invade": a state's
  // adjective before a title and a name stands for the state, so the words
  // of that name (and its "'s") are not counted against the subject window.
  auto name_end = [&](const Mention& m) {
    size_t e = m.token_end;
    while (e < subject_end && tokens[e].is_word && !tokens[e].norm.empty() && tokens[e].norm[0] >= 'a' &&
           tokens[e].norm[0] <= 'z' && v.text[tokens[e].begin] >= 'A' && v.text[tokens[e].begin] <= 'Z')
      ++e;
    if (e > m.token_end && e + 1 < subject_end && tokens[e].norm == "'" && tokens[e + 1].norm == "s") e += 2;
    return e;
  };
  auto before = [&](const std::vector<std::string>& types) -> const Mention* {
    const Mention* best = nullptr;
    for (const auto& m : mentions)
      if (m.token_end <= subject_end && v.ClauseOf(m.token_begin) == k &&
          v.Gap(std::min(name_end(m), subject_end), subject_end) <= static_cast<size_t>(rule.subject_window) &&
          TypeIn(m.entity, types))
        best = &m;
    return best;
  };
  // A mention right after `from` (past "the"), or after an object
  // preposition within the object window, in the cue's clause.
  std::string how;
  // "the Lebanese militant group Hezbollah": a national adjective before
  // words and a name of another type describes that name, which is the one meant.
  auto described = [&](const Mention& m, const std::vector<std::string>& types) -> const Mention* {
    if (m.kind != MentionKind::kDemonym) return &m;
    for (const auto& n : mentions) {
      if (n.token_begin < m.token_end || n.token_begin > m.token_end + 3) continue;
      bool words_only = true;
      for (size_t q = m.token_end; q < n.token_begin && words_only; ++q) words_only = tokens[q].is_word;
      if (words_only && n.kind != MentionKind::kDemonym && TypeIn(n.entity, types) &&
          entities_[n.entity].type != entities_[m.entity].type)
        return &n;
      break;
    }
    return &m;
  };
  auto after = [&](size_t from, const std::vector<std::string>& types, bool need_prep) -> const Mention* {
    for (const auto& at : mentions) {
      if (at.token_begin < from || v.ClauseOf(at.token_begin) != k) continue;
      if (v.Gap(from, at.token_begin) > static_cast<size_t>(rule.object_window)) break;
      if (Crosses(v, object_barriers_, from, at.token_begin)) break;  // "in retaliation for A's strikes on B"
      // The position is the adjective's, the mention the name it describes.
      const Mention& m = *described(at, types);
      if (!TypeIn(m.entity, types)) continue;
      size_t p = at.token_begin;  // past an article: "attacked a South Korean patrol boat"
      while (p > from && (tokens[p - 1].norm == "the" || tokens[p - 1].norm == "a" || tokens[p - 1].norm == "an")) --p;
      if (p == from) { how = "right after"; return &m; }
      bool prep = p > from && std::find(rule.object_prepositions.begin(), rule.object_prepositions.end(),
                                        tokens[p - 1].norm) != rule.object_prepositions.end();
      if (prep && IsPlaceAdjunct(rule, tokens, from, p - 1)) prep = false;
      if (need_prep && prep) { how = "after \"" + tokens[p - 1].norm + "\""; return &m; }
    }
    return nullptr;
  };
  // "Turkish drones targeted on Thursday 16 locations in various areas in
  // northern Syria": the first name after the cue in its clause, of any
  // type, is the object when it is a place phrase (a place preposition, past
  // an article and place modifiers, right before it) within the place window.
  auto place_after = [&](size_t from, const std::vector<std::string>& types) -> const Mention* {
    if (rule.place_object_window <= 0) return nullptr;
    for (const auto& m : mentions) {
      if (m.token_begin < from || v.ClauseOf(m.token_begin) != k) continue;
      if (v.Gap(from, m.token_begin) > static_cast<size_t>(rule.place_object_window) || !TypeIn(m.entity, types))
        return nullptr;
      size_t p = m.token_begin;
      while (p > from && (tokens[p - 1].norm == "the" ||
                          std::find(rule.place_modifiers.begin(), rule.place_modifiers.end(), tokens[p - 1].norm) !=
                              rule.place_modifiers.end()))
        --p;
      // The preposition may close the cue itself: "a military operation in northern Iraq".
      if (p > v.sentence.token_begin && !IsPlaceAdjunct(rule, tokens, from, p - 1) &&
          std::find(rule.place_prepositions.begin(), rule.place_prepositions.end(), tokens[p - 1].norm) !=
              rule.place_prepositions.end()) {
        how = "in the place phrase \"" + tokens[p - 1].norm + "\" after";
        return &m;
      }
      return nullptr;
    }
    return nullptr;
  };
  // The mention (or the last mention of the list) right before the marker of
  // the cue's relative clause, when the clause names nothing before the cue.
  auto antecedent_of = [&](const std::vector<std::string>& types) -> const Mention* {
    const ClauseInfo& info = v.clauses.info[k];
    if (info.kind != ClauseKind::kRelative) return nullptr;
    for (const auto& m : mentions)
      if (m.token_begin >= info.first && m.token_end <= cb && v.ClauseOf(m.token_begin) == k) return nullptr;
    size_t marker = info.marker;
    if (marker > v.sentence.token_begin && tokens[marker - 1].norm == ",") --marker;
    const Mention* found = nullptr;
    for (const auto& m : mentions)
      if (m.token_end == marker && TypeIn(m.entity, types)) found = &m;
    return found;
  };
  auto expand = [&](const Mention* m, const std::vector<std::string>& types, size_t* lb, size_t* le) {
    const MentionList* l = list_of(*m);
    *lb = l ? l->token_begin : m->token_begin;
    *le = l ? l->token_end : m->token_end;
    return l ? Parts(*l, types) : std::vector<int>{m->entity};
  };
  auto finish = [&](const std::string& pattern, const Mention* s, const Mention* o, const std::string& sc,
                    const std::string& oc) {
    size_t sb, se, ob, oe;
    auto subjects = expand(s, rule.subject_types, &sb, &se);
    auto objects = expand(o, rule.object_types, &ob, &oe);
    b.pattern = pattern;
    AddProduct(subjects, objects, &b.pairs);
    b.token_begin = std::min({cb, sb, ob});
    b.token_end = std::max({ce, se, oe});
    b.subject_choice = sc + " " + Quoted(v.Text(sb, se));
    b.object_choice = oc + " " + Quoted(v.Text(ob, oe));
    b.adjacent = s->token_end <= cb && v.Gap(s->token_end, cb) == 0;
  };
  const size_t bridged_subject_end = subject_end;
  // "Israel's war with Hamas": a possessive cue binds only its possessive.
  bool possessive_only = false;
  for (const auto& c : rule.possessive_cue_tokens)
    if (c.size() == ce - cb && PhraseAt(tokens, cb, ce, c)) possessive_only = true;
  for (const std::string& pattern : rule.patterns) {
    subject_end = bridged_subject_end;  // an agent verb moves it for the active pattern only
    // A cue that begins with "with" ("with new sanctions") is read only by
    // the verb-with pattern, and that pattern reads only such cues.
    if ((tokens[cb].norm == "with") != (pattern == "verb-with")) continue;
    if (possessive_only && pattern != "active") continue;
    if (pattern == "verb-with") {
      // "Washington slapped Moscow with new sanctions": the name (or list)
      // right before the cue is the object; one of with_verbs right before
      // it (past "the"), and the subject before that verb (rules version 19,
      // after eval17's "slapping Iran with new sanctions").
      const Mention* o = nullptr;
      for (const auto& m : mentions) {
        if (v.ClauseOf(m.token_begin) != k || !TypeIn(m.entity, rule.object_types)) continue;
        const MentionList* l = list_of(m);
        if ((l ? l->token_end : m.token_end) == cb) {
          o = &m;
          break;
        }
      }
      if (!o) continue;
      const MentionList* ol = list_of(*o);
      size_t ob = ol ? ol->token_begin : o->token_begin;
      while (ob > v.sentence.token_begin && tokens[ob - 1].norm == "the") --ob;
      if (ob == v.sentence.token_begin || v.ClauseOf(ob - 1) != k ||
          std::find(rule.with_verbs.begin(), rule.with_verbs.end(), tokens[ob - 1].norm) == rule.with_verbs.end())
        continue;
      subject_end = ob - 1;
      const Mention* s = before(rule.subject_types);
      if (!s || s->entity == o->entity) continue;
      finish(pattern, s, o, "the mention before \"" + tokens[ob - 1].norm + "\"",
             "the mention between \"" + tokens[ob - 1].norm + "\" and the cue:");
      return b;
    }
    if (pattern == "passive") {
      if (!by_len) {
        // "sanctions were imposed on Iran by the EU": the object after the
        // cue, then "by" and the agent right after it.
        const Mention* o = after(ce, rule.object_types, true);
        if (!o) continue;
        const MentionList* ol = list_of(*o);
        size_t oe = ol ? ol->token_end : o->token_end;
        size_t agent_by = oe < te ? by_.LongestAt(tokens, oe, te, v.text).length : 0;
        // "sanctions on Iran imposed by the EU", "sanctions on Iran were
        // imposed by the EU": a participle (after at most two auxiliaries)
        // before "by" -- only when no subject stands before the cue ("Russia
        // attacked Ukraine supported by Belarus" is Russia's attack).
        if (!agent_by && !before(rule.subject_types)) {
          size_t p = oe;
          while (p < te && p < oe + 2 && IsAuxiliary(tokens[p])) ++p;
          if (p + 1 < te && IsParticiple(tokens[p]) && v.ClauseOf(p) == k) {
            agent_by = by_.LongestAt(tokens, p + 1, te, v.text).length;
            if (agent_by) oe = p + 1;
          }
        }
        const Mention* s = agent_by ? after(oe + agent_by, rule.subject_types, false) : nullptr;
        if (!s) continue;
        finish(pattern, s, o, "passive: the agent after \"by\" after the object", "passive: the mention after the cue:");
        return b;
      }
      const Mention* o = before(rule.object_types);
      const Mention* s = after(by_at + by_len, rule.subject_types, false);
      // "Ukraine, which has been attacked by Russia since 2014, signed":
      // in a relative clause that names nothing before the cue, the
      // antecedent is what the passive is about.
      bool antecedent = false;
      if (!o && s) {
        o = antecedent_of(rule.object_types);
        antecedent = o != nullptr;
      }
      // "attacks by Russia on Ukraine": with nothing before the cue, the
      // object after the agent's list (after an object preposition).
      bool after_agent = false;
      if (!o && s) {
        const MentionList* sl = list_of(*s);
        o = after(sl ? sl->token_end : s->token_end, rule.object_types, true);
        after_agent = o != nullptr;
      }
      if (!s || !o) continue;
      finish(pattern, s, o, "passive: the agent after \"by\"",
             antecedent    ? "passive: the antecedent of the relative clause"
             : after_agent ? "passive: the mention " + how + " the agent:"
                           : "passive: the mention before the cue");
      return b;
    }
    if (by_len) continue;  // the active patterns do not read a passive cue
    if (pattern == "active") {
      const Mention* s = before(rule.subject_types);
      if (possessive_only && !(s && s->token_end + 2 == cb && tokens[s->token_end].norm == "'" &&
                               tokens[s->token_end + 1].norm == "s"))
        continue;
      // Only when nothing stands right before the cue: in "the US announced
      // China's hacking of ..." the subject is China, not the announcer.
      if (!s) {
        const size_t verb = agent_verb();
        if (verb != SIZE_MAX && verb < subject_end) {
          subject_end = verb;
          s = before(rule.subject_types);
        }
      }
      const Mention* o = s ? after(ce, rule.object_types, true) : nullptr;
      if (s && !o) {
        // "Russia had attacked its power grid": a possessive pronoun right
        // after the cue (or after an object preposition) stands for the one
        // other entity the sentence names before it.
        size_t p = ce;
        while (p < te && v.ClauseOf(p) == k && v.Gap(ce, p) <= 1 && !is_pronoun(p) &&
               std::find(rule.object_prepositions.begin(), rule.object_prepositions.end(), tokens[p].norm) !=
                   rule.object_prepositions.end())
          ++p;
        if (p < te && v.ClauseOf(p) == k && is_pronoun(p)) {
          size_t sb, se;
          std::vector<int> subjects = expand(s, rule.subject_types, &sb, &se);
          size_t rb = 0, re = 0;
          int referent = PronounReferent(v, rule, p, subjects, &rb, &re);
          if (referent >= 0) {
            b.pattern = pattern;
            AddProduct(subjects, {referent}, &b.pairs);
            b.token_begin = std::min({cb, sb, rb});
            b.token_end = std::max({ce, se, p + 1});
            b.subject_choice = "the mention before the cue " + Quoted(v.Text(sb, se));
            b.object_choice = "the possessive pronoun " + Quoted(v.Text(p, p + 1)) + " after the cue, which can refer only to " +
                              Quoted(v.Text(rb, re));
            b.adjacent = v.Gap(se, cb) == 0;
            return b;
          }
        }
      }
      if (s && !o) {
        // "Estonia was hit by a wave of Russian cyberattacks": the cue's
        // subject inside a by-phrase; the passive's subject before "by" is
        // the object.
        for (size_t q = s->token_begin; q-- > v.sentence.token_begin && v.Gap(q + 1, s->token_begin) <= 3;) {
          if (v.ClauseOf(q) != k) break;
          size_t len = by_.LongestAt(tokens, q, te, v.text).length;
          if (!len) continue;
          const Mention* agent_object = nullptr;
          for (const auto& m : mentions)
            if (m.token_end <= q && v.ClauseOf(m.token_begin) == k &&
                v.Gap(m.token_end, q) <= static_cast<size_t>(rule.subject_window) && TypeIn(m.entity, rule.object_types))
              agent_object = &m;
          if (agent_object && agent_object->entity != s->entity) {
            finish("passive", s, agent_object, "passive: the agent of the cue inside the phrase after \"by\"",
                   "passive: the mention before \"by\"");
            return b;
          }
          break;
        }
      }
      if (s && !o) o = place_after(ce, rule.object_types);
      if (!s || !o) continue;
      finish(pattern, s, o, "the mention before the cue", "the mention " + how + " the cue:");
      // "Japan joined the United States in sanctioning North Korea": the
      // subject's list, "in" right before the cue, a co-agent verb (past an
      // article) before the list, and a mention right before the verb.
      const MentionList* sl = list_of(*s);
      size_t lb = sl ? sl->token_begin : s->token_begin, le = sl ? sl->token_end : s->token_end;
      size_t verb = lb;
      if (verb > v.sentence.token_begin && tokens[verb - 1].norm == "the") --verb;
      // "Montenegro joined European Union sanctions against Russia": the
      // subject right before the cue noun, which it modifies (rules version 18).
      const bool in_or_modifier = (le + 1 == cb && tokens[le].norm == "in") || le == cb;
      if (in_or_modifier && verb > v.sentence.token_begin &&
          std::find(rule.co_agent_verbs.begin(), rule.co_agent_verbs.end(), tokens[verb - 1].norm) !=
              rule.co_agent_verbs.end())
        for (const auto& m : mentions)
          if (m.token_end + 1 == verb && TypeIn(m.entity, rule.subject_types) && v.ClauseOf(m.token_begin) == k) {
            size_t ob, oe;
            AddProduct({m.entity}, expand(o, rule.object_types, &ob, &oe), &b.pairs);
            b.token_begin = std::min(b.token_begin, m.token_begin);
            b.subject_choice += ", and " + Quoted(v.Text(m.token_begin, m.token_end)) + " who " +
                                Quoted(v.Text(verb - 1, verb)) + " it";
          }
      return b;
    }
    if (pattern == "attribution") {
      // "the attack on Sony Pictures, which officials attributed to North
      // Korea", "The hack of Estonia was blamed on Russia": no subject before
      // the cue; the object after it; an attribution bridge within the
      // window after the object, in its clause or a clause that depends on
      // it; the agent right after the bridge (past an article).
      if (rule.attribution_bridge_tokens.empty() || before(rule.subject_types)) continue;
      const Mention* o = after(ce, rule.object_types, true);
      if (!o) continue;
      const std::string object_how = how;
      const MentionList* ol = list_of(*o);
      const size_t oe = ol ? ol->token_end : o->token_end;
      const Mention* s = nullptr;
      size_t bridge_begin = 0, bridge_end = 0;
      for (size_t q = oe; q < te && !s && v.Gap(oe, q) <= static_cast<size_t>(rule.attribution_window); ++q) {
        const int kq = v.ClauseOf(q);
        if (kq != k && v.clauses.info[kq].head != k) break;
        for (const auto& bridge : rule.attribution_bridge_tokens) {
          if (!PhraseAt(tokens, q, te, bridge)) continue;
          size_t p = q + bridge.size();
          while (p < te && (tokens[p].norm == "the" || tokens[p].norm == "a" || tokens[p].norm == "an")) ++p;
          for (const auto& m : mentions)
            if (m.token_begin == p && TypeIn(described(m, rule.subject_types)->entity, rule.subject_types)) {
              s = described(m, rule.subject_types);
              break;
            }
          if (s) bridge_begin = q, bridge_end = q + bridge.size();
          break;
        }
      }
      // "Officials attributed the cyberattack on Estonia to Russia": an
      // attribution verb at most two words before the cue, the agent after
      // "to" or "on" right after the object.
      if (!s && oe + 1 < te && (tokens[oe].norm == "to" || tokens[oe].norm == "on")) {
        for (size_t e = cb; e > v.sentence.token_begin && v.Gap(e, cb) <= 2 && !bridge_end; --e)
          if (v.ClauseOf(e - 1) == k && std::find(rule.attribution_verbs.begin(), rule.attribution_verbs.end(),
                                                  tokens[e - 1].norm) != rule.attribution_verbs.end())
            bridge_begin = e - 1, bridge_end = e;
        size_t p = oe + 1;
        while (p < te && (tokens[p].norm == "the" || tokens[p].norm == "a" || tokens[p].norm == "an")) ++p;
        if (bridge_end)
          for (const auto& m : mentions)
            if (m.token_begin == p && v.ClauseOf(p) == k && TypeIn(described(m, rule.subject_types)->entity, rule.subject_types)) {
              s = described(m, rule.subject_types);
              break;
            }
      }
      if (!s) continue;
      finish(pattern, s, o, "the agent after the attribution " + Quoted(v.Text(bridge_begin, bridge_end)),
             "the mention " + object_how + " the cue:");
      b.attribution = std::string(v.Text(bridge_begin, bridge_end));
      return b;
    }
    if (pattern == "of-agent") {
      // Tried before "active": in "Ukraine condemned the aggression of
      // Russia against Georgia" the agent is Russia, not the one before the cue.
      if (rule.of_agent_prepositions.empty() || ce + 1 >= te || tokens[ce].norm != "of") continue;
      auto is_article = [&](size_t p) { return tokens[p].norm == "the" || tokens[p].norm == "a" || tokens[p].norm == "an"; };
      auto mention_at = [&](size_t p, const std::vector<std::string>& types) -> const Mention* {
        while (p < te && is_article(p)) ++p;
        for (const auto& m : mentions)
          if (m.token_begin == p && v.ClauseOf(p) == k) {
            const Mention* d = described(m, types);
            return TypeIn(d->entity, types) ? d : nullptr;
          }
        return nullptr;
      };
      const Mention* s = mention_at(ce + 1, rule.subject_types);
      if (!s) continue;
      const MentionList* sl = list_of(*s);
      size_t q = sl ? sl->token_end : s->token_end;
      auto is_prep = [&](size_t p) {
        return std::find(rule.of_agent_prepositions.begin(), rule.of_agent_prepositions.end(), tokens[p].norm) !=
               rule.of_agent_prepositions.end();
      };
      for (size_t words = 0; q < te && words < 2 && tokens[q].is_word && !is_prep(q); ++words) ++q;
      if (q + 1 >= te || !is_prep(q) || v.ClauseOf(q) != k) continue;
      const Mention* o = mention_at(q + 1, rule.object_types);
      if (!o || o->entity == s->entity) continue;
      finish(pattern, s, o, "the agent after \"of\" right after the cue",
             "the mention after \"" + tokens[q].norm + "\" after the agent:");
      return b;
    }
    if (pattern == "relative") {
      const ClauseInfo& info = v.clauses.info[k];
      if (info.kind != ClauseKind::kRelative || before(rule.subject_types)) continue;
      size_t marker = info.marker;
      if (marker > v.sentence.token_begin && tokens[marker - 1].norm == ",") --marker;
      const Mention* s = nullptr;
      for (const auto& m : mentions)
        if (m.token_end == marker && TypeIn(m.entity, rule.subject_types)) s = &m;
      const Mention* o = s ? after(ce, rule.object_types, true) : nullptr;
      if (!s || !o) continue;
      finish(pattern, s, o, "the antecedent of the relative clause", "the mention " + how + " the cue:");
      return b;
    }
  }
  return b;
}

int ArgumentFinder::PronounReferent(const SentenceView& v, const RelationRule& rule, size_t p,
                                    const std::vector<int>& subjects, size_t* rb, size_t* re) const {
  int referent = -1;
  for (const auto& m : *v.mentions) {
    if (m.token_end > p || !TypeIn(m.entity, rule.object_types)) continue;
    if (std::find(subjects.begin(), subjects.end(), m.entity) != subjects.end()) continue;
    if (referent >= 0 && referent != m.entity) return -1;  // two candidates: which one is meant is unclear
    if (referent < 0) *rb = m.token_begin, *re = m.token_end;
    referent = m.entity;
  }
  return referent;
}

}  // namespace claimgraph::ingest
