// Quotations that run over several sentences. News copy quotes a speaker for
// two or three sentences and attributes the quote only after it closes
// ("... The talks went well. We will sign next week," the minister said.): every
// sentence of that quotation is reported speech, not only the last one.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "engine/ingest/sentences.h"
#include "engine/ingest/tokenizer.h"

namespace claimgraph::ingest {

// The token of the reported-speech cue that attributes a quotation still open
// at the end of sentence `s` (its quote marks, counted from the start of the
// paragraph, are odd in number), or SIZE_MAX. The cue must stand within
// `reach` tokens after the quotation's closing mark, in the same paragraph.
// `reported_at(i, end)` is the length of a reported-speech cue at token i, 0
// if none. A quotation closed inside its own sentence is not looked at here:
// that sentence's own words decide.
size_t QuoteAttribution(const std::vector<Token>& tokens, const Sentence& s, size_t reach,
                        const std::function<size_t(size_t, size_t)>& reported_at);

}  // namespace claimgraph::ingest
