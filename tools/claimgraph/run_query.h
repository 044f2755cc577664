// Runs one statement through Query and prints the result as a table, JSON
// Lines or CSV. Shared by `claimgraph query` and the console.
#pragma once

#include <ostream>
#include <string>

#include "tools/claimgraph/client.h"

namespace claimgraph::cli {

struct PrintOptions {
  std::string format = "table";  // table | json | csv
  bool timing = false;
  size_t width = 0;  // table width (0 = unlimited)
};

// Returns 0 on success; on failure prints "error: CODE: message" to `err` and returns 1.
int RunQuery(Client& client, const std::string& statement, const PrintOptions& print, std::ostream& out,
             std::ostream& err);

}  // namespace claimgraph::cli
