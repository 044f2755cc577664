// One write transaction: lookups see the store plus this transaction's own
// writes; Commit() turns the pending state into keys for one CommitSink, with
// the txlog record and the counters in the same atomic write.
#include <absl/container/flat_hash_map.h>
#include <absl/strings/string_view.h>
#include <rocksdb/iterator.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "storage/byte_codec.h"
#include "base/sha256.h"
#include "storage/commit_sink.h"
#include "storage/spilling_name_table.h"
#include "storage/evidence.h"
#include "storage/spilling_identity_table.h"
#include "storage/marks.h"
#include "storage/normalize.h"
#include "storage/record_codec.h"
#include "storage/record_reader.h"
#include "storage/replication.h"
#include "storage/rocks_internal.h"
#include "storage/tx_log.h"

namespace claimgraph::storage {
namespace {

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool ValidPredicateName(std::string_view name) {
  if (name.empty() || name.size() > 200) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return std::isalpha(static_cast<unsigned char>(name[0]));
}

// Writes one asserted claim: its record (added to the transaction's digest),
// its three index entries and its by-source entry. Shared by bulk loads (at
// Assert) and online commits (at Commit).
// `record` is scratch space, reused from claim to claim.
void WriteClaim(Claim& c, TxId tx, TxId retracted_tx, int64_t now, const std::string& principal, CommitSink* sink,
                RecordsDigest* digest, std::string* record) {
  c.asserted_tx = tx;
  if (c.principal.empty()) c.principal = principal;
  if (c.asserted_at_us == 0) c.asserted_at_us = now;
  EncodeClaimTo(c, record);
  digest->Add(*record);
  sink->PutBytes(Cf::kClaims, EncodeClaimKey(c.id, kClaimAssertionTag), *record);
  sink->PutIndexEntries(IndexEntryOf(c, tx, retracted_tx));
}

// A claim identity as a fixed-size key for the claims asserted within one
// transaction (a bulk import may assert millions): the quote enters as a
// 64-bit hash. Two different quotes would also need the same subject,
// predicate, object, source, span and modality to collide.
struct IdentityKey {
  uint64_t subject, predicate, object, source, span_begin, span_end, quote_hash;
  uint8_t has_span, modality;
  bool operator==(const IdentityKey&) const = default;
};
// The key of IdentityOf(claim, symmetric), made without the Claim and
// ClaimIdentity copies (of the quote, method and principal) on the way.
IdentityKey KeyOf(const ClaimInput& in, bool symmetric) {
  uint64_t subject = in.subject, object = in.object;
  if (symmetric && IsEntityTerm(object) && object < subject) std::swap(subject, object);
  return {subject, in.predicate, object, in.source, in.has_span ? in.span_begin : 0, in.has_span ? in.span_end : 0,
          std::hash<std::string_view>()(in.quote), in.has_span, static_cast<uint8_t>(in.modality)};
}
struct IdentityKeyHash {
  size_t operator()(const IdentityKey& k) const {
    uint64_t h = 1469598103934665603ull;
    for (uint64_t v : {k.subject, k.predicate, k.object, k.source, k.span_begin, k.span_end, k.quote_hash,
                       uint64_t(k.has_span) << 8 | k.modality})
      h = (h ^ v) * 1099511628211ull;
    return h ^ (h >> 29);
  }
};

// Calls write(record) for every record of `changed` (a std::map by id) and
// for every `created` one it does not hold, in id order; make(created) builds
// a created one's record. The changed record wins: created, then changed.
template <typename Map, typename Make, typename Write>
Status ForEachById(const Map& changed, SpillingNameTable& created, Make make, Write write) {
  auto upserted = changed.begin();
  CG_RETURN_IF_ERROR(created.ForEach([&](const SpillingNameTable::Created& c) {
    for (; upserted != changed.end() && upserted->first < c.id; ++upserted) write(upserted->second);
    if (upserted != changed.end() && upserted->first == c.id) write((upserted++)->second);
    else write(make(c));
    return Status::Ok();
  }));
  for (; upserted != changed.end(); ++upserted) write(upserted->second);
  return Status::Ok();
}

class RocksWriteTransaction final : public WriteTransaction {
 public:
  RocksWriteTransaction(RocksClaimStore* store, WriteOptions options)
      : store_(store), records_(store, nullptr), options_(std::move(options)), lock_(store->writer_mutex()),
        head_(store->head()), counters_(head_.counters), marks_table_(store->marks()) {
    // The writer lock fixes this transaction's id now. A bulk load encodes
    // each claim as it is asserted (no million Claim objects held until
    // commit), so it takes its time stamp now too.
    tx_ = head_.counters.last_tx + 1;
    if (options_.bulk) {
      bulk_now_ = std::max(NowMicros(), head_.last_time_us);
      // One account for everything the import holds (base/memory_account.h):
      // the tables below charge it as they grow, the sink's sorters share
      // what they leave.
      account_ = options_.bulk_memory_account;
      if (!account_) {
        own_account_ = std::make_unique<base::MemoryAccount>(options_.bulk_memory_budget);
        account_ = own_account_.get();
      }
      tables_charge_.Attach(account_);
      sink_ = NewBulkSink(store_, {options_.progress, options_.bulk_memory_budget, account_,
                                   options_.TEST_bulk_fail_merge_after});
      // The duplicate rule's table spills beside the sorts' runs, its rows
      // within their own share of the budget (bulk_sink.cc lists every share).
      asserted_here_.Bound(BulkTempDir(*store_), BulkIdentityBudget(options_.bulk_memory_budget));
      // So do the names it creates: the import's dictionary.
      created_.Bound(BulkTempDir(*store_), "entities", BulkNamesBudget(options_.bulk_memory_budget));
      created_sources_.Bound(BulkTempDir(*store_), "sources", BulkSourceNamesBudget(options_.bulk_memory_budget));
    }
  }

  Result<EntityId> FindEntity(std::string_view name) override {
    std::string norm = NormalizeAlias(name);
    if (norm.empty()) return Status::InvalidArgument("entity name \"" + std::string(name) + "\" has no letters or digits");
    if (auto added = new_aliases_.find(norm); added != new_aliases_.end()) return added->second;
    if (auto found = found_aliases_.find(norm); found != found_aliases_.end()) return found->second;
    CG_ASSIGN_OR_RETURN(std::optional<EntityId> created, created_.Find(norm));
    if (created) return *created;
    CG_ASSIGN_OR_RETURN(EntityId id, records_.GetId(Cf::kAlias, norm, "entity \"" + std::string(name) + "\""));
    KeepFound(&found_aliases_, std::move(norm), id);
    return id;
  }

