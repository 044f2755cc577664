#include "codec/schema/schema_file.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

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

}  // namespace

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
      if (p.contains("symmetric")) {
        if (!p["symmetric"].is_boolean()) return Status::InvalidArgument(where + ".symmetric must be true or false");
        pred.symmetric = p["symmetric"].get<bool>();
      }
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
      CG_ASSIGN_OR_RETURN(g.type, Str(e, "type", where, false));
      CG_ASSIGN_OR_RETURN(g.aliases, StringList(e, "aliases", where));
      CG_ASSIGN_OR_RETURN(g.demonyms, StringList(e, "demonyms", where));
      CG_ASSIGN_OR_RETURN(g.metonyms, StringList(e, "metonyms", where));
      schema.entities.push_back(std::move(g));
    }
  }
  CG_RETURN_IF_ERROR(CheckNamesAreUnique(schema));
  return schema;
}

Status CheckNamesAreUnique(const Schema& schema) {
  // Two entities answering to one name would be one entity in the store (a
  // name or alias finds at most one) and two in the ingestion gazetteer:
  // refused, naming both, rather than merged behind the file's back.
  std::unordered_map<std::string, const GazetteerEntry*> owner;  // normalized name -> entity
  for (const GazetteerEntry& g : schema.entities) {
    std::vector<const std::string*> all{&g.name};
    for (const auto* names : {&g.aliases, &g.demonyms, &g.metonyms})
      for (const auto& n : *names) all.push_back(&n);
    for (const std::string* n : all) {
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
