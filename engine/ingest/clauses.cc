#include "engine/ingest/clauses.h"

#include <algorithm>

namespace claimgraph::ingest {

ClauseSegmenter::ClauseSegmenter(const ClauseRules& rules) {
  // Added first wins for the same phrase: "no boundary" before the rest.
  for (const auto& m : rules.not_boundaries) markers_.Add(m, kNone);
  for (const auto& m : rules.boundaries) markers_.Add(m, kBoundary);
  for (const auto& m : rules.conditionals) markers_.Add(m, kConditional);
  for (const auto& m : rules.relative_pronouns) markers_.Add(m, kRelative);
  for (const auto& m : rules.complementizers) markers_.Add(m, kComplement);
  for (const auto& m : rules.subordinators) markers_.Add(m, kSubordinate);
  for (const auto& m : rules.closers) markers_.Add(m, kCloser);
}

Clauses ClauseSegmenter::Segment(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                 const std::vector<MentionList>& lists, const std::vector<size_t>& time_starts) const {
  const size_t tb = s.token_begin, te = s.token_end;
  Clauses out;
  out.id_of.assign(te - tb, 0);
  out.info.push_back({});
  // Tokens inside a list with a conjunction ("A, B and C"): its commas join
  // names, they end no clause. A list of names joined by a comma alone ("If
  // Russia hacks Germany, NATO would respond") may be two clauses' names:
  // the extractor splits it where a clause ends.
  std::vector<bool> in_list(te - tb, false);
  for (const auto& l : lists) {
    bool conjunction = false;
    for (size_t i = l.token_begin; i < l.token_end && !conjunction; ++i)
      conjunction = tokens[i].norm == "and" || tokens[i].norm == "or" || tokens[i].norm == "&";
    if (!conjunction) continue;
    for (size_t i = l.token_begin; i < l.token_end && i < te; ++i)
      if (i >= tb) in_list[i - tb] = true;
  }

  std::vector<int> open = {0};  // innermost last
  auto start = [&](ClauseKind kind, int head, size_t marker) {
    ClauseInfo info;
    info.kind = kind;
    info.head = head;
    info.marker = marker;
    out.info.push_back(info);
    return static_cast<int>(out.info.size() - 1);
  };
  for (size_t i = tb; i < te;) {
    PhraseMatcher::Match m = in_list[i - tb] || !markers_.MayStartWith(tokens[i]) ? PhraseMatcher::Match{}
                                                                                   : markers_.LongestAt(tokens, i, te, text);
    size_t len = m.length ? m.length : 1;
    int cur = open.back();
    Marker kind = m.length ? static_cast<Marker>(m.value) : kNone;
    if (kind == kCloser && tokens[i].norm == "-" && !(tokens[i].space_before && i + 1 < te && tokens[i + 1].space_before))
      kind = kNone;  // a hyphen ("US-Japan") closes nothing; a spaced dash does
    if ((kind == kSubordinate || kind == kConditional) &&
        std::find(time_starts.begin(), time_starts.end(), i) != time_starts.end())
      kind = kNone;  // "since 2015", "after the Cold War": a time, not a clause
    if ((kind == kRelative || kind == kComplement) && i == tb) kind = kNone;  // "Which ..." opens a question
    switch (kind) {
      case kBoundary:
        open = {start(ClauseKind::kMain, -1, i)};
        cur = open.back();
        break;
      case kRelative:
      case kComplement: {
        bool after_word_or_comma = tokens[i - 1].is_word || tokens[i - 1].norm == "," || tokens[i - 1].norm == "-" ||
                                   tokens[i - 1].norm == "\"";
        if (!after_word_or_comma) break;
        open.push_back(start(kind == kRelative ? ClauseKind::kRelative : ClauseKind::kComplement, cur, i));
        cur = open.back();
        break;
      }
      case kSubordinate:
      case kConditional:
        open.push_back(start(kind == kSubordinate ? ClauseKind::kSubordinate : ClauseKind::kConditional, cur, i));
        cur = open.back();
        break;
      case kCloser:
        // The closer itself ends the dependent clause; the clause it
        // interrupted goes on after it.
        // A closer right after the marker ("that, among other things,")
        // closes nothing yet.
        for (size_t k = i; k < i + len; ++k) out.id_of[k - tb] = cur;
        if (open.size() > 1) {
          bool has_words = false;
          for (size_t k = out.info[cur].marker + 1; k < i && !has_words; ++k) has_words = tokens[k].is_word;
          if (has_words) open.pop_back();
        }
        i += len;
        continue;
      case kNone:
        break;
    }
    for (size_t k = i; k < i + len && k < te; ++k) out.id_of[k - tb] = cur;
    i += len;
  }
  for (size_t i = tb; i < te; ++i) {
    ClauseInfo& c = out.info[out.id_of[i - tb]];
    c.first = std::min(c.first, i);
    c.last = std::max(c.last, i);
  }
  // A conditional's claims, and those of the clause it depends on (its
  // consequent: "If A attacks B, C would ..."), are hypothetical.
  for (auto& c : out.info)
    if (c.kind == ClauseKind::kConditional) {
      c.hypothetical = true;
      if (c.head >= 0) out.info[c.head].hypothetical = true;
    }
  return out;
}

}  // namespace claimgraph::ingest