  Result<Entity> GetEntity(EntityId id) override { return LoadEntity(id); }

  Result<EntityId> ResolveOrCreateEntity(std::string_view name) override {
    auto found = FindEntity(name);
    if (found.ok() || found.status().code() != StatusCode::kNotFound) return found;
    // Into the compact table, not entities_ and the alias maps: an import
    // creates millions (created_name_table.h); Commit writes them.
    const EntityId id = counters_.next_entity++;
    CG_RETURN_IF_ERROR(created_.Add(NormalizeAlias(name), name, id));
    ChargeTables();
    return id;
  }

  Result<EntityId> UpsertEntity(const EntityInput& input) override {
    if (NormalizeAlias(input.name).empty())
      return Status::InvalidArgument("entity name \"" + input.name + "\" has no letters or digits");
    std::optional<EntityId> target;
    std::string target_via;
    std::vector<std::string> names{input.name};
    names.insert(names.end(), input.aliases.begin(), input.aliases.end());
    for (const auto& n : names) {
      if (NormalizeAlias(n).empty()) return Status::InvalidArgument("alias \"" + n + "\" has no letters or digits");
      auto found = FindEntity(n);
      if (!found.ok()) {
        if (found.status().code() != StatusCode::kNotFound) return found.status();
        continue;
      }
      if (target && *target != *found) {
        CG_ASSIGN_OR_RETURN(Entity other, LoadEntity(*found));
        CG_ASSIGN_OR_RETURN(Entity first, LoadEntity(*target));
        return Status::AlreadyExists("\"" + n + "\" already names entity \"" + other.name + "\", but \"" + target_via +
                                     "\" names \"" + first.name + "\"");
      }
      target = *found;
      target_via = n;
    }
    Entity e, before;
    if (target) {
      CG_ASSIGN_OR_RETURN(e, LoadEntity(*target));
      before = e;
    } else {
      e.id = counters_.next_entity++;
    }
    // DEFINE ENTITY names the canonical name: an entity first met under an
    // alias is renamed, and its old name stays an alias.
    if (!e.name.empty() && e.name != input.name) e.aliases.push_back(e.name);
    e.name = input.name;
    if (!input.type.empty()) e.type = input.type;
    for (const auto& a : input.aliases) e.aliases.push_back(a);
    // Keep one spelling per normalized form, never the canonical name itself.
    std::unordered_set<std::string> seen{NormalizeAlias(e.name)};
    std::vector<std::string> aliases;
    for (auto& a : e.aliases)
      if (seen.insert(NormalizeAlias(a)).second) aliases.push_back(a);
    e.aliases = std::move(aliases);
    if (target && e == before) return e.id;  // nothing new: no write
    CG_RETURN_IF_ERROR(AddAlias(NormalizeAlias(e.name), e.id));
    for (const auto& a : e.aliases) CG_RETURN_IF_ERROR(AddAlias(NormalizeAlias(a), e.id));
    EntityId id = e.id;
    entities_[id] = std::move(e);
    return id;
  }

  Result<Predicate> FindPredicate(std::string_view name) override {
    auto it = predicate_by_name_.find(std::string(name));
    if (it != predicate_by_name_.end()) return predicates_.at(it->second);
    CG_ASSIGN_OR_RETURN(PredicateId id, records_.GetId(Cf::kDict, EncodeDictKey(NameTag::kPredicate, name),
                                                       "predicate '" + std::string(name) + "'"));
    return records_.GetPredicate(id);
  }

  Result<PredicateId> DefinePredicate(const Predicate& def) override {
    if (!ValidPredicateName(def.name))
      return Status::InvalidArgument("predicate name '" + def.name +
                                     "' must start with a letter and hold only letters, digits, '-' and '_'");
    if (!def.inverse.empty()) {
      if (!ValidPredicateName(def.inverse))
        return Status::InvalidArgument("inverse name '" + def.inverse + "' is not a valid predicate name");
      if (def.inverse == def.name) return Status::InvalidArgument("predicate '" + def.name + "' cannot be its own inverse");
      if (def.symmetric)
        return Status::InvalidArgument("symmetric predicate '" + def.name + "' cannot have an inverse name");
      auto clash = FindPredicate(def.inverse);
      if (clash.ok()) return Status::AlreadyExists("inverse name '" + def.inverse + "' is already a predicate");
    }
    CG_RETURN_IF_ERROR(LoadAllPredicates());
    for (const auto& [id, other] : predicates_) {
      if (other.name == def.name) continue;
      if (!other.inverse.empty() && other.inverse == def.name)
        return Status::AlreadyExists("'" + def.name + "' is already the inverse of predicate '" + other.name + "'");
      if (!def.inverse.empty() && other.inverse == def.inverse)
        return Status::AlreadyExists("'" + def.inverse + "' is already the inverse of predicate '" + other.name + "'");
    }
    Predicate p = def;
    auto existing = FindPredicate(def.name);
    if (p.domain.empty()) p.domain = "ANY";
    if (p.range.empty()) p.range = "ANY";
    if (existing.ok()) {
      p.id = existing->id;
      if (p == *existing) return p.id;  // unchanged: no write
    } else {
      if (existing.status().code() != StatusCode::kNotFound) return existing.status();
      p.id = counters_.next_predicate++;
      new_predicates_.insert(p.id);
    }
    predicate_by_name_[p.name] = p.id;
    predicates_[p.id] = p;
    changed_predicates_.insert(p.id);
    return p.id;
  }

  Result<std::vector<Predicate>> ListPredicates() override {
    CG_RETURN_IF_ERROR(LoadAllPredicates());
    std::vector<Predicate> out;
    for (const auto& [id, p] : predicates_) out.push_back(p);
    return out;
  }

  Result<PredicateId> ResolveOrDeclarePredicate(std::string_view name) override {
    auto found = FindPredicate(name);
    if (found.ok()) return found->id;
    if (found.status().code() != StatusCode::kNotFound) return found.status();
    Predicate p;
    p.name = std::string(name);
    return DefinePredicate(p);
  }

