#include "engine/ingest/quotations.h"

namespace claimgraph::ingest {

namespace {
bool IsQuoteMark(const Token& t) { return t.norm.size() == 1 && t.norm[0] == '"'; }
}  // namespace

size_t QuoteAttribution(const std::vector<Token>& tokens, const Sentence& s, size_t reach,
                        const std::function<size_t(size_t, size_t)>& reported_at) {
  if (s.token_begin >= s.token_end) return SIZE_MAX;
  // Curly and straight quotes both normalize to '"'; parity from the
  // paragraph start tells an open quotation from a closed one.
  // Bounded both ways: a document without line breaks must not make every
  // sentence rescan it (a quotation longer than this is not decided here).
  constexpr size_t kMaxScan = 512;
  size_t start = s.token_begin;
  while (start > 0 && !tokens[start].newline_before) {
    if (s.token_begin - start >= kMaxScan) return SIZE_MAX;
    --start;
  }
  size_t marks = 0;
  for (size_t i = start; i < s.token_end; ++i) marks += IsQuoteMark(tokens[i]);
  if (marks % 2 == 0) return SIZE_MAX;
  size_t close = s.token_end;
  while (close < tokens.size() && close - s.token_end < kMaxScan && !tokens[close].newline_before &&
         !IsQuoteMark(tokens[close]))
    ++close;
  if (close >= tokens.size() || !IsQuoteMark(tokens[close]) || tokens[close].newline_before) return SIZE_MAX;
  // The attribution follows the closing mark: ", the ministry said".
  size_t end = close + 1;
  while (end < tokens.size() && end <= close + reach && !tokens[end].newline_before && tokens[end].norm != ".") ++end;
  for (size_t i = close + 1; i < end; ++i)
    if (reported_at(i, end)) return i;
  return SIZE_MAX;
}

}  // namespace claimgraph::ingest
