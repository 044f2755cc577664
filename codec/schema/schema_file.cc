#include "codec/schema/schema_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "base/normalize.h"

namespace claimgraph::codec {
namespace {

using Json = nlohmann::json;

Result<std::vector<std::string>> StringList(const Json& obj, const char* key, const std::string& where) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array()) return Status::InvalidArgument(where + "." + key + " must be an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) return Status::InvalidArgument(where + "." + key + " must hold strings only");
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<std::string> Str(const Json& obj, const char* key, const std::string& where, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(where + ": missing \"" + key + "\"");
    return std::string();
  }
  if (!it->is_string()) return Status::InvalidArgument(where + "." + key + " must be a string");
  return it->get<std::string>();
}

Result<bool> Bool(const Json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return false;
  if (!it->is_boolean()) return Status::InvalidArgument(where + "." + key + " must be true or false");
  return it->get<bool>();
}

Result<std::vector<FormerName>> FormerNames(const Json& obj, const std::string& where) {
  std::vector<FormerName> out;
  auto it = obj.find("former_names");
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array()) return Status::InvalidArgument(where + ".former_names must be an array of objects");
  size_t i = 0;
  for (const auto& f : *it) {
    std::string at = where + ".former_names[" + std::to_string(i++) + "]";
    if (!f.is_object()) return Status::InvalidArgument(at + " must be an object");
    FormerName former;
    CG_ASSIGN_OR_RETURN(former.name, Str(f, "name", at, true));
    CG_ASSIGN_OR_RETURN(former.aliases, StringList(f, "aliases", at));
    CG_ASSIGN_OR_RETURN(former.demonyms, StringList(f, "demonyms", at));
    CG_ASSIGN_OR_RETURN(former.code, Str(f, "iso_3166", at, false));
    CG_ASSIGN_OR_RETURN(former.withdrawn, Str(f, "withdrawn", at, false));
    out.push_back(std::move(former));
  }
  return out;
}

Result<std::map<std::string, NameCase>> Cases(const Json& obj, const std::string& where) {
  std::map<std::string, NameCase> out;
  auto it = obj.find("case");
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_object())
    return Status::InvalidArgument(where + ".case must be an object: {\"<one of its names>\": \"exact\"}");
  for (const auto& [name, rule] : it->items()) {
    std::string at = where + ".case[\"" + name + "\"]";
    std::string r = rule.is_string() ? rule.get<std::string>() : "";
    if (r == "exact") out[name] = NameCase::kExact;
    else if (r == "capitalized") out[name] = NameCase::kCapitalized;
    else if (r == "insensitive") out[name] = NameCase::kInsensitive;
    else return Status::InvalidArgument(at + " must be \"exact\", \"capitalized\" or \"insensitive\"");
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// "; did you mean \"Russia\"?" for the nearest candidate, or "" when none is near.
std::string DidYouMean(std::string_view word, const std::vector<const std::string*>& candidates) {
  const std::string* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const std::string* c : candidates) {
    size_t d = EditDistance(word, *c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  if (!best || best_distance > std::max<size_t>(2, word.size() / 3)) return "";
  return "; did you mean \"" + *best + "\"?";
}

// The facts and ingestion lists name entities or names of the file; a typo
// would silently find nothing, so each is checked.
Status CheckReferences(const Schema& schema) {
  std::unordered_map<std::string, const GazetteerEntry*> by_name;
  std::vector<const std::string*> entity_names;
  for (const GazetteerEntry& g : schema.entities) {
    by_name.emplace(g.name, &g);
    entity_names.push_back(&g.name);
  }
  for (size_t i = 0; i < schema.entities.size(); ++i) {
    const GazetteerEntry& g = schema.entities[i];
    std::string where = "entities[" + std::to_string(i) + "] \"" + g.name + "\"";
    auto entity = [&](const std::string& key, const std::string& name) -> Status {
      if (name.empty() || by_name.count(name)) return Status::Ok();
      return Status::InvalidArgument(where + "." + key + ": no entity \"" + name + "\" in the file" +
                                     DidYouMean(name, entity_names));
    };
    CG_RETURN_IF_ERROR(entity("state", g.state));
    CG_RETURN_IF_ERROR(entity("administered_by", g.administered_by));
    for (const auto& s : g.successors) CG_RETURN_IF_ERROR(entity("successors", s));
    for (const auto& m : g.members) CG_RETURN_IF_ERROR(entity("members", m));
    std::vector<const std::string*> own = AllNames(g);
    for (const auto& name_and_rule : g.cases) {
      const std::string& name = name_and_rule.first;  // not a structured binding: clang 14 cannot capture one
      bool known = std::any_of(own.begin(), own.end(), [&](const std::string* n) { return *n == name; });
      if (!known)
        return Status::InvalidArgument(where + ".case: \"" + name + "\" is not one of its names" +
                                       DidYouMean(name, own));
    }
  }
  // common_words and given_names: one-word names of some entity.
  std::unordered_set<std::string> normalized;  // every name of the file
  std::vector<const std::string*> all_names;
  for (const GazetteerEntry& g : schema.entities)
    for (const std::string* n : AllNames(g)) {
      normalized.insert(base::NormalizeAlias(*n));
      all_names.push_back(n);
    }
  for (const auto* list : {&schema.common_words, &schema.given_names}) {
    const char* key = list == &schema.common_words ? "common_words" : "given_names";
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string& w = (*list)[i];
      std::string where = std::string(key) + "[" + std::to_string(i) + "] \"" + w + "\"";
      bool one_word = !w.empty() && std::none_of(w.begin(), w.end(), [](char c) {
        return std::isspace(static_cast<unsigned char>(c)) || c == '-' || c == '\'' || c == '/';
      });
      if (!one_word) return Status::InvalidArgument(where + ": must be one word (the rule reads one-word names)");
      if (!normalized.count(base::NormalizeAlias(w)))
        return Status::InvalidArgument(where + ": no entity has this name" + DidYouMean(w, all_names));
    }
  }
  return Status::Ok();
}

}  // namespace