  Result<SourceId> FindSource(std::string_view key) override {
    if (auto added = new_source_keys_.find(key); added != new_source_keys_.end()) return added->second;
    // (absl's string_view: Debian builds absl with its own type.)
    if (auto found = found_sources_.find(absl::string_view(key.data(), key.size())); found != found_sources_.end())
      return found->second;
    CG_ASSIGN_OR_RETURN(std::optional<SourceId> created, created_sources_.Find(key));
    if (created) return *created;
    CG_ASSIGN_OR_RETURN(SourceId id, records_.GetId(Cf::kDict, EncodeDictKey(NameTag::kSource, key),
                                                    "source \"" + std::string(key) + "\""));
    KeepFound(&found_sources_, std::string(key), id);
    return id;
  }

  Result<SourceId> UpsertSource(const SourceInput& in) override {
    if (in.key.empty()) return Status::InvalidArgument("a source needs a non-empty key");
    Source s;
    auto found = FindSource(in.key);
    const bool key_alone =
        in.title.empty() && in.publisher.empty() && in.published.empty() && in.url.empty() && in.sha256.empty();
    if (found.ok()) {
      // A key alone changes nothing of a source that exists: its record is not
      // read (in a bulk import it may be in the spilled names).
      if (key_alone) return *found;
      CG_ASSIGN_OR_RETURN(s, LoadSource(*found));
    } else {
      if (found.status().code() != StatusCode::kNotFound) return found.status();
      // A key alone (an N-Quads graph: 500k at 50M claims) goes into the
      // compact table; Commit writes it.
      if (key_alone) {
        const SourceId id = counters_.next_source++;
        CG_RETURN_IF_ERROR(created_sources_.Add(in.key, in.key, id));
        ChargeTables();
        return id;
      }
      s.id = counters_.next_source++;
      s.key = in.key;
      new_sources_.insert(s.id);
      new_source_keys_.emplace(s.key, s.id);
    }
    // A source's text hash, once recorded, names its text for good: claims
    // quoting another text under the same key would point their spans into
    // the wrong bytes. Checked here, under the writer lock, so two writers
    // cannot both pass it.
    if (!in.sha256.empty() && !s.sha256.empty() && s.sha256 != in.sha256)
      return Status::FailedPrecondition("source '" + in.key + "' already holds a different text (SHA-256 " +
                                        s.sha256.substr(0, 16) + "..., this one " + in.sha256.substr(0, 16) +
                                        "...): give this document its own source key");
    Source before = s;
    for (auto [field, value] : {std::pair{&s.title, &in.title}, {&s.publisher, &in.publisher},
                                {&s.published, &in.published}, {&s.url, &in.url}, {&s.sha256, &in.sha256}})
      if (!value->empty()) *field = *value;
    if (!(s == before) || new_sources_.count(s.id)) sources_[s.id] = s;
    return s.id;
  }

  Result<TermId> InternLiteral(const Literal& literal) override {
    if (literal.kind == TermKind::kEntity) return Status::InvalidArgument("an entity is not a literal");
    std::string key = EncodeLiteralDictKey(literal.kind, literal.lexical);
    auto it = literal_cache_.find(key);
    if (it != literal_cache_.end()) return it->second;
    Result<TermId> stored = records_.GetId(Cf::kDict, key, "literal \"" + literal.lexical + "\"");
    TermId id;
    if (stored.ok()) {
      id = *stored;
    } else if (stored.status().code() == StatusCode::kNotFound) {
      id = MakeTermId(literal.kind, counters_.next_literal++);
      literals_.emplace(id, literal);
    } else {
      return stored.status();
    }
    literal_cache_.emplace(std::move(key), id);
    return id;
  }

  Result<ClaimId> Assert(const ClaimInput& in) override {
    CG_RETURN_IF_ERROR(CheckClaimInput(in));  // before IsSymmetric reads the predicate
    CG_ASSIGN_OR_RETURN(bool symmetric, IsSymmetric(in.predicate));
    return AssertKeyed(in, KeyOf(in, symmetric));
  }

  // FindLiveClaim and Assert with one identity computed and one lookup of
  // this transaction's claims: what every claim of an import goes through.
  Result<AssertOutcome> AssertUnlessLiveClaim(const ClaimInput& in) override {
    CG_ASSIGN_OR_RETURN(bool symmetric, IsSymmetric(in.predicate));
    const IdentityKey key = KeyOf(in, symmetric);
    CG_ASSIGN_OR_RETURN(std::optional<ClaimId> live, FindLive(in, symmetric, key));
    if (live) return AssertOutcome{*live, true};
    CG_RETURN_IF_ERROR(CheckClaimInput(in));
    CG_ASSIGN_OR_RETURN(ClaimId id, AssertKeyed(in, key));
    return AssertOutcome{id, false};
  }

  Status CheckClaimInput(const ClaimInput& in) const {
    if (in.subject == 0 || in.subject >= counters_.next_entity)
      return Status::InvalidArgument("claim subject " + std::to_string(in.subject) + " is not an entity");
    if (in.predicate == 0 || in.predicate >= counters_.next_predicate)
      return Status::InvalidArgument("claim predicate " + std::to_string(in.predicate) + " is not declared");
    if (in.source == 0 || in.source >= counters_.next_source)
      return Status::InvalidArgument("claim source " + std::to_string(in.source) + " does not exist");
    uint64_t seq = in.object & 0x00FFFFFFFFFFFFFFull;
    bool object_ok = IsEntityTerm(in.object) ? (seq > 0 && seq < counters_.next_entity)
                                             : (KindOfTerm(in.object) <= TermKind::kDate && seq > 0 && seq < counters_.next_literal);
    if (!object_ok) return Status::InvalidArgument("claim object " + std::to_string(in.object) + " is not a known term");
    if (!(in.confidence >= 0.0 && in.confidence <= 1.0))
      return Status::InvalidArgument("confidence must be within [0, 1]");
    if (in.has_span && in.span_begin > in.span_end)
      return Status::InvalidArgument("span " + std::to_string(in.span_begin) + ".." + std::to_string(in.span_end) +
                                     " ends before it begins");
    return Status::Ok();
  }

