#include "codec/format/claim_lines.h"

#include <cstdio>

#include "base/valid_time.h"

namespace claimgraph::codec {
namespace {

// Letters of the text in the Latin script (ASCII, Latin-1 and Latin
// Extended) and in any other (Greek onwards), roughly: punctuation, symbols
// and emoji blocks count as neither. Invalid UTF-8 is skipped a byte at a time.
void CountLetters(std::string_view text, uint64_t* latin, uint64_t* other) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++*latin;
      ++i;
      continue;
    }
    size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (n == 1 || i + n > text.size()) { ++i; continue; }
    uint32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += n;
    bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
                  (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF20) || cp >= 0x1F000;
    if (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) ++*latin;
    else if (cp >= 0x370 && !symbol) ++*other;
  }
}

}  // namespace

std::string FormatClaimLines(std::string_view subject, std::string_view predicate, std::string_view object,
                             std::string_view modality, double confidence, uint64_t span_begin, uint64_t span_end,
                             std::string_view quote) {
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", confidence);
  std::string out = "  [" + std::string(modality) + " " + conf + "] " + std::string(subject) + " " +
                    std::string(predicate) + " " + std::string(object) + "  @" + std::to_string(span_begin) + ".." +
                    std::to_string(span_end) + "\n      \"";
  for (char c : quote) out.push_back(c == '\n' ? ' ' : c);
  out += "\"\n";
  return out;
}

namespace {

void AppendOneLine(std::string* out, std::string_view text) {
  for (char c : text) out->push_back(c == '\n' ? ' ' : c);
}

}  // namespace

std::string FormatClaimTime(std::string_view text, std::string_view from, std::string_view to) {
  if (text.empty()) return "";
  std::string out = "      time \"";
  AppendOneLine(&out, text);
  out += "\":";
  if (from.empty() && to.empty()) out += " no date";
  if (!from.empty()) out += " from " + std::string(from);
  if (!to.empty()) out += " to " + std::string(to);
  if (from.empty() && to.empty()) {
    out += " (no valid time)\n";
  } else if (Status st = base::CheckValidTime({std::string(from), std::string(to)}); !st.ok()) {
    out += " (not stored: " + st.message() + ")\n";
  } else {
    out += " (the claim's valid time)\n";
  }
  return out;
}

std::string FormatClaimExplanation(std::string_view rule, std::string_view cue, std::string_view method,
                                   std::string_view clause, uint64_t clause_begin, uint64_t clause_end,
                                   std::string_view subject_choice, std::string_view object_choice,
                                   std::string_view modality_reason) {
  std::string out = "      rule " + std::string(rule) + ", cue \"";
  AppendOneLine(&out, cue);
  out += "\"";
  if (!method.empty()) out += " (method " + std::string(method) + ")";
  out += "\n";
  if (!clause.empty()) {
    out += "      clause @" + std::to_string(clause_begin) + ".." + std::to_string(clause_end) + " \"";
    AppendOneLine(&out, clause);
    out += "\"\n";
  }
  if (!subject_choice.empty() && subject_choice == object_choice) {
    out += "      arguments: ";
    AppendOneLine(&out, subject_choice);
    out += "\n";
  } else {
    if (!subject_choice.empty()) out += "      subject: " + std::string(subject_choice) + "\n";
    if (!object_choice.empty()) out += "      object: " + std::string(object_choice) + "\n";
  }
  if (!modality_reason.empty()) out += "      modality: " + std::string(modality_reason) + "\n";
  return out;
}

std::string NoClaimsNote(std::string_view text, uint64_t sentences, uint64_t mentions, uint64_t claims) {
  if (claims > 0) return "";
  if (sentences == 0) return "no claims: nothing left to read (the text is blank or all boilerplate)";
  if (mentions > 0)
    return "no claims: " + std::to_string(mentions) + (mentions == 1 ? " entity mention" : " entity mentions") +
           ", but no relation rule matched";
  uint64_t latin = 0, other = 0;
  CountLetters(text, &latin, &other);
  if (other > latin) {
    char share[64];
    std::snprintf(share, sizeof share, "%.0f%%", 100.0 * static_cast<double>(other) / static_cast<double>(latin + other));
    return "no claims: no entity of the gazetteer is named (" + std::string(share) +
           " of the text's letters are not Latin; the gazetteer's names must be written in the text's script)";
  }
  return "no claims: no entity of the gazetteer is named";
}

}  // namespace claimgraph::codec
