// Running a script — a file of ClaimQL statements separated by ';' — the same
// way in every tool: `claimgraph query -f` sends each statement to the
// server, `claimgraphd query -f` runs it in process. The tool says how one
// statement runs; this decides the order, where to stop and what an error
// says, so the same file gives the same output and exit code through either.
// In codec/ because the CLI, which holds no engine, runs scripts too.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "base/status.h"

namespace claimgraph::codec {

struct Script {
  std::string name;  // how errors name it: the path, or "<stdin>"
  std::string text;
};

// Reads the file at `path`, or standard input when `path` is "-". A leading
// UTF-8 byte order mark is dropped: editors do not show it, so columns are
// counted from the character after it. NotFound/IOError name the path.
Result<Script> ReadScript(const std::string& path);

// Runs one statement and prints its results; returns what went wrong, with
// the message as the engine wrote it (its positions are the statement's).
using StatementRunner = std::function<Status(std::string_view statement)>;

// Printed before a last statement that has no ';' is run anyway: the file may
// have been cut short. The console says the same at the end of its input.
inline constexpr std::string_view kUnterminatedLastStatement = "warning: the last statement has no closing ';'";

// Runs the statements of `script` in order and stops at the first that fails,
// writing "NAME:LINE:COLUMN: message" (LINE and COLUMN in the script, the
// caret excerpt redrawn from it) to `err`. Returns 0 when every statement
// succeeded (a script with none succeeds), 1 otherwise.
int RunScript(const Script& script, const StatementRunner& run, std::ostream& err);

// ReadScript, then RunScript; a file that cannot be read is "error: ..." and 1.
int RunScriptFile(const std::string& path, const StatementRunner& run, std::ostream& err);

}  // namespace claimgraph::codec
