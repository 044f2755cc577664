// How names are compared when looking entities up by alias: case- and
// punctuation-insensitive, so "U.S." = "US" = "us" and "Five-Eyes" = "five eyes".
// In base/ because storage keys its alias index by it and the interchange
// formats (codec/) refuse a name it maps to "" ("no letters or digits"), and
// neither may depend on the other.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::base {

// ASCII letters are lower-cased; '.' and apostrophes (' and U+2019) are dropped
// ("U.S." -> "us", "Xi's" -> "xis"); any other ASCII punctuation and whitespace
// becomes a single space; leading and trailing spaces are trimmed. Bytes >= 0x80
// (other UTF-8) are kept as they are.
std::string NormalizeAlias(std::string_view name);

}  // namespace claimgraph::base
