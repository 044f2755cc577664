// Bringing a store up to a schema file (predicate vocabulary and entity
// gazetteer). The file's format and its parser are codec/schema/schema_file.h;
// this is the store's side.
#pragma once

#include <string>

#include "codec/schema/schema_file.h"
#include "engine/engine.h"

namespace claimgraph::io {

using codec::FormerName;
using codec::GazetteerEntry;
using codec::NameCase;
using codec::ParseSchemaJson;
using codec::Schema;

// Brings the store up to the schema in one transaction, written only when
// the schema adds something (a predicate, an entity, an alias, a type the
// entity lacked): applying the same file again writes nothing (tx 0). A
// schema never changes what the store already holds: a predicate declared
// otherwise in the store (symmetric, inverse, domain or range) or an entity
// with another type is FailedPrecondition naming it — DEFINE PREDICATE /
// DEFINE ENTITY change a definition on purpose.
Result<engine::TxId> ApplySchema(engine::Engine& engine, const Schema& schema, const std::string& principal);
// Reads, parses and applies a schema file; errors name the file. Every
// command that takes --schema (import, ingest, serve) goes through this.
Result<engine::TxId> ApplySchemaFile(engine::Engine& engine, const std::string& path, const std::string& principal);

}  // namespace claimgraph::io
