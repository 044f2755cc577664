#include "engine/ingest/rules.h"

#include <nlohmann/json.hpp>

namespace claimgraph::ingest {
namespace {

using Json = nlohmann::json;

// Readers that name the offending path; each returns false after setting `error`.
struct Reader {
  std::string error;

  bool Strings(const Json& obj, const char* key, const std::string& where, std::vector<std::string>* out) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_array()) return Fail(where + "." + key + " must be an array of strings");
    out->clear();
    for (const auto& v : *it) {
      if (!v.is_string() || v.get<std::string>().empty())
        return Fail(where + "." + key + " must hold non-empty strings");
      out->push_back(v.get<std::string>());
    }
    return true;
  }
  template <typename T>
  bool Number(const Json& obj, const char* key, const std::string& where, T* out) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    if (!it->is_number()) return Fail(where + "." + key + " must be a number");
    *out = it->get<T>();
    return true;
  }
  bool Fail(std::string message) {
    error = std::move(message);
    return false;
  }
};

bool ReadRelation(Reader& r, const Json& j, const std::string& where, RelationRule* rule) {
  if (!j.is_object()) return r.Fail(where + " must be an object");
  if (!j.contains("predicate") || !j["predicate"].is_string()) return r.Fail(where + ": missing \"predicate\"");
  rule->predicate = j["predicate"].get<std::string>();
  std::string shape = j.value("shape", "");
  if (shape == "symmetric") rule->shape = RelationShape::kSymmetric;
  else if (shape == "directed") rule->shape = RelationShape::kDirected;
  else if (shape == "membership") rule->shape = RelationShape::kMembership;
  else return r.Fail(where + ".shape must be symmetric, directed or membership");
  bool ok = r.Strings(j, "cues", where, &rule->cues) &&
            r.Strings(j, "cues_members_after", where, &rule->cues_members_after) &&
            r.Strings(j, "cues_members_before", where, &rule->cues_members_before) &&
            r.Strings(j, "participant_types", where, &rule->participant_types) &&
            r.Strings(j, "subject_types", where, &rule->subject_types) &&
            r.Strings(j, "object_types", where, &rule->object_types) &&
            r.Strings(j, "member_types", where, &rule->member_types) &&
            r.Strings(j, "group_types", where, &rule->group_types) &&
            r.Strings(j, "object_prepositions", where, &rule->object_prepositions) &&
            r.Number(j, "max_distance", where, &rule->max_distance) &&
            r.Number(j, "subject_window", where, &rule->subject_window) &&
            r.Number(j, "object_window", where, &rule->object_window) &&
            r.Number(j, "group_lookback_sentences", where, &rule->group_lookback_sentences) &&
            r.Number(j, "confidence", where, &rule->confidence);
  if (!ok) return false;
  bool has_cues = rule->shape == RelationShape::kMembership
                      ? !(rule->cues_members_after.empty() && rule->cues_members_before.empty())
                      : !rule->cues.empty();
  if (!has_cues) return r.Fail(where + ": a relation needs cues");
  if (rule->confidence <= 0 || rule->confidence > 1) return r.Fail(where + ".confidence must be in (0, 1]");
  return true;
}

}  // namespace

