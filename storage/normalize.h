// NormalizeAlias lives in base/normalize.h (the interchange formats need it
// too); storage's public API keeps the name it has always had.
#pragma once

#include "base/normalize.h"

namespace claimgraph::storage {

using base::NormalizeAlias;

}  // namespace claimgraph::storage
