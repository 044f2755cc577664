// Runs statements through Query and prints each result as a table, JSON
// Lines or CSV. Shared by `claimgraph query` and the console.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "codec/value.h"
#include "tools/claimgraph/client.h"

namespace claimgraph::cli {

struct PrintOptions {
  std::string format = "table";  // table | json | csv
  bool timing = false;
  size_t width = 0;  // table width (0 = unlimited)
};

// A result cell from its protobuf form (Query rows, Watch changes).
codec::Value FromProto(const v1::Value& v);

// Prints the result (and its warnings, message and timing) and returns the
// call's status; prints nothing when it failed.
grpc::Status RunStatement(Client& client, std::string_view statement, const PrintOptions& print, std::ostream& out,
                          std::ostream& err);

// Returns 0 on success; on failure prints "error: CODE: message" to `err` and returns 1.
int RunQuery(Client& client, std::string_view statement, const PrintOptions& print, std::ostream& out,
             std::ostream& err);

// `claimgraph query -f FILE` (standard input for "-"): the statements of the
// file one Query each, results printed as each finishes; stops at the first
// error, printed as "FILE:LINE:COLUMN: message" (codec::RunScript). Returns 0 or 1.
int RunQueryFile(Client& client, const std::string& path, const PrintOptions& print, std::ostream& out,
                 std::ostream& err);

}  // namespace claimgraph::cli