  // A checked claim, `key` its identity.
  Result<ClaimId> AssertKeyed(const ClaimInput& in, const IdentityKey& key) {
    const ClaimId id = counters_.next_claim;
    CG_RETURN_IF_ERROR(asserted_here_.Put(key, id));
    ChargeTables();
    ++counters_.next_claim;
    if (options_.bulk) {
      // Encoded now, through one Claim whose strings are reused claim after claim.
      AssignClaimRecord(in, &bulk_claim_);
      bulk_claim_.id = id;
      WriteClaim(bulk_claim_, tx_, 0, bulk_now_, options_.principal, sink_.get(), &digest_, &record_scratch_);
      if (streamed_ == 0) first_streamed_ = id;
      ++streamed_;
      return id;
    }
    Claim c = ClaimRecordOf(in);
    c.id = id;
    claims_.push_back(std::move(c));
    return claims_.back().id;
  }

  Result<std::optional<ClaimId>> FindLiveClaim(const ClaimInput& in) override {
    CG_ASSIGN_OR_RETURN(bool symmetric, IsSymmetric(in.predicate));
    return FindLive(in, symmetric, KeyOf(in, symmetric));
  }

  Result<std::optional<ClaimId>> FindLive(const ClaimInput& in, bool symmetric, const IdentityKey& key) {
    CG_ASSIGN_OR_RETURN(std::optional<ClaimId> here, asserted_here_.Find(key));
    if (here && (retracted_.empty() || !retracted_.count(*here))) return here;
    if (head_.counters.next_claim == 1) return std::optional<ClaimId>();  // no claim was ever stored
    return FindStored(IdentityOf(in, symmetric), symmetric, [&](const IndexEntry& e) -> Result<bool> {
      return e.retracted_tx == 0 && !retracted_.count(e.claim);
    });
  }

  Result<std::optional<ClaimId>> FindRetractedRecord(const ClaimInput& in, int64_t retracted_at_us) override {
    CG_ASSIGN_OR_RETURN(bool symmetric, IsSymmetric(in.predicate));
    return FindStored(IdentityOf(in, symmetric), symmetric, [&](const IndexEntry& e) -> Result<bool> {
      if (e.retracted_tx == 0) return false;
      CG_ASSIGN_OR_RETURN(Claim c, records_.GetClaimRecord(e.claim));
      CG_ASSIGN_OR_RETURN(std::optional<Claim> r, records_.GetRetraction(e.claim));
      if (!r) return Status::NotFound("retraction of claim " + std::to_string(e.claim) + " not found");
      return (in.asserted_at_us == 0 || c.asserted_at_us == in.asserted_at_us) &&
             (retracted_at_us == 0 || r->retracted_at_us == retracted_at_us);
    });
  }

  Status Retract(ClaimId id, std::string_view reason) override { return RestoreRetraction(id, reason, "", 0); }

  Status RestoreRetraction(ClaimId id, std::string_view reason, std::string_view retracted_by,
                           int64_t retracted_at_us) override {
    if (marked_.count({Mark::Target::kClaim, id}))
      return Status::FailedPrecondition("claim " + std::to_string(id) + " is deprecated or restored by this transaction");
    if (retracted_.count(id)) return Status::FailedPrecondition("claim " + std::to_string(id) + " is already retracted in this transaction");
    Claim c;
    if (streamed_ && id >= first_streamed_ && id < first_streamed_ + streamed_) {
      c.id = id;  // asserted in this bulk transaction: its index entries are patched in the sink
      sink_->RetractStreamed(id - first_streamed_, tx_);
    } else if (!claims_.empty() && id >= claims_.front().id && id <= claims_.back().id) {
      c = claims_[id - claims_.front().id];
    } else {
      Result<Claim> stored = records_.GetClaimRecord(id);
      // Retract's contract words it so: the claim id names nothing.
      if (stored.status().code() == StatusCode::kNotFound)
        return Status::NotFound("claim " + std::to_string(id) + " does not exist");
      CG_ASSIGN_OR_RETURN(c, std::move(stored));
      CG_ASSIGN_OR_RETURN(std::optional<Claim> r, records_.GetRetraction(id));
      if (r)
        return Status::FailedPrecondition("claim " + std::to_string(id) + " was already retracted in tx " +
                                          std::to_string(r->retracted_tx));
    }
    c.retract_reason = std::string(reason);
    c.retracted_by = std::string(retracted_by);
    c.retracted_at_us = retracted_at_us;
    retracted_.insert(id);
    retractions_.push_back(std::move(c));
    return Status::Ok();
  }

  Status SetDeprecated(Mark::Target target, uint64_t id, bool deprecate, std::string_view reason) override {
    if (deprecate && reason.empty())
      return Status::InvalidArgument("a deprecation needs a reason: the audit trail records why");
    std::string name, source_name;
    SourceId claims_source = 0;
    if (target == Mark::Target::kClaim) {
      name = "claim " + std::to_string(id);
      const bool online_here = !claims_.empty() && id >= claims_.front().id;
      const bool streamed_here = streamed_ && id >= first_streamed_;
      if (online_here || streamed_here) {
        // Asserted by this transaction (an import restoring a claim an
        // export recorded as deprecated): it has no marks yet, so only a
        // deprecation is a change, and it is in force from this transaction.
        if ((online_here && id > claims_.back().id) || (streamed_here && id >= first_streamed_ + streamed_))
          return Status::NotFound(name + " does not exist");
        if (retracted_.count(id)) return Status::FailedPrecondition(name + " is retracted by this transaction");
        if (!deprecate) return Status::FailedPrecondition(name + " is asserted by this same transaction: it is not deprecated");
        if (!marked_.insert({target, id}).second)
          return Status::FailedPrecondition(name + " is marked by this transaction already");
        marks_.push_back(Mark{target, id, tx_, deprecate, std::string(reason)});
        return Status::Ok();
      }
      Result<Claim> stored = records_.GetClaimRecord(id);
      if (stored.status().code() == StatusCode::kNotFound) return Status::NotFound(name + " does not exist");
      CG_ASSIGN_OR_RETURN(Claim c, std::move(stored));
      claims_source = c.source;
      CG_ASSIGN_OR_RETURN(Source source, LoadSource(c.source));
      source_name = "source '" + source.key + "'";
      if (retracted_.count(id)) return Status::FailedPrecondition(name + " is retracted by this transaction");
      CG_ASSIGN_OR_RETURN(std::optional<Claim> r, records_.GetRetraction(id));
      if (r)
        return Status::FailedPrecondition(name + " was retracted in tx " + std::to_string(r->retracted_tx) +
                                          ": a retracted claim is already out of every answer");
    } else {
      CG_ASSIGN_OR_RETURN(Source s, LoadSource(id));
      name = "source '" + s.key + "'";
    }
    if (!marked_.insert({target, id}).second)
      return Status::FailedPrecondition(name + " is marked by this transaction already");
    if (Status st = CheckMarkTransition(*marks_table_, head_.counters.last_tx, target, id, deprecate, name,
                                        claims_source, source_name);
        !st.ok()) {
      marked_.erase({target, id});
      return st;
    }
    marks_.push_back(Mark{target, id, tx_, deprecate, std::string(reason)});
    return Status::Ok();
  }

