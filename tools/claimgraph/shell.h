// `claimgraph shell`: the interactive console. Line editing and history via
// libedit; statements may span lines and end with ';' (found by the splitter
// `claimgraph query -f` uses); backslash commands change how results are
// shown. Reads plain stdin when it is not a terminal, so it can be scripted;
// there, a last statement without ';' runs after a warning, as in a file.
#pragma once

#include "tools/claimgraph/client.h"

namespace claimgraph::cli {

int RunShell(Client& client);

}  // namespace claimgraph::cli
