#include "engine/ingest/tokenizer.h"

#include <array>
#include <cctype>

namespace claimgraph::ingest {
namespace {

// Plain ASCII tests: the C library's are locale-aware calls, and this is the
// hot loop. Letters and digits by one table lookup.
constexpr auto kAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
  return t;
}();
bool IsAsciiAlnum(unsigned char c) { return kAlnum[c]; }
bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Length of the UTF-8 sequence starting with `c` (1 for invalid bytes, so
// that malformed input still advances).
size_t Utf8Length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

enum class Multi { kLetter, kSpace, kPunct };

// Classifies a multi-byte character and gives its normalized punctuation form.
// One-character forms are assigned as a char: GCC 12 warns -Wrestrict on
// `*norm = "'"` inlined (a false positive, GCC bug 105329).
Multi ClassifyMulti(std::string_view ch, std::string* norm) {
  // U+00A0 no-break space, U+2000..U+200B spaces, U+3000 ideographic space
  if (ch == "\xC2\xA0" || ch == "\xE3\x80\x80" || (ch.size() == 3 && ch[0] == '\xE2' && ch[1] == '\x80' &&
                                                   static_cast<unsigned char>(ch[2]) <= 0x8B))
    return Multi::kSpace;
  if (ch == "\xE2\x80\x98" || ch == "\xE2\x80\x99") { *norm = '\''; return Multi::kPunct; }   // ‘ ’
  if (ch == "\xE2\x80\x9C" || ch == "\xE2\x80\x9D" || ch == "\xC2\xAB" || ch == "\xC2\xBB") {  // “ ” « »
    *norm = '"';
    return Multi::kPunct;
  }
  if (ch == "\xE2\x80\x93" || ch == "\xE2\x80\x94" || ch == "\xE2\x80\x90" || ch == "\xE2\x80\x91") {  // – — ‐ ‑
    *norm = '-';
    return Multi::kPunct;
  }
  if (ch == "\xE2\x80\xA6") { *norm = "..."; return Multi::kPunct; }  // …
  // Other general punctuation (U+2010..U+206F), bullets, CJK punctuation
  // (U+3001..U+303F) and full-width forms of ASCII punctuation.
  unsigned char c0 = ch[0];
  unsigned char c1 = ch.size() > 1 ? ch[1] : 0;
  if ((c0 == 0xE2 && (c1 == 0x80 || c1 == 0x81 || c1 == 0x96)) || (c0 == 0xE3 && c1 == 0x80) ||
      (c0 == 0xEF && (c1 == 0xBC || c1 == 0xBD))) {
    *norm = std::string(ch);
    return Multi::kPunct;
  }
  return Multi::kLetter;
}

// Lower-cases `s` into `out` and returns TokenHash of the result, in one pass
// (this runs for every word of every document).
uint64_t AssignLower(std::string* out, std::string_view s) {
  out->resize(s.size());
  char* d = out->data();
  uint64_t h = 1469598103934665603ull;
  for (size_t k = 0; k < s.size(); ++k) {
    unsigned char c = static_cast<unsigned char>(s[k]);
    c = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    d[k] = static_cast<char>(c);
    h = (h ^ c) * 1099511628211ull;
  }
  return h;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);
  size_t i = 0;
  bool space = true, newline = true;
  std::string punct;
  while (i < text.size()) {
    unsigned char c = text[i];
    if (IsAsciiSpace(c)) {
      space = true;
      if (c == '\n') newline = true;
      ++i;
      continue;
    }
    size_t len = Utf8Length(c);
    if (i + len > text.size()) len = 1;
    Multi kind = Multi::kLetter;
    punct.clear();
    if (c >= 0x80) {
      kind = ClassifyMulti(text.substr(i, len), &punct);
      if (kind == Multi::kSpace) {
        space = true;
        i += len;
        continue;
      }
    } else if (!IsAsciiAlnum(c)) {
      kind = Multi::kPunct;
      punct.assign(1, static_cast<char>(c));
    }
    Token& t = tokens.emplace_back();  // filled in place: no move of its string
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (kind == Multi::kPunct) {
      t.end = static_cast<uint32_t>(i + len);
      t.norm = punct;
      t.hash = TokenHash(t.norm);
      i += len;
      continue;
    }
    // A word: letters and digits (any non-punctuation multi-byte character
    // counts as a letter). Initialisms "U.S." and decimals "2.5" keep their dots.
    size_t j = i;
    while (j < text.size()) {
      unsigned char d = text[j];
      if (d < 0x80) {
        if (IsAsciiAlnum(d)) { ++j; continue; }
        if (d == '.' && j > i) {
          unsigned char next = j + 1 < text.size() ? text[j + 1] : 0;
          bool single_letter_before = j >= 1 && IsAsciiAlpha(static_cast<unsigned char>(text[j - 1])) &&
                                      (j - 1 == i || text[j - 2] == '.');
          bool digits = IsAsciiDigit(static_cast<unsigned char>(text[j - 1])) && IsAsciiDigit(next);
          if (digits) { j += 1; continue; }
          if (single_letter_before && IsAsciiAlpha(next) &&
              (j + 2 >= text.size() || text[j + 2] == '.')) {
            j += 2;  // "U.S" -> continue to the next period
            continue;
          }
          if (single_letter_before && j - i >= 3) { ++j; break; }  // final period of "U.S."
        }
        break;
      }
      size_t l = Utf8Length(d);
      if (j + l > text.size()) l = 1;
      std::string ignored;
      if (ClassifyMulti(text.substr(j, l), &ignored) != Multi::kLetter) break;
      j += l;
    }
    t.end = static_cast<uint32_t>(j);
    t.is_word = true;
    t.hash = AssignLower(&t.norm, text.substr(i, j - i));
    i = j;
  }
  return tokens;
}

std::vector<std::string> NormalizedPhrase(std::string_view phrase) {
  std::vector<std::string> out;
  for (auto& t : Tokenize(phrase)) out.push_back(std::move(t.norm));
  return out;
}

}  // namespace claimgraph::ingest
