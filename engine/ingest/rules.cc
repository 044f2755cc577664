#include "engine/ingest/rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "engine/ingest/tokenizer.h"

namespace claimgraph::ingest {
namespace {

using Json = nlohmann::json;

std::string Path(const std::string& where, std::string_view key) {
  return where.empty() ? std::string(key) : where + "." + std::string(key);
}

// The string at `key`, "" when it is absent or not a string (the caller says which it needed).
std::string Text(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Readers that name the offending path; each returns false after setting `error`.
struct Reader {
  std::string error;

  bool Fail(std::string message) {
    error = std::move(message);
    return false;
  }
  // A key the format does not know is a typo that would silently do nothing
  // ("cuez" leaves the rule without its cues): refused, with the nearest
  // known key when one is close.
  bool Keys(const Json& obj, const std::string& where, std::initializer_list<std::string_view> known) {
    if (!obj.is_object()) return where.empty() ? Fail("the rules must be a JSON object") : Fail(where + " must be an object");
    for (const auto& [key, value] : obj.items()) {
      if (key == "comment" || std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string message = Path(where, key) + ": unknown key";
      std::string_view best;
      size_t best_distance = SIZE_MAX;
      for (std::string_view k : known) {
        // A shortened key ("lookback" for "lookback_sentences") is as near as a typo.
        size_t d = k.starts_with(key) || std::string_view(key).starts_with(k) ? 1 : EditDistance(key, k);
        if (d < best_distance) best_distance = d, best = k;
      }
      if (best_distance <= std::max<size_t>(2, key.size() / 3)) message += " (did you mean \"" + std::string(best) + "\"?)";
      return Fail(message);
    }
    return true;
  }
  bool Strings(const Json& obj, const char* key, const std::string& where, std::vector<std::string>* out) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_array()) return Fail(Path(where, key) + " must be an array of strings");
    out->clear();
    for (const auto& v : *it) {
      if (!v.is_string() || v.get<std::string>().empty()) return Fail(Path(where, key) + " must hold non-empty strings");
      out->push_back(v.get<std::string>());
    }
    return true;
  }
  template <typename T>
  bool Number(const Json& obj, const char* key, const std::string& where, T* out) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_number()) return Fail(Path(where, key) + " must be a number");
    *out = it->get<T>();
    return true;
  }
  bool Bool(const Json& obj, const char* key, const std::string& where, bool* out) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_boolean()) return Fail(Path(where, key) + " must be true or false");
    *out = it->get<bool>();
    return true;
  }
  // A section that is absent is empty; one that is not an object is an error.
  const Json* Section(const Json& obj, const char* key, const std::string& where) {
    static const Json kEmpty = Json::object();
    auto it = obj.find(key);
    if (it == obj.end()) return &kEmpty;
    if (!it->is_object()) {
      Fail(Path(where, key) + " must be an object");
      return nullptr;
    }
    return &*it;
  }
};

