// The schema file: predicate vocabulary and entity gazetteer (examples/schema.json).
//
//   {"format": "claimgraph-schema/1",
//    "predicates": [{"name": "targets", "symmetric": false, "inverse": "targeted-by",
//                    "domain": "ANY", "range": "ANY", "description": "..."}],
//    "entities":   [{"name": "United States", "type": "country", "aliases": ["US", "U.S."],
//                    "demonyms": ["American"], "metonyms": ["Washington"]}]}
//
// In the store every alias, demonym and metonym becomes an alias of the entity;
// ingestion keeps the three lists apart (a demonym is an adjective, a metonym a
// capital standing for its government).
#pragma once

#include <string>
#include <vector>

#include "storage/claim_store.h"

namespace claimgraph::io {

struct GazetteerEntry {
  std::string name, type;
  std::vector<std::string> aliases, demonyms, metonyms;
};

struct Schema {
  std::vector<storage::Predicate> predicates;
  std::vector<std::string> predicate_descriptions;  // parallel to predicates
  std::vector<GazetteerEntry> entities;
};

// InvalidArgument naming the offending entry ("entities[3].aliases: ...").
Result<Schema> ParseSchemaJson(std::string_view text);
// Defines every predicate and entity in one transaction; returns its tx (0 if
// nothing changed... it always writes the definitions it is given).
Result<storage::TxId> ApplySchema(storage::ClaimStore* store, const Schema& schema, const std::string& principal);

}  // namespace claimgraph::io
