#include "engine/ingest/extractor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <tuple>

#include "engine/ingest/quotations.h"

namespace claimgraph::ingest {
namespace {

// Words from a presupposing phrase's first word to the evidence it governs:
// the phrase itself (at most three words) and a determiner and an adjective
// ("in retaliation for an Israeli airstrike").
constexpr size_t kPresupposedReach = 6;

// Every word of every phrase of a rules-file list, normalized as the text's
// tokens are: into a set, or as token hashes (the lists tested on every token).
void AddWords(const std::vector<std::string>& phrases, std::unordered_set<std::string>* words) {
  for (const auto& phrase : phrases)
    for (const auto& w : NormalizedPhrase(phrase)) words->insert(w);
}
void AddWordHashes(const std::vector<std::string>& phrases, std::vector<uint64_t>* hashes) {
  for (const auto& phrase : phrases)
    for (const auto& w : NormalizedPhrase(phrase)) hashes->push_back(TokenHash(w));
}

}  // namespace

RelationExtractor::RelationExtractor(const IngestRules& rules, const Gazetteer& gazetteer, const ListBuilder& lists)
    : rules_(rules),
      gazetteer_(gazetteer),
      list_builder_(lists),
      clauses_(rules.clauses),
      times_(rules.time),
      arguments_(rules.arguments, gazetteer.entities()) {
  AddWords(rules_.mentions.anaphora.group_nouns, &group_nouns_);
  AddWords(rules_.mentions.anaphora.relation_determiners, &relation_determiners_);
  AddWords(rules_.mentions.anaphora.relation_nouns, &relation_nouns_);
  AddWordHashes(rules_.mentions.anaphora.plural_pronouns, &plural_pronouns_);
  for (const auto& w : rules_.arguments.naming_words) naming_words_.push_back(NormalizedPhrase(w));
  for (const auto& d : rules_.modality.describing) {
    std::string joined;
    for (const auto& w : NormalizedPhrase(d)) joined += (joined.empty() ? "" : " ") + w;
    describing_.insert(joined);
  }
  AddWordHashes(rules_.modality.future_markers, &future_markers_);
  AddWordHashes(rules_.modality.future_verbs, &future_verbs_);
  AddWordHashes(rules_.modality.future_not_after, &future_not_after_);
  AddWordHashes(rules_.modality.interposed, &interposed_);
  AddWords(rules_.modality.definite_determiners, &definite_determiners_);
  AddWords(rules_.modality.causative, &causative_);
  AddWords(rules_.modality.governing_nouns, &governing_nouns_);
  AddWords(rules_.modality.governed_prepositions, &governed_prepositions_);
  AddWords(rules_.modality.governed_determiners, &governed_determiners_);
  AddWords(rules_.modality.enabling_paths, &enabling_paths_);
  AddWords(rules_.modality.enabling_prepositions, &enabling_prepositions_);
  AddWords(rules_.modality.prospective_modifiers, &prospective_modifiers_);
  for (const auto& w : rules_.modality.complement_verbs) complement_verbs_.Add(w, 0);
  AddWordHashes(rules_.modality.complement_clause_verbs, &complement_clause_verbs_);
  AddWords(rules_.mentions.anaphora.carry_words, &carry_words_);
  for (const auto& [w, n] : rules_.mentions.anaphora.numbers) numbers_.Add(w, n);
  AddWords(rules_.mentions.anaphora.cataphora_markers, &cataphora_markers_);
  AddWords(rules_.mentions.anaphora.definite_relation_nouns, &definite_relation_nouns_);
  for (size_t r = 0; r < rules_.relations.size() && membership_rule_ < 0; ++r)
    if (rules_.relations[r].shape == RelationShape::kMembership) membership_rule_ = static_cast<int>(r);
  if (membership_rule_ >= 0)
    for (const auto& c : rules_.relations[membership_rule_].cues_members_after) {
      auto words = NormalizedPhrase(c);
      if (words.size() == 2 && words[1] == "by") by_verbs_.push_back(TokenHash(words[0]));
    }
  for (const auto& rule : rules_.relations) {
    PhraseMatcher m;
    std::vector<CueKind> kinds;
    auto add = [&](const std::string& cue, CueKind kind) {
      kinds.push_back(kind);
      m.Add(cue, static_cast<int>(kinds.size() - 1));
    };
    // Added first wins for the same phrase; the longest match wins, so "deal
    // with" hides the cue "deal".
    for (const auto& c : rule.not_cues) add(c, CueKind::kNotACue);
    for (const auto& c : rule.cues) add(c, CueKind::kPlain);
    // "shares signals intelligence": each modifier before each listed word of a cue.
    std::vector<std::string> variants;
    for (const auto& c : rule.cues) {
      std::vector<std::string> words = NormalizedPhrase(c);
      for (size_t p = 0; p < words.size(); ++p) {
        if (std::find(rule.modifier_before.begin(), rule.modifier_before.end(), words[p]) == rule.modifier_before.end())
          continue;
        for (const auto& mod : rule.modifiers) {
          std::string v;
          for (size_t q = 0; q < words.size(); ++q) {
            if (q) v.push_back(' ');
            if (q == p) {
              v.append(mod);
              v.push_back(' ');
            }
            v.append(words[q]);
          }
          variants.push_back(std::move(v));
        }
      }
    }
    for (const auto& v : variants) add(v, CueKind::kPlain);
    for (const auto& c : rule.cues_members_after) add(c, CueKind::kMembersAfter);
    for (const auto& c : rule.cues_members_before) add(c, CueKind::kMembersBefore);
    for (const auto& c : rule.cues_group_before) add(c, CueKind::kGroupBefore);
    for (const auto& c : rule.cues_members_bracket) add(c, CueKind::kMembersBracket);
    cues_.push_back(std::move(m));
    cue_kinds_.push_back(std::move(kinds));
    for (const auto& c : rule.cues) any_cue_.Add(c, 0);
    for (const auto& v : variants) any_cue_.Add(v, 0);
    for (const auto& c : rule.cues_members_after) any_cue_.Add(c, 0);
    for (const auto& c : rule.cues_members_before) any_cue_.Add(c, 0);
    for (const auto& c : rule.cues_group_before) any_cue_.Add(c, 0);
    for (const auto& c : rule.cues_members_bracket) any_cue_.Add(c, 0);
    PhraseMatcher nouns;
    for (const auto& c : rule.time_place_nouns) {
      nouns.Add(c, 0);
      any_cue_.Add(c, 0);
    }
    time_place_nouns_.push_back(std::move(nouns));
    std::unordered_set<std::string> words;
    for (const auto& w : rule.time_place_words)
      for (const auto& t : NormalizedPhrase(w)) words.insert(t);
    time_place_words_.push_back(std::move(words));
  }
  // "not only" before "not": a neutral phrase hides the cue inside it.
  for (const auto& c : rules_.modality.neutral) modal_.Add(c, kNeutral);
  for (const auto& c : rules_.modality.hedged) modal_.Add(c, kHedged);
  for (const auto& c : rules_.modality.enabling) modal_.Add(c, kEnabling);
  for (const auto& c : rules_.modality.presupposing) modal_.Add(c, kPresupposing);
  for (const auto& c : rules_.modality.proposed) modal_.Add(c, kProposed);
  for (const auto& c : rules_.modality.denied) modal_.Add(c, kDenied);
  for (const auto& c : rules_.modality.reported) modal_.Add(c, kReported);
  // Future markers pass the matcher's first-token filter, so that a token
  // that starts no modal phrase and is no marker (most) costs one bit test.
  for (const auto& c : rules_.modality.future_markers) modal_.Add(c, kScheduled);
}

bool RelationExtractor::BracketAfterGroup(std::string_view text, const std::vector<Token>& tokens,
                                          const std::vector<Mention>& mentions, size_t i, const RelationRule& rule) const {
  // "US-Japan" is no bracket; "the bloc—Brazil, Russia, India—" is.
  if (tokens[i].norm == "-" && !tokens[i].space_before && !IsEmDash(text, tokens[i])) return false;
  // "the new members - A, B -": a membership word right before it will do.
  if (i > 0 && std::find(rule.bracket_heads_without_group.begin(), rule.bracket_heads_without_group.end(),
                         tokens[i - 1].norm) != rule.bracket_heads_without_group.end())
    return true;
  for (const auto& m : mentions)
    if (m.token_end <= i && m.token_end + 3 >= i && gazetteer_.entities()[m.entity].type == "group") return true;
  return false;
}

size_t RelationExtractor::TimePlaceCue(std::string_view text, const std::vector<Token>& tokens, size_t r, size_t i,
                                       size_t end) const {
  // "launched airstrikes early on Monday in Afghanistan": an attack noun, a
  // run of time words (a weekday, "early", "yesterday", a month, a number)
  // and a place preposition; the cue ends with the preposition (rules
  // version 19, after eval18's "airstrikes early yesterday in Iran").
  const RelationRule& rule = rules_.relations[r];
  if (rule.time_place_nouns.empty()) return 0;
  auto n = time_place_nouns_[r].LongestAt(tokens, i, end, text);
  if (!n.length) return 0;
  const auto& words = time_place_words_[r];
  size_t j = i + n.length;
  while (j < end && j < i + n.length + 4 &&
         (words.count(tokens[j].norm) || rules_.time.months.count(tokens[j].norm) ||
          (!tokens[j].norm.empty() && std::all_of(tokens[j].norm.begin(), tokens[j].norm.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; }))))
    ++j;
  if (j == i + n.length || j + 1 >= end) return 0;
  return std::find(rule.place_prepositions.begin(), rule.place_prepositions.end(), tokens[j].norm) !=
                 rule.place_prepositions.end()
             ? j + 1
             : 0;
}

