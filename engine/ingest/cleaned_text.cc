#include "engine/ingest/cleaned_text.h"

#include <algorithm>

namespace claimgraph::ingest {

void OffsetMap::AddSegment(uint32_t clean_begin, uint32_t original_begin, uint32_t length) {
  segments_.push_back({clean_begin, original_begin, length});
}

const OffsetMap::Segment& OffsetMap::Find(uint32_t clean) const {
  // The last segment that begins at or before `clean`.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), clean,
                             [](uint32_t c, const Segment& s) { return c < s.clean_begin; });
  return it == segments_.begin() ? *it : *(it - 1);
}

uint32_t OffsetMap::MapBegin(uint32_t clean) const {
  if (segments_.empty()) return clean;
  const Segment& s = Find(clean);
  return s.original_begin + std::min(clean - std::min(clean, s.clean_begin), s.length);
}

uint32_t OffsetMap::MapEnd(uint32_t clean) const {
  if (segments_.empty()) return clean;
  const Segment& s = Find(clean == 0 ? 0 : clean - 1);
  return s.original_begin + std::min(clean - std::min(clean, s.clean_begin), s.length);
}

namespace {

struct Line {
  uint32_t begin = 0, end = 0;  // original bytes, without the line break
  int words = 0;
  bool blank = true;
  bool bullet = false;
  int cues = 0;
  size_t token_begin = 0, token_end = 0;  // into the document's tokens
  bool prose = false;  // a sentence: several words ending in . ! ? or a closing quote
  const char* drop = nullptr;  // reason, when boilerplate
};

bool IsPlaceholder(std::string_view line) {
  // An image or file name standing alone: one "word" with underscores or
  // plus signs and no spaces ("800px-Trident_boat").
  if (line.find(' ') != std::string_view::npos) return false;
  return line.find('_') != std::string_view::npos || std::count(line.begin(), line.end(), '+') >= 2;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

BoilerplateFilter::BoilerplateFilter(const BoilerplateRules& rules) : rules_(rules) {
  for (const auto& c : rules_.cues) cues_.Add(c, 0);
  for (const auto& c : rules_.call_to_action) calls_to_action_.Add(c, 0);
}

CleanedText BoilerplateFilter::Clean(std::string_view original) const { return Clean(original, Tokenize(original)); }

CleanedText BoilerplateFilter::Clean(std::string_view original, const std::vector<Token>& tokens) const {
  std::vector<Line> lines;
  size_t next_token = 0;
  for (size_t pos = 0; pos <= original.size();) {
    size_t nl = original.find('\n', pos);
    if (nl == std::string_view::npos) nl = original.size();
    Line line;
    line.begin = static_cast<uint32_t>(pos);
    line.end = static_cast<uint32_t>(nl);
    // The line's tokens: no token spans a line break.
    const size_t tb = next_token;
    while (next_token < tokens.size() && tokens[next_token].begin < nl) ++next_token;
    const size_t te = next_token;
    line.token_begin = tb;
    line.token_end = te;
    std::string_view trimmed = Trim(original.substr(pos, nl - pos));
    for (size_t i = tb; i < te; ++i) line.words += tokens[i].is_word ? 1 : 0;
    line.blank = te == tb;
    if (!line.blank) {
      line.bullet = !tokens[tb].is_word && te - tb > 1 &&
                    (tokens[tb].norm == "\xE2\x80\xA2" || tokens[tb].norm == "-" || tokens[tb].norm == "*" ||
                     tokens[tb].norm == "\xC2\xB7");
      int& cue_count = line.cues;
      size_t last_punct = te;
      while (last_punct > tb && !tokens[last_punct - 1].is_word && (tokens[last_punct - 1].norm == "\"" ||
                                                                    tokens[last_punct - 1].norm == "'" ||
                                                                    tokens[last_punct - 1].norm == ")"))
        --last_punct;
      line.prose = line.words >= 4 && last_punct > tb &&
                   (tokens[last_punct - 1].norm == "." || tokens[last_punct - 1].norm == "!" ||
                    tokens[last_punct - 1].norm == "?");
      for (size_t i = tb; i < te;) {
        auto m = cues_.LongestAt(tokens, i, te, original);
        if (m.length) { ++cue_count; i += m.length; } else { ++i; }
      }
      // A call to action is the whole line, give or take its punctuation.
      size_t first = tb, last = te;
      while (first < last && !tokens[first].is_word) ++first;
      while (last > first && !tokens[last - 1].is_word) --last;
      bool call_to_action =
          first < last && calls_to_action_.LongestAt(tokens, first, last, original).length == last - first;
      if (call_to_action) line.drop = "call to action";
      else if (IsPlaceholder(trimmed)) line.drop = "placeholder";
      else if (cue_count >= rules_.min_cues && cue_count >= rules_.cue_density * std::max(1, line.words))
        line.drop = "consent or paywall cues";
      else if (cue_count >= 1 && line.words <= 12) line.drop = "consent or paywall cues";
    }
    lines.push_back(line);
    pos = nl + 1;
  }

  // Link lists: long runs of short, non-bullet lines, most of which are not
  // sentences (blank lines in between do not break a run; a long line or a
  // bullet does). A short article of short sentences is not a link list.
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].blank) { ++i; continue; }
    size_t j = i, count = 0, sentences = 0;
    while (j < lines.size() && (lines[j].blank || (!lines[j].bullet && lines[j].words <= rules_.link_list_max_words))) {
      if (!lines[j].blank) {
        ++count;
        sentences += lines[j].prose ? 1 : 0;
      }
      ++j;
    }
    bool list_like = count > 0 && static_cast<double>(count - sentences) >= rules_.link_list_nonsentence_ratio * count;
    if (static_cast<int>(count) >= rules_.link_list_min_lines && list_like) {
      // Sentences at either end of the run belong to the article around it.
      size_t first = i, last = j;
      while (first < last && (lines[first].blank || lines[first].prose || lines[first].drop)) ++first;
      while (last > first && (lines[last - 1].blank || lines[last - 1].prose || lines[last - 1].drop)) --last;
      for (size_t k = first; k < last; ++k)
        if (!lines[k].blank && !lines[k].drop) lines[k].drop = "link list";
    }
    i = j == i ? i + 1 : j;
  }

  // The boilerplate tail: from the first boilerplate line after which most
  // of the remaining words are boilerplate -- or in lines with several cues,
  // as the long paragraphs of a consent dialog are.
  std::vector<long> suffix_words(lines.size() + 1, 0), suffix_drop(lines.size() + 1, 0);
  for (size_t i = lines.size(); i-- > 0;) {
    suffix_words[i] = suffix_words[i + 1] + lines[i].words;
    suffix_drop[i] = suffix_drop[i + 1] + (lines[i].drop || lines[i].cues >= rules_.min_cues ? lines[i].words : 0);
  }
  // A sentence without any cue in the rest means article text is still to come.
  std::vector<bool> prose_after(lines.size() + 1, false);
  for (size_t i = lines.size(); i-- > 0;)
    prose_after[i] = prose_after[i + 1] || (!lines[i].drop && lines[i].prose && lines[i].cues == 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].drop || prose_after[i]) continue;
    if (suffix_drop[i] >= rules_.tail_ratio * suffix_words[i]) {
      for (size_t k = i; k < lines.size(); ++k)
        if (!lines[k].blank && !lines[k].drop) lines[k].drop = "boilerplate tail";
      break;
    }
  }

  CleanedText out;
  for (const Line& line : lines) {
    if (line.blank) continue;
    if (line.drop) {
      out.dropped.push_back({line.begin, line.end, line.drop});
      continue;
    }
    out.kept_tokens.emplace_back(line.token_begin, line.token_end);
    if (!out.text.empty()) out.text.push_back('\n');
    out.map.AddSegment(static_cast<uint32_t>(out.text.size()), line.begin, line.end - line.begin);
    out.text.append(original.substr(line.begin, line.end - line.begin));
  }
  return out;
}

}  // namespace claimgraph::ingest
