#include "engine/ingest/sentences.h"

#include <algorithm>
#include <cctype>

namespace claimgraph::ingest {
namespace {

bool IsClosing(const std::string& norm) { return norm == "\"" || norm == "'" || norm == ")" || norm == "]"; }

bool StartsUpperOrDigit(std::string_view text, const Token& t) {
  unsigned char c = text[t.begin];
  return std::isupper(c) || std::isdigit(c) || c >= 0x80;  // non-ASCII: CJK, accented capitals
}

}  // namespace

SentenceSplitter::SentenceSplitter(const SentenceRules& rules)
    : max_tokens_(static_cast<size_t>(std::max(1, rules.max_tokens))) {
  for (const auto& a : rules.abbreviations) {
    std::string norm;
    for (const auto& t : Tokenize(a)) norm += t.norm;
    abbreviations_.insert(norm);
  }
  for (const auto& b : rules.bullets) {
    auto t = Tokenize(b);
    if (!t.empty()) bullets_.insert(t[0].norm);
  }
}

std::vector<Sentence> SentenceSplitter::Split(std::string_view text, const std::vector<Token>& tokens) const {
  std::vector<Sentence> out;
  size_t start = 0;
  auto close = [&](size_t end) {
    for (size_t b = start; b < end; b += max_tokens_) out.push_back({b, std::min(end, b + max_tokens_)});
    start = end;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (i > start && t.newline_before) {
      // A hard-wrapped paragraph continues in lower case after a word or comma.
      const Token& prev = tokens[i - 1];
      bool wrapped = std::islower(static_cast<unsigned char>(text[t.begin])) && (prev.is_word || prev.norm == ",") &&
                     !bullets_.count(t.norm);
      if (!wrapped) close(i);
    }
    if (t.is_word || !(t.norm == "." || t.norm == "!" || t.norm == "?" || t.norm == "...")) continue;
    // An abbreviation or an initial keeps the sentence going.
    if (t.norm == "." && i > start && tokens[i - 1].is_word && tokens[i - 1].end == t.begin) {
      const Token& w = tokens[i - 1];
      if (abbreviations_.count(w.norm + ".")) continue;
      if (w.end - w.begin == 1 && std::isupper(static_cast<unsigned char>(text[w.begin]))) continue;
    }
    size_t end = i + 1;
    while (end < tokens.size() && !tokens[end].space_before && IsClosing(tokens[end].norm)) ++end;
    if (end == tokens.size()) { close(end); break; }
    const Token& next = tokens[end];
    if (!next.space_before) continue;  // "2.0", "a.m.", URLs
    bool starts = StartsUpperOrDigit(text, next) || (!next.is_word && (next.norm == "\"" || next.norm == "'" ||
                                                                        next.norm == "(" || bullets_.count(next.norm)));
    if (starts) {
      close(end);
      i = end - 1;
    }
  }
  close(tokens.size());
  return out;
}

}  // namespace claimgraph::ingest