size_t RelationExtractor::ComplementClauseVerb(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                               size_t q, size_t end) const {
  // "will ensure Sweden joins", "to make sure that Ukraine and Moldova join":
  // a complement verb at q, "that", a name or a list of names, then the
  // joining verb (past "to", "will", "can"). The marker governs the clause
  // whose verb that is; a clause without one ("will ensure the Baltic is
  // safe") gives nothing (rules version 19).
  const size_t length = complement_verbs_.LongestAt(tokens, q, end, {}).length;
  if (!length || q + length >= end) return 0;
  size_t p = q + length;
  if (tokens[p].norm == "that") ++p;
  bool named = false;
  while (p < end) {
    auto m = std::find_if(mentions.begin(), mentions.end(), [&](const Mention& x) { return x.token_begin == p; });
    if (m != mentions.end()) {
      p = m->token_end;
      named = true;
    } else if (tokens[p].norm == "," || tokens[p].norm == "and" || tokens[p].norm == "the") {
      ++p;
    } else {
      break;
    }
  }
  if (!named || p >= end) return 0;
  if (tokens[p].norm == "to" || tokens[p].norm == "will" || tokens[p].norm == "can") ++p;
  if (p < end && std::find(complement_clause_verbs_.begin(), complement_clause_verbs_.end(), tokens[p].hash) !=
                     complement_clause_verbs_.end())
    return p;
  return 0;
}

size_t RelationExtractor::ScheduledVerb(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, size_t i,
                                        size_t end) const {
  // "the first to sign", "the 32nd country to join", "the only state to
  // ratify": a fact about who did it, not a plan.
  for (size_t p = i; p-- > 0 && p + 3 > i;) {
    const std::string& w = tokens[p].norm;
    if (std::find(future_not_after_.begin(), future_not_after_.end(), tokens[p].hash) != future_not_after_.end()) return 0;
    bool ordinal = w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0])) &&
                   (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th"));
    if (ordinal) return 0;
    if (!tokens[p].is_word) break;
  }
  // The verb within future_gap words: adverbs and "be" may come between
  // ("will formally sign", "is to be signed"), a name or a mark may not.
  const int gap = std::max(0, rules_.modality.future_gap);
  for (size_t q = i + 1, words = 0; q < end && words <= static_cast<size_t>(gap); ++q, ++words) {
    if (!tokens[q].is_word) return 0;
    for (const auto& m : mentions)
      if (m.token_begin <= q && q < m.token_end) return 0;
    if (size_t verb = ComplementClauseVerb(tokens, mentions, q, end)) return verb;
    if (std::find(future_verbs_.begin(), future_verbs_.end(), tokens[q].hash) != future_verbs_.end()) {
      // "will be joining" is still to come; after "to" an -ing form is a
      // gerund as often as a plan ("in addition to joining NATO in 2009").
      if (tokens[i].norm == "to" && tokens[q].norm.ends_with("ing")) return 0;
      return q;
    }
  }
  return 0;
}

bool RelationExtractor::AfterOpeningNames(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                          const Sentence& s, size_t i) const {
  if (i + 1 >= s.token_end || !tokens[i + 1].is_word) return false;
  size_t p = s.token_begin, named = 0;
  while (p < i) {
    auto m = std::find_if(mentions.begin(), mentions.end(), [&](const Mention& x) { return x.token_begin == p; });
    if (m != mentions.end()) {
      p = m->token_end;
      ++named;
    } else if (tokens[p].norm == "," || tokens[p].norm == "and" || tokens[p].norm == "&") {
      ++p;
    } else {
      return false;
    }
  }
  return named > 0;
}

