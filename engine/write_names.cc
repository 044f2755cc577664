#include "engine/write_names.h"

#include <cctype>

#include "engine/io/literal_convert.h"
#include "storage/normalize.h"

namespace claimgraph::engine {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `longer` is `shorter` with one character inserted that is not a digit.
bool OneNonDigitInsertion(std::string_view shorter, std::string_view longer) {
  size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  return !IsDigit(longer[i]) && shorter.substr(i) == longer.substr(i + 1);
}

}  // namespace

std::vector<std::string> DescribeNewNames(const NewNames& names) {
  std::vector<std::string> lines;
  for (const auto& p : names.predicates) lines.push_back("new predicate: " + p);
  if (names.entities == 1 && names.first_entities.size() == 1) {
    lines.push_back("new entity: \"" + names.first_entities[0] + "\"");
  } else if (names.entities > 0) {
    std::string list;
    for (const auto& e : names.first_entities) list += (list.empty() ? "\"" : ", \"") + e + "\"";
    if (names.entities > names.first_entities.size())
      list += ", and " + std::to_string(names.entities - names.first_entities.size()) + " more";
    lines.push_back("new entities: " + std::to_string(names.entities) + " (" + list + ")");
  }
  return lines;
}

bool LooksLikeTypoOf(std::string_view candidate, std::string_view known) {
  std::string a = Lower(candidate), b = Lower(known);
  if (a == b) return true;  // differs in case only
  if (a.size() + 1 == b.size()) return OneNonDigitInsertion(a, b);
  if (b.size() + 1 == a.size()) return OneNonDigitInsertion(b, a);
  if (a.size() != b.size()) return false;
  std::vector<size_t> diff;
  for (size_t i = 0; i < a.size() && diff.size() <= 2; ++i)
    if (a[i] != b[i]) diff.push_back(i);
  if (diff.size() == 1) return !(IsDigit(a[diff[0]]) && IsDigit(b[diff[0]]));
  if (diff.size() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]])
    return !(IsDigit(a[diff[0]]) && IsDigit(a[diff[1]]));
  return false;
}

Result<std::unique_ptr<WriteNames>> WriteNames::Create(storage::WriteTransaction* tx) {
  std::unique_ptr<WriteNames> names(new WriteNames(tx));
  CG_ASSIGN_OR_RETURN(auto predicates, tx->ListPredicates());
  for (const auto& p : predicates) {
    names->predicates_[p.name] = {p.id, false};
    names->known_names_.push_back(p.name);
    if (!p.inverse.empty()) {
      names->predicates_[p.inverse] = {p.id, true};
      names->known_names_.push_back(p.inverse);
    }
  }
  return names;
}

Result<ResolvedPredicate> WriteNames::Predicate(const std::string& name) {
  auto it = predicates_.find(name);
  if (it != predicates_.end()) return it->second;
  for (const auto& known : known_names_)
    if (LooksLikeTypoOf(name, known))
      return Status::InvalidArgument("unknown predicate '" + name + "'; did you mean '" + known +
                                     "'? (taken for a typo; DEFINE PREDICATE " + name + " declares it)");
  storage::Predicate p;
  p.name = name;
  CG_ASSIGN_OR_RETURN(p.id, tx_->DefinePredicate(p));
  ResolvedPredicate r{p.id, false};
  predicates_.emplace(name, r);
  known_names_.push_back(name);
  defined_.predicates.push_back(name);
  return r;
}

Result<storage::EntityId> WriteNames::Entity(const std::string& name) {
  // The same spelling recurs on many lines: skip normalization for it.
  auto it = entities_.find(name);
  if (it != entities_.end()) return it->second;
  // A memo, not the record of what exists (the transaction is): bounded, so
  // that an import of a million names does not hold each spelling once more.
  if (entities_.size() >= kMaxCachedSpellings) entities_.clear();
  auto found = tx_->FindEntity(name);
  storage::EntityId id;
  if (found.ok()) {
    id = *found;
  } else {
    if (found.status().code() != StatusCode::kNotFound) return found.status();
    CG_ASSIGN_OR_RETURN(id, tx_->ResolveOrCreateEntity(name));
    ++defined_.entities;
    if (defined_.first_entities.size() < NewNames::kListedEntities) defined_.first_entities.push_back(name);
  }
  entities_.emplace(name, id);
  return id;
}

Result<storage::SourceId> WriteNames::Source(const codec::SourceDraft& s) {
  if (s.key.empty()) return Status::InvalidArgument("every claim needs a source");
  const bool has_metadata =
      !s.title.empty() || !s.publisher.empty() || !s.published.empty() || !s.url.empty() || !s.sha256.empty();
  if (!has_metadata) {
    auto it = sources_.find(s.key);
    if (it != sources_.end()) return it->second;
  }
  CG_ASSIGN_OR_RETURN(storage::SourceId id, tx_->UpsertSource({s.key, s.title, s.publisher, s.published, s.url, s.sha256}));
  if (sources_.size() >= kMaxCachedSpellings) sources_.clear();  // a memo, as entities_
  sources_[s.key] = id;
  return id;
}

Result<storage::ClaimInput> WriteNames::Resolve(const codec::ClaimDraft& d) {
  using Kind = codec::ClaimDraft::ObjectKind;
  // First, before any name is defined; the same words on every path (JSONL,
  // Assert and so load and ingestion, ASSERT).
  CG_RETURN_IF_ERROR(base::CheckValidTime(d.valid));
  CG_ASSIGN_OR_RETURN(ResolvedPredicate pred, Predicate(d.predicate));
  if (pred.swap && d.object_kind != Kind::kEntity)
    return Status::InvalidArgument("'" + d.predicate +
                                   "' is an inverse reading; its object must be an entity, not a literal");
  CG_ASSIGN_OR_RETURN(storage::EntityId subject, Entity(d.subject));
  storage::TermId object = 0;
  switch (d.object_kind) {
    case Kind::kEntity: {
      CG_ASSIGN_OR_RETURN(object, Entity(d.object_text));
      break;
    }
    case Kind::kNumber: {
      CG_ASSIGN_OR_RETURN(storage::Literal literal, io::StoredNumber(d.object_number));
      CG_ASSIGN_OR_RETURN(object, tx_->InternLiteral(literal));
      break;
    }
    case Kind::kDate: {
      CG_ASSIGN_OR_RETURN(storage::Literal literal, io::StoredDate(d.object_text));
      CG_ASSIGN_OR_RETURN(object, tx_->InternLiteral(literal));
      break;
    }
    case Kind::kString: {
      CG_ASSIGN_OR_RETURN(object, tx_->InternLiteral({storage::TermKind::kString, d.object_text, 0}));
      break;
    }
  }
  storage::ClaimInput c;
  CG_ASSIGN_OR_RETURN(c.source, Source(d.source));
  c.subject = pred.swap ? object : subject;
  c.object = pred.swap ? subject : object;
  c.predicate = pred.id;
  c.has_span = d.has_span;
  c.span_begin = d.span_begin;
  c.span_end = d.span_end;
  c.quote = d.quote;
  c.confidence = d.confidence;
  c.method = d.method;
  c.modality = d.modality;
  c.valid = d.valid;
  return c;
}

}  // namespace claimgraph::engine
