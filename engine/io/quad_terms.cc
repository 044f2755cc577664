#include "engine/io/quad_terms.h"

#include <optional>

#include "codec/nquads/nquads_parser.h"
#include "codec/nquads/prov_claim.h"

namespace claimgraph::io {
namespace {

constexpr uint8_t kDefaultGraph = 3;  // beside RdfTerm::Kind's three

uint8_t KindOf(const codec::RdfTerm* term) {
  return term ? static_cast<uint8_t>(term->kind) : kDefaultGraph;
}
std::string_view TextOf(const codec::RdfTerm* term) { return term ? std::string_view(term->value) : std::string_view(); }

}  // namespace

QuadLineReader::QuadLineReader(const codec::ClaimFileOptions& options, base::MemoryAccount* account,
                               size_t memory_bytes)
    : charge_(account),
      max_bytes_(memory_bytes),
      mapper_(options.default_source),
      whole_(std::make_unique<codec::ClaimLineReader>(codec::ClaimFileFormat::kNQuads, options)) {}

QuadLineReader::~QuadLineReader() = default;
QuadLineReader::QuadLineReader(QuadLineReader&&) noexcept = default;

uint64_t QuadLineReader::HashOf(Role role, const codec::RdfTerm* term) { return HashOf(role, KindOf(term), TextOf(term)); }

uint64_t QuadLineReader::HashOf(Role role, uint8_t kind, std::string_view text) {
  const uint64_t salt = (uint64_t{role} * 4 + kind + 1) * 0x9E3779B97F4A7C15ull;
  return std::hash<std::string_view>()(text) ^ salt;
}

uint32_t QuadLineReader::Find(Role role, const codec::RdfTerm* term, uint64_t hash) {
  if (slots_.empty()) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.key == 0) return 0;
    if (s.tag != Tag(hash)) continue;
    Key& k = keys_[s.key - 1];
    if (k.role == role && k.kind == KindOf(term) && k.view() == TextOf(term)) {
      k.used = true;
      return k.number;
    }
  }
}

void QuadLineReader::Rehash(size_t n) {
  std::vector<Slot>().swap(slots_);  // rebuilt from the keys: the old slots go first
  slots_.resize(n);
  const size_t mask = n - 1;
  for (uint32_t k = 0; k < keys_.size(); ++k) {
    const Key& key = keys_[k];
    const uint64_t h = HashOf(key.role, key.kind, key.view());
    size_t i = h & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = {k + 1, Tag(h)};
  }
}

uint32_t QuadLineReader::Add(Role role, const codec::RdfTerm* term, uint64_t hash) {
  if ((keys_.size() + 1) * 2 > slots_.size()) Rehash(slots_.empty() ? 1024 : 2 * slots_.size());
  const std::string_view text = texts_.Store(TextOf(term));
  keys_.push_back({role, KindOf(term), false, static_cast<uint32_t>(text.size()), ++last_number_, text.data()});
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].key != 0) i = (i + 1) & mask;
  slots_[i] = {static_cast<uint32_t>(keys_.size()), Tag(hash)};
  charge_.Set(MemoryBytes());
  return last_number_;
}

std::vector<uint32_t> QuadLineReader::ForgetTheUnused() {
  size_t used = 0, used_bytes = 0;
  for (const Key& k : keys_)
    if (k.used) {
      ++used;
      used_bytes += k.size;
    }
  std::vector<Key> kept;
  std::vector<uint32_t> old_numbers;
  base::ByteArena texts;
  // Past half the share, the used ones alone would soon fill it again: then
  // nothing is kept.
  if (used * (sizeof(Key) + 4 * sizeof(Slot)) + used_bytes <= max_bytes_ / 2) {
    kept.reserve(used);
    old_numbers.reserve(used);
    for (const Key& k : keys_)
      if (k.used) {
        const std::string_view text = texts.Store(k.view());
        old_numbers.push_back(k.number);
        kept.push_back({k.role, k.kind, false, k.size, static_cast<uint32_t>(kept.size() + 1), text.data()});
      }
  }
  keys_.swap(kept);
  std::vector<Key>().swap(kept);
  texts_ = std::move(texts);
  last_number_ = static_cast<uint32_t>(keys_.size());
  size_t n = 1024;
  while (n < keys_.size() * 2) n *= 2;
  Rehash(n);
  charge_.Set(MemoryBytes());
  return old_numbers;
}

size_t QuadLineReader::MemoryBytes() const {
  return slots_.capacity() * sizeof(Slot) + keys_.capacity() * sizeof(Key) + texts_.bytes();
}

// What codec::ClaimLineReader says of the line, as the other importers' lines carry it.
void QuadLineReader::ReadWhole(const std::string& text, ParsedLine<QuadLine>* out) {
  codec::ClaimLine line;
  whole_->Read(text, &line);
  out->blank = line.blank;
  out->column = line.error.column;
  out->error = std::move(line.error.message);
  if (!out->blank && out->error.empty()) out->value.claim = std::make_unique<codec::FileClaim>(std::move(line.claim));
}

void QuadLineReader::operator()(const std::string& text, ParsedLine<QuadLine>* out) {
  codec::LineError error;
  std::optional<codec::Quad> quad = codec::ParseNQuadsLine(text, &error);
  if (!quad || codec::IsProvQuad(*quad) || quad->object.kind == codec::RdfTerm::Kind::kLiteral) {
    // Blank, refused, or not a quad of four names: read as ClaimLineReader
    // reads it (parsed again: such lines are few, or the import fails).
    ReadWhole(text, out);
    return;
  }
  const codec::RdfTerm* terms[4] = {&quad->subject, &quad->predicate, &quad->object,
                                    quad->graph ? &*quad->graph : nullptr};
  static constexpr Role kRoles[4] = {kEntity, kPredicate, kEntity, kGraph};
  uint64_t hashes[4];
  uint32_t* numbers = out->value.terms;
  bool all_numbered = true;
  for (int i = 0; i < 4; ++i) {
    hashes[i] = HashOf(kRoles[i], terms[i]);
    numbers[i] = Find(kRoles[i], terms[i], hashes[i]);
    all_numbered = all_numbered && numbers[i] != 0;
  }
  if (!all_numbered) {
    // A term met for the first time: the mapper names it, or says why not
    // (at the column of the first term at fault, as it does for every line).
    std::optional<codec::ClaimDraft> draft = mapper_.Map(*quad, &error);
    if (!draft) {
      out->column = error.column;
      out->error = std::move(error.message);
      return;
    }
    // At least 4,096 terms: the first 1 MiB block of texts is over a tiny
    // budget's share (the tests'), which would forget at every line.
    if (max_bytes_ != 0 && keys_.size() >= 4096 && MemoryBytes() >= max_bytes_) {
      out->value.renumbered = std::make_unique<std::vector<uint32_t>>(ForgetTheUnused());
      for (int i = 0; i < 4; ++i) numbers[i] = 0;  // found under their old numbers: found again
    }
    for (int i = 0; i < 4; ++i) {
      if (numbers[i] != 0) continue;
      numbers[i] = Find(kRoles[i], terms[i], hashes[i]);  // the subject may be the object
      if (numbers[i] == 0) numbers[i] = Add(kRoles[i], terms[i], hashes[i]);
    }
    out->value.names = std::make_unique<std::array<std::string, 4>>(std::array<std::string, 4>{
        std::move(draft->subject), std::move(draft->predicate), std::move(draft->object_text),
        std::move(draft->source.key)});
  }
  out->value.numbered = true;
}

}  // namespace claimgraph::io
