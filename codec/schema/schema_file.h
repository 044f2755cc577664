// The schema file: predicate vocabulary and entity gazetteer (examples/schema.json,
// the generated examples/gazetteer.json).
//
//   {"format": "claimgraph-schema/1",
//    "predicates": [{"name": "targets", "symmetric": false, "inverse": "targeted-by",
//                    "domain": "ANY", "range": "ANY", "description": "..."}],
//    "entities":   [{"name": "United States", "type": "country", "aliases": ["US", "U.S."],
//                    "demonyms": ["American"], "metonyms": ["Washington", "White House"],
//                    "case": {"White House": "capitalized"}, "blockers": ["Washington State"]},
//                   {"name": "Russia", "type": "country",
//                    "former_names": [{"name": "Soviet Union", "aliases": ["USSR"], "demonyms": ["Soviet"],
//                                      "iso_3166": "SUHH", "withdrawn": "1992-08-30"}]},
//                   {"name": "Czechoslovakia", "type": "former-country", "historical": true,
//                    "successors": ["Czechia", "Slovakia"]},
//                   {"name": "FSB", "type": "agency", "state": "Russia"},
//                   {"name": "Aruba", "type": "territory", "administered_by": "Netherlands"},
//                   {"name": "Quad", "type": "group", "members": ["Australia", "India", "Japan"]}],
//    "blockers":     ["South China Sea"],
//    "common_words": ["Turkey"],
//    "given_names":  ["Jordan"],
//    "not_surnames": ["President"]}
//
// Names. An entity answers to its name, aliases, demonyms, metonyms and the
// name, aliases and demonyms of its former names; no two entities may share
// one (CheckNamesAreUnique). In the store every one of them becomes an alias
// of the entity (io::ApplySchema); ingestion keeps the kinds apart (a demonym
// is an adjective, a metonym a capital standing for its government, a former
// name says the text is about the state under an older name).
//
// Facts. `historical`, `successors`, `state` (an agency's), `administered_by`
// (a territory's) and `members` (a group's) are read and checked — every
// entity they name must be an entity of the file, by its canonical name — and
// offered to ingestion; the store keeps none of them (no place for them on
// disk): a historical entity is told apart there by its type
// ("former-country").
//
// Ingestion only (the store ignores them):
//   case          a name's case rule, overriding the one inferred from its
//                 spelling: "exact" (every word as written), "capitalized"
//                 (the words the name capitalizes are capitalized in the
//                 text: "White House" but not "white house") or
//                 "insensitive"; the key is one of the entity's names.
//   blockers      phrases that contain a name but are not the entity ("Georgia
//                 Tech"), an entity's own or the file's (the same to the
//                 matcher); added to the rules file's mentions.blockers.
//   common_words  one-word names that are also a common word ("Turkey"): at a
//                 sentence start, before a lower-case word, they are a mention
//                 only if the document names the entity elsewhere too.
//   given_names   one-word names that are also a given name ("Jordan"): before
//                 a capitalized word that is no name and not in not_surnames
//                 ("Jordan Smith"), they are no mention.
//   not_surnames  capitalized words that follow a state's name and are no
//                 surname ("Jordan King Abdullah", "Georgia President").
// (engine/ingest/mentions.h applies them.)
//
// Any other key is ignored ("comment", "generated_from", "iso_3166", ...), so
// a generator can keep its provenance in the file. A key this parser reads
// with a value of the wrong type is an error naming the entry.
#pragma once

#include <map>
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

// An earlier name of a state that continues as the entity (the USSR, Burma).
struct FormerName {
  std::string name;                            // "Soviet Union"
  std::vector<std::string> aliases, demonyms;  // "USSR"; "Soviet"
  std::string code;                            // "iso_3166": "SUHH" ("" = none)
  std::string withdrawn;                       // "1992-08-30" ("" = unknown)
};

enum class NameCase { kExact, kCapitalized, kInsensitive };

struct GazetteerEntry {
  std::string name, type;
  std::vector<std::string> aliases, demonyms, metonyms;
  std::vector<FormerName> former_names;
  bool historical = false;                // a state or group that no longer exists
  std::vector<std::string> successors;    // entity names
  std::string state;                      // an agency's state ("" = none)
  std::string administered_by;            // a territory's administering state ("" = none)
  std::vector<std::string> members;       // a group's members (entity names)
  std::map<std::string, NameCase> cases;  // name as written -> its case rule
  std::vector<std::string> blockers;
};

struct Schema {
  std::vector<PredicateDeclaration> predicates;
  std::vector<GazetteerEntry> entities;
  std::vector<std::string> blockers, common_words, given_names, not_surnames;
};

// Every name of an entity: its name, aliases, demonyms, metonyms and former
// names (with theirs), in that order.
std::vector<const std::string*> AllNames(const GazetteerEntry& entry);

// InvalidArgument naming the offending entry ("entities[3] \"FSB\".state: no
// entity \"Rusia\" in the file; did you mean \"Russia\"?"), or the two
// entities that answer to one name (CheckNamesAreUnique).
Result<Schema> ParseSchemaJson(std::string_view text);
// A name, alias, demonym, metonym or former name of one entity may not be one
// of another's (compared as the store compares them, base::NormalizeAlias).
Status CheckNamesAreUnique(const Schema& schema);

}  // namespace claimgraph::codec
