#include "codec/format/claim_lines.h"

#include <cstdio>

namespace claimgraph::codec {

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
  out += " (not stored: no valid time yet)\n";
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

}  // namespace claimgraph::codec
