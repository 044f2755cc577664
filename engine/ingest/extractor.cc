#include "engine/ingest/extractor.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace claimgraph::ingest {

RelationExtractor::RelationExtractor(const IngestRules& rules, const Gazetteer& gazetteer, const ListBuilder& lists)
    : rules_(rules), gazetteer_(gazetteer), list_builder_(lists) {
  auto add = [&](const std::string& cue, int rule, int kind) {
    cue_table_.push_back({0, 0, rule, kind});
    cues_.Add(cue, static_cast<int>(cue_table_.size() - 1));
  };
  for (int r = 0; r < static_cast<int>(rules_.relations.size()); ++r) {
    const auto& rule = rules_.relations[r];
    for (const auto& c : rule.cues) add(c, r, 0);
    for (const auto& c : rule.cues_members_after) add(c, r, 1);
    for (const auto& c : rule.cues_members_before) add(c, r, 2);
  }
  for (const auto& c : rules_.modality.proposed) modal_.Add(c, 0);
  for (const auto& c : rules_.modality.denied) modal_.Add(c, 1);
  for (const auto& c : rules_.modality.reported) modal_.Add(c, 2);
}

bool RelationExtractor::TypeIn(int entity, const std::vector<std::string>& types) const {
  if (types.empty()) return true;
  const std::string& t = gazetteer_.entities()[entity].type;
  return std::find(types.begin(), types.end(), t) != types.end();
}

std::vector<int> RelationExtractor::Filter(const std::vector<int>& entities, const std::vector<std::string>& types) const {
  std::vector<int> out;
  for (int e : entities)
    if (TypeIn(e, types)) out.push_back(e);
  return out;
}

base::Modality RelationExtractor::ModalityFor(const std::vector<std::pair<size_t, int>>& modal, size_t word_begin,
                                                 size_t word_end, bool reported) const {
  bool proposed = false, denied = false;
  for (auto [pos, kind] : modal) {
    if (kind == 2) continue;
    bool near = pos + rules_.modality.window_before >= word_begin && pos < word_end + rules_.modality.window_after;
    if (!near) continue;
    (kind == 0 ? proposed : denied) = true;
  }
  if (denied) return base::Modality::kDenied;
  if (proposed) return base::Modality::kProposed;
  return reported ? base::Modality::kReported : base::Modality::kAsserted;
}