bool IsoDate(const std::string& s) {
  // YYYY, YYYY-MM or YYYY-MM-DD.
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool ReadRelation(Reader& r, const Json& j, const std::string& where, RelationRule* rule) {
  if (!r.Keys(j, where,
              {"id", "predicate", "shape", "cues", "not_cues", "cue_modifiers", "cues_members_after", "cues_members_before", "cues_without_group", "cues_group_before", "cues_members_bracket", "bracket_heads", "bracket_heads_without_group", "bracket_lead_ins", "group_modified_nouns", "group_before_glue", "participant_types",
               "subject_types", "object_types", "member_types", "group_types", "object_prepositions", "place_prepositions", "place_modifiers", "place_barriers", "time_place_nouns", "time_place_words", "with_verbs", "possessive_cues", "agent_bridges", "co_agent_verbs", "patterns",
               "members_pairwise", "agency_states", "max_distance", "members_before_distance", "subject_window", "object_window",
               "place_object_window", "group_lookback_sentences", "confidence", "agent_verbs", "agent_verb_gap",
               "attribution_bridges", "attribution_window", "attribution_verbs", "of_agent_prepositions"}))
    return false;
  if (!j.contains("predicate") || !j["predicate"].is_string()) return r.Fail(where + ": missing \"predicate\"");
  rule->predicate = j["predicate"].get<std::string>();
  rule->id = rule->predicate;
  if (j.contains("id")) {
    if (!j["id"].is_string() || j["id"].get<std::string>().empty()) return r.Fail(where + ".id must be a non-empty string");
    rule->id = j["id"].get<std::string>();
    for (char c : rule->id)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
        return r.Fail(where + ".id must be letters, digits, '-' and '_' (it is part of every claim's method)");
  }
  std::string shape = Text(j, "shape");
  if (shape == "symmetric") rule->shape = RelationShape::kSymmetric;
  else if (shape == "directed") rule->shape = RelationShape::kDirected;
  else if (shape == "membership") rule->shape = RelationShape::kMembership;
  else return r.Fail(where + ".shape must be symmetric, directed or membership");
  bool ok = r.Strings(j, "cues", where, &rule->cues) && r.Strings(j, "not_cues", where, &rule->not_cues) &&
            r.Strings(j, "cues_members_after", where, &rule->cues_members_after) &&
            r.Strings(j, "cues_members_before", where, &rule->cues_members_before) &&
            r.Strings(j, "cues_without_group", where, &rule->cues_without_group) &&
            r.Strings(j, "cues_group_before", where, &rule->cues_group_before) &&
            r.Strings(j, "cues_members_bracket", where, &rule->cues_members_bracket) &&
            r.Strings(j, "bracket_heads", where, &rule->bracket_heads) &&
            r.Strings(j, "bracket_heads_without_group", where, &rule->bracket_heads_without_group) &&
            r.Strings(j, "bracket_lead_ins", where, &rule->bracket_lead_ins) &&
            r.Strings(j, "group_modified_nouns", where, &rule->group_modified_nouns) &&
            r.Strings(j, "group_before_glue", where, &rule->group_before_glue) &&
            r.Strings(j, "participant_types", where, &rule->participant_types) &&
            r.Strings(j, "subject_types", where, &rule->subject_types) &&
            r.Strings(j, "object_types", where, &rule->object_types) &&
            r.Strings(j, "member_types", where, &rule->member_types) &&
            r.Strings(j, "group_types", where, &rule->group_types) &&
            r.Strings(j, "object_prepositions", where, &rule->object_prepositions) &&
            r.Strings(j, "place_prepositions", where, &rule->place_prepositions) &&
            r.Strings(j, "place_modifiers", where, &rule->place_modifiers) &&
            r.Strings(j, "place_barriers", where, &rule->place_barriers) &&
            r.Strings(j, "time_place_nouns", where, &rule->time_place_nouns) &&
            r.Strings(j, "time_place_words", where, &rule->time_place_words) &&
            r.Strings(j, "with_verbs", where, &rule->with_verbs) &&
            r.Strings(j, "possessive_cues", where, &rule->possessive_cues) &&
            [&] {
              for (const auto& c : rule->possessive_cues) rule->possessive_cue_tokens.push_back(NormalizedPhrase(c));
              return true;
            }() &&
            r.Strings(j, "agent_bridges", where, &rule->agent_bridges) &&
            [&] {
              for (const auto& b : rule->agent_bridges) rule->agent_bridge_tokens.push_back(NormalizedPhrase(b));
              return true;
            }() &&
            r.Strings(j, "co_agent_verbs", where, &rule->co_agent_verbs) &&
            r.Strings(j, "agent_verbs", where, &rule->agent_verbs) &&
            r.Strings(j, "attribution_bridges", where, &rule->attribution_bridges) &&
            r.Strings(j, "attribution_verbs", where, &rule->attribution_verbs) &&
            r.Strings(j, "of_agent_prepositions", where, &rule->of_agent_prepositions) &&
            [&] {
              for (const auto& w : rule->agent_verbs) rule->agent_verb_tokens.push_back(NormalizedPhrase(w));
              for (const auto& w : rule->attribution_bridges) rule->attribution_bridge_tokens.push_back(NormalizedPhrase(w));
              return true;
            }() &&
            r.Number(j, "agent_verb_gap", where, &rule->agent_verb_gap) &&
            r.Number(j, "attribution_window", where, &rule->attribution_window) &&
            r.Strings(j, "patterns", where, &rule->patterns) &&
            r.Bool(j, "members_pairwise", where, &rule->members_pairwise) &&
            r.Bool(j, "agency_states", where, &rule->agency_states) &&
            r.Number(j, "max_distance", where, &rule->max_distance) &&
            r.Number(j, "members_before_distance", where, &rule->members_before_distance) &&
            r.Number(j, "subject_window", where, &rule->subject_window) &&
            r.Number(j, "object_window", where, &rule->object_window) &&
            r.Number(j, "place_object_window", where, &rule->place_object_window) &&
            r.Number(j, "group_lookback_sentences", where, &rule->group_lookback_sentences) &&
            r.Number(j, "confidence", where, &rule->confidence);
  if (!ok) return false;
  if (j.contains("cue_modifiers")) {
    const Json& cm = j["cue_modifiers"];
    const std::string at = where + ".cue_modifiers";
    if (!cm.is_object()) return r.Fail(at + " must be an object");
    if (!r.Keys(cm, at, {"before", "words"}) || !r.Strings(cm, "before", at, &rule->modifier_before) ||
        !r.Strings(cm, "words", at, &rule->modifiers))
      return false;
  }
  bool has_cues = rule->shape == RelationShape::kMembership
                      ? !(rule->cues_members_after.empty() && rule->cues_members_before.empty() &&
                          rule->cues_group_before.empty() && rule->cues_members_bracket.empty())
                      : !rule->cues.empty();
  if (!has_cues) return r.Fail(where + ": a relation needs cues");
  if (rule->confidence <= 0 || rule->confidence > 1) return r.Fail(where + ".confidence must be in (0, 1]");
  const auto& known = PatternsOf(rule->shape);
  for (size_t i = 0; i < rule->patterns.size(); ++i) {
    if (std::find(known.begin(), known.end(), rule->patterns[i]) != known.end()) continue;
    std::string names;
    for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
    return r.Fail(where + ".patterns[" + std::to_string(i) + "]: unknown pattern \"" + rule->patterns[i] + "\" for a " +
                  shape + " relation (known: " + names + ")");
  }
  if (rule->patterns.empty()) rule->patterns = known;
  return true;
}

bool ReadTime(Reader& r, const Json& t, TimeRules* out) {
  const std::string where = "time";
  if (!r.Keys(t, where, {"prepositions", "months", "periods", "relative", "end_cues", "min_year", "max_year"})) return false;
  if (!r.Strings(t, "relative", where, &out->relative) || !r.Strings(t, "end_cues", where, &out->end_cues) ||
      !r.Number(t, "min_year", where, &out->min_year) || !r.Number(t, "max_year", where, &out->max_year))
    return false;
  if (auto it = t.find("prepositions"); it != t.end()) {
    if (!it->is_object()) return r.Fail("time.prepositions must be an object of word: role");
    for (const auto& [word, role] : it->items()) {
      std::string p = "time.prepositions." + word;
      if (!role.is_string()) return r.Fail(p + " must be a string");
      static const std::pair<const char*, TimeRole> kRoles[] = {{"at", TimeRole::kAt},
                                                                 {"from", TimeRole::kFrom},
                                                                 {"after", TimeRole::kAfter},
                                                                 {"to", TimeRole::kTo},
                                                                 {"before", TimeRole::kBefore}};
      bool found = false;
      for (const auto& [name, value] : kRoles)
        if (role.get<std::string>() == name) out->prepositions[word] = value, found = true;
      if (!found) return r.Fail(p + " must be one of at, from, after, to, before");
    }
  }
  if (auto it = t.find("months"); it != t.end()) {
    if (!it->is_object()) return r.Fail("time.months must be an object of word: month number");
    for (const auto& [word, n] : it->items()) {
      if (!n.is_number_integer() || n.get<int>() < 1 || n.get<int>() > 12)
        return r.Fail("time.months." + word + " must be an integer from 1 to 12");
      out->months[word] = n.get<int>();
    }
  }
  if (auto it = t.find("periods"); it != t.end()) {
    if (!it->is_array()) return r.Fail("time.periods must be an array");
    size_t i = 0;
    for (const auto& p : *it) {
      std::string pw = "time.periods[" + std::to_string(i++) + "]";
      if (!r.Keys(p, pw, {"names", "from", "to"})) return false;
      TimePeriod period;
      if (!r.Strings(p, "names", pw, &period.names)) return false;
      if (period.names.empty()) return r.Fail(pw + ".names must name the period");
      for (const auto& name : period.names)
        if (name.size() > 4 && (name.compare(0, 4, "the ") == 0 || name.compare(0, 4, "The ") == 0))
          return r.Fail(pw + ".names: write \"" + name.substr(4) + "\", not \"" + name +
                        "\" (a \"the\" before a period's name is skipped in the text)");
      period.from = Text(p, "from");
      period.to = Text(p, "to");
      if (!IsoDate(period.from) || !IsoDate(period.to))
        return r.Fail(pw + ": from and to must be ISO dates (YYYY, YYYY-MM or YYYY-MM-DD)");
      out->periods.push_back(std::move(period));
    }
  }
  if (out->min_year > out->max_year) return r.Fail("time.min_year must not exceed time.max_year");
  return true;
}

}  // namespace