std::vector<const std::string*> AllNames(const GazetteerEntry& g) {
  std::vector<const std::string*> all{&g.name};
  for (const auto* names : {&g.aliases, &g.demonyms, &g.metonyms})
    for (const auto& n : *names) all.push_back(&n);
  for (const FormerName& f : g.former_names) {
    all.push_back(&f.name);
    for (const auto* names : {&f.aliases, &f.demonyms})
      for (const auto& n : *names) all.push_back(&n);
  }
  return all;
}

Result<Schema> ParseSchemaJson(std::string_view text) {
  // The non-throwing parse: an exception must not leave codec/.
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("schema is not a JSON object");
  // Not j.value("format", ""): that throws when "format" is not a string.
  auto format = j.find("format");
  if (format == j.end() || !format->is_string() || format->get<std::string>() != "claimgraph-schema/1")
    return Status::InvalidArgument("schema \"format\" must be \"claimgraph-schema/1\"");
  Schema schema;
  if (j.contains("predicates")) {
    if (!j["predicates"].is_array()) return Status::InvalidArgument("\"predicates\" must be an array");
    size_t i = 0;
    for (const auto& p : j["predicates"]) {
      std::string where = "predicates[" + std::to_string(i++) + "]";
      if (!p.is_object()) return Status::InvalidArgument(where + " must be an object");
      PredicateDeclaration pred;
      CG_ASSIGN_OR_RETURN(pred.name, Str(p, "name", where, true));
      CG_ASSIGN_OR_RETURN(pred.inverse, Str(p, "inverse", where, false));
      CG_ASSIGN_OR_RETURN(pred.domain, Str(p, "domain", where, false));
      CG_ASSIGN_OR_RETURN(pred.range, Str(p, "range", where, false));
      CG_ASSIGN_OR_RETURN(pred.symmetric, Bool(p, "symmetric", where));
      CG_ASSIGN_OR_RETURN(pred.description, Str(p, "description", where, false));
      schema.predicates.push_back(std::move(pred));
    }
  }
  if (j.contains("entities")) {
    if (!j["entities"].is_array()) return Status::InvalidArgument("\"entities\" must be an array");
    size_t i = 0;
    for (const auto& e : j["entities"]) {
      std::string where = "entities[" + std::to_string(i++) + "]";
      if (!e.is_object()) return Status::InvalidArgument(where + " must be an object");
      GazetteerEntry g;
      CG_ASSIGN_OR_RETURN(g.name, Str(e, "name", where, true));
      where += " \"" + g.name + "\"";
      CG_ASSIGN_OR_RETURN(g.type, Str(e, "type", where, false));
      CG_ASSIGN_OR_RETURN(g.aliases, StringList(e, "aliases", where));
      CG_ASSIGN_OR_RETURN(g.demonyms, StringList(e, "demonyms", where));
      CG_ASSIGN_OR_RETURN(g.metonyms, StringList(e, "metonyms", where));
      CG_ASSIGN_OR_RETURN(g.former_names, FormerNames(e, where));
      CG_ASSIGN_OR_RETURN(g.historical, Bool(e, "historical", where));
      CG_ASSIGN_OR_RETURN(g.successors, StringList(e, "successors", where));
      CG_ASSIGN_OR_RETURN(g.state, Str(e, "state", where, false));
      CG_ASSIGN_OR_RETURN(g.administered_by, Str(e, "administered_by", where, false));
      CG_ASSIGN_OR_RETURN(g.members, StringList(e, "members", where));
      CG_ASSIGN_OR_RETURN(g.cases, Cases(e, where));
      CG_ASSIGN_OR_RETURN(g.blockers, StringList(e, "blockers", where));
      schema.entities.push_back(std::move(g));
    }
  }
  CG_ASSIGN_OR_RETURN(schema.blockers, StringList(j, "blockers", "schema"));
  CG_ASSIGN_OR_RETURN(schema.common_words, StringList(j, "common_words", "schema"));
  CG_ASSIGN_OR_RETURN(schema.given_names, StringList(j, "given_names", "schema"));
  CG_ASSIGN_OR_RETURN(schema.not_surnames, StringList(j, "not_surnames", "schema"));
  CG_RETURN_IF_ERROR(CheckNamesAreUnique(schema));
  CG_RETURN_IF_ERROR(CheckReferences(schema));
  return schema;
}

Status CheckNamesAreUnique(const Schema& schema) {
  // Two entities answering to one name would be one entity in the store (a
  // name or alias finds at most one) and two in the ingestion gazetteer:
  // refused, naming both, rather than merged behind the file's back.
  std::unordered_map<std::string, const GazetteerEntry*> owner;  // normalized name -> entity
  for (const GazetteerEntry& g : schema.entities) {
    for (const std::string* n : AllNames(g)) {
      std::string key = base::NormalizeAlias(*n);
      if (key.empty()) continue;
      auto [it, inserted] = owner.emplace(key, &g);
      if (!inserted && it->second != &g) {
        const std::string& other = it->second->name;
        if (other == g.name)
          return Status::InvalidArgument("entity \"" + g.name + "\" is listed twice");
        return Status::InvalidArgument("\"" + *n + "\" names two entities, \"" + other + "\" and \"" + g.name +
                                       "\" (give it to one of them)");
      }
    }
  }
  return Status::Ok();
}

}  // namespace claimgraph::codec
