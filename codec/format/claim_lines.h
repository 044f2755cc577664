// How `ingest` prints what it found, shared by claimgraphd (offline) and the
// claimgraph client so both read the same:
//
//   [reported 0.70] United States shares-intel India  @289..397
//       “an intelligence-sharing agreement with the “Quad” group of ...”
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::codec {

std::string FormatClaimLines(std::string_view subject, std::string_view predicate, std::string_view object,
                             std::string_view modality, double confidence, uint64_t span_begin, uint64_t span_end,
                             std::string_view quote);

}  // namespace claimgraph::codec
