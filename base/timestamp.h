// Timestamps as claimgraph prints and reads them: ISO 8601 in UTC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace claimgraph::base {

// "2026-11-23T11:17:30.123456Z" (microseconds always printed).
std::string FormatTimestamp(int64_t micros_since_epoch);
// Accepts "YYYY-MM-DD", "YYYY-MM-DDThh:mm[:ss[.ffffff]]" with "Z" or "±hh:mm"
// (no zone = UTC). A date alone means its first instant.
Result<int64_t> ParseTimestamp(std::string_view text);

}  // namespace claimgraph::base