const std::vector<std::string>& PatternsOf(RelationShape shape) {
  static const std::vector<std::string> kSymmetric = {"possessive-with", "subject-with", "with-group", "between",
                                                      "compound",        "by",           "cue-relative", "subject",    "network-members",
                                                      "clause-list", "relation-anaphor", "carried-subject", "definite-relation"};
  static const std::vector<std::string> kDirected = {"passive", "verb-with", "active", "relative", "attribution", "of-agent"};
  static const std::vector<std::string> kMembership = {"members-after", "members-before", "group-before", "group-bracket"};
  switch (shape) {
    case RelationShape::kSymmetric: return kSymmetric;
    case RelationShape::kDirected: return kDirected;
    case RelationShape::kMembership: break;
  }
  return kMembership;
}

Result<IngestRules> ParseIngestRules(std::string_view json_text) {
  Json j = Json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("not a JSON object");
  Reader r;
  if (!r.Keys(j, "",
              {"format", "version", "boilerplate", "sentences", "mentions", "clauses", "arguments", "modality", "time",
               "relations", "confidence"}))
    return Status::InvalidArgument(r.error);
  if (Text(j, "format") != "claimgraph-ingest-rules/1")
    return Status::InvalidArgument("format: must be \"claimgraph-ingest-rules/1\"");
  IngestRules rules;
  rules.version = Text(j, "version");
  if (rules.version.empty()) return Status::InvalidArgument("version: missing (a non-empty string)");
  const Json* bp = r.Section(j, "boilerplate", "");
  const Json* se = bp ? r.Section(j, "sentences", "") : nullptr;
  const Json* me = se ? r.Section(j, "mentions", "") : nullptr;
  const Json* cl = me ? r.Section(j, "clauses", "") : nullptr;
  const Json* ar = cl ? r.Section(j, "arguments", "") : nullptr;
  const Json* mo = ar ? r.Section(j, "modality", "") : nullptr;
  const Json* ti = mo ? r.Section(j, "time", "") : nullptr;
  const Json* co = ti ? r.Section(j, "confidence", "") : nullptr;
  const Json* ana = co ? r.Section(*me, "anaphora", "mentions") : nullptr;
  if (!ana) return Status::InvalidArgument(r.error);
  bool ok =
      r.Keys(*bp, "boilerplate",
             {"cues", "call_to_action", "cue_density", "min_cues", "tail_ratio", "link_list_min_lines",
              "link_list_max_words", "link_list_nonsentence_ratio"}) &&
      r.Keys(*se, "sentences", {"abbreviations", "max_tokens", "bullets"}) &&
      r.Keys(*me, "mentions", {"blockers", "list_separators", "list_heads", "list_titles", "name_particles", "adversary_markers", "place_prepositions", "non_party_heads", "combining_forms", "anaphora"}) &&
      r.Keys(*ana, "mentions.anaphora", {"determiners", "numbers", "nouns", "noun_types", "group_nouns", "relation_determiners", "relation_nouns", "plural_pronouns", "carry_words", "definite_relation_nouns", "cataphora_markers", "lookback_sentences", "headline_reach_sentences"}) &&
      r.Keys(*cl, "clauses",
             {"boundaries", "not_boundaries", "relative_pronouns", "complementizers", "subordinators", "conditionals",
              "closers"}) &&
      r.Keys(*ar, "arguments",
             {"between_words", "also_words", "with_words", "with_heads", "by_words", "possessive", "non_party_verbs",
              "membership_blockers", "apposition_words", "possessive_pronouns", "reflexive_words", "naming_words",
              "between_barriers", "between_owners", "negotiated_predicates", "object_barriers", "alongside_barriers", "member_modifiers", "slot_gap"}) &&
      r.Keys(*mo, "modality",
             {"proposed", "denied", "reported", "hedged", "neutral", "enabling", "presupposing", "describing", "future_markers", "future_verbs",
              "future_not_after", "interposed", "definite_determiners", "causative", "governing_nouns", "governed_prepositions", "governed_predicates",
              "governed_determiners", "enabling_paths", "enabling_prepositions", "prospective_modifiers", "complement_verbs",
              "complement_clause_verbs", "future_gap", "window_before", "window_after"}) &&
      r.Keys(*co, "confidence",
             {"adjacent_bonus", "anaphora_penalty", "lookback_penalty", "fallback_penalty", "min", "max"}) &&
      r.Strings(*bp, "cues", "boilerplate", &rules.boilerplate.cues) &&
      r.Strings(*bp, "call_to_action", "boilerplate", &rules.boilerplate.call_to_action) &&
      r.Number(*bp, "cue_density", "boilerplate", &rules.boilerplate.cue_density) &&
      r.Number(*bp, "min_cues", "boilerplate", &rules.boilerplate.min_cues) &&
      r.Number(*bp, "tail_ratio", "boilerplate", &rules.boilerplate.tail_ratio) &&
      r.Number(*bp, "link_list_min_lines", "boilerplate", &rules.boilerplate.link_list_min_lines) &&
      r.Number(*bp, "link_list_max_words", "boilerplate", &rules.boilerplate.link_list_max_words) &&
      r.Number(*bp, "link_list_nonsentence_ratio", "boilerplate", &rules.boilerplate.link_list_nonsentence_ratio) &&
      r.Strings(*se, "abbreviations", "sentences", &rules.sentences.abbreviations) &&
      r.Strings(*se, "bullets", "sentences", &rules.sentences.bullets) &&
      r.Number(*se, "max_tokens", "sentences", &rules.sentences.max_tokens) &&
      r.Strings(*me, "blockers", "mentions", &rules.mentions.blockers) &&
      r.Strings(*me, "list_separators", "mentions", &rules.mentions.list_separators) &&
      r.Strings(*me, "list_heads", "mentions", &rules.mentions.list_heads) &&
      r.Strings(*me, "list_titles", "mentions", &rules.mentions.list_titles) &&
      r.Strings(*me, "name_particles", "mentions", &rules.mentions.name_particles) &&
      r.Strings(*me, "adversary_markers", "mentions", &rules.mentions.adversary_markers) &&
      r.Strings(*me, "place_prepositions", "mentions", &rules.mentions.place_prepositions) &&
      r.Strings(*me, "non_party_heads", "mentions", &rules.mentions.non_party_heads) &&
      r.Strings(*ana, "determiners", "mentions.anaphora", &rules.mentions.anaphora.determiners) &&
      r.Strings(*ana, "nouns", "mentions.anaphora", &rules.mentions.anaphora.nouns) &&
      r.Strings(*ana, "group_nouns", "mentions.anaphora", &rules.mentions.anaphora.group_nouns) &&
      r.Strings(*ana, "relation_determiners", "mentions.anaphora", &rules.mentions.anaphora.relation_determiners) &&
      r.Strings(*ana, "relation_nouns", "mentions.anaphora", &rules.mentions.anaphora.relation_nouns) &&
      r.Strings(*ana, "plural_pronouns", "mentions.anaphora", &rules.mentions.anaphora.plural_pronouns) &&
      r.Strings(*ana, "carry_words", "mentions.anaphora", &rules.mentions.anaphora.carry_words) &&
      r.Strings(*ana, "definite_relation_nouns", "mentions.anaphora", &rules.mentions.anaphora.definite_relation_nouns) &&
      r.Strings(*ana, "cataphora_markers", "mentions.anaphora", &rules.mentions.anaphora.cataphora_markers) &&
      r.Number(*ana, "lookback_sentences", "mentions.anaphora", &rules.mentions.anaphora.lookback_sentences) &&
      r.Number(*ana, "headline_reach_sentences", "mentions.anaphora", &rules.mentions.anaphora.headline_reach_sentences) &&
      r.Strings(*cl, "boundaries", "clauses", &rules.clauses.boundaries) &&
      r.Strings(*cl, "not_boundaries", "clauses", &rules.clauses.not_boundaries) &&
      r.Strings(*cl, "relative_pronouns", "clauses", &rules.clauses.relative_pronouns) &&
      r.Strings(*cl, "complementizers", "clauses", &rules.clauses.complementizers) &&
      r.Strings(*cl, "subordinators", "clauses", &rules.clauses.subordinators) &&
      r.Strings(*cl, "conditionals", "clauses", &rules.clauses.conditionals) &&
      r.Strings(*cl, "closers", "clauses", &rules.clauses.closers) &&
      r.Strings(*ar, "between_words", "arguments", &rules.arguments.between_words) &&
      r.Strings(*ar, "also_words", "arguments", &rules.arguments.also_words) &&
      r.Strings(*ar, "with_words", "arguments", &rules.arguments.with_words) &&
      r.Strings(*ar, "with_heads", "arguments", &rules.arguments.with_heads) &&
      r.Strings(*ar, "by_words", "arguments", &rules.arguments.by_words) &&
      r.Strings(*ar, "possessive", "arguments", &rules.arguments.possessive) &&
      r.Strings(*ar, "non_party_verbs", "arguments", &rules.arguments.non_party_verbs) &&
      r.Strings(*ar, "membership_blockers", "arguments", &rules.arguments.membership_blockers) &&
      r.Strings(*ar, "possessive_pronouns", "arguments", &rules.arguments.possessive_pronouns) &&
      r.Strings(*ar, "reflexive_words", "arguments", &rules.arguments.reflexive_words) &&
      r.Strings(*ar, "naming_words", "arguments", &rules.arguments.naming_words) &&
      r.Strings(*ar, "between_barriers", "arguments", &rules.arguments.between_barriers) &&
      r.Strings(*ar, "between_owners", "arguments", &rules.arguments.between_owners) &&
      r.Strings(*ar, "negotiated_predicates", "arguments", &rules.arguments.negotiated_predicates) &&
      r.Strings(*ar, "object_barriers", "arguments", &rules.arguments.object_barriers) &&
      r.Strings(*ar, "alongside_barriers", "arguments", &rules.arguments.alongside_barriers) &&
      r.Strings(*ar, "member_modifiers", "arguments", &rules.arguments.member_modifiers) &&
      r.Number(*ar, "slot_gap", "arguments", &rules.arguments.slot_gap) &&
      r.Strings(*mo, "proposed", "modality", &rules.modality.proposed) &&
      r.Strings(*mo, "denied", "modality", &rules.modality.denied) &&
      r.Strings(*mo, "reported", "modality", &rules.modality.reported) &&
      r.Strings(*mo, "hedged", "modality", &rules.modality.hedged) &&
      r.Strings(*mo, "enabling", "modality", &rules.modality.enabling) &&
      r.Strings(*mo, "neutral", "modality", &rules.modality.neutral) &&
      r.Strings(*mo, "presupposing", "modality", &rules.modality.presupposing) &&
      r.Strings(*mo, "describing", "modality", &rules.modality.describing) &&
      r.Strings(*mo, "future_markers", "modality", &rules.modality.future_markers) &&
      r.Strings(*mo, "future_verbs", "modality", &rules.modality.future_verbs) &&
      r.Strings(*mo, "future_not_after", "modality", &rules.modality.future_not_after) &&
      r.Strings(*mo, "interposed", "modality", &rules.modality.interposed) &&
      r.Strings(*mo, "definite_determiners", "modality", &rules.modality.definite_determiners) &&
      r.Strings(*mo, "causative", "modality", &rules.modality.causative) &&
      r.Strings(*mo, "governing_nouns", "modality", &rules.modality.governing_nouns) &&
      r.Strings(*mo, "governed_prepositions", "modality", &rules.modality.governed_prepositions) &&
      r.Strings(*mo, "governed_predicates", "modality", &rules.modality.governed_predicates) &&
      r.Strings(*mo, "governed_determiners", "modality", &rules.modality.governed_determiners) &&
      r.Strings(*mo, "enabling_paths", "modality", &rules.modality.enabling_paths) &&
      r.Strings(*mo, "enabling_prepositions", "modality", &rules.modality.enabling_prepositions) &&
      r.Strings(*mo, "prospective_modifiers", "modality", &rules.modality.prospective_modifiers) &&
      r.Strings(*mo, "complement_verbs", "modality", &rules.modality.complement_verbs) &&
      r.Strings(*mo, "complement_clause_verbs", "modality", &rules.modality.complement_clause_verbs) &&
      r.Number(*mo, "future_gap", "modality", &rules.modality.future_gap) &&
      r.Number(*mo, "window_before", "modality", &rules.modality.window_before) &&
      r.Number(*mo, "window_after", "modality", &rules.modality.window_after) &&
      ReadTime(r, *ti, &rules.time) &&
      r.Number(*co, "adjacent_bonus", "confidence", &rules.confidence.adjacent_bonus) &&
      r.Number(*co, "anaphora_penalty", "confidence", &rules.confidence.anaphora_penalty) &&
      r.Number(*co, "lookback_penalty", "confidence", &rules.confidence.lookback_penalty) &&
      r.Number(*co, "fallback_penalty", "confidence", &rules.confidence.fallback_penalty) &&
      r.Number(*co, "min", "confidence", &rules.confidence.min) &&
      r.Number(*co, "max", "confidence", &rules.confidence.max);
  if (!ok) return Status::InvalidArgument(r.error);
  {
    std::vector<std::string> words;
    if (!r.Strings(*ar, "apposition_words", "arguments", &words)) return Status::InvalidArgument(r.error);
    for (const auto& w : words)
      for (const auto& t : NormalizedPhrase(w)) rules.arguments.apposition_words.insert(t);
  }
  if (rules.sentences.max_tokens < 10) return Status::InvalidArgument("sentences.max_tokens must be at least 10");
  if (rules.arguments.slot_gap < 0) return Status::InvalidArgument("arguments.slot_gap must not be negative");
  if (ana->contains("numbers")) {
    const Json& numbers = (*ana)["numbers"];
    if (!numbers.is_object()) return Status::InvalidArgument("mentions.anaphora.numbers must be an object");
    for (const auto& [word, n] : numbers.items()) {
      if (!n.is_number_integer() || n.get<int>() < 2)
        return Status::InvalidArgument("mentions.anaphora.numbers." + word + " must be an integer >= 2");
      rules.mentions.anaphora.numbers[word] = n.get<int>();
    }
  }
  if (me->contains("combining_forms")) {
    const Json& forms = (*me)["combining_forms"];
    if (!forms.is_object()) return Status::InvalidArgument("mentions.combining_forms must be an object");
    for (const auto& [form, name] : forms.items()) {
      if (!name.is_string() || name.get<std::string>().empty())
        return Status::InvalidArgument("mentions.combining_forms." + form + " must be a non-empty string");
      rules.mentions.combining_forms[form] = name.get<std::string>();
    }
  }
  if (ana->contains("noun_types")) {
    const Json& nt = (*ana)["noun_types"];
    if (!nt.is_object()) return Status::InvalidArgument("mentions.anaphora.noun_types must be an object");
    for (const auto& [noun, types] : nt.items()) {
      std::vector<std::string> list;
      if (!r.Strings(nt, noun.c_str(), "mentions.anaphora.noun_types", &list)) return Status::InvalidArgument(r.error);
      rules.mentions.anaphora.noun_types[noun] = std::move(list);
    }
  }
  if (!j.contains("relations") || !j["relations"].is_array() || j["relations"].empty())
    return Status::InvalidArgument("relations: must be a non-empty array");
  size_t i = 0;
  for (const auto& rel : j["relations"]) {
    RelationRule rule;
    std::string where = "relations[" + std::to_string(i++) + "]";
    if (!ReadRelation(r, rel, where, &rule)) return Status::InvalidArgument(r.error);
    for (const auto& other : rules.relations)
      if (other.id == rule.id)
        return Status::InvalidArgument(where + ".id: \"" + rule.id + "\" names an earlier relation too");
    rules.relations.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace claimgraph::ingest
