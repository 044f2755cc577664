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
// Brings the store up to the schema in one transaction, written only when
// the schema adds something (a predicate, an entity, an alias, a type the
// entity lacked): applying the same file again writes nothing (tx 0). A
// schema never changes what the store already holds: a predicate declared
// otherwise in the store (symmetric, inverse, domain or range) or an entity
// with another type is FailedPrecondition naming it — DEFINE PREDICATE /
// DEFINE ENTITY change a definition on purpose.
Result<storage::TxId> ApplySchema(storage::ClaimStore* store, const Schema& schema, const std::string& principal);
// Reads, parses and applies a schema file; errors name the file. Every
// command that takes --schema (import, ingest, serve) goes through this.
Result<storage::TxId> ApplySchemaFile(storage::ClaimStore* store, const std::string& path, const std::string& principal);

}  // namespace claimgraph::io
