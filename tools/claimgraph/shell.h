// `claimgraph shell`: the interactive console. Line editing and history via
// libedit; statements may span lines and end with ';'; backslash commands
// change how results are shown. Reads plain stdin when it is not a terminal,
// so it can be scripted.
#pragma once

#include "tools/claimgraph/client.h"

namespace claimgraph::cli {

int RunShell(Client& client);

}  // namespace claimgraph::cli