PhraseMatcher::Match RelationExtractor::ModalAcrossInterposed(std::string_view text, const std::vector<Token>& tokens,
                                                             size_t i, size_t end) const {
  auto interposed = [&](const Token& t) {
    return std::find(interposed_.begin(), interposed_.end(), t.hash) != interposed_.end();
  };
  size_t j = i + 1;
  while (j < end && j <= i + 3 && tokens[j].is_word && interposed(tokens[j])) ++j;
  if (j == i + 1 || j >= end) return {};
  // The cue's first word, then the text after the interposed words: no cue
  // is longer than a few words, so a short copy is enough.
  std::vector<Token> joined = {tokens[i]};
  joined.insert(joined.end(), tokens.begin() + static_cast<std::ptrdiff_t>(j),
                tokens.begin() + static_cast<std::ptrdiff_t>(std::min(end, j + 8)));
  auto m = modal_.LongestAt(joined, 0, joined.size(), text);
  if (m.length < 2) return {};
  m.length += j - i - 1;
  return m;
}

bool RelationExtractor::TypeIn(int entity, const std::vector<std::string>& types) const {
  if (types.empty()) return true;
  const std::string& t = gazetteer_.entities()[entity].type;
  return std::find(types.begin(), types.end(), t) != types.end();
}

void RelationExtractor::SplitAtClauses(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                       const std::vector<Mention>& mentions, SentenceView* view) const {
  SentenceView& v = *view;
  std::vector<MentionList> out;
  for (MentionList& l : v.lists) {
    if (l.anaphor || v.ClauseOf(l.token_begin) == v.ClauseOf(l.token_end - 1)) {
      out.push_back(std::move(l));
      continue;
    }
    // One list per clause, from the mentions inside it.
    std::vector<MentionList> parts;
    for (const Mention& m : mentions) {
      if (m.token_begin < l.token_begin || m.token_end > l.token_end) continue;
      if (parts.empty() || v.ClauseOf(parts.back().token_begin) != v.ClauseOf(m.token_begin)) {
        MentionList part;
        part.token_begin = m.token_begin;
        part.compound = l.compound;
        parts.push_back(part);
      }
      MentionList& part = parts.back();
      part.token_end = m.token_end;
      if (std::find(part.entities.begin(), part.entities.end(), m.entity) == part.entities.end())
        part.entities.push_back(m.entity);
    }
    for (MentionList& part : parts) {
      list_builder_.MarkContext(text, tokens, s, &part);
      out.push_back(std::move(part));
    }
  }
  v.lists = std::move(out);
}

bool RelationExtractor::NamedInside(const std::vector<Token>& tokens, const SentenceView& v, const RelationRule& rule,
                                    const Binding& b, size_t cue_end) const {
  // "the Russian-Israeli deconfliction agreement": the parties and the cue
  // noun are one definite noun phrase, which names a relation that exists.
  // Only reported speech around it is kept off: "hope to conclude the
  // US-Japan agreement" is still a plan.
  return rule.shape == RelationShape::kSymmetric && !describing_.empty() && b.token_end == cue_end &&
         b.token_begin > v.sentence.token_begin && definite_determiners_.count(tokens[b.token_begin - 1].norm) &&
         b.token_begin + 8 >= cue_end;
}

Binding RelationExtractor::CarriedSubject(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                                          const std::deque<SentenceMemory>& history) const {
  Binding b;
  if (history.empty()) return b;
  const auto& tokens = *v.tokens;
  const int k = v.ClauseOf(cb);
  // The sentence names no one but a with-list after the cue, in its clause.
  int with = -1;
  for (size_t li = 0; li < v.lists.size(); ++li) {
    if (v.slots[li].with && !v.lists[li].anaphor && v.slots[li].clause == k && v.lists[li].token_begin >= ce && with < 0)
      with = static_cast<int>(li);
    else
      return b;
  }
  if (with < 0 || v.Gap(ce, v.lists[with].token_begin) > static_cast<size_t>(rule.max_distance)) return b;
  // "a similar agreement", "also", "another": the sentence says it goes on
  // from the one before.
  bool carry = false;
  for (size_t i = v.sentence.token_begin; i < v.lists[with].token_begin && !carry; ++i)
    carry = carry_words_.count(tokens[i].norm) > 0;
  if (!carry) return b;
  // The one subject of the previous sentence's claims of this predicate.
  int subject = -1;
  for (const auto& r : history.front().related) {
    if (r.predicate != rule.predicate) continue;
    // "Japan and Australia signed a pact": two subjects, neither carried.
    if (!r.one_subject || (subject >= 0 && subject != r.x)) return b;
    subject = r.x;
  }
  if (subject < 0 || !TypeIn(subject, rule.participant_types)) return b;
  const MentionList& l = v.lists[with];
  for (int e : l.entities)
    if (e != subject && TypeIn(e, rule.participant_types)) b.pairs.emplace_back(subject, e);
  if (b.pairs.empty()) return b;
  b.pattern = "carried-subject";
  b.token_begin = cb;
  b.token_end = l.token_end;
  b.anaphor = b.lookback = true;
  b.subject_choice = "the subject of the previous sentence's " + rule.predicate + " claims (" +
                     gazetteer_.entities()[subject].name + "), the sentence going on from it";
  b.object_choice = "the list after \"with\" " + Quoted(v.Text(l.token_begin, l.token_end));
  return b;
}

size_t RelationExtractor::DescribedFrom(const std::vector<Token>& tokens, const SentenceView& v, const RelationRule& rule,
                                       const Binding& b, size_t cue_begin, size_t cue_end) const {
  if (describing_.empty()) return SIZE_MAX;
  if (rule.shape == RelationShape::kMembership) {
    // "NATO members Poland and Romania": the members right after the cue.
    if (b.pattern == "group-before" && b.member_list >= 0 && v.lists[b.member_list].token_begin >= cue_end)
      return b.token_begin;
    // "the bloc (A, B and C)", "Leaders of BRICS - Brazil, Russia and India -".
    if (b.pattern == "group-bracket" && b.descriptive) return b.token_begin;
    // "the Quad, comprising A, B, C and D"; not "its members are A and B" (a clause of its own).
    std::string words;
    for (size_t i = cue_begin; i < cue_end; ++i) words += (words.empty() ? "" : " ") + tokens[i].norm;
    if (b.descriptive && describing_.count(words)) return b.token_begin;
    return SIZE_MAX;
  }
  if (rule.shape != RelationShape::kSymmetric) return SIZE_MAX;
  if (cue_end >= v.sentence.token_end || !describing_.count(tokens[cue_end].norm)) return SIZE_MAX;
  // "the treaty signed with China": a definite determiner at most three
  // words before the cue noun, nothing but words between; not after a
  // causative verb ("to get the agreement signed by June" is a plan).
  for (size_t k = 1; k <= 4 && k <= cue_begin - v.sentence.token_begin; ++k) {
    const Token& t = tokens[cue_begin - k];
    if (!t.is_word) return SIZE_MAX;
    for (const auto& m : *v.mentions)
      if (m.token_begin <= cue_begin - k && cue_begin - k < m.token_end) return SIZE_MAX;
    if (!definite_determiners_.count(t.norm)) continue;
    if (cue_begin - k > v.sentence.token_begin && causative_.count(tokens[cue_begin - k - 1].norm)) return SIZE_MAX;
    return cue_begin - k;
  }
  return SIZE_MAX;
}

