// UTF-8, decoded and checked in one place: the N-Quads parser, the IRI test
// of the term mapping and the ingestion of documents all need the same rule
// (no overlong forms, no surrogates, nothing past U+10FFFF).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::base {

// Decodes the code point at s[i] into *cp; returns its length in bytes, or 0
// when the bytes there are not valid UTF-8.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp);

// Appends code point `cp` (at most U+10FFFF) as UTF-8.
void AppendUtf8(std::string* out, uint32_t cp);

// The offset of the first byte that does not start a valid code point, or
// npos when all of `s` is valid UTF-8.
size_t FirstInvalidUtf8(std::string_view s);

}  // namespace claimgraph::base
