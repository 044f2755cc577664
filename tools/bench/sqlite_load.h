// SQLite loading the synthetic graph's claims as the N-Quads file spells
// them, timed (see sqlite_load.cc for exactly how).
#pragma once

#include <string>

#include "tools/bench/synthetic_graph.h"

namespace claimgraph::bench {

// Seconds to load the claims into DIR/load.db and build the four indexes.
// Exits on error (benchmarks only).
double SqliteLoad(const SyntheticGraph& g, const std::string& dir);

}  // namespace claimgraph::bench
