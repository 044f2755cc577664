// The parsing half of a plain N-Quads import: each line parsed on the
// LinePipeline's thread into numbers for its terms, so that the writing
// thread resolves a quad with four array reads instead of four string-keyed
// lookups (and the drafts' strings are not built, handed over and freed once
// per line).
//
// A term is numbered by its role (entity, predicate, graph), its kind (IRI,
// blank node, the default graph) and its text, the first time it is met on a
// line whose quad maps (codec::QuadMapper) — so a number always stands for a
// valid name — and the line that numbers it carries the names all four of
// its terms map to (the writing thread resolves such a line by name, and
// keeps no copy of the names it resolved).
//
// In a bulk import the numbering holds about its share of the budget: when a
// line would number a term past it, the terms not met again since the last
// time are forgotten (a clock's second chance: the frequent ones stay) and
// the rest numbered 1..k again; that line carries the old number of each
// new one (`renumbered`), so the writing thread keeps its ids for them and
// forgets the others. A forgotten term met again gets a new number from a
// line that carries its name, and resolves by name once more (the
// transaction's table of created names holds each name once, spilled past
// its own share). Forgetting everything instead (tried) made every line
// after it resolve its four names again: the read phase of a 20M import
// took 1.3 times as long.
// Lines that cannot take this path carry the claim codec::ClaimLineReader
// reads from them, or its error, exactly: a quad with a literal object (its
// value is resolved per line), a statement of an nquads-prov file, a syntax
// error, or a term that names nothing.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/byte_arena.h"
#include "base/memory_account.h"
#include "codec/claim_file.h"
#include "codec/nquads/quad_claim.h"
#include "engine/io/line_pipeline.h"

namespace claimgraph::io {

struct QuadLine {
  // Set when the numbering forgot terms before this line: new number n stands
  // for what old number (*renumbered)[n - 1] stood for; no other old number
  // stands for anything any more.
  std::unique_ptr<std::vector<uint32_t>> renumbered;
  // true: the claim is terms[] (subject, predicate, object, graph); false:
  // `claim` (unless the line is blank or its error set).
  bool numbered = false;
  uint32_t terms[4] = {0, 0, 0, 0};
  // Set when this line numbered a term: the names terms[] map to (subject,
  // predicate, object, the graph's source key).
  std::unique_ptr<std::array<std::string, 4>> names;
  std::unique_ptr<codec::FileClaim> claim;
};

// Runs on the pipeline's thread only.
class QuadLineReader {
 public:
  // `account` (may be null): what the numbering holds is charged to it as it
  // grows (a bulk import's one account, base/memory_account.h).
  // `memory_bytes`: past it the numbering forgets the terms not met again (0: never).
  explicit QuadLineReader(const codec::ClaimFileOptions& options, base::MemoryAccount* account = nullptr,
                          size_t memory_bytes = 0);
  ~QuadLineReader();
  QuadLineReader(QuadLineReader&&) noexcept;
  void operator()(const std::string& text, ParsedLine<QuadLine>* out);

 private:
  enum Role : uint8_t { kEntity, kPredicate, kGraph };
  // The term's number, 0 when it has none yet (or it was forgotten).
  uint32_t Find(Role role, const codec::RdfTerm* term, uint64_t hash);
  uint32_t Add(Role role, const codec::RdfTerm* term, uint64_t hash);
  static uint64_t HashOf(Role role, const codec::RdfTerm* term);
  static uint64_t HashOf(Role role, uint8_t kind, std::string_view text);
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
  void ReadWhole(const std::string& text, ParsedLine<QuadLine>* out);
  // Keeps only the terms met since the last call (none when those alone
  // would hold over half the share), numbered 1..k in their old order; the
  // old number of each, by new number.
  std::vector<uint32_t> ForgetTheUnused();
  void Rehash(size_t slots);

  // 8 bytes (a table of ~1M terms is 2-4M slots): the key's place and the
  // hash's high bits; a growing table rehashes the keys.
  struct Slot {
    uint32_t key = 0;  // 1 + the key's index in keys_; 0 = empty
    uint32_t tag = 0;
  };
  // 24 bytes, the text in texts_: a file of 20M claims numbers ~1M terms.
  struct Key {
    Role role;
    uint8_t kind;       // RdfTerm::Kind, or 3 for the default graph
    bool used = false;  // met again since the last ForgetTheUnused
    uint32_t size;
    uint32_t number;
    const char* text;
    std::string_view view() const { return std::string_view(text, size); }
  };
  std::vector<Slot> slots_;
  std::vector<Key> keys_;
  base::ByteArena texts_;
  uint32_t last_number_ = 0;
  size_t MemoryBytes() const;
  base::MemoryCharge charge_;  // slots_, keys_ and texts_
  size_t max_bytes_;           // 0: unbounded
  codec::QuadMapper mapper_;
  std::unique_ptr<codec::ClaimLineReader> whole_;  // the lines that do not take the numbered path
};

}  // namespace claimgraph::io