Binding RelationExtractor::RelationAnaphor(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                                           const std::deque<SentenceMemory>& history, base::Modality* inherited) const {
  const auto& tokens = *v.tokens;
  const int k = v.ClauseOf(cb);
  Binding b;
  if (history.empty()) return b;
  // "These new and strengthened partnerships": a determiner, at most three
  // words, a relation noun; before the cue (or ending it), in its clause, no
  // name in between.
  size_t det = SIZE_MAX, noun = SIZE_MAX;
  for (size_t p = v.sentence.token_begin; p < ce; ++p) {
    if (v.ClauseOf(p) != k || !relation_determiners_.count(tokens[p].norm)) continue;
    for (size_t q = p + 1; q < ce && q <= p + 4 && v.ClauseOf(q) == k; ++q) {
      bool named = false;
      for (const auto& m : *v.mentions) named |= m.token_begin <= q && q < m.token_end;
      if (named) break;
      if (relation_nouns_.count(tokens[q].norm)) {
        det = p;
        noun = q;
        break;
      }
    }
  }
  if (det == SIZE_MAX) return b;
  const auto& types = rule.participant_types;
  for (const auto& r : history.front().related) {
    if (r.predicate == rule.predicate || !TypeIn(r.x, types) || !TypeIn(r.y, types)) continue;
    b.pairs.emplace_back(r.x, r.y);
    if (r.modality != base::Modality::kAsserted) *inherited = r.modality;
  }
  if (b.pairs.empty()) return b;
  b.pattern = "relation-anaphor";
  b.token_begin = std::min(cb, det);
  b.token_end = std::max(ce, noun + 1);
  b.anaphor = true;
  b.subject_choice = b.object_choice =
      "the relations of the previous sentence, which " +
      Quoted(v.text.substr(tokens[det].begin, tokens[noun].end - tokens[det].begin)) + " refers to";
  return b;
}

bool RelationExtractor::IsHeadline(std::string_view text, const std::vector<Token>& tokens, const Sentence& s) const {
  if (s.token_begin != 0 || s.token_end - s.token_begin < 2) return false;
  const Token& last = tokens[s.token_end - 1];
  if (last.norm == "." || last.norm == "!" || last.norm == "?" || last.norm == ":") return false;
  // It ends its line: a line break (or the end of the text) follows it.
  const size_t after = s.token_end < tokens.size() ? tokens[s.token_end].begin : text.size();
  return text.substr(last.end, after - last.end).find('\n') != std::string_view::npos || s.token_end == tokens.size();
}

Binding RelationExtractor::DefiniteRelation(const SentenceView& v, const RelationRule& rule, size_t cb, size_t ce,
                                            const DocumentMemory& memory, int* from_sentence) const {
  Binding b;
  const auto& tokens = *v.tokens;
  const int k = v.ClauseOf(cb);
  // "the agreement", "the new defence pact": a definite determiner, then at
  // most two lower-case words ("the Doha Agreement" is a name), then the
  // cue, which is a relation noun.
  if (!definite_relation_nouns_.count(tokens[ce - 1].norm) || cb == v.sentence.token_begin) return b;
  size_t det = SIZE_MAX;
  for (size_t p = cb; p-- > v.sentence.token_begin && p + 3 >= cb;) {
    if (!tokens[p].is_word) return b;
    if (definite_determiners_.count(tokens[p].norm)) {
      det = p;
      break;
    }
    if (v.text[tokens[p].begin] >= 'A' && v.text[tokens[p].begin] <= 'Z') return b;
  }
  if (det == SIZE_MAX) return b;
  for (size_t i = det + 1; i < ce; ++i)
    if (v.text[tokens[i].begin] >= 'A' && v.text[tokens[i].begin] <= 'Z') return b;
  // The clause names no party of the rule's types itself: a name there has
  // some other part in it, and the relation is not the one before.
  for (size_t li = 0; li < v.lists.size(); ++li)
    if (v.slots[li].clause == k)
      for (int e : v.lists[li].entities)
        if (TypeIn(e, rule.participant_types)) return b;
  // The nearest earlier sentence with relations of this predicate; they must
  // be one set of parties (every pair of them related), else which one is
  // meant is unclear and nothing is bound.
  int sentence = -1;
  std::set<int> parties;
  std::set<std::pair<int, int>> pairs;
  for (size_t r = 0; r < memory.relations.size(); ++r) {
    const auto& rel = memory.relations[r];
    if (rel.predicate != rule.predicate) continue;
    if (sentence >= 0 && memory.relation_sentences[r] != sentence) break;
    sentence = memory.relation_sentences[r];
    parties.insert(rel.x);
    parties.insert(rel.y);
    pairs.insert({std::min(rel.x, rel.y), std::max(rel.x, rel.y)});
  }
  if (sentence < 0 || parties.size() < 2 || pairs.size() != parties.size() * (parties.size() - 1) / 2) return b;
  std::vector<int> set(parties.begin(), parties.end());
  for (size_t i = 0; i < set.size(); ++i)
    for (size_t j = i + 1; j < set.size(); ++j) b.pairs.emplace_back(set[i], set[j]);
  b.pattern = "definite-relation";
  b.token_begin = det;
  b.token_end = ce;
  b.anaphor = b.lookback = true;
  *from_sentence = sentence;
  std::string names;
  for (int e : set) names += (names.empty() ? "" : ", ") + gazetteer_.entities()[e].name;
  b.subject_choice = b.object_choice = Quoted(v.Text(det, ce)) + " refers back to the " + rule.predicate + " of " + names +
                                       " named in " + (sentence == 0 && memory.has_headline ? std::string("the headline")
                                                                                             : "sentence " + std::to_string(sentence + 1));
  return b;
}

