// VerifyEvidence: the kept texts against their SHA-256s, and the claims'
// quotes against the texts.
//
// Why: the hash chain vouches for the claim records and, through the source
// records, for each text's SHA-256 — but not for the text itself, which is
// kept outside the chain so that a takedown can remove it. A text is stored
// under its own SHA-256, so rehashing it proves it unchanged; a claim's span
// and quote then tie the claim to the bytes it was read from. A changed byte
// in a text names the text's source and the first claim (by id) whose quote
// it breaks. A redacted text is reported, not failed: its removal is logged.
#include <rocksdb/iterator.h>

#include <map>
#include <unordered_map>

#include "base/sha256.h"
#include "storage/evidence.h"
#include "storage/record_reader.h"
#include "storage/rocks_internal.h"
#include "storage/tx_log.h"

namespace claimgraph::storage {
namespace {

enum class TextCheck { kIntact, kChanged, kRedacted };

std::string Span(const Claim& c) { return std::to_string(c.span_begin) + ".." + std::to_string(c.span_end); }

// What is wrong with the claim against `text`, or "" when its span and
// quote match.
std::string QuoteProblem(const Claim& c, std::string_view text) {
  if (c.span_end > text.size())
    return "its span " + Span(c) + " runs past the end of the text (" + std::to_string(text.size()) + " bytes)";
  if (!c.quote.empty() && text.substr(c.span_begin, c.span_end - c.span_begin) != c.quote)
    return "its quote differs from bytes " + Span(c) + " of the text";
  return "";
}

}  // namespace

Result<EvidenceReport> RocksClaimStore::VerifyEvidence() const {
  // No commit (nor redaction) may run between the passes.
  std::lock_guard<std::mutex> lock(writer_mutex());
  EvidenceReport report;
  const ScopedSnapshot snapshot(db_.get());
  const RecordReader records(this, snapshot.get());
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot.get();

  // Sources by id, and the first source of each text (by evidence key).
  std::unordered_map<SourceId, Source> sources;
  std::map<std::string, SourceId> first_source;
  CG_RETURN_IF_ERROR(records.ForEachSource([&](Source& s) -> Result<bool> {
    if (auto key = EvidenceKeyOf(s.sha256)) first_source.emplace(*key, s.id);
    const SourceId id = s.id;
    sources.emplace(id, std::move(s));
    return true;
  }));
  auto source_name = [&](SourceId id) {
    auto it = sources.find(id);
    return it == sources.end() ? "source " + std::to_string(id) : "source \"" + it->second.key + "\"";
  };
  auto text_owner = [&](const std::string& key, SourceId fallback) {
    auto it = first_source.find(key);
    return source_name(it == first_source.end() ? fallback : it->second);
  };

  // Every text: rehashed against the key it is stored under.
  std::map<std::string, TextCheck> texts;
  std::string first_changed;  // evidence key of the first changed text
  std::string malformed;
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kEvidence)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const std::string key = it->key().ToString();
      Evidence e;
      Status st = key.size() == kHashSize ? DecodeEvidence(it->value().ToStringView(), &e)
                                          : Status::Corruption("evidence has a malformed key");
      if (!st.ok()) {
        if (malformed.empty()) malformed = (key.size() == kHashSize ? "the text of " + text_owner(key, 0) + ": " : "") + st.message();
        continue;
      }
      if (e.state == Evidence::State::kRedacted) {
        texts[key] = TextCheck::kRedacted;
        ++report.texts_redacted;
        continue;
      }
      ++report.texts_checked;
      report.text_bytes += e.text.size();
      const bool intact = base::Sha256Digest(e.text) == key;
      texts[key] = intact ? TextCheck::kIntact : TextCheck::kChanged;
      if (!intact && first_changed.empty()) first_changed = key;
    }
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "reading evidence"));
  }

  // Every text the log says was kept must still be there (kept or redacted).
  std::string missing;
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kTxlog)));
    for (it->SeekToFirst(); it->Valid() && missing.empty(); it->Next()) {
      TxRecord rec;
      if (!DecodeTxRecord(it->value().ToStringView(), &rec).ok()) continue;  // VerifyLog reports it
      for (const TxOperation& op : rec.ops)
        if (op.kind == TxOperation::Kind::kKeepText && !texts.count(op.record)) {
          missing = "the text of " + text_owner(op.record, op.first) + " (kept in tx " + std::to_string(rec.tx) +
                    ") is missing";
          break;
        }
    }
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "reading txlog"));
  }

  // Every claim with a span into a kept text, in id order.
  std::map<std::string, std::string> broken_by_change;  // changed text -> the first claim it breaks
  std::string first_bad_quote;
  std::string cached_key, cached_text;  // a document's claims are mostly consecutive
  {
    CG_ASSIGN_OR_RETURN(auto view, NewReadView(std::nullopt));
    CG_RETURN_IF_ERROR(view->ForEachClaim([&](const Claim& c) -> Status {
      if (!c.has_span) return Status::Ok();
      auto src = sources.find(c.source);
      if (src == sources.end()) return Status::Ok();
      const std::optional<std::string> key = EvidenceKeyOf(src->second.sha256);
      if (!key) return Status::Ok();
      auto state = texts.find(*key);
      if (state == texts.end() || state->second == TextCheck::kRedacted) return Status::Ok();
      if (*key != cached_key) {
        std::string value;
        Evidence e;
        CG_RETURN_IF_ERROR(records.Get(Cf::kEvidence, *key, "a kept text", &value));
        CG_RETURN_IF_ERROR(DecodeEvidence(value, &e));
        cached_key = *key;
        cached_text = std::move(e.text);
      }
      ++report.quotes_checked;
      const std::string problem = QuoteProblem(c, cached_text);
      if (problem.empty()) return Status::Ok();
      const std::string what = "claim " + std::to_string(c.id) + " (" + problem + ")";
      if (state->second == TextCheck::kChanged) broken_by_change.emplace(*key, what);
      else if (first_bad_quote.empty())
        first_bad_quote = "claim " + std::to_string(c.id) + " of " + source_name(c.source) + ": " + problem;
      return Status::Ok();
    }));
  }

  std::vector<std::string> problems;
  if (!first_changed.empty()) {
    auto broken = broken_by_change.find(first_changed);
    problems.push_back("the text of " + text_owner(first_changed, 0) + " no longer hashes to its SHA-256 " +
                       base::HexEncode(first_changed).substr(0, 16) + "...; " +
                       (broken == broken_by_change.end() ? std::string("no claim's quote reads the changed bytes")
                                                         : "the first claim it breaks is " + broken->second));
  }
  for (const std::string* p : {&malformed, &missing, &first_bad_quote})
    if (!p->empty()) problems.push_back(*p);
  for (const auto& p : problems) report.problem += (report.problem.empty() ? "" : "\n") + p;
  report.ok = problems.empty();
  return report;
}

}  // namespace claimgraph::storage