  Status KeepText(SourceId id, std::string_view text) override {
    CG_ASSIGN_OR_RETURN(Source s, LoadSource(id));
    std::string key = base::Sha256Digest(text);
    const std::string hex = base::HexEncode(key);
    if (s.sha256 != hex)
      return Status::FailedPrecondition("source '" + s.key + "' records SHA-256 " +
                                        (s.sha256.empty() ? std::string("(none)") : s.sha256.substr(0, 16) + "...") +
                                        " but the text to keep hashes to " + hex.substr(0, 16) + "...");
    if (kept_texts_.count(key)) return Status::Ok();
    std::string value;
    CG_ASSIGN_OR_RETURN(bool present, records_.GetIfPresent(Cf::kEvidence, key, "a kept text", &value));
    if (present) return Status::Ok();  // kept already (another source shares it), or redacted: stays so
    kept_texts_.emplace(std::move(key), KeptText{id, std::string(text)});
    return Status::Ok();
  }

  Status RedactText(SourceId id, std::string_view reason) override {
    if (reason.empty()) return Status::InvalidArgument("a redaction needs a reason: the audit trail records why");
    CG_ASSIGN_OR_RETURN(Source s, LoadSource(id));
    const std::optional<std::string> key = EvidenceKeyOf(s.sha256);
    if (!key) return Status::FailedPrecondition("source '" + s.key + "' records no text SHA-256: no text of it is kept");
    if (kept_texts_.count(*key))
      return Status::FailedPrecondition("the text of source '" + s.key + "' is kept by this same transaction");
    for (const auto& r : redactions_)
      if (r.key == *key) return Status::FailedPrecondition("the text of source '" + s.key + "' is redacted by this transaction already");
    std::string value;
    CG_ASSIGN_OR_RETURN(bool present, records_.GetIfPresent(Cf::kEvidence, *key, "a kept text", &value));
    if (!present) return Status::FailedPrecondition("no text of source '" + s.key + "' is kept");
    Evidence e;
    CG_RETURN_IF_ERROR(DecodeEvidence(value, &e));
    if (e.state == Evidence::State::kRedacted)
      return Status::FailedPrecondition("the text of source '" + s.key + "' was redacted already in tx " +
                                        std::to_string(e.redacted_tx));
    redactions_.push_back({*key, id, std::string(reason)});
    return Status::Ok();
  }

  Result<std::optional<CommitInfo>> FindCommitted(std::string_view key) override {
    std::string value;
    CG_ASSIGN_OR_RETURN(bool found, records_.GetIfPresent(Cf::kMeta, std::string(kMetaIdempotencyPrefix) + std::string(key),
                                                          "idempotency key", &value));
    if (!found) return std::optional<CommitInfo>();
    ByteReader r(value);
    CommitInfo info;
    info.tx = r.Varint();
    info.first_claim = r.Varint();
    info.claims = r.Varint();
    info.retracted = r.Varint();
    // Appended later (a record written before has none): the answered ids.
    if (r.ok() && !r.AtEnd()) {
      uint64_t n = r.Varint();
      for (uint64_t i = 0; i < n && r.ok(); ++i) info.answered.push_back(r.Varint());
    }
    if (!r.ok()) return Status::Corruption("malformed idempotency record");
    return std::optional<CommitInfo>(info);
  }

  void SetAnsweredClaims(std::vector<ClaimId> ids) override { answered_ = std::move(ids); }