base::Modality RelationExtractor::ModalityFor(const SentenceView& v, const std::vector<ModalCue>& modal, int clause,
                                              bool head_in_scope, bool descriptive, bool described, size_t word_begin, size_t word_end,
                                              std::string* reason) const {
  const auto& tokens = *v.tokens;
  std::string proposed, denied, hedged, reported;
  const ClauseInfo& info = v.clauses.info[clause];
  // The relative clause the claim's clause is (or is inside of: "who visited
  // Kyiv days after Russia's attack on Ukraine"), or -1.
  int relative = -1;
  for (int c = clause, steps = 0; c >= 0 && relative < 0 && steps < 8; c = v.clauses.info[c].head, ++steps)
    if (v.clauses.info[c].kind == ClauseKind::kRelative) relative = c;
  if (v.quote_attribution != SIZE_MAX && !described)
    reported = "\"" + tokens[v.quote_attribution].norm + "...\" after the quotation the sentence is part of (reported speech)";
  // Presupposed: the evidence starts a few words after "in retaliation
  // for" in its clause; reported speech around it does not lower it.
  std::string presupposed;
  for (const ModalCue& m : modal)
    if (m.kind == kPresupposing && m.clause == clause && m.word < word_begin && word_begin - m.word <= kPresupposedReach)
      presupposed = tokens[m.token].norm;
  for (const ModalCue& m : modal) {
    const std::string& word = tokens[m.token].norm;
    if (m.kind == kPresupposing) continue;
    if (m.kind == kReported) {
      if (described && (m.word < word_begin || m.word >= word_end)) continue;
      // "Mr Putin, who could not attend over Russia's invasion of Ukraine,
      // said BRICS will ...": the speech verb governs its complement, not a
      // relative clause that describes someone, nor the clauses inside it
      // (rules version 15). Reported words inside it still count.
      if (relative >= 0) {
        bool inside = false;
        for (int c = clause; c >= 0 && !inside; c = c == relative ? -1 : v.clauses.info[c].head) inside = m.clause == c;
        if (!inside) continue;
      }
      if (reported.empty()) reported = "\"" + word + "...\" in the sentence (reported speech)";
      continue;
    }
    if (m.kind == kNeutral) continue;
    // "signed an agreement, paving the way for sharing intelligence": what
    // is enabled comes after the cue; the agreement before it stays a fact.
    if (m.kind == kEnabling && m.word >= word_end) continue;
    bool in_scope = m.clause == clause || ((head_in_scope || info.kind == ClauseKind::kComplement) && m.clause == info.head);
    bool near = descriptive ? m.word >= word_begin && m.word < word_end
                            : m.word + rules_.modality.window_before >= word_begin &&
                                  m.word < word_end + rules_.modality.window_after;
    if (!in_scope || !near) continue;
    std::string why = "\"" + word + "...\" in the clause";
    if (m.kind == kScheduled)
      why = "\"" + word + " ... " + tokens[m.verb].norm + "\" in the clause (a signing or joining still to come)";
    if (m.kind == kDenied && denied.empty()) denied = why;
    if ((m.kind == kProposed || m.kind == kEnabling || m.kind == kScheduled) && proposed.empty()) proposed = why;
    if (m.kind == kHedged && hedged.empty()) hedged = why + " (hedged)";
  }
  // A conditional clause, and the clause it depends on, are hypothetical.
  for (int c = clause; c >= 0 && proposed.empty(); c = v.clauses.info[c].head)
    if (v.clauses.info[c].hypothetical) proposed = "a conditional clause or the clause it depends on (hypothetical)";
  if (!denied.empty()) {
    *reason = "denied: " + denied;
    return base::Modality::kDenied;
  }
  if (!proposed.empty()) {
    *reason = "proposed: " + proposed;
    return base::Modality::kProposed;
  }
  if (!presupposed.empty() && hedged.empty() && !reported.empty()) {
    *reason = "asserted: presupposed after \"" + presupposed + "...\" (reported speech around it does not lower it)";
    return base::Modality::kAsserted;
  }
  if (!hedged.empty() || !reported.empty()) {
    *reason = "reported: " + (hedged.empty() ? reported : hedged);
    return base::Modality::kReported;
  }
  *reason = "asserted: no proposal, denial, hedge or reported speech in reach";
  return base::Modality::kAsserted;
}

bool RelationExtractor::PossessedAgency(const std::vector<Token>& tokens, const Mention& state,
                                        const Mention& agency) const {
  return agency.token_begin == state.token_end + 2 && tokens[state.token_end].norm == "'" &&
         tokens[state.token_end + 1].norm == "s" && gazetteer_.entities()[agency.entity].state == state.entity;
}

std::vector<Mention> RelationExtractor::AgenciesWithPossessors(const std::vector<Token>& tokens,
                                                              const std::vector<Mention>& mentions) const {
  std::vector<Mention> out;
  for (size_t k = 0; k < mentions.size(); ++k) {
    if (k + 1 < mentions.size() && PossessedAgency(tokens, mentions[k], mentions[k + 1])) {
      Mention merged = mentions[k + 1];
      merged.token_begin = mentions[k].token_begin;
      out.push_back(merged);
      ++k;
      continue;
    }
    out.push_back(mentions[k]);
  }
  return out;
}

