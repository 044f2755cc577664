#include "engine/io/schema.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace claimgraph::io {
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
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("schema is not a JSON object");
  if (j.value("format", "") != "claimgraph-schema/1")
    return Status::InvalidArgument("schema \"format\" must be \"claimgraph-schema/1\"");
  Schema schema;
  if (j.contains("predicates")) {
    if (!j["predicates"].is_array()) return Status::InvalidArgument("\"predicates\" must be an array");
    size_t i = 0;
    for (const auto& p : j["predicates"]) {
      std::string where = "predicates[" + std::to_string(i++) + "]";
      if (!p.is_object()) return Status::InvalidArgument(where + " must be an object");
      storage::Predicate pred;
      CG_ASSIGN_OR_RETURN(pred.name, Str(p, "name", where, true));
      CG_ASSIGN_OR_RETURN(pred.inverse, Str(p, "inverse", where, false));
      CG_ASSIGN_OR_RETURN(pred.domain, Str(p, "domain", where, false));
      CG_ASSIGN_OR_RETURN(pred.range, Str(p, "range", where, false));
      if (p.contains("symmetric")) {
        if (!p["symmetric"].is_boolean()) return Status::InvalidArgument(where + ".symmetric must be true or false");
        pred.symmetric = p["symmetric"].get<bool>();
      }
      CG_ASSIGN_OR_RETURN(std::string description, Str(p, "description", where, false));
      schema.predicates.push_back(std::move(pred));
      schema.predicate_descriptions.push_back(std::move(description));
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
  return schema;
}

namespace {

std::string Describe(const storage::Predicate& p) {
  std::string d = p.symmetric ? "symmetric" : "directed";
  if (!p.inverse.empty()) d += ", inverse " + p.inverse;
  return d + ", domain " + p.domain + ", range " + p.range;
}

}  // namespace

Result<storage::TxId> ApplySchema(storage::ClaimStore* store, const Schema& schema, const std::string& principal) {
  storage::WriteOptions wo;
  wo.principal = principal;
  wo.note = "schema: " + std::to_string(schema.predicates.size()) + " predicates, " +
            std::to_string(schema.entities.size()) + " entities";
  CG_ASSIGN_OR_RETURN(auto tx, store->BeginWrite(wo));
  for (storage::Predicate p : schema.predicates) {
    if (p.domain.empty()) p.domain = "ANY";
    if (p.range.empty()) p.range = "ANY";
    auto existing = tx->FindPredicate(p.name);
    if (existing.ok()) {
      p.id = existing->id;
      if (p == *existing) continue;
      return Status::FailedPrecondition("predicate '" + p.name + "' is declared " + Describe(p) +
                                        " here, but the store has it " + Describe(*existing) +
                                        " (change it on purpose with DEFINE PREDICATE, or fix the file)");
    }
    if (existing.status().code() != StatusCode::kNotFound) return existing.status();
    CG_RETURN_IF_ERROR(tx->DefinePredicate(p).status().WithContext("predicate '" + p.name + "'"));
  }
  for (const auto& g : schema.entities) {
    storage::EntityInput in{g.name, g.type, g.aliases};
    in.aliases.insert(in.aliases.end(), g.demonyms.begin(), g.demonyms.end());
    in.aliases.insert(in.aliases.end(), g.metonyms.begin(), g.metonyms.end());
    auto existing = tx->FindEntity(g.name);
    if (existing.ok() && !g.type.empty()) {
      CG_ASSIGN_OR_RETURN(storage::Entity stored, tx->GetEntity(*existing));
      if (!stored.type.empty() && stored.type != g.type)
        return Status::FailedPrecondition("entity \"" + g.name + "\" has type '" + g.type + "' here, but the store has '" +
                                          stored.name + "' as '" + stored.type +
                                          "' (change it on purpose with DEFINE ENTITY, or fix the file)");
    }
    CG_RETURN_IF_ERROR(tx->UpsertEntity(in).status().WithContext("entity \"" + g.name + "\""));
  }
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  return info.tx;
}

Result<storage::TxId> ApplySchemaFile(storage::ClaimStore* store, const std::string& path, const std::string& principal) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read schema " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto schema = ParseSchemaJson(text.str());
  if (!schema.ok()) return schema.status().WithContext(path);
  auto tx = ApplySchema(store, *schema, principal);
  if (!tx.ok()) return tx.status().WithContext(path);
  return tx;
}

}  // namespace claimgraph::io
