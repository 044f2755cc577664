#include "engine/ingest/time_expressions.h"

#include <cctype>
#include <cstdio>

namespace claimgraph::ingest {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int Day(const Token& t) {
  if (!AllDigits(t.norm) || t.norm.size() > 2) return 0;
  int d = std::stoi(t.norm);
  return d >= 1 && d <= 31 ? d : 0;
}

std::string Iso(int year, int month = 0, int day = 0) {
  char buf[16];
  if (day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (month) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

}  // namespace

TimeFinder::TimeFinder(const TimeRules& rules) : rules_(rules) {
  for (const auto& [word, role] : rules_.prepositions) prepositions_.Add(word, static_cast<int>(role));
  for (size_t i = 0; i < rules_.periods.size(); ++i)
    for (const auto& name : rules_.periods[i].names) periods_.Add(name, static_cast<int>(i));
  for (const auto& r : rules_.relative) relative_.Add(r, 0);
  for (const auto& c : rules_.end_cues) end_cues_.Add(c, 0);
  // Looked up by the token's hash: most capitalized words are no month.
  for (const auto& [name, month] : rules_.months) months_[TokenHash(name)] = {name, month};
}

int TimeFinder::Year(std::string_view digits) const {
  if (digits.size() != 4 || !AllDigits(std::string(digits))) return 0;
  int y = std::stoi(std::string(digits));
  return y >= rules_.min_year && y <= rules_.max_year ? y : 0;
}

int TimeFinder::Month(std::string_view text, const Token& t) const {
  if (!t.is_word || !std::isupper(static_cast<unsigned char>(text[t.begin]))) return 0;  // "may" is a verb
  auto it = months_.find(t.hash);
  return it == months_.end() || it->second.first != t.norm ? 0 : it->second.second;
}

size_t TimeFinder::EndCueAt(std::string_view text, const std::vector<Token>& tokens, size_t i, size_t end) const {
  if (!end_cues_.MayStartWith(tokens[i])) return 0;
  return end_cues_.LongestAt(tokens, i, end, text).length;
}

std::vector<TimeExpression> TimeFinder::Find(std::string_view text, const std::vector<Token>& tokens,
                                             const Sentence& s) const {
  std::vector<TimeExpression> out;
  const size_t te = s.token_end;
  for (size_t i = s.token_begin; i < te;) {
    // Most tokens start nothing: a preposition, period or relative phrase, a
    // month (capitalized) or a day (digits) may.
    const Token& t = tokens[i];
    if (!prepositions_.MayStartWith(t) && !periods_.MayStartWith(t) && !relative_.MayStartWith(t) && t.hash != the_ &&
        !(t.is_word && (std::isupper(static_cast<unsigned char>(text[t.begin])) ||
                        std::isdigit(static_cast<unsigned char>(text[t.begin]))))) {
      ++i;
      continue;
    }
    TimeExpression e;
    e.token_begin = i;
    size_t k = i;
    bool preposition = false;
    if (auto p = prepositions_.LongestAt(tokens, i, te, text); p.length) {
      e.role = static_cast<TimeRole>(p.value);
      k = i + p.length;
      preposition = true;
      if (k < te && tokens[k].norm == "-" && !tokens[k].space_before) ++k;  // "post-World War II"
    }
    e.core_begin = k;
    std::string start, end;  // the core's bounds
    bool found = false, range = false;
    // "since mid-2014", "in early 2015", "by late 2019": a part of a year,
    // kept at the year's precision (rules version 11).
    size_t yk = k;
    if (preposition && yk + 1 < te &&
        (tokens[yk].norm == "early" || tokens[yk].norm == "mid" || tokens[yk].norm == "late")) {
      ++yk;
      if (tokens[yk].norm == "-" && !tokens[yk].space_before) ++yk;
    }
    if (k < te) {
      // Period names are written without "the" ("Cold War"): the text's "the"
      // is skipped here, so that not every "the" is looked up.
      size_t p = k + (tokens[k].norm == "the" && k + 1 < te ? 1 : 0);
      if (auto period = periods_.LongestAt(tokens, p, te, text); period.length) {
        start = rules_.periods[period.value].from;
        end = rules_.periods[period.value].to;
        k = p + period.length;
        found = true;
      } else if (auto rel = relative_.LongestAt(tokens, k, te, text); rel.length) {
        k += rel.length;  // "last year": text only
        found = true;
      } else if (size_t d = k + (tokens[k].norm == "the" ? 1 : 0);
                 d < te && tokens[d].norm.size() == 5 && tokens[d].norm[4] == 's' && tokens[d].norm[3] == '0' &&
                 Year(std::string_view(tokens[d].norm).substr(0, 4))) {
        int decade = Year(std::string_view(tokens[d].norm).substr(0, 4));  // "the 1990s"
        start = Iso(decade);
        end = Iso(decade + 9);
        k = d + 1;
        found = true;
      } else if (int month = Month(text, tokens[k]); month) {
        size_t j = k + 1;
        if (j < te && tokens[j].norm == "." && !tokens[j].space_before) ++j;  // "Sept."
        int day = j < te ? Day(tokens[j]) : 0;
        if (day) ++j;
        size_t y = j;
        if (y < te && tokens[y].norm == ",") ++y;
        if (y < te && tokens[y].norm == "of") ++y;  // "July of 2013"
        int year = y < te ? Year(tokens[y].norm) : 0;
        if (year) {
          start = end = Iso(year, month, day);
          k = y + 1;
          found = true;
        } else if (preposition || day) {
          k = j;  // "in April", "on May 30": text only
          found = true;
        }
      } else if (int day = Day(tokens[k]); day && k + 2 < te && Month(text, tokens[k + 1]) && Year(tokens[k + 2].norm)) {
        start = end = Iso(Year(tokens[k + 2].norm), Month(text, tokens[k + 1]), day);  // "30 May 2015"
        k += 3;
        found = true;
      } else if (int year = yk < te ? Year(tokens[yk].norm) : 0; year && preposition) {
        start = end = Iso(year);
        k = yk + 1;
        found = true;
        // "from 1949 to 1991", "between 2001 and 2005", "1947-1991"
        if (k + 1 < te && (tokens[k].norm == "to" || tokens[k].norm == "and" || tokens[k].norm == "-" ||
                           tokens[k].norm == "until" || tokens[k].norm == "through")) {
          if (int second = Year(tokens[k + 1].norm); second >= year) {
            end = Iso(second);
            k += 2;
            range = true;
          }
        }
      }
    }
    if (!found) {
      ++i;
      continue;
    }
    e.token_end = k;
    if (range) {
      e.role = TimeRole::kAt;
      e.from = start;
      e.to = end;
    } else {
      switch (e.role) {
        case TimeRole::kAt: e.from = start; e.to = end; break;
        case TimeRole::kFrom: e.from = start; break;
        case TimeRole::kAfter: e.from = end; break;
        case TimeRole::kTo: e.to = end; break;
        case TimeRole::kBefore: e.to = start; break;
      }
    }
    out.push_back(std::move(e));
    i = k;
  }
  return out;
}

}  // namespace claimgraph::ingest
