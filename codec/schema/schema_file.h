// The schema file: predicate vocabulary and entity gazetteer (examples/schema.json).
//
//   {"format": "claimgraph-schema/1",
//    "predicates": [{"name": "targets", "symmetric": false, "inverse": "targeted-by",
//                    "domain": "ANY", "range": "ANY", "description": "..."}],
//    "entities":   [{"name": "United States", "type": "country", "aliases": ["US", "U.S."],
//                    "demonyms": ["American"], "metonyms": ["Washington"]}]}
//
// In the store every alias, demonym and metonym becomes an alias of the entity
// (io::ApplySchema); ingestion keeps the three lists apart (a demonym is an
// adjective, a metonym a capital standing for its government).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claimgraph::codec {

struct PredicateDeclaration {
  std::string name;
  bool symmetric = false;
  std::string inverse;        // "" = none
  std::string domain, range;  // "" = ANY
  std::string description;
};

struct GazetteerEntry {
  std::string name, type;
  std::vector<std::string> aliases, demonyms, metonyms;
};

struct Schema {
  std::vector<PredicateDeclaration> predicates;
  std::vector<GazetteerEntry> entities;
};

// InvalidArgument naming the offending entry ("entities[3].aliases: ..."), or
// the two entities that answer to one name (CheckNamesAreUnique).
Result<Schema> ParseSchemaJson(std::string_view text);
// A name, alias, demonym or metonym of one entity may not be one of another's
// (compared as the store compares them, base::NormalizeAlias).
Status CheckNamesAreUnique(const Schema& schema);

}  // namespace claimgraph::codec