  Result<CommitInfo> Commit() override {
    if (committed_) return Status::FailedPrecondition("transaction already committed");
    committed_ = true;
    spo_it_.reset();  // what it pinned is about to change
    CommitPublisher* const publisher = store_->commit_publisher();
    if (publisher && options_.bulk)
      return Status::FailedPrecondition(
          "a bulk import cannot write into a node of a cluster: seed the cluster from a snapshot (docs/scale-out.md)");
    CommitInfo info;
    if (entities_.empty() && created_.size() == 0 && changed_predicates_.empty() && sources_.empty() &&
        created_sources_.size() == 0 && literals_.empty() && claims_.empty() &&
        retractions_.empty() && streamed_ == 0 && kept_texts_.empty() && redactions_.empty() && marks_.empty())
      return info;  // nothing to write: no transaction

    const TxId tx = tx_;
    // The log's clock never runs backwards.
    const int64_t now = options_.bulk ? bulk_now_ : std::max(NowMicros(), head_.last_time_us);
    std::unique_ptr<CommitSink> sink = options_.bulk ? std::move(sink_) : NewBatchSink(store_);
    TxRecord rec;
    rec.tx = tx;
    rec.time_us = now;
    rec.principal = options_.principal;
    rec.note = options_.note;
    rec.prev_hash = head_.last_hash;

    // The log holds every dictionary record: reserved, not doubled (a bulk
    // import's million entities).
    rec.ops.reserve(entities_.size() + created_.size() + changed_predicates_.size() + sources_.size() +
                    created_sources_.size() +
                    literals_.size() + kept_texts_.size() + redactions_.size() + marks_.size() + retractions_.size() + 2);
    // Entities in id order, as before: the ones created by name merged with
    // the changed ones (which win: an entity created, then defined).
    auto write_entity = [&](const Entity& e) {
      std::string record = EncodeEntity(e);
      sink->Put(Cf::kNames, EncodeNamesKey(NameTag::kEntity, e.id), record);
      rec.ops.push_back({TxOperation::Kind::kEntity, e.id, 1, std::move(record)});
    };
    CG_RETURN_IF_ERROR(ForEachById(entities_, created_, CreatedEntity, write_entity));
    for (auto& [norm, id] : new_aliases_) sink->Put(Cf::kAlias, norm, EncodeId(id));
    CG_RETURN_IF_ERROR(created_.ForEach([&](const SpillingNameTable::Created& c) {
      if (!new_aliases_.count(c.norm)) sink->PutBytes(Cf::kAlias, c.norm, EncodeId(c.id));
      return Status::Ok();
    }));
    for (PredicateId id : changed_predicates_) {
      const Predicate& p = predicates_.at(id);
      std::string record = EncodePredicate(p);
      sink->Put(Cf::kNames, EncodeNamesKey(NameTag::kPredicate, id), record);
      if (new_predicates_.count(id)) sink->Put(Cf::kDict, EncodeDictKey(NameTag::kPredicate, p.name), EncodeId(id));
      rec.ops.push_back({TxOperation::Kind::kPredicate, id, 1, std::move(record)});
    }
    CG_RETURN_IF_ERROR(ForEachById(sources_, created_sources_, CreatedSource, [&](const Source& s) {
      std::string record = EncodeSource(s);
      sink->Put(Cf::kNames, EncodeNamesKey(NameTag::kSource, s.id), record);
      if (new_sources_.count(s.id)) sink->Put(Cf::kDict, EncodeDictKey(NameTag::kSource, s.key), EncodeId(s.id));
      rec.ops.push_back({TxOperation::Kind::kSource, s.id, 1, std::move(record)});
    }));
    CG_RETURN_IF_ERROR(created_sources_.ForEach([&](const SpillingNameTable::Created& c) {  // never in new_sources_
      sink->Put(Cf::kDict, EncodeDictKey(NameTag::kSource, c.name), EncodeId(c.id));
      return Status::Ok();
    }));
    if (options_.bulk) {
      // Nothing is asserted or created after this: the tables of what was
      // (they grow with the input) go now, before the log record is sealed
      // and before the sorts' merges need memory.
      names_spilled_ = created_.spilled() + created_sources_.spilled();
      asserted_here_.Clear();
      FoundNames().swap(found_aliases_);
      created_.Clear();
      created_sources_.Clear();
      FoundNames().swap(found_sources_);
      ChargeTables();
    }
    for (auto& [id, l] : literals_) {
      std::string record = EncodeLiteral(l);
      sink->Put(Cf::kNames, EncodeNamesKey(NameTag::kLiteral, id), record);
      sink->Put(Cf::kDict, EncodeLiteralDictKey(l.kind, l.lexical), EncodeId(id));
      rec.ops.push_back({TxOperation::Kind::kLiteral, id, 1, std::move(record)});
    }

    // Texts by SHA-256, outside the records digest: a redaction may remove
    // one without breaking the chain, which holds its hash (here and in the
    // source record).
    for (auto& [key, kept] : kept_texts_) {
      sink->Put(Cf::kEvidence, key, EncodeKeptText(kept.text));
      rec.ops.push_back({TxOperation::Kind::kKeepText, kept.source, 1, key});
    }
    for (const Redaction& r : redactions_) {
      Evidence e;
      e.state = Evidence::State::kRedacted;
      e.redacted_tx = tx;
      e.redacted_at_us = now;
      e.redacted_by = options_.principal;
      e.reason = r.reason;
      e.redacted_source = r.source;
      sink->Put(Cf::kEvidence, r.key, EncodeRedaction(e));
      rec.ops.push_back({TxOperation::Kind::kRedact, r.source, 1, EncodeRedactOp(r.key, r.reason)});
    }

    RecordsDigest& digest = digest_;  // a bulk load has added its claims already
    if (streamed_) {
      rec.ops.push_back({TxOperation::Kind::kAssertRange, first_streamed_, streamed_, {}});
      info.first_claim = first_streamed_;
      info.claims = streamed_;
    }
    if (!claims_.empty()) {
      if (options_.progress) options_.progress("encode", 0, claims_.size());
      for (size_t i = 0; i < claims_.size(); ++i) {
        Claim& c = claims_[i];
        WriteClaim(c, tx, retracted_.count(c.id) ? tx : 0, now, options_.principal, sink.get(), &digest, &record_scratch_);
        if (options_.progress && (i + 1) % 100000 == 0) options_.progress("encode", i + 1, claims_.size());
      }
      rec.ops.push_back({TxOperation::Kind::kAssertRange, claims_.front().id, claims_.size(), {}});
      info.first_claim = claims_.front().id;
      info.claims = claims_.size();
    }
    for (Claim& c : retractions_) {
      c.retracted_tx = tx;
      if (c.retracted_by.empty()) c.retracted_by = options_.principal;
      if (c.retracted_at_us == 0) c.retracted_at_us = now;
      std::string record = EncodeRetraction(c);
      digest.Add(record);
      sink->Put(Cf::kClaims, EncodeClaimKey(c.id, kClaimRetractionTag), std::move(record));
      bool same_tx = (!claims_.empty() && c.id >= claims_.front().id) || (streamed_ && c.id >= first_streamed_);
      if (!same_tx)  // index values of a claim asserted earlier now say when it ended
        sink->PutIndexEntries(IndexEntryOf(c, c.asserted_tx, tx));
      rec.ops.push_back({TxOperation::Kind::kRetract, c.id, 1, {}});
    }
    info.retracted = retractions_.size();
    // Marks are in the chain whole (the op's record), like dictionary
    // records; after the assertions, so that a claim this transaction both
    // asserts and deprecates (an import) reads in that order in the log.
    for (const Mark& m : marks_) {
      sink->Put(Cf::kMarks, EncodeMarkKey(m), EncodeMarkValue(m));
      rec.ops.push_back({TxOperation::Kind::kMark, m.id, 1, EncodeMarkOp(m)});
    }
    rec.records_digest = digest.Finish();
    std::string sealed = SealTxRecord(&rec);
    // Sealed: only its hash is used below. Its operations (a bulk import's
    // every new dictionary record) go before the sink copies the record.
    std::vector<TxOperation>().swap(rec.ops);
    sink->Put(Cf::kTxlog, EncodeTxKey(tx), std::move(sealed));

    RocksClaimStore::ChainHead next = head_;
    next.counters = counters_;
    next.counters.last_tx = tx;
    next.last_hash = rec.hash;
    next.last_time_us = now;
    sink->Put(Cf::kMeta, std::string(kMetaCounters), EncodeCounters(next.counters));
    if (!options_.idempotency_key.empty()) {
      std::string v;
      for (uint64_t x : {tx, info.first_claim, info.claims, uint64_t(retractions_.size())}) PutVarint(&v, x);
      if (!answered_.empty()) {
        PutVarint(&v, answered_.size());
        for (ClaimId id : answered_) PutVarint(&v, id);
      }
      sink->Put(Cf::kMeta, std::string(kMetaIdempotencyPrefix) + options_.idempotency_key, std::move(v));
    }
    // Built before the write, published after it and before the head: a view
    // that sees this transaction finds its marks in the table or reads them
    // from its snapshot (NewReadView); nothing that can fail runs between
    // the write and the publication.
    std::shared_ptr<const MarkTable> next_marks = MarkTable::Extend(*marks_table_, std::move(marks_), tx);
    // In a cluster the stream decides: the commit is written here only once
    // the cluster's log has stored it (replication.h).
    if (publisher) CG_RETURN_IF_ERROR(PublishCommit(*store_, *publisher, tx, rec.hash, sink.get(), options_.deadline));
    CG_RETURN_IF_ERROR(sink->Finish());
    info.bulk = sink->stats();
    info.bulk.names_spilled = names_spilled_;
    store_->PublishMarks(std::move(next_marks));
    std::set<EntityId> changed;
    // Not created_'s: an id this transaction handed out named nothing any
    // cache could hold.
    for (const auto& [id, e] : entities_) changed.insert(id);
    std::set<SourceId> changed_sources;
    for (const auto& [id, s] : sources_) changed_sources.insert(id);
    store_->PublishHeadAndInvalidate(next, changed, !changed_predicates_.empty(), changed_sources);
    info.tx = tx;
    // The redaction is committed; the old bytes still sit in the files until
    // compaction drops them. Forced now, best effort: a failure here leaves
    // them for the next compaction and does not undo the commit.
    for (const Redaction& r : redactions_) (void)store_->PurgeEvidence(r.key);
    return info;
  }

