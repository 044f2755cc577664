// What a write defined on the way — predicates and entities it met for the
// first time — as every write path reports it (write_names.h has the rule).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace claimgraph::engine {

// What a write defined on the way: reported in every path's summary.
struct NewNames {
  std::vector<std::string> predicates;  // in the order met
  uint64_t entities = 0;
  std::vector<std::string> first_entities;  // the first kListedEntities, as written
  static constexpr size_t kListedEntities = 20;
};

// One line per new predicate ("new predicate: cameo-040"), then one for the
// entities ("new entity: \"Freedonia\"", or "new entities: 3 (\"A\", ...)").
std::vector<std::string> DescribeNewNames(const NewNames& names);

}  // namespace claimgraph::engine
