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

// The time expression found with a claim (nothing when `text` is empty):
//
//       time "In July 2013": from 2013-07 to 2013-07 (not stored: no valid time yet)
std::string FormatClaimTime(std::string_view text, std::string_view from, std::string_view to);

// `ingest --explain`: the rule, the cue, the clause and how the arguments and
// the modality were chosen:
//
//       rule pact.subject, cue "framework" (method rules:2/pact.subject:framework)
//       clause @33228..33420 "In July 2013, the UK and Japan signed ..."
//       arguments: the subject before the cue "the UK and Japan", pairwise
//       modality: asserted: no proposal, denial, hedge or reported speech in reach
std::string FormatClaimExplanation(std::string_view rule, std::string_view cue, std::string_view method,
                                   std::string_view clause, uint64_t clause_begin, uint64_t clause_end,
                                   std::string_view subject_choice, std::string_view object_choice,
                                   std::string_view modality_reason);

}  // namespace claimgraph::codec