 private:
  // Symmetric predicates make subject and object unordered in a claim's identity.
  Result<bool> IsSymmetric(PredicateId id) {
    auto it = predicates_.find(id);
    if (it != predicates_.end()) return it->second.symmetric;
    auto known = symmetric_.find(id);
    if (known != symmetric_.end()) return known->second;
    CG_ASSIGN_OR_RETURN(Predicate p, records_.GetPredicate(id));
    symmetric_.emplace(id, p.symmetric);
    return p.symmetric;
  }

  // A bare claim — no span, no quote, asserted — says only "this source has
  // this triple", as an N-Quads line does: any stored claim of the triple
  // from the source says as much (an N-Quads export of the store, imported
  // back, is not written again).
  static bool IsBare(const ClaimIdentity& id) {
    return !id.has_span && id.quote.empty() && id.modality == Modality::kAsserted;
  }

  // The first stored claim with identity `want` (or, for a bare claim, of
  // its triple and source) that `accept` takes. Reads the spo entries of the
  // triple (both directions for a symmetric predicate): source and modality
  // are in the index value, so the claim record is read only for a likely
  // match.
  template <typename Accept>
  Result<std::optional<ClaimId>> FindStored(const ClaimIdentity& want, bool symmetric, Accept accept) {
    if (head_.counters.next_claim == 1) return std::optional<ClaimId>();  // no claim was ever stored
    std::vector<std::pair<EntityId, TermId>> directions{{want.subject, want.object}};
    if (symmetric && want.subject != want.object) directions.push_back({want.object, want.subject});
    rocksdb::Iterator* it = SpoIterator();
    for (auto [s, o] : directions) {
      const PatternKeys keys = KeysOf(TriplePattern{s, want.predicate, o});  // spo, all three bound
      for (it->Seek(keys.prefix); it->Valid() && it->key().starts_with(keys.prefix); it->Next()) {
        IndexEntry e;
        if (!DecodeIndexEntry(TripleIndex::kSpo, it->key().ToStringView(), it->value().ToStringView(), &e))
          return Status::Corruption("malformed spo entry");
        const bool bare = IsBare(want);
        if (e.source != want.source || (!bare && e.modality != want.modality)) continue;
        CG_ASSIGN_OR_RETURN(bool accepted, accept(e));
        if (!accepted) continue;
        if (bare) return std::optional<ClaimId>(e.claim);
        CG_ASSIGN_OR_RETURN(Claim c, records_.GetClaimRecord(e.claim));
        if (IdentityOf(c, symmetric) == want) return std::optional<ClaimId>(e.claim);
      }
      if (!it->status().ok()) {
        Status st = FromRocks(it->status(), "reading spo");
        spo_it_.reset();  // the next lookup starts afresh
        return st;
      }
    }
    return std::optional<ClaimId>();
  }

  // One spo iterator for the whole transaction. Nothing writes to the store
  // while this transaction holds the writer lock — its own writes wait in its
  // maps and its sink until Commit, which drops the iterator first — so the
  // state an iterator pins at the first lookup is the state every later
  // lookup would see. Creating one per lookup cost more than the seek, and an
  // import looks up every line.
  rocksdb::Iterator* SpoIterator() {
    if (!spo_it_) spo_it_.reset(store_->db()->NewIterator(rocksdb::ReadOptions(), store_->cf(Cf::kSpo)));
    return spo_it_.get();
  }

  Status AddAlias(const std::string& norm, EntityId id) {
    CG_ASSIGN_OR_RETURN(std::optional<EntityId> created, created_.Find(norm));
    if (created == id) return Status::Ok();  // Commit writes it from created_
    // Known in the store already: only new aliases need writing. (A found
    // name the bounded cache has forgotten is written again: the same bytes.)
    if (auto found = found_aliases_.find(norm); found != found_aliases_.end() && found->second == id &&
                                                !new_aliases_.count(norm))
      return Status::Ok();
    new_aliases_[norm] = id;
    return Status::Ok();
  }

  // The records of what the compact tables hold: an entity's id and name, a
  // source's id and key.
  // What the growing tables hold, told to the account (a few loads: called
  // once a claim and once a new name).
  void ChargeTables() {
    tables_charge_.Set(created_.MemoryBytes() + created_sources_.MemoryBytes() + asserted_here_.MemoryBytes());
  }

