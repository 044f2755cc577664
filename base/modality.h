// How a source holds a claim: stated as fact, reported, proposed or denied.
// In base/ because it is both stored (storage/ writes its number) and written
// by name in every interchange format (codec/), and neither may depend on the
// other.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace claimgraph::base {

// DO NOT CHANGE the values: stored in claim records and index values.
enum class Modality : uint8_t { kAsserted = 0, kReported = 1, kProposed = 2, kDenied = 3 };

// "asserted", "reported", "proposed", "denied": the names ClaimQL, N-Quads,
// JSONL and the API use.
const char* ModalityName(Modality m);
std::optional<Modality> ParseModality(std::string_view text);

}  // namespace claimgraph::base