std::vector<CandidateClaim> RelationExtractor::Extract(std::string_view text, const std::vector<Token>& tokens,
                                                       const Sentence& s, const std::vector<Mention>& mentions,
                                                       DocumentMemory* memory) const {
  DocumentMemory& history = *memory;
  const size_t tb = s.token_begin, te = s.token_end;
  // Word positions: words[i - tb] = word tokens before token i in the sentence.
  std::vector<size_t> words(te - tb + 1, 0);
  for (size_t i = tb; i < te; ++i) words[i - tb + 1] = words[i - tb] + (tokens[i].is_word ? 1 : 0);
  auto word_at = [&](size_t token) { return words[token - tb]; };
  auto gap = [&](size_t a_end, size_t b_begin) -> size_t {  // words strictly between two ranges
    return a_end <= b_begin ? word_at(b_begin) - word_at(a_end) : 0;
  };

  std::vector<MentionList> lists = list_builder_.Build(text, tokens, s, mentions);

  // Anaphora: "the two governments" stands for the last list of that many
  // non-group entities, in this sentence or the previous ones.
  size_t lookback = static_cast<size_t>(std::max(0, rules_.mentions.anaphora.lookback_sentences));
  auto size_without_groups = [&](const MentionList& l) {
    return std::count_if(l.entities.begin(), l.entities.end(),
                         [&](int e) { return gazetteer_.entities()[e].type != "group"; });
  };
  std::vector<MentionList> anaphors;
  for (size_t i = tb; i < te; ++i) {
    size_t len = 0;
    int n = list_builder_.AnaphorSize(tokens, i, te, &len);
    if (n == 0) continue;
    const MentionList* found = nullptr;
    for (auto it = lists.rbegin(); it != lists.rend() && !found; ++it)
      if (it->token_end <= i && !it->adversary && size_without_groups(*it) == n) found = &*it;
    for (size_t h = 0; h < history.size() && h < lookback && !found; ++h)
      for (auto it = history[h].lists.rbegin(); it != history[h].lists.rend() && !found; ++it)
        if (!it->adversary && size_without_groups(*it) == n) found = &*it;
    if (found) {
      MentionList a;
      a.token_begin = i;
      a.token_end = i + len;
      for (int e : found->entities)
        if (gazetteer_.entities()[e].type != "group") a.entities.push_back(e);
      a.anaphor = true;
      anaphors.push_back(std::move(a));
    }
    i += len - 1;
  }
  lists.insert(lists.end(), anaphors.begin(), anaphors.end());
  std::sort(lists.begin(), lists.end(),
            [](const MentionList& a, const MentionList& b) { return a.token_begin < b.token_begin; });

  // A cue wholly inside a name is part of the name ("Quadrilateral Security
  // Dialogue", "Five Eyes alliance"); one that runs past it ("Quad group of") is not.
  std::vector<size_t> inside(te - tb, SIZE_MAX);  // token -> end of the mention holding it
  for (const auto& m : mentions)
    for (size_t k = m.token_begin; k < m.token_end; ++k) inside[k - tb] = m.token_end;
  std::vector<CueMatch> cues;
  for (size_t i = tb; i < te;) {
    auto m = cues_.LongestAt(tokens, i, te, text);
    if (!m.length) { ++i; continue; }
    if (inside[i - tb] != SIZE_MAX && i + m.length <= inside[i - tb]) { i += m.length; continue; }
    CueMatch c = cue_table_[m.value];
    c.begin = i;
    c.end = i + m.length;
    cues.push_back(c);
    i += m.length;
  }

  std::vector<std::pair<size_t, int>> modal;  // (word position, kind)
  bool reported = false;
  for (size_t i = tb; i < te;) {
    auto m = modal_.LongestAt(tokens, i, te, text);
    if (!m.length) { ++i; continue; }
    modal.emplace_back(word_at(i), m.value);
    reported |= m.value == 2;
    i += m.length;
  }

  std::vector<CandidateClaim> out;
  std::set<std::tuple<int, std::string, int, int>> seen;
  auto emit = [&](int subject, const std::string& predicate, int object, bool symmetric, size_t ev_begin,
                  size_t ev_end, double confidence, const CueMatch& cue) {
    if (subject == object) return;
    int a = subject, b = object;
    if (symmetric && a > b) std::swap(a, b);
    base::Modality modality = ModalityFor(modal, word_at(ev_begin), word_at(ev_end), reported);
    if (!seen.insert({a, predicate, b, static_cast<int>(modality)}).second) return;
    CandidateClaim c;
    c.subject = subject;
    c.object = object;
    c.predicate = predicate;
    c.modality = modality;
    c.confidence = std::clamp(confidence, rules_.confidence.min, rules_.confidence.max);
    c.token_begin = ev_begin;
    c.token_end = ev_end;
    c.cue = std::string(text.substr(tokens[cue.begin].begin, tokens[cue.end - 1].end - tokens[cue.begin].begin));
    out.push_back(std::move(c));
  };
  auto list_of = [&](const Mention& m) -> const MentionList* {
    for (const auto& l : lists)
      if (!l.anaphor && l.token_begin <= m.token_begin && m.token_end <= l.token_end) return &l;
    return nullptr;
  };
  const ConfidenceRules& conf = rules_.confidence;

  for (const CueMatch& c : cues) {
    const RelationRule& rule = rules_.relations[c.rule];
    const size_t max_d = static_cast<size_t>(rule.max_distance);
    if (rule.shape == RelationShape::kSymmetric) {
      const MentionList* with_list = nullptr;
      for (const auto& l : lists)
        if (l.token_begin >= c.end && l.after_with && !l.adversary && gap(c.end, l.token_begin) <= 2 &&
            !Filter(l.entities, rule.participant_types).empty()) {
          with_list = &l;
          break;
        }
      if (with_list) {
        const MentionList* subject = nullptr;
        for (const auto& l : lists)
          if (l.token_end <= c.begin && !l.adversary && !l.after_with && gap(l.token_end, c.begin) <= max_d &&
              !Filter(l.entities, rule.participant_types).empty())
            subject = &l;
        if (!subject) continue;
        auto subj = Filter(subject->entities, rule.participant_types);
        auto objs = Filter(with_list->entities, rule.participant_types);
        double confidence = rule.confidence + (gap(subject->token_end, c.begin) == 0 ? conf.adjacent_bonus : 0) -
                            (subject->anaphor ? conf.anaphora_penalty : 0);
        size_t eb = std::min(subject->token_begin, c.begin), ee = std::max(with_list->token_end, c.end);
        for (size_t x = 0; x < subj.size(); ++x) {
          for (int o : objs) emit(subj[x], rule.predicate, o, true, eb, ee, confidence, c);
          for (size_t y = x + 1; y < subj.size(); ++y) emit(subj[x], rule.predicate, subj[y], true, eb, ee, confidence, c);
        }
        continue;
      }
      for (const auto& l : lists) {
        if (l.adversary || l.after_with) continue;
        auto parts = Filter(l.entities, rule.participant_types);
        if (parts.size() < 2) continue;
        size_t d = l.token_end <= c.begin ? gap(l.token_end, c.begin) : gap(c.end, l.token_begin);
        if (d > max_d) continue;
        double confidence = rule.confidence + (d == 0 ? conf.adjacent_bonus : 0) - (l.anaphor ? conf.anaphora_penalty : 0);
        size_t eb = std::min(l.token_begin, c.begin), ee = std::max(l.token_end, c.end);
        for (size_t x = 0; x < parts.size(); ++x)
          for (size_t y = x + 1; y < parts.size(); ++y) emit(parts[x], rule.predicate, parts[y], true, eb, ee, confidence, c);
      }
    } else if (rule.shape == RelationShape::kDirected) {
      bool passive = c.end < te && tokens[c.end].norm == "by";
      auto allowed_before = [&](const std::vector<std::string>& types) -> const Mention* {
        const Mention* best = nullptr;
        for (const auto& m : mentions)
          if (m.token_end <= c.begin && gap(m.token_end, c.begin) <= static_cast<size_t>(rule.subject_window) &&
              TypeIn(m.entity, types))
            best = &m;
        return best;
      };
      auto allowed_after = [&](size_t from, const std::vector<std::string>& types, bool need_prep) -> const Mention* {
        for (const auto& m : mentions) {
          if (m.token_begin < from || gap(from, m.token_begin) > static_cast<size_t>(rule.object_window)) continue;
          if (!TypeIn(m.entity, types)) continue;
          size_t p = m.token_begin;
          while (p > from && tokens[p - 1].norm == "the") --p;
          bool direct = p == from;
          bool prep = p > from && std::find(rule.object_prepositions.begin(), rule.object_prepositions.end(),
                                            tokens[p - 1].norm) != rule.object_prepositions.end();
          if (direct || (need_prep && prep)) return &m;
        }
        return nullptr;
      };
      const Mention* subj_m = nullptr;
      const Mention* obj_m = nullptr;
      if (passive) {
        obj_m = allowed_before(rule.object_types);
        subj_m = allowed_after(c.end + 1, rule.subject_types, false);
      } else {
        subj_m = allowed_before(rule.subject_types);
        obj_m = allowed_after(c.end, rule.object_types, true);
      }
      if (!subj_m || !obj_m) continue;
      const MentionList* sl = list_of(*subj_m);
      const MentionList* ol = list_of(*obj_m);
      auto subj = sl ? Filter(sl->entities, rule.subject_types) : std::vector<int>{subj_m->entity};
      auto objs = ol ? Filter(ol->entities, rule.object_types) : std::vector<int>{obj_m->entity};
      size_t eb = std::min({c.begin, sl ? sl->token_begin : subj_m->token_begin, ol ? ol->token_begin : obj_m->token_begin});
      size_t ee = std::max({c.end, sl ? sl->token_end : subj_m->token_end, ol ? ol->token_end : obj_m->token_end});
      double confidence = rule.confidence + (gap(subj_m->token_end, c.begin) == 0 ? conf.adjacent_bonus : 0);
      for (int x : subj)
        for (int o : objs) emit(x, rule.predicate, o, false, eb, ee, confidence, c);
    } else {  // membership
      const MentionList* members = nullptr;
      if (c.kind == 1) {
        for (const auto& l : lists)
          if (l.token_begin >= c.end && gap(c.end, l.token_begin) <= max_d &&
              !Filter(l.entities, rule.member_types).empty()) {
            members = &l;
            break;
          }
      } else {
        for (const auto& l : lists)
          if (l.token_end <= c.begin && gap(l.token_end, c.begin) <= max_d &&
              !Filter(l.entities, rule.member_types).empty())
            members = &l;
      }
      if (!members) continue;
      // The group: the nearest group mention in the sentence, else the last
      // group of the previous sentences ("This informal network made up of").
      int group = -1;
      size_t best = SIZE_MAX, gb = c.begin, ge = c.end;
      for (const auto& m : mentions) {
        if (!TypeIn(m.entity, rule.group_types)) continue;
        if (m.token_begin >= members->token_begin && m.token_end <= members->token_end) continue;
        size_t d = m.token_end <= c.begin ? gap(m.token_end, c.begin) : gap(c.end, m.token_begin);
        if (d < best) { best = d; group = m.entity; gb = m.token_begin; ge = m.token_end; }
      }
      double confidence = rule.confidence;
      if (group < 0) {
        size_t group_lookback = static_cast<size_t>(std::max(0, rule.group_lookback_sentences));
        for (size_t h = 0; h < history.size() && h < group_lookback && group < 0; ++h)
          for (auto it = history[h].groups.rbegin(); it != history[h].groups.rend(); ++it)
            if (TypeIn(*it, rule.group_types)) { group = *it; break; }
        if (group < 0) continue;
        confidence -= conf.lookback_penalty;
      }
      size_t eb = std::min({c.begin, members->token_begin, gb}), ee = std::max({c.end, members->token_end, ge});
      for (int m : Filter(members->entities, rule.member_types)) emit(m, rule.predicate, group, false, eb, ee, confidence, c);
    }
  }

  SentenceMemory remembered;
  remembered.lists = std::move(lists);
  for (const auto& m : mentions)
    if (gazetteer_.entities()[m.entity].type == "group") remembered.groups.push_back(m.entity);
  history.push_front(std::move(remembered));
  size_t keep = std::max<size_t>(lookback, 4);
  while (history.size() > keep) history.pop_back();
  return out;
}

}  // namespace claimgraph::ingest
