#include "grammar/parse_cache.h"

#include <list>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "grammar/parse_cache_entry.h"

namespace claimgraph::grammar {
namespace {

// Longer texts are scripts or generated statements, seldom repeated; a cached
// tree's size grows with its text.
constexpr size_t kMaxCachedBytes = 4096;
// Stands for each character of a literal's content in a key. Any character
// but '"', '\\', CR and LF lexes the same inside a literal.
constexpr char kMasked = '\x01';

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

struct ParseCache::Impl {
  size_t max_entries;
  mutable std::mutex mu;
  // Most recently given first; a key may have several entries (one per
  // thread that parsed its shape at the same time).
  using Lru = std::list<std::pair<std::string, std::unique_ptr<Entry>>>;
  Lru lru;
  std::unordered_map<std::string, std::vector<Lru::iterator>> by_key;
  Counters counters;
};

ParseCache::ParseCache(size_t max_entries) : impl_(std::make_unique<Impl>()) {
  impl_->max_entries = max_entries;
}
ParseCache::~ParseCache() = default;

ParseCache::Counters ParseCache::counters() const {
  std::lock_guard lock(impl_->mu);
  return impl_->counters;
}

// Mirrors the lexer's rules for what is a comment (LINE_COMMENT: "--" to the
// end of the line) and a string (STRING: '"' (~["\\\r\n] | '\\' .)* '"').
// Only a literal the lexer reads as one STRING token of plain characters is
// masked; anything else is copied byte for byte, so texts that differ there
// never share a key.
bool ParseCache::ShapeOf(std::string_view text, std::string* key, std::vector<LiteralAt>* literals) {
  if (text.size() > kMaxCachedBytes) return false;
  key->clear();
  if (literals) literals->clear();
  key->reserve(text.size());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const char c = text[i];
    if (c == '-' && i + 1 < n && text[i + 1] == '-') {
      size_t end = text.find_first_of("\r\n", i);
      if (end == std::string_view::npos) end = n;
      key->append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (c != '"') {
      key->push_back(c);
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool plain = true;
    while (j < n && text[j] != '"') {
      if (text[j] == '\\') {
        plain = false;
        j += 2;
        continue;
      }
      if (text[j] == '\r' || text[j] == '\n') plain = false;
      ++j;
    }
    const bool closed = j < n;
    if (!plain || !closed) {
      key->append(text.substr(i, std::min(j + 1, n) - i));
    } else {
      key->push_back('"');
      if (literals) literals->push_back({i + 1, j - i - 1});
      for (size_t k = i + 1; k < j; ++k)
        if (!IsContinuationByte(text[k])) key->push_back(kMasked);  // one per character: columns stay put
      key->push_back('"');
    }
    i = std::min(j + 1, n);
  }
  return true;
}

std::unique_ptr<ParseCache::Entry> ParseCache::Take(const std::string& key) {
  std::lock_guard lock(impl_->mu);
  auto found = impl_->by_key.find(key);
  if (found == impl_->by_key.end()) {
    ++impl_->counters.misses;
    return nullptr;
  }
  Impl::Lru::iterator at = found->second.back();
  found->second.pop_back();
  if (found->second.empty()) impl_->by_key.erase(found);
  std::unique_ptr<Entry> entry = std::move(at->second);
  impl_->lru.erase(at);
  ++impl_->counters.hits;
  return entry;
}

void ParseCache::Give(const std::string& key, std::unique_ptr<Entry> entry, bool templated) {
  std::unique_ptr<Entry> evicted;  // destroyed outside the lock
  std::lock_guard lock(impl_->mu);
  if (templated) ++impl_->counters.templated;
  impl_->lru.emplace_front(key, std::move(entry));
  impl_->by_key[key].push_back(impl_->lru.begin());
  ++impl_->counters.kept;
  if (impl_->lru.size() <= impl_->max_entries) return;
  Impl::Lru::iterator last = std::prev(impl_->lru.end());
  auto& same_key = impl_->by_key[last->first];
  std::erase(same_key, last);
  if (same_key.empty()) impl_->by_key.erase(last->first);
  evicted = std::move(last->second);
  impl_->lru.erase(last);
}

}  // namespace claimgraph::grammar
