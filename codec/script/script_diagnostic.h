// Turns an error in one statement of a script into an error in the script:
// the engine counts lines and columns from the start of the statement it was
// given; a person editing the file wants the file's.
#pragma once

#include <string>
#include <string_view>

#include "codec/script/split_statements.h"

namespace claimgraph::codec {

// `message` is what running `statement` (one of SplitStatements(script))
// reported: a diagnostic as FormatDiagnostic writes it — "line L:C: text",
// then the source line and a caret line — or any other message.
//
// Returns "NAME:L:C: text" with L:C in the script (for a message without a
// position, where the statement starts). When the message showed a caret
// under the statement's line, the result shows the script's line with the
// caret under the same characters, so the excerpt and the position agree.
std::string LocateInScript(std::string_view script_name, std::string_view script, const ScriptStatement& statement,
                           std::string_view message);

}  // namespace claimgraph::codec
