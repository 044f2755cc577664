// Names a document gives in passing: an initialism in brackets after a named
// agreement ("the Reciprocal Access Agreement (RAA)") stands for that
// agreement from then on, and a group named right after a partnership ("a
// new security alliance (AUKUS)", "the partnership, called AUKUS") has the
// partnership's parties as its members. Both read only what the text says
// next to the cue; nothing is guessed from a name's letters.
#include <algorithm>

#include "engine/ingest/extractor.h"

namespace claimgraph::ingest {

namespace {

bool IsQuote(const Token& t) { return t.norm == "\"" || t.norm == "'"; }

// "RAA", "GSOMIA": two to eight capital letters, as written.
bool IsInitialism(std::string_view text, const Token& t) {
  if (!t.is_word) return false;
  std::string_view w = text.substr(t.begin, t.end - t.begin);
  if (w.size() < 2 || w.size() > 8) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool InsideMention(const std::vector<Mention>& mentions, size_t i) {
  for (const auto& m : mentions)
    if (m.token_begin <= i && i < m.token_end) return true;
  return false;
}

}  // namespace

void RelationExtractor::DefineAliases(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                      const std::vector<Mention>& mentions, const std::vector<Cue>& cues,
                                      DocumentMemory* memory) const {
  for (const Cue& c : cues) {
    if (c.alias || c.kind != CueKind::kPlain || rules_.relations[c.rule].shape != RelationShape::kSymmetric) continue;
    // The cue ends a name ("... Access Agreement"), capitalized as names are,
    // and the bracket right after it holds one initialism and nothing else.
    const size_t e = c.end;
    if (e + 2 >= s.token_end || tokens[e].norm != "(" || tokens[e + 2].norm != ")") continue;
    const Token& last = tokens[e - 1];
    if (!(text[last.begin] >= 'A' && text[last.begin] <= 'Z')) continue;
    const Token& a = tokens[e + 1];
    if (!IsInitialism(text, a) || InsideMention(mentions, e + 1)) continue;
    std::string stands_for;
    for (size_t i = c.begin; i < c.end; ++i) {
      if (i > c.begin && tokens[i].space_before) stands_for += ' ';
      stands_for += tokens[i].norm;
    }
    bool known = false;
    for (const auto& d : memory->aliases) known |= d.hash == a.hash && d.rule == c.rule;
    if (!known) memory->aliases.push_back({a.hash, a.norm, c.rule, std::move(stands_for)});
  }
}

void RelationExtractor::AliasCues(const std::vector<Token>& tokens, const Sentence& s, const DocumentMemory& memory,
                                  std::vector<Cue>* cues) const {
  if (memory.aliases.empty()) return;
  for (size_t i = s.token_begin; i < s.token_end; ++i) {
    if (!tokens[i].is_word) continue;
    for (const CueAlias& d : memory.aliases) {
      if (d.hash != tokens[i].hash || d.norm != tokens[i].norm) continue;
      bool covered = false;  // a cue of the rule already there ("RAA agreement")
      for (const Cue& c : *cues) covered |= c.rule == d.rule && c.begin <= i && i < c.end;
      if (!covered) cues->push_back({i, i + 1, d.rule, CueKind::kPlain, &d});
    }
  }
  std::stable_sort(cues->begin(), cues->end(), [](const Cue& a, const Cue& b) { return a.begin < b.begin; });
}

int RelationExtractor::NamedGroup(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                  const Sentence& s, size_t cue_end) const {
  size_t i = cue_end;
  auto group_at = [&](size_t p) {
    while (p < s.token_end && IsQuote(tokens[p])) ++p;
    for (const auto& m : mentions)
      if (m.token_begin == p && gazetteer_.entities()[m.entity].type == "group") return m.entity;
    return -1;
  };
  if (i < s.token_end && tokens[i].norm == "(") return group_at(i + 1);
  if (i < s.token_end && tokens[i].norm == ",") ++i;
  for (const auto& words : naming_words_) {
    if (i + words.size() > s.token_end) continue;
    bool match = true;
    for (size_t k = 0; k < words.size() && match; ++k) match = tokens[i + k].norm == words[k];
    if (!match) continue;
    size_t p = i + words.size();
    while (p < s.token_end && IsQuote(tokens[p])) ++p;
    if (p < s.token_end && tokens[p].norm == "the") ++p;
    return group_at(p);
  }
  return -1;
}

}  // namespace claimgraph::ingest
