#include "engine/ingest/gazetteer.h"

#include <unordered_map>

#include "base/normalize.h"

namespace claimgraph::ingest {
namespace {

CaseRule RuleFor(const io::GazetteerEntry& entry, const std::string& name) {
  auto it = entry.cases.find(name);
  if (it == entry.cases.end()) return CaseRuleForName(name);
  switch (it->second) {
    case io::NameCase::kExact: return CaseRule::kExact;
    case io::NameCase::kCapitalized: return CaseRule::kCapitalized;
    case io::NameCase::kInsensitive: return CaseRule::kInsensitive;
  }
  return CaseRuleForName(name);
}

bool StartsUpper(std::string_view text, const Token& t) { return text[t.begin] >= 'A' && text[t.begin] <= 'Z'; }
bool StartsLower(std::string_view text, const Token& t) { return text[t.begin] >= 'a' && text[t.begin] <= 'z'; }

}  // namespace

Gazetteer::Gazetteer(const io::Schema& schema, const MentionRules& rules) {
  for (const auto& w : schema.common_words) common_words_.insert(base::NormalizeAlias(w));
  for (const auto& w : schema.given_names) given_names_.insert(base::NormalizeAlias(w));
  for (const auto& w : schema.not_surnames) {
    auto t = Tokenize(w);
    if (!t.empty()) not_surnames_.insert(t[0].norm);
  }
  for (const auto& sep : rules.list_separators) {
    auto t = Tokenize(sep);
    if (t.size() == 1 && t[0].is_word) separators_.insert(t[0].norm);
  }
  for (const auto& w : rules.place_prepositions) {
    auto t = Tokenize(w);
    if (t.size() == 1 && t[0].is_word) place_prepositions_.insert(t[0].norm);
  }
  for (const auto& w : rules.non_party_heads) {
    auto t = Tokenize(w);
    if (t.size() == 1 && t[0].is_word) non_party_heads_.insert(t[0].norm);
  }
  for (const auto& e : schema.entities) AddEntity(e);
  // Facts naming other entities, resolved to indices now that all exist.
  std::unordered_map<std::string, int> index;
  for (size_t i = 0; i < entities_.size(); ++i) index.emplace(entities_[i].name, static_cast<int>(i));
  auto find = [&](const std::string& name) {
    auto it = index.find(name);
    return it == index.end() ? -1 : it->second;
  };
  for (const auto& [form, name] : rules.combining_forms) {
    auto t = Tokenize(form);
    // A form whose state the gazetteer lacks names nothing.
    if (t.size() == 1 && t[0].is_word && find(name) >= 0) combining_forms_.emplace(t[0].norm, find(name));
  }
  for (size_t i = 0; i < schema.entities.size(); ++i) {
    const io::GazetteerEntry& e = schema.entities[i];
    GazetteerEntity& g = entities_[i];
    g.state = find(e.state);
    g.administered_by = find(e.administered_by);
    for (const auto& s : e.successors)
      if (int k = find(s); k >= 0) g.successors.push_back(k);
    for (const auto& m : e.members)
      if (int k = find(m); k >= 0) g.members.push_back(k);
  }
  auto block = [&](const std::string& b) { Add(b, Phrase{}, CaseRule::kInsensitive); };
  for (const auto& b : rules.blockers) block(b);
  for (const auto& b : schema.blockers) block(b);
  for (const auto& e : schema.entities)
    for (const auto& b : e.blockers) block(b);
}

void Gazetteer::AddEntity(const io::GazetteerEntry& e) {
  int id = static_cast<int>(entities_.size());
  GazetteerEntity g;
  g.name = e.name;
  g.type = e.type;
  g.historical = e.historical;
  g.former_names = e.former_names;
  entities_.push_back(std::move(g));
  // A former name may be listed among the aliases or demonyms too (the
  // generator does, so that a reader of those alone still finds it): it is
  // added once, as a former name. (Names equal after NormalizeAlias but
  // written otherwise, "US" and "U.S.", are different phrases to the matcher:
  // both are added.)
  std::unordered_map<std::string, int> former;  // NormalizeAlias -> index into former_names
  for (size_t f = 0; f < e.former_names.size(); ++f) {
    const io::FormerName& fn = e.former_names[f];
    former.emplace(base::NormalizeAlias(fn.name), static_cast<int>(f));
    for (const auto* names : {&fn.aliases, &fn.demonyms})
      for (const auto& n : *names) former.emplace(base::NormalizeAlias(n), static_cast<int>(f));
  }
  std::unordered_set<std::string> added;  // the names added for this entity, as written
  auto add = [&](const std::string& name, MentionKind kind) {
    if (!added.insert(name).second) return;
    std::string key = base::NormalizeAlias(name);
    Phrase p;
    p.entity = id;
    p.kind = kind;
    if (auto it = former.find(key); it != former.end()) p.former = it->second;
    p.common_word = common_words_.count(key) > 0;
    p.given_name = given_names_.count(key) > 0;
    Add(name, p, RuleFor(e, name));
  };
  add(e.name, MentionKind::kName);
  for (const auto& a : e.aliases) add(a, MentionKind::kAlias);
  for (const auto& d : e.demonyms) add(d, MentionKind::kDemonym);
  for (const auto& m : e.metonyms) add(m, MentionKind::kMetonym);
  for (const auto& fn : e.former_names) {
    add(fn.name, MentionKind::kAlias);
    for (const auto& a : fn.aliases) add(a, MentionKind::kAlias);
    for (const auto& d : fn.demonyms) add(d, MentionKind::kDemonym);
  }
}

void Gazetteer::Add(const std::string& phrase, Phrase what, CaseRule rule) {
  phrases_.push_back(what);
  matcher_.Add(phrase, static_cast<int>(phrases_.size() - 1), rule);
}

bool Gazetteer::BeforeSurname(std::string_view text, const std::vector<Token>& tokens, size_t next,
                              size_t end) const {
  if (next >= end) return false;
  const Token& t = tokens[next];
  if (!t.is_word || !StartsUpper(text, t) || not_surnames_.count(t.norm)) return false;
  auto m = matcher_.LongestAt(tokens, next, end, text);
  return !(m.length && phrases_[m.value].entity >= 0);  // "Jordan Israel": a name, not a surname
}

bool Gazetteer::CommonWordReading(std::string_view text, const std::vector<Token>& tokens, const Sentence& s,
                                  size_t at) const {
  for (size_t i = s.token_begin; i < at; ++i)
    if (tokens[i].is_word) return false;  // not the sentence's first word
  size_t next = at + 1;
  if (next >= s.token_end) return false;
  const Token& t = tokens[next];
  if (!t.is_word || !StartsLower(text, t) || separators_.count(t.norm)) return false;
  bool past_tense = t.norm.size() > 3 && t.norm.compare(t.norm.size() - 2, 2, "ed") == 0;
  return !past_tense;
}

std::vector<std::vector<Mention>> Gazetteer::Find(std::string_view text, const std::vector<Token>& tokens,
                                                  const std::vector<Sentence>& sentences) const {
  std::vector<std::vector<Mention>> out(sentences.size());
  // Mentions the common-word rule doubts, as (sentence, position in it);
  // they stay only if their entity is named elsewhere in the document.
  std::vector<std::pair<size_t, size_t>> doubted;
  std::vector<bool> named(entities_.size(), false);
  for (size_t k = 0; k < sentences.size(); ++k) {
    const Sentence& s = sentences[k];
    for (size_t i = s.token_begin; i < s.token_end;) {
      if (!tokens[i].is_word) { ++i; continue; }
      auto m = matcher_.LongestAt(tokens, i, s.token_end, text);
      if (!m.length) {
        // "Anglo-American": a combining form joined by a hyphen, with no
        // space, to a name that follows.
        // The hyphen first: most words are followed by none, and the lookup hashes the word.
        auto form = i + 2 < s.token_end && tokens[i + 1].norm == "-" && !tokens[i + 1].space_before &&
                            !tokens[i + 2].space_before
                        ? combining_forms_.find(tokens[i].norm)
                        : combining_forms_.end();
        if (form != combining_forms_.end()) {
          auto next = matcher_.LongestAt(tokens, i + 2, s.token_end, text);
          if (next.length && phrases_[next.value].entity >= 0) {
            named[form->second] = true;
            out[k].push_back({i, i + 1, form->second, MentionKind::kDemonym, -1});
          }
        }
        ++i;
        continue;
      }
      const Phrase& p = phrases_[m.value];
      bool one_word = m.length == 1;
      // "the ceremony in Brussels": the city, not the EU it may stand for.
      bool place = p.kind == MentionKind::kMetonym && i > s.token_begin && place_prepositions_.count(tokens[i - 1].norm);
      // "three Chinese firms", "Russian-speaking hackers": the nation's people or things, not its state.
      bool people = false;
      if (p.kind == MentionKind::kDemonym && !non_party_heads_.empty()) {
        size_t h = i + m.length;
        if (h + 1 < s.token_end && tokens[h].norm == "-" && !tokens[h].space_before) ++h;
        people = h < s.token_end && non_party_heads_.count(tokens[h].norm) > 0;
      }
      if (p.entity >= 0 && !place && !people && !(p.given_name && one_word && BeforeSurname(text, tokens, i + 1, s.token_end))) {
        if (p.common_word && one_word && CommonWordReading(text, tokens, s, i))
          doubted.emplace_back(k, out[k].size());
        else
          named[p.entity] = true;
        out[k].push_back({i, i + m.length, p.entity, p.kind, p.former});
      }
      i += m.length;
    }
  }
  if (doubted.empty()) return out;
  // Drop the doubted mentions of entities named nowhere else, from the back
  // so that the positions stay valid.
  for (auto it = doubted.rbegin(); it != doubted.rend(); ++it) {
    auto& mentions = out[it->first];
    if (!named[mentions[it->second].entity]) mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(it->second));
  }
  return out;
}

std::vector<Mention> Gazetteer::Find(std::string_view text, const std::vector<Token>& tokens,
                                     const Sentence& s) const {
  return std::move(Find(text, tokens, std::vector<Sentence>{s})[0]);
}

}  // namespace claimgraph::ingest
