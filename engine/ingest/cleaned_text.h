// Boilerplate removal: the document's lines are classified, the article's
// lines kept verbatim and joined by "\n", and an offset map leads every byte
// of the cleaned text back to the original, so claims quote the original
// exactly. Recognizes, from the cues in the rules file rather than from any
// particular site: consent banners and paywall prompts (cue density, short
// calls to action), runs of short lines (link lists, blogrolls, navigation),
// image placeholders, and a boilerplate tail (the rest of the document once
// most of it is boilerplate).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/ingest/phrase_matcher.h"
#include "engine/ingest/rules.h"

namespace claimgraph::ingest {

class OffsetMap {
 public:
  void AddSegment(uint32_t clean_begin, uint32_t original_begin, uint32_t length);
  // Original offset of a cleaned-text byte offset that starts a range...
  uint32_t MapBegin(uint32_t clean) const;
  // ...and of one that ends a range (exclusive), so that [b, e) maps to the
  // original bytes even when e is the end of a kept line.
  uint32_t MapEnd(uint32_t clean) const;

 private:
  struct Segment {
    uint32_t clean_begin, original_begin, length;
  };
  const Segment& Find(uint32_t clean) const;
  std::vector<Segment> segments_;
};

struct DroppedBlock {
  uint32_t begin = 0, end = 0;  // original byte range
  std::string reason;           // "consent or paywall cues", "link list", ...
};

struct CleanedText {
  std::string text;
  OffsetMap map;
  std::vector<DroppedBlock> dropped;
  // The kept lines as [begin, end) ranges of the document's tokens, so the
  // pipeline extracts from the tokens it already has (in original offsets)
  // instead of tokenizing the cleaned text a second time.
  std::vector<std::pair<size_t, size_t>> kept_tokens;
};

class BoilerplateFilter {
 public:
  explicit BoilerplateFilter(const BoilerplateRules& rules);
  CleanedText Clean(std::string_view original) const;
  // With the document's tokens (Tokenize(original)) already made.
  CleanedText Clean(std::string_view original, const std::vector<Token>& tokens) const;

 private:
  BoilerplateRules rules_;
  PhraseMatcher cues_;
  PhraseMatcher calls_to_action_;
};

}  // namespace claimgraph::ingest
