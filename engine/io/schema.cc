#include "engine/io/schema.h"

#include <fstream>
#include <sstream>

#include "storage/claim_store.h"

namespace claimgraph::io {
namespace {

std::string Describe(const storage::Predicate& p) {
  std::string d = p.symmetric ? "symmetric" : "directed";
  if (!p.inverse.empty()) d += ", inverse " + p.inverse;
  return d + ", domain " + p.domain + ", range " + p.range;
}

}  // namespace

Result<engine::TxId> ApplySchema(engine::Engine& engine, const Schema& schema, const std::string& principal) {
  storage::WriteOptions wo;
  wo.principal = principal;
  wo.note = "schema: " + std::to_string(schema.predicates.size()) + " predicates, " +
            std::to_string(schema.entities.size()) + " entities";
  CG_ASSIGN_OR_RETURN(auto tx, engine.store()->BeginWrite(wo));
  for (const codec::PredicateDeclaration& declared : schema.predicates) {
    storage::Predicate p;
    p.name = declared.name;
    p.symmetric = declared.symmetric;
    p.inverse = declared.inverse;
    p.domain = declared.domain.empty() ? "ANY" : declared.domain;
    p.range = declared.range.empty() ? "ANY" : declared.range;
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
    // Every name but the canonical one is an alias in the store: aliases,
    // demonyms, metonyms and former names alike (the kinds are ingestion's).
    // The other facts of the entry (historical, successors, state, members,
    // administered_by) have no place on disk; a historical entity is told
    // apart by its type ("former-country").
    storage::EntityInput in{g.name, g.type, {}};
    for (const std::string* name : codec::AllNames(g))
      if (name != &g.name) in.aliases.push_back(*name);
    // A name of this entry that already names another entity would merge
    // the two in the store: refused, naming both.
    std::vector<std::string> names{g.name};
    names.insert(names.end(), in.aliases.begin(), in.aliases.end());
    for (const std::string& name : names) {
      auto found = tx->FindEntity(name);
      if (found.status().code() == StatusCode::kNotFound) continue;
      CG_RETURN_IF_ERROR(found.status());
      CG_ASSIGN_OR_RETURN(storage::Entity other, tx->GetEntity(*found));
      if (other.name != g.name)
        return Status::FailedPrecondition("\"" + name + "\", a name of entity \"" + g.name +
                                          "\" here, already names entity \"" + other.name +
                                          "\" in the store (fix the file, or rename on purpose with DEFINE ENTITY)");
    }
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

Result<engine::TxId> ApplySchemaFile(engine::Engine& engine, const std::string& path, const std::string& principal) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read schema " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto schema = ParseSchemaJson(text.str());
  if (!schema.ok()) return schema.status().WithContext(path);
  auto tx = ApplySchema(engine, *schema, principal);
  if (!tx.ok()) return tx.status().WithContext(path);
  return tx;
}

}  // namespace claimgraph::io
