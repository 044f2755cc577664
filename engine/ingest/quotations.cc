#include "engine/ingest/quotations.h"

namespace claimgraph::ingest {

size_t QuoteAttribution(const std::vector<Token>& tokens, const Sentence& s, size_t reach,
                        const std::function<size_t(size_t, size_t)>& reported_at) {
  if (s.token_begin >= s.token_end) return SIZE_MAX;
  // Curly and straight quotes both normalize to '"'; parity from the
  // paragraph start tells an open quotation from a closed one.
  size_t start = s.token_begin;
  while (start > 0 && !tokens[start].newline_before) --start;
  size_t marks = 0;
  for (size_t i = start; i < s.token_end; ++i) marks += tokens[i].norm == "\"";
  if (marks % 2 == 0) return SIZE_MAX;
  size_t close = s.token_end;
  while (close < tokens.size() && !tokens[close].newline_before && tokens[close].norm != "\"") ++close;
  if (close >= tokens.size() || tokens[close].newline_before) return SIZE_MAX;
  // The attribution follows the closing mark: ", the ministry said".
  size_t end = close + 1;
  while (end < tokens.size() && end <= close + reach && !tokens[end].newline_before && tokens[end].norm != ".") ++end;
  for (size_t i = close + 1; i < end; ++i)
    if (reported_at(i, end)) return i;
  return SIZE_MAX;
}

}  // namespace claimgraph::ingest