Result<IngestRules> ParseIngestRules(std::string_view json_text) {
  Json j = Json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("ingest rules: not a JSON object");
  if (j.value("format", "") != "claimgraph-ingest-rules/1")
    return Status::InvalidArgument("ingest rules: \"format\" must be \"claimgraph-ingest-rules/1\"");
  IngestRules rules;
  rules.version = j.value("version", "");
  if (rules.version.empty()) return Status::InvalidArgument("ingest rules: missing \"version\"");
  Reader r;
  auto section = [&](const char* key) -> const Json& {
    static const Json kEmpty = Json::object();
    auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : kEmpty;
  };
  const Json& bp = section("boilerplate");
  const Json& se = section("sentences");
  const Json& me = section("mentions");
  const Json& mo = section("modality");
  const Json& co = section("confidence");
  const Json ana = me.contains("anaphora") && me["anaphora"].is_object() ? me["anaphora"] : Json::object();
  bool ok = r.Strings(bp, "cues", "boilerplate", &rules.boilerplate.cues) &&
            r.Strings(bp, "call_to_action", "boilerplate", &rules.boilerplate.call_to_action) &&
            r.Number(bp, "cue_density", "boilerplate", &rules.boilerplate.cue_density) &&
            r.Number(bp, "min_cues", "boilerplate", &rules.boilerplate.min_cues) &&
            r.Number(bp, "tail_ratio", "boilerplate", &rules.boilerplate.tail_ratio) &&
            r.Number(bp, "link_list_min_lines", "boilerplate", &rules.boilerplate.link_list_min_lines) &&
            r.Number(bp, "link_list_max_words", "boilerplate", &rules.boilerplate.link_list_max_words) &&
            r.Number(bp, "link_list_nonsentence_ratio", "boilerplate", &rules.boilerplate.link_list_nonsentence_ratio) &&
            r.Strings(se, "abbreviations", "sentences", &rules.sentences.abbreviations) &&
            r.Strings(se, "bullets", "sentences", &rules.sentences.bullets) &&
            r.Number(se, "max_tokens", "sentences", &rules.sentences.max_tokens) &&
            r.Strings(me, "blockers", "mentions", &rules.mentions.blockers) &&
            r.Strings(me, "list_separators", "mentions", &rules.mentions.list_separators) &&
            r.Strings(me, "adversary_markers", "mentions", &rules.mentions.adversary_markers) &&
            r.Strings(ana, "determiners", "mentions.anaphora", &rules.mentions.anaphora.determiners) &&
            r.Strings(ana, "nouns", "mentions.anaphora", &rules.mentions.anaphora.nouns) &&
            r.Number(ana, "lookback_sentences", "mentions.anaphora", &rules.mentions.anaphora.lookback_sentences) &&
            r.Strings(mo, "proposed", "modality", &rules.modality.proposed) &&
            r.Strings(mo, "denied", "modality", &rules.modality.denied) &&
            r.Strings(mo, "reported", "modality", &rules.modality.reported) &&
            r.Number(mo, "window_before", "modality", &rules.modality.window_before) &&
            r.Number(mo, "window_after", "modality", &rules.modality.window_after) &&
            r.Number(co, "adjacent_bonus", "confidence", &rules.confidence.adjacent_bonus) &&
            r.Number(co, "anaphora_penalty", "confidence", &rules.confidence.anaphora_penalty) &&
            r.Number(co, "lookback_penalty", "confidence", &rules.confidence.lookback_penalty) &&
            r.Number(co, "min", "confidence", &rules.confidence.min) &&
            r.Number(co, "max", "confidence", &rules.confidence.max);
  if (!ok) return Status::InvalidArgument("ingest rules: " + r.error);
  if (rules.sentences.max_tokens < 10)
    return Status::InvalidArgument("ingest rules: sentences.max_tokens must be at least 10");
  if (ana.contains("numbers")) {
    if (!ana["numbers"].is_object()) return Status::InvalidArgument("ingest rules: mentions.anaphora.numbers must be an object");
    for (const auto& [word, n] : ana["numbers"].items()) {
      if (!n.is_number_integer() || n.get<int>() < 2)
        return Status::InvalidArgument("ingest rules: mentions.anaphora.numbers." + word + " must be an integer >= 2");
      rules.mentions.anaphora.numbers[word] = n.get<int>();
    }
  }
  if (!j.contains("relations") || !j["relations"].is_array() || j["relations"].empty())
    return Status::InvalidArgument("ingest rules: \"relations\" must be a non-empty array");
  size_t i = 0;
  for (const auto& rel : j["relations"]) {
    RelationRule rule;
    if (!ReadRelation(r, rel, "relations[" + std::to_string(i++) + "]", &rule))
      return Status::InvalidArgument("ingest rules: " + r.error);
    rules.relations.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace claimgraph::ingest
