#include "engine/ingest/pipeline.h"

#include <fstream>
#include <sstream>

namespace claimgraph::ingest {

namespace {

// The original bytes of tokens [begin, end).
std::string Bytes(std::string_view original, const std::vector<Token>& tokens, size_t begin, size_t end) {
  return std::string(original.substr(tokens[begin].begin, tokens[end - 1].end - tokens[begin].begin));
}

}  // namespace

IngestPipeline::IngestPipeline(const io::Schema& schema, IngestRules rules)
    : rules_(std::move(rules)),
      boilerplate_(rules_.boilerplate),
      splitter_(rules_.sentences),
      gazetteer_(schema, rules_.mentions),
      lists_(rules_.mentions),
      extractor_(rules_, gazetteer_, lists_),
      method_("rules:" + rules_.version) {}

Extraction IngestPipeline::Extract(std::string_view original, bool explain) const {
  Extraction out;
  // One tokenization serves both boilerplate detection and extraction: the
  // kept lines' tokens already carry offsets into the original, which is
  // what spans are.
  std::vector<Token> all = Tokenize(original);
  out.cleaned = boilerplate_.Clean(original, all);
  // The kept tokens, compacted in place: nothing moves when nothing was dropped.
  std::vector<Token> tokens = std::move(all);
  size_t kept = 0;
  for (auto [b, e] : out.cleaned.kept_tokens)
    for (size_t i = b; i < e; ++i, ++kept)
      if (i != kept) tokens[kept] = std::move(tokens[i]);
  tokens.resize(kept);
  std::vector<Sentence> sentences = splitter_.Split(original, tokens);
  out.sentences = sentences.size();
  // All mentions first: the gazetteer's common-word rule reads the whole document.
  std::vector<std::vector<Mention>> found = gazetteer_.Find(original, tokens, sentences);
  RelationExtractor::DocumentMemory memory;
  for (size_t k = 0; k < sentences.size(); ++k) {
    const Sentence& s = sentences[k];
    const std::vector<Mention>& mentions = found[k];
    out.mentions += mentions.size();
    memory.next = k + 1 < sentences.size() ? &sentences[k + 1] : nullptr;
    memory.next_mentions = k + 1 < sentences.size() ? &found[k + 1] : nullptr;
    for (const CandidateClaim& c : extractor_.Extract(original, tokens, s, mentions, &memory, explain)) {
      ExtractedClaim claim;
      claim.subject = gazetteer_.entities()[c.subject].name;
      claim.object = gazetteer_.entities()[c.object].name;
      claim.predicate = c.predicate;
      claim.modality = c.modality;
      claim.confidence = c.confidence;
      claim.span_begin = tokens[c.token_begin].begin;
      claim.span_end = tokens[c.token_end - 1].end;
      claim.quote = std::string(original.substr(claim.span_begin, claim.span_end - claim.span_begin));
      claim.cue = c.cue;
      claim.rule = c.rule;
      claim.method = method_ + "/" + c.rule + ":" + c.cue_norm;
      if (c.has_time) {
        claim.time.text = Bytes(original, tokens, c.time_begin, c.time_end);
        claim.time.from = c.time_from;
        claim.time.to = c.time_to;
      }
      if (explain) {
        claim.explanation.clause_begin = tokens[c.clause_begin].begin;
        claim.explanation.clause_end = tokens[c.clause_end - 1].end;
        claim.explanation.clause = Bytes(original, tokens, c.clause_begin, c.clause_end);
        claim.explanation.subject_choice = c.subject_choice;
        claim.explanation.object_choice = c.object_choice;
        claim.explanation.modality_reason = c.modality_reason;
      }
      // A participant named by a former name in the evidence ("The USSR and
      // Cuba signed"). One named so only in an earlier sentence, behind an
      // anaphor, is not seen here.
      std::string read_as;
      for (const Mention& m : mentions) {
        if (m.former < 0 || m.token_begin < c.token_begin || m.token_end > c.token_end) continue;
        if (m.entity != c.subject && m.entity != c.object) continue;
        std::string as_written(original.substr(tokens[m.token_begin].begin,
                                               tokens[m.token_end - 1].end - tokens[m.token_begin].begin));
        read_as += (read_as.empty() ? "" : ", ") + ("\"" + as_written + "\" read as " + gazetteer_.entities()[m.entity].name);
        claim.former_names.push_back(std::move(as_written));
      }
      if (!read_as.empty())
        claim.method += "; " + read_as + (claim.former_names.size() > 1 ? " (former names)" : " (former name)");
      // "the two countries", "the agreement": the parties were named in another sentence.
      if (!c.parties_from.empty()) {
        claim.method += "; parties from " + c.parties_from;
        if (explain) {
          claim.explanation.subject_choice += " (parties from " + c.parties_from + ")";
          claim.explanation.object_choice += " (parties from " + c.parties_from + ")";
        }
      }
      out.claims.push_back(std::move(claim));
    }
  }
  return out;
}

namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<std::shared_ptr<const IngestPipeline>> LoadIngestPipeline(const std::string& schema_path,
                                                                 const std::string& rules_path) {
  CG_ASSIGN_OR_RETURN(std::string schema_text, ReadFile(schema_path));
  CG_ASSIGN_OR_RETURN(std::string rules_text, ReadFile(rules_path));
  auto schema = io::ParseSchemaJson(schema_text);
  if (!schema.ok()) return Status::InvalidArgument(schema_path + ": " + schema.status().message());
  auto rules = ParseIngestRules(rules_text);
  if (!rules.ok()) return Status::InvalidArgument(rules_path + ": " + rules.status().message());
  // Every rule's predicate must be in the schema: a typo would silently find nothing.
  for (const auto& r : rules->relations) {
    bool known = false;
    for (const auto& p : schema->predicates) known |= p.name == r.predicate;
    if (!known) return Status::InvalidArgument(rules_path + ": relation for unknown predicate '" + r.predicate + "'");
  }
  return std::shared_ptr<const IngestPipeline>(std::make_shared<IngestPipeline>(*schema, std::move(*rules)));
}

}  // namespace claimgraph::ingest
