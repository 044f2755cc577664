#include "base/modality.h"

namespace claimgraph::base {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kProposed: return "proposed";
    case Modality::kDenied: return "denied";
  }
  return "unknown";
}

std::optional<Modality> ParseModality(std::string_view text) {
  if (text == "asserted") return Modality::kAsserted;
  if (text == "reported") return Modality::kReported;
  if (text == "proposed") return Modality::kProposed;
  if (text == "denied") return Modality::kDenied;
  return std::nullopt;
}

}  // namespace claimgraph::base
