#include "engine/ingest/phrase_matcher.h"

#include <algorithm>
#include <cctype>

namespace claimgraph::ingest {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

void PhraseMatcher::Add(std::string_view phrase, int value, CaseRule rule) {
  std::vector<Token> tokens = Tokenize(phrase);
  if (tokens.empty()) return;
  Entry entry;
  entry.rule = rule;
  entry.value = value;
  for (const auto& t : tokens) {
    entry.hashes.push_back(t.hash);
    entry.norms.push_back(t.norm);
    entry.exact.emplace_back(phrase.substr(t.begin, t.end - t.begin));
  }
  entry.length = tokens.size();
  entry.second = tokens.size() > 1 ? tokens[1].hash : 0;
  first_filter_.set(FilterSlot(entry.hashes[0]));
  auto& bucket = by_first_[entry.hashes[0]];
  for (const auto& e : bucket)
    if (e.norms == entry.norms && e.rule == entry.rule) return;
  bucket.push_back(std::move(entry));
  std::stable_sort(bucket.begin(), bucket.end(),
                   [](const Entry& a, const Entry& b) { return a.norms.size() > b.norms.size(); });
}

PhraseMatcher::Match PhraseMatcher::LongestFrom(const std::vector<Token>& tokens, size_t i, size_t end,
                                                std::string_view text) const {
  auto it = by_first_.find(tokens[i].hash);
  if (it == by_first_.end()) return {};
  for (const Entry& e : it->second) {
    size_t n = e.length;
    if (i + n > end || (n > 1 && tokens[i + 1].hash != e.second)) continue;
    bool ok = true;
    for (size_t k = 2; k < n && ok; ++k) ok = tokens[i + k].hash == e.hashes[k];
    for (size_t k = 0; k < n && ok; ++k) ok = tokens[i + k].norm == e.norms[k];  // hashes may collide
    if (!ok) continue;
    if (e.rule == CaseRule::kExact) {
      for (size_t k = 0; k < n && ok; ++k)
        ok = text.substr(tokens[i + k].begin, tokens[i + k].end - tokens[i + k].begin) == e.exact[k];
    } else if (e.rule == CaseRule::kCapitalized) {
      for (size_t k = 0; k < n && ok; ++k)
        if (n == 1 || IsAsciiUpper(e.exact[k][0])) ok = IsAsciiUpper(text[tokens[i + k].begin]);
    }
    if (ok) return {n, e.value};
  }
  return {};
}

CaseRule CaseRuleForName(std::string_view name) {
  std::vector<Token> tokens = Tokenize(name);
  if (tokens.size() == 1) {
    bool has_lower = std::any_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    int upper = static_cast<int>(std::count_if(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }));
    if (!has_lower && upper >= 1) return CaseRule::kExact;  // US, UK, NATO, U.S.
    return CaseRule::kCapitalized;
  }
  // Multi-token initialisms ("U.S.-led" is not a name, but "E.U." tokenizes to one).
  return CaseRule::kInsensitive;
}

}  // namespace claimgraph::ingest
