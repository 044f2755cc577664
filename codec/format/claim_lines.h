// How `ingest` prints what it found, shared by claimgraphd (offline) and the
// claimgraph client so both read the same:
//
//   [reported 0.70] United States shares-intel India  @289..397
//       “an intelligence-sharing agreement with the “Quad” group of ...”
//
// and, under a document that yielded nothing, why:
//
//   no claims: no entity of the gazetteer is named (100% of the text's letters are not Latin; the
//   gazetteer's names must be written in the text's script)
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
//       time "In July 2013": from 2013-07 to 2013-07 (the claim's valid time)
//
// or "(no valid time)" for a time with no date ("this week"), or "(not
// stored: <why>)" for bounds base::CheckValidTime refuses — what
// ingest::IngestDocument stores as the claim's valid time.
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
// "" when `claims` > 0; else one line saying why a document yielded no
// claims, as far as the pipeline's counts and the text tell: nothing left to
// read, no entity named (and whether the text is mostly in another script
// than Latin, in which no name of the example gazetteers can match), or
// entities named but no relation rule matching them.
std::string NoClaimsNote(std::string_view text, uint64_t sentences, uint64_t mentions, uint64_t claims);

}  // namespace claimgraph::codec