std::vector<CandidateClaim> RelationExtractor::Extract(std::string_view text, const std::vector<Token>& tokens,
                                                       const Sentence& s, const std::vector<Mention>& named,
                                                       DocumentMemory* memory, bool explain) const {
  std::deque<SentenceMemory>& history = memory->sentences;
  const size_t tb = s.token_begin, te = s.token_end;
  // "Pakistan's ISI and Afghanistan's NDS": an agency after its own state's
  // possessive is one party, the agency (its claims are the state's too,
  // agency_states), so that the two agencies make one list (rules version
  // 14). Most sentences have no such pair and are read as they are.
  std::vector<Mention> merged;
  const std::vector<Mention>* chosen = &named;
  for (size_t k = 0; k + 1 < named.size(); ++k)
    if (PossessedAgency(tokens, named[k], named[k + 1])) {
      merged = AgenciesWithPossessors(tokens, named);
      chosen = &merged;
      break;
    }
  const std::vector<Mention>& mentions = *chosen;

  SentenceView v;
  v.text = text;
  v.tokens = &tokens;
  v.sentence = s;
  v.mentions = &mentions;
  v.lists = list_builder_.Build(text, tokens, s, mentions);
  ResolveAnaphors(text, tokens, s, *memory, &v.lists);
  // What later sentences may refer back to: this sentence's lists and groups.
  auto remember = [&](const std::vector<CandidateClaim>& claims) {
    SentenceMemory remembered;
    remembered.index = memory->seen;
    for (const auto& c : claims)
      if (c.symmetric)
        remembered.related.push_back({c.subject, c.object, c.predicate, c.modality,
                                      c.rule.ends_with(".subject-with") || c.rule.ends_with(".possessive-with")});
    // The document's relations, newest first, for "the agreement" further on.
    for (const auto& r : remembered.related) {
      memory->relations.push_front(r);
      memory->relation_sentences.push_front(memory->seen);
    }
    while (memory->relations.size() > 64) memory->relations.pop_back(), memory->relation_sentences.pop_back();
    remembered.lists = std::move(v.lists);
    for (const auto& m : mentions)
      if (gazetteer_.entities()[m.entity].type == "group") remembered.groups.push_back(m.entity);
    if (memory->seen == 0 && IsHeadline(text, tokens, s)) {
      memory->has_headline = true;
      memory->headline = remembered;
    }
    ++memory->seen;
    history.push_front(std::move(remembered));
    size_t keep = std::max<size_t>(static_cast<size_t>(std::max(0, rules_.mentions.anaphora.lookback_sentences)), 4);
    while (history.size() > keep) history.pop_back();
  };

  // Cues, per rule. A cue wholly inside a name is part of the name
  // ("Quadrilateral Security Dialogue", "Five Eyes alliance"); one that runs
  // past it ("Quad group of") is not.
  auto wholly_inside_a_name = [&](size_t b, size_t e) {
    for (const auto& m : mentions)
      if (m.token_begin <= b && e <= m.token_end) return true;
    for (const auto& l : v.lists)  // "the alliance" standing for NATO
      if (l.anaphor && l.token_begin <= b && e <= l.token_end) return true;
    return false;
  };
  // One pass: a token that starts no cue of any rule (most) costs one bit test.
  std::vector<Cue> cues;
  std::vector<size_t> next(cues_.size(), tb);  // per rule: where its next cue may start (no overlap within a rule)
  auto date_word = [&](const Token& t) {
    return t.norm == "," || rules_.time.months.count(t.norm) ||
           (!t.norm.empty() && std::all_of(t.norm.begin(), t.norm.end(), [](char c) { return c >= '0' && c <= '9'; }));
  };
  for (size_t i = tb; i < te; ++i) {
    if (!any_cue_.MayStartWith(tokens[i])) continue;
    // "formed in 2009 by A, B": a date between the two words of a "<verb>
    // by" membership cue; the date stays in the sentence for the claim's time.
    if (std::find(by_verbs_.begin(), by_verbs_.end(), tokens[i].hash) != by_verbs_.end() && i + 3 < te &&
        (tokens[i + 1].norm == "in" || tokens[i + 1].norm == "on")) {
      size_t j = i + 2;
      while (j < te && j < i + 6 && date_word(tokens[j])) ++j;
      if (j > i + 2 && j < te && tokens[j].norm == "by") {
        cues.push_back({i, j + 1, membership_rule_, CueKind::kMembersAfter});
        continue;
      }
    }
    for (size_t r = 0; r < cues_.size(); ++r) {
      if (i < next[r]) continue;
      auto m = cues_[r].LongestAt(tokens, i, te, text);
      if (!m.length) {
        // Inline first-token test: most tokens start no attack noun.
        if (time_place_nouns_[r].empty() || !time_place_nouns_[r].MayStartWith(tokens[i])) continue;
        if (size_t e = TimePlaceCue(text, tokens, r, i, te)) {
          cues.push_back({i, e, static_cast<int>(r), CueKind::kPlain});
          next[r] = e;
        }
        continue;
      }
      // A bracket ("(", a spaced dash) is a cue only right after a group
      // (within three tokens): hyphens and asides are common, and a sentence
      // with a cue costs its clauses.
      if (cue_kinds_[r][m.value] == CueKind::kMembersBracket &&
          !BracketAfterGroup(text, tokens, mentions, i, rules_.relations[r]))
        continue;
      if (cue_kinds_[r][m.value] != CueKind::kNotACue && !wholly_inside_a_name(i, i + m.length))
        cues.push_back({i, i + m.length, static_cast<int>(r), cue_kinds_[r][m.value]});
      next[r] = i + m.length;
    }
  }
  AliasCues(tokens, s, *memory, &cues);
  DefineAliases(text, tokens, s, mentions, cues, memory);
  std::vector<CandidateClaim> out;
  if (cues.empty()) {
    // Most sentences: no cue, so no clause, time or modality to read.
    remember(out);
    return out;
  }
  v.words.assign(te - tb + 1, 0);
  for (size_t i = tb; i < te; ++i) v.words[i - tb + 1] = v.words[i - tb] + (tokens[i].is_word ? 1 : 0);
  std::vector<TimeExpression> times = times_.Find(text, tokens, s);
  std::vector<size_t> time_starts;
  for (const auto& t : times) time_starts.push_back(t.token_begin);
  v.clauses = clauses_.Segment(text, tokens, s, v.lists, time_starts);
  SplitAtClauses(text, tokens, s, mentions, &v);
  arguments_.Annotate(&v);

  // Membership first: the lists it binds as members are no parties of a
  // symmetric cue (a membership list is not a set of bilateral pacts), and
  // with-group and network-members read them. Then text order.
  std::stable_sort(cues.begin(), cues.end(), [&](const Cue& a, const Cue& b) {
    bool am = rules_.relations[a.rule].shape == RelationShape::kMembership;
    bool bm = rules_.relations[b.rule].shape == RelationShape::kMembership;
    if (am != bm) return am;
    return a.begin < b.begin;
  });

  std::vector<ModalCue> modal;
  for (size_t i = tb; i < te;) {
    if (!modal_.MayStartWith(tokens[i])) { ++i; continue; }
    size_t verb = IsFutureMarker(tokens[i].hash) ? ScheduledVerb(tokens, mentions, i, te) : 0;
    if (!verb && tokens[i].norm == "to" && AfterOpeningNames(tokens, mentions, s, i)) verb = i + 1;
    if (verb) {
      // The words in between are still read: "will not sign" is denied.
      modal.push_back({i, v.WordAt(i), kScheduled, v.ClauseOf(i), verb});
      ++i;
      continue;
    }
    auto m = modal_.LongestAt(tokens, i, te, text);
    if (!m.length && !interposed_.empty()) m = ModalAcrossInterposed(text, tokens, i, te);
    if (!m.length || m.value == kScheduled) { ++i; continue; }  // a marker without its verb
    modal.push_back({i, v.WordAt(i), m.value, v.ClauseOf(i)});
    i += m.length;
  }
  v.quote_attribution = QuoteAttribution(tokens, s, 8, [&](size_t i, size_t end) -> size_t {
    if (!modal_.MayStartWith(tokens[i])) return 0;
    auto m = modal_.LongestAt(tokens, i, end, text);
    return m.length && m.value == kReported ? m.length : 0;
  });
  std::vector<int> end_clauses;  // clauses with "left", "lapsed": a point in time is where the relation ended
  for (size_t i = tb; i < te; ++i)
    if (size_t n = times_.EndCueAt(text, tokens, i, te)) {
      end_clauses.push_back(v.ClauseOf(i));
      i += n - 1;
    }

  std::set<std::tuple<int, std::string, int, int>> seen;
  const ConfidenceRules& conf = rules_.confidence;
  for (const Cue& c : cues) {
    const RelationRule& rule = rules_.relations[c.rule];
    // The group of the nearest earlier sentence (within the rule's lookback)
    // that names any ("This informal network made up of", "Argentina joined
    // BRICS. The other members are ..."), when it names exactly one: after
    // "NATO and the EU met", "its members" is neither (rules version 14;
    // before, the last one named was taken).
    std::vector<int> groups;
    int group_from = -1;
    if (rule.shape == RelationShape::kMembership) {
      // The look-back, then the headline (rules version 16).
      std::vector<const SentenceMemory*> reach;
      for (size_t h = 0; h < history.size() && h < static_cast<size_t>(std::max(0, rule.group_lookback_sentences)); ++h)
        reach.push_back(&history[h]);
      if (memory->has_headline && (reach.empty() || reach.back()->index > 0) &&
          memory->seen <= std::max(0, rules_.mentions.anaphora.headline_reach_sentences))
        reach.push_back(&memory->headline);
      for (const SentenceMemory* h : reach) {
        const auto& named = h->groups;
        if (named.empty()) continue;
        if (std::all_of(named.begin(), named.end(), [&](int g) { return g == named.front(); }))
          groups.push_back(named.front()), group_from = h->index;
        break;
      }
    }
    Binding b = arguments_.Bind(v, rule, c.kind, c.begin, c.end, groups);
    base::Modality inherited = base::Modality::kAsserted;
    if (b.pairs.empty() && rule.shape == RelationShape::kSymmetric &&
        std::find(rule.patterns.begin(), rule.patterns.end(), "relation-anaphor") != rule.patterns.end())
      b = RelationAnaphor(v, rule, c.begin, c.end, history, &inherited);
    // The previous sentence's relations ("these partnerships") or subject
    // ("a similar agreement ... with Canada"): where the claim's parties come from.
    int borrowed_from = -1;
    std::string borrowed;
    if (!b.pairs.empty() && b.pattern == "relation-anaphor") borrowed_from = history.front().index;
    if (b.pairs.empty() && rule.shape == RelationShape::kSymmetric &&
        std::find(rule.patterns.begin(), rule.patterns.end(), "carried-subject") != rule.patterns.end()) {
      b = CarriedSubject(v, rule, c.begin, c.end, history);
      if (!b.pairs.empty()) borrowed_from = history.front().index, borrowed = " (the subject)";
    }
    int definite_from = -1;
    if (b.pairs.empty() && rule.shape == RelationShape::kSymmetric &&
        std::find(rule.patterns.begin(), rule.patterns.end(), "definite-relation") != rule.patterns.end())
      b = DefiniteRelation(v, rule, c.begin, c.end, *memory, &definite_from);
    // A membership list ("the alliance, comprising A, B and C", "counts A, B
    // and C as members") is no party of a pact; the head of an apposition or
    // of a relative clause still is ("Australia, a Five Eyes member,
    // signed", "New Zealand, which belongs to the Five Eyes, shares").
    if (b.member_list >= 0 && b.pattern != "group-before" && !b.members_are_antecedent) {
      ListSlot& slot = v.slots[b.member_list];
      slot.member = true;
      slot.group = b.group;
      slot.member_clause = v.ClauseOf(c.begin);
    }
    // "Indonesia, the largest ASEAN member, agreed a pact with Japan": the
    // group of an apposition modifies "member"; the subject is further back.
    if (b.pattern == "group-before")
      for (size_t li = 0; li < v.lists.size(); ++li)
        if (v.lists[li].token_end == c.begin && !v.lists[li].anaphor) v.slots[li].modifier = true;
    if (b.pairs.empty()) continue;
    const int clause = b.clause >= 0 ? b.clause : v.ClauseOf(c.begin);
    // Which sentence the parties come from, when another one: an anaphor
    // resolved to an earlier set, "the agreement", a group named before.
    int from = definite_from >= 0 ? definite_from : borrowed_from;
    for (const auto& l : v.lists)
      if (l.anaphor && l.from_sentence >= 0 && l.token_begin >= b.token_begin && l.token_end <= b.token_end)
        from = std::max(from, l.from_sentence);
    if (from < 0 && b.lookback && group_from >= 0) from = group_from;
    std::string parties_from;
    if (from >= 0)
      parties_from = (from == 0 && memory->has_headline ? "the headline" : "sentence " + std::to_string(from + 1)) + borrowed;
    std::string modality_reason;
    // "Russia said it would honour the treaty signed with China in 2001":
    // the modal words that count are those of the noun phrase (rules version 15).
    const size_t described = DescribedFrom(tokens, v, rule, b, c.begin, c.end);
    const bool named_inside = described == SIZE_MAX && NamedInside(tokens, v, rule, b, c.end);
    base::Modality modality =
        ModalityFor(v, modal, clause, b.clause >= 0, b.descriptive || described != SIZE_MAX, described != SIZE_MAX || named_inside,
                    v.WordAt(described == SIZE_MAX ? b.token_begin : std::max(described, b.token_begin)), v.WordAt(b.token_end),
                    &modality_reason);
    // "Negotiations were launched in 2005 for the accession of Croatia": a
    // negotiation noun of the clause governs the evidence however far
    // before it (rules version 18). A describing noun phrase keeps its own
    // ("talks on the pact signed in 1998"); a members-after cue is one too,
    // but "the accession of" is an event a negotiation can be for.
    if ((modality == base::Modality::kAsserted || modality == base::Modality::kReported) &&
        (!b.descriptive || c.kind == CueKind::kMembersAfter) && described == SIZE_MAX) {
      size_t prep = 0;
      if (size_t noun = GoverningNoun(v, rule, clause, c.begin, &prep); noun != SIZE_MAX) {
        modality = base::Modality::kProposed;
        modality_reason = "proposed: \"" + tokens[noun].norm + " ... " + tokens[prep].norm +
                          "\" in the clause governs the evidence (under negotiation)";
      } else if (size_t path = EnablingPath(v, rule, clause, c.begin); path != SIZE_MAX) {
        modality = base::Modality::kProposed;
        modality_reason = path + 1 == c.begin
                              ? "proposed: \"" + tokens[path].norm + "\" right before the cue (still to come)"
                              : "proposed: \"" + tokens[path].norm + " " + tokens[path + 1].norm +
                                    "\" governs the evidence (a way opened to it, still to come)";
      }
    }
    // "the attack on B, which officials attributed to A": the text says who
    // is blamed, not that it is so (issue 13: an attribution is reported at most).
    if (modality == base::Modality::kAsserted && !b.attribution.empty()) {
      modality = base::Modality::kReported;
      modality_reason = "reported: the agent is named by an attribution (\"" + b.attribution + "\"), reported at most";
    }
    if (modality == base::Modality::kAsserted && inherited != base::Modality::kAsserted) {
      modality = inherited;
      modality_reason = std::string(base::ModalityName(inherited)) + ": as the relations \"these\" refers to";
    }
    double confidence = rule.confidence + (b.adjacent ? conf.adjacent_bonus : 0) -
                        (b.anaphor ? conf.anaphora_penalty : 0) - (b.lookback ? conf.lookback_penalty : 0) -
                        (b.fallback ? conf.fallback_penalty : 0);
    // The time: the expression nearest the evidence in the clause that states the relation.
    const TimeExpression* when = nullptr;
    size_t when_d = SIZE_MAX;
    for (const auto& t : times) {
      if (v.ClauseOf(t.core_begin < te ? t.core_begin : t.token_begin) != clause) continue;
      size_t d = t.token_end <= b.token_begin ? b.token_begin - t.token_end
                 : t.token_begin >= b.token_end ? t.token_begin - b.token_end
                                                : 0;
      if (d < when_d) when_d = d, when = &t;
    }
    // "since 1 April 2009, when Albania and Croatia joined": a "when" clause
    // without a time of its own is about the time right before it.
    if (const ClauseInfo& ci = v.clauses.info[clause]; !when && ci.marker != SIZE_MAX && tokens[ci.marker].norm == "when")
      for (const auto& t : times)
        if (t.token_end == ci.marker || (t.token_end + 1 == ci.marker && tokens[t.token_end].norm == ",")) when = &t;
    // "The agreement was signed in Riyadh in 2016": a relation named before
    // is restated for what the sentence adds to it, its date; without one
    // the restatement adds nothing but a second claim (rules version 16).
    if (definite_from >= 0 && (!when || (when->from.empty() && when->to.empty()))) continue;
    std::string cue_norm;
    for (size_t i = c.begin; i < c.end; ++i) {
      if (i > c.begin && tokens[i].space_before) cue_norm += ' ';
      cue_norm += tokens[i].norm;
    }
    if (c.alias) cue_norm += "=" + c.alias->stands_for;  // "raa=agreement": what the document defined it as
    // "a new security alliance (AUKUS) by A, B and C": the parties are the named group's members.
    const int named = rule.shape == RelationShape::kSymmetric && membership_rule_ >= 0
                          ? NamedGroup(tokens, mentions, s, c.end)
                          : -1;
    const size_t first = out.size();
    for (auto [subject, object] : b.pairs) {
      if (subject == object) continue;
      bool symmetric = rule.shape == RelationShape::kSymmetric;
      int x = subject, y = object;
      if (symmetric && x > y) std::swap(x, y);
      if (!seen.insert({x, rule.predicate, y, static_cast<int>(modality)}).second) continue;
      CandidateClaim cc;
      cc.subject = subject;
      cc.object = object;
      cc.predicate = rule.predicate;
      cc.symmetric = symmetric;
      cc.modality = modality;
      // The decimal the rules mean — 0.7 + 0.15 − 0.1 is 0.75, not the
      // 0.7499999999999999 double arithmetic gives — in thousandths, which
      // the store's indexes carry exactly (BELIEF then reads no claim record).
      cc.confidence = std::round(std::clamp(confidence, conf.min, conf.max) * 1000) / 1000;
      cc.token_begin = b.token_begin;
      cc.token_end = b.token_end;
      cc.cue = std::string(text.substr(tokens[c.begin].begin, tokens[c.end - 1].end - tokens[c.begin].begin));
      cc.cue_norm = cue_norm;
      cc.rule = rule.id + "." + b.pattern;
      cc.clause_begin = v.clauses.info[clause].first;
      cc.clause_end = v.clauses.info[clause].last + 1;
      cc.parties_from = parties_from;
      if (explain) {
        cc.subject_choice = b.subject_choice;
        cc.object_choice = b.object_choice;
        cc.modality_reason = modality_reason;
      }
      if (when) {
        cc.has_time = true;
        cc.time_begin = when->token_begin;
        cc.time_end = when->token_end;
        cc.time_from = when->from;
        cc.time_to = when->to;
        // "left NATO in 1966": the relation ended then.
        if (when->role == TimeRole::kAt &&
            std::find(end_clauses.begin(), end_clauses.end(), clause) != end_clauses.end()) {
          cc.time_from.clear();
        }
      }
      out.push_back(std::move(cc));
    }
    // "the BND shared intelligence with the CIA": each claim with an agency
    // the gazetteer gives a state is made with the state in its place too
    // (for subject, object and both), so that Germany shares intelligence
    // with the United States. Same evidence, clause, time and modality; not
    // between two agencies of one state.
    if (rule.agency_states) {
      const auto& entities = gazetteer_.entities();
      const size_t last = out.size();
      for (size_t i = first; i < last; ++i) {
        const CandidateClaim model = out[i];
        const int ss = entities[model.subject].state, os = entities[model.object].state;
        // The CIA and the NSA: one state's agencies among themselves say
        // nothing about states.
        if (ss >= 0 && ss == os) continue;
        const std::pair<int, int> variants[] = {{ss, model.object}, {model.subject, os}, {ss, os}};
        for (auto [subject, object] : variants) {
          if (subject < 0 || object < 0 || subject == object) continue;
          int x = subject, y = object;
          if (model.symmetric && x > y) std::swap(x, y);
          if (!seen.insert({x, rule.predicate, y, static_cast<int>(modality)}).second) continue;
          CandidateClaim cc = model;
          cc.subject = subject;
          cc.object = object;
          cc.rule += "+state";
          if (explain) {
            if (subject != model.subject)
              cc.subject_choice += "; the state of " + entities[model.subject].name + " in its place";
            if (object != model.object)
              cc.object_choice += "; the state of " + entities[model.object].name + " in its place";
          }
          out.push_back(std::move(cc));
        }
      }
    }
    if (named >= 0 && out.size() > first) {
      const RelationRule& mr = rules_.relations[membership_rule_];
      const CandidateClaim model = out[first];  // the cue's evidence, clause, time and modality
      std::vector<int> parties;
      for (auto [x, y] : b.pairs)
        for (int e : {x, y})
          if (TypeIn(e, mr.member_types) && std::find(parties.begin(), parties.end(), e) == parties.end())
            parties.push_back(e);
      for (int e : parties) {
        if (!seen.insert({e, mr.predicate, named, static_cast<int>(modality)}).second) continue;
        CandidateClaim cc = model;
        cc.subject = e;
        cc.object = named;
        cc.predicate = mr.predicate;
        cc.symmetric = false;
        cc.confidence = std::round(std::clamp(mr.confidence - conf.fallback_penalty, conf.min, conf.max) * 1000) / 1000;
        cc.rule = mr.id + ".named-" + b.pattern;
        for (const auto& m : mentions)  // the evidence reaches the name
          if (m.entity == named && m.token_begin >= c.end && m.token_begin <= c.end + 6) {
            cc.token_begin = std::min(cc.token_begin, c.begin);
            cc.token_end = std::max(cc.token_end, m.token_end);
            break;
          }
        if (explain) {
          cc.subject_choice = "a party of the " + rule.id + " the cue names: " + cc.subject_choice;
          cc.object_choice = "the group named right after the cue (in brackets, or after \"called\")";
        }
        out.push_back(std::move(cc));
      }
    }
  }

  remember(out);
  return out;
}

}  // namespace claimgraph::ingest