  static Entity CreatedEntity(const SpillingNameTable::Created& c) {
    Entity e;
    e.id = c.id;
    e.name.assign(c.name);
    return e;
  }
  static Source CreatedSource(const SpillingNameTable::Created& c) {
    Source s;
    s.id = c.id;
    s.key.assign(c.name);
    return s;
  }

  Result<Source> LoadSource(SourceId id) {
    auto pending = sources_.find(id);
    if (pending != sources_.end()) return pending->second;
    CG_ASSIGN_OR_RETURN(std::optional<SpillingNameTable::Created> c, created_sources_.FindId(id));
    if (c) return CreatedSource(*c);
    Result<Source> stored = records_.GetSource(id);
    if (stored.status().code() == StatusCode::kNotFound)
      return Status::NotFound("source " + std::to_string(id) + " does not exist");
    return stored;
  }

  Result<Entity> LoadEntity(EntityId id) {
    auto it = entities_.find(id);
    if (it != entities_.end()) return it->second;
    CG_ASSIGN_OR_RETURN(std::optional<SpillingNameTable::Created> c, created_.FindId(id));
    if (c) return CreatedEntity(*c);
    return records_.GetEntity(id);
  }

  Status LoadAllPredicates() {
    if (all_predicates_loaded_) return Status::Ok();
    CG_RETURN_IF_ERROR(records_.ForEachPredicate([&](Predicate& p) -> Result<bool> {
      if (predicates_.count(p.id)) return true;  // this transaction's version stands
      const PredicateId id = p.id;
      predicate_by_name_[p.name] = id;
      predicates_[id] = std::move(p);
      return true;
    }));
    all_predicates_loaded_ = true;
    return Status::Ok();
  }

  RocksClaimStore* store_;
  RecordReader records_;  // the newest commit: the writer lock keeps it the newest
  WriteOptions options_;
  std::unique_lock<std::mutex> lock_;  // one writer at a time
  RocksClaimStore::ChainHead head_;
  Counters counters_;  // ids handed out so far, published only on commit
  bool committed_ = false;
  // Bulk: the import's memory account (the caller's or own_account_), and
  // what the tables that grow with the input (created_, created_sources_,
  // asserted_here_) charge it. Declared before them and the sink.
  std::unique_ptr<base::MemoryAccount> own_account_;
  base::MemoryAccount* account_ = nullptr;
  base::MemoryCharge tables_charge_;

  // The names (normalized aliases, source keys) this transaction found in
  // the store, so that a name met again is not read again. A cache, bounded
  // like the engine's memos: an import into a store that already holds
  // millions of the names it meets would otherwise keep every one (~100
  // bytes a name). What this transaction adds is in new_aliases_ and
  // new_source_keys_, which FindEntity and FindSource ask first.
  using FoundNames = absl::flat_hash_map<std::string, uint64_t>;
  static constexpr size_t kMaxFoundNames = 65536;
  static void KeepFound(FoundNames* found, std::string name, uint64_t id) {
    if (found->size() >= kMaxFoundNames) found->clear();
    found->emplace(std::move(name), id);
  }
  FoundNames found_aliases_;
  std::map<std::string, EntityId, std::less<>> new_aliases_;
  std::map<EntityId, Entity> entities_;  // new or changed, but for created_'s
  SpillingNameTable created_;          // new by name alone (ResolveOrCreateEntity)
  std::unordered_map<std::string, PredicateId> predicate_by_name_;
  std::map<PredicateId, Predicate> predicates_;  // loaded or changed
  std::set<PredicateId> changed_predicates_, new_predicates_;
  bool all_predicates_loaded_ = false;
  FoundNames found_sources_;
  std::map<std::string, SourceId, std::less<>> new_source_keys_;  // of new sources with metadata (new_sources_)
  std::map<SourceId, Source> sources_;  // new or changed, but for created_sources_'
  SpillingNameTable created_sources_;   // new by key alone (UpsertSource without metadata)
  std::set<SourceId> new_sources_;
  std::unordered_map<std::string, TermId> literal_cache_;
  std::map<TermId, Literal> literals_;  // new
  std::vector<Claim> claims_;           // new, ids contiguous (online commits)
  TxId tx_ = 0;                         // this transaction's id, fixed by the writer lock
  int64_t bulk_now_ = 0;
  uint64_t names_spilled_ = 0;  // bulk: of created_ and created_sources_, kept for CommitInfo
  std::unique_ptr<CommitSink> sink_;    // bulk: claims stream into it as they are asserted
  RecordsDigest digest_;
  ClaimId first_streamed_ = 0;
  uint64_t streamed_ = 0;
  std::vector<Claim> retractions_;
  std::unordered_set<ClaimId> retracted_;
  // Every claim asserted in this transaction by identity (the newest one
  // when an identity was asserted, retracted and asserted again).
  SpillingIdentityTable<IdentityKey, ClaimId, IdentityKeyHash> asserted_here_;
  std::string record_scratch_;  // WriteClaim's, one claim at a time
  Claim bulk_claim_;            // the bulk path's, one claim at a time
  std::unordered_map<PredicateId, bool> symmetric_;  // stored predicates read so far
  std::unique_ptr<rocksdb::Iterator> spo_it_;        // FindStored's: see SpoIterator
  std::vector<ClaimId> answered_;                     // recorded with the idempotency key
  struct KeptText {
    SourceId source;  // the first source that kept it
    std::string text;
  };
  std::map<std::string, KeptText> kept_texts_;  // by raw SHA-256: new texts only
  struct Redaction {
    std::string key;  // raw SHA-256
    SourceId source;
    std::string reason;
  };
  std::vector<Redaction> redactions_;
  // Every mark committed (current: the writer lock is held), and this
  // transaction's new ones.
  std::shared_ptr<const MarkTable> marks_table_;
  std::vector<Mark> marks_;
  std::set<std::pair<Mark::Target, uint64_t>> marked_;  // the targets of marks_
};

}  // namespace

Result<std::unique_ptr<WriteTransaction>> NewRocksWriteTransaction(RocksClaimStore* store, const WriteOptions& options) {
  return std::unique_ptr<WriteTransaction>(new RocksWriteTransaction(store, options));
}

}  // namespace claimgraph::storage
