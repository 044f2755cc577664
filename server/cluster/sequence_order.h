// What the apply loop does with a message by its stream sequence
// (docs/scale-out.md, "The apply loop"). Kept apart from the loop, which
// holds NATS types, so that the rule is tested without a NATS server.
#pragma once

#include <cstdint>

namespace claimgraph::server::cluster {

enum class SequenceAction {
  kApply,        // the next one
  kSkip,         // delivered again: the store applied it already
  kResubscribe,  // a gap inside one subscription: the consumer's, ask again
  kPurged,       // a gap at a fresh subscription's start: the stream lost it
};

// `expected` is the sequence after the last one this subscription applied
// or skipped; `delivered_any` whether this subscription has delivered the
// expected sequence at least once.
//
// Why a lower sequence is skipped, not an error: nats.c recreates an
// ordered consumer by itself (missed heartbeats, a reconnect) and was seen,
// after two of three NATS servers came back, to start it before what it had
// delivered. Why a gap is a purge only at the start: JetStream starts a
// consumer asked for a purged sequence silently at the first one left,
// while a gap later can be the library's consumer skipping, which a fresh
// subscription from the store's position settles either way.
inline SequenceAction ClassifySequence(uint64_t seq, uint64_t expected, bool delivered_any) {
  if (seq == expected) return SequenceAction::kApply;
  if (seq < expected) return SequenceAction::kSkip;
  return delivered_any ? SequenceAction::kResubscribe : SequenceAction::kPurged;
}

}  // namespace claimgraph::server::cluster
