#include <cerrno>
#include <cstdlib>

#include "grammar/transformer.h"

namespace claimgraph::grammar {

using P = gen::ClaimQLParser;

SourceSpan Transformer::SpanOf(antlr4::Token* start) const {
  SourceSpan s;
  s.line = static_cast<uint32_t>(start->getLine());
  s.column = static_cast<uint32_t>(start->getCharPositionInLine()) + 1;
  size_t a = start->getStartIndex(), b = start->getStopIndex() + 1;
  if (a < byte_offsets_.size() && b < byte_offsets_.size() && b >= a) {
    s.offset = byte_offsets_[a];
    s.length = byte_offsets_[b] - byte_offsets_[a];
  }
  return s;
}

SourceSpan Transformer::SpanOf(antlr4::ParserRuleContext* ctx) const {
  SourceSpan s = SpanOf(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (stop && stop->getStopIndex() + 1 < byte_offsets_.size() && stop->getStopIndex() >= ctx->getStart()->getStartIndex())
    s.length = byte_offsets_[stop->getStopIndex() + 1] - s.offset;
  return s;
}

SourceSpan Transformer::SpanOf(antlr4::tree::TerminalNode* node) const { return SpanOf(node->getSymbol()); }

ChangePattern Transformer::TransformChangePattern(P::ChangePatternContext* ctx) {
  ChangePattern p;
  p.subject = TransformTerm(ctx->term(0));
  p.predicate = RuleText(ctx->predicateName());
  p.predicate_span = SpanOf(ctx->predicateName());
  p.object = TransformTerm(ctx->term(1));
  return p;
}

std::string Transformer::StringValue(antlr4::tree::TerminalNode* node) const {
  std::string raw = node->getText();
  std::string out;
  for (size_t i = 1; i + 1 < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    char e = raw[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case 'u': {
        uint32_t cp = 0;
        int digits = 0;
        for (; digits < 4 && i + 1 < raw.size() - 1 && std::isxdigit(static_cast<unsigned char>(raw[i + 1])); ++digits)
          cp = cp * 16 + static_cast<uint32_t>(std::stoi(std::string(1, raw[++i]), nullptr, 16));
        if (digits != 4 || (cp >= 0xD800 && cp <= 0xDFFF))
          throw TransformError(SpanOf(node), "bad \\u escape in string: expected 4 hex digits naming a character");
        if (cp < 0x80) {
          out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        break;
      }
      default:
        throw TransformError(SpanOf(node), std::string("unknown escape \\") + e +
                                               " in string (use \\\" \\\\ \\n \\t \\r or \\uXXXX)");
    }
  }
  return out;
}

uint64_t Transformer::IntegerValue(antlr4::tree::TerminalNode* node) const {
  std::string text = node->getText();
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (errno == ERANGE || *end != '\0') throw TransformError(SpanOf(node), "integer " + text + " is too large");
  return v;
}

double Transformer::NumberValue(antlr4::Token* token, bool negative) const {
  double v = std::strtod(token->getText().c_str(), nullptr);
  return negative ? -v : v;
}

Statement Transformer::TransformStatement(P::StatementContext* ctx) {
  Statement st;
  st.span = SpanOf(ctx);
  if (auto* q = dynamic_cast<P::QueryStatementContext*>(ctx)) {
    Query query = TransformQuery(q->query());
    query.explain = q->EXPLAIN() != nullptr;
    st.node = std::move(query);
  } else if (auto* a = dynamic_cast<P::AssertStatementContext*>(ctx)) {
    AssertStatement s;
    s.subject = TransformTerm(a->term(0));
    s.predicate = RuleText(a->predicateName());
    s.predicate_span = SpanOf(a->predicateName());
    s.object = TransformTerm(a->term(1));
    for (auto* opt : a->assertOption()) {
      auto once = [&](bool already, const char* what) {
        if (already) throw TransformError(SpanOf(opt), std::string(what) + " is given twice");
      };
      if (auto* o = dynamic_cast<P::SourceOptionContext*>(opt)) {
        once(s.source.has_value(), "SOURCE");
        s.source = StringValue(o->STRING());
      } else if (auto* o = dynamic_cast<P::SpanOptionContext*>(opt)) {
        once(s.span_range.has_value(), "SPAN");
        s.span_range = std::make_pair(IntegerValue(o->INTEGER(0)), IntegerValue(o->INTEGER(1)));
      } else if (auto* o = dynamic_cast<P::ConfidenceOptionContext*>(opt)) {
        once(s.confidence.has_value(), "CONFIDENCE");
        s.confidence = std::strtod(o->getStop()->getText().c_str(), nullptr);
      } else if (auto* o = dynamic_cast<P::ModalityOptionContext*>(opt)) {
        once(s.modality.has_value(), "MODALITY");
        s.modality = o->IDENTIFIER()->getText();
        s.modality_span = SpanOf(o->IDENTIFIER());
      } else if (auto* o = dynamic_cast<P::MethodOptionContext*>(opt)) {
        once(s.method.has_value(), "METHOD");
        s.method = StringValue(o->STRING());
      } else if (auto* o = dynamic_cast<P::QuoteOptionContext*>(opt)) {
        once(s.quote.has_value(), "QUOTE");
        s.quote = StringValue(o->STRING());
      } else if (auto* o = dynamic_cast<P::ValidFromOptionContext*>(opt)) {
        once(s.valid_from.has_value() || s.valid_to.has_value(), "VALID");
        s.valid_from = StringValue(o->STRING(0));
        if (o->STRING().size() > 1) s.valid_to = StringValue(o->STRING(1));
        s.valid_span = SpanOf(o);
      } else if (auto* o = dynamic_cast<P::ValidToOptionContext*>(opt)) {
        once(s.valid_from.has_value() || s.valid_to.has_value(), "VALID");
        s.valid_to = StringValue(o->STRING());
        s.valid_span = SpanOf(o);
      }
    }
    st.node = std::move(s);
  } else if (auto* r = dynamic_cast<P::RetractStatementContext*>(ctx)) {
    RetractStatement s;
    for (auto* i : r->INTEGER()) s.claims.push_back(IntegerValue(i));
    if (r->STRING()) s.reason = StringValue(r->STRING());
    st.node = std::move(s);
  } else if (auto* d = dynamic_cast<P::DefinePredicateStatementContext*>(ctx)) {
    DefinePredicateStatement s;
    s.name = RuleText(d->predicateName());
    s.name_span = SpanOf(d->predicateName());
    for (auto* opt : d->predicateOption()) {
      if (dynamic_cast<P::SymmetricOptionContext*>(opt)) s.symmetric = true;
      else if (auto* o = dynamic_cast<P::InverseOptionContext*>(opt)) s.inverse = RuleText(o->predicateName());
      else if (auto* o = dynamic_cast<P::DomainOptionContext*>(opt)) s.domain = RuleText(o->typeName());
      else if (auto* o = dynamic_cast<P::RangeOptionContext*>(opt)) s.range = RuleText(o->typeName());
    }
    for (std::string* t : {&s.domain, &s.range})
      if (t->size() == 3 && std::toupper((*t)[0]) == 'A' && std::toupper((*t)[1]) == 'N' && std::toupper((*t)[2]) == 'Y')
        *t = "ANY";
    st.node = std::move(s);
  } else if (auto* d = dynamic_cast<P::DefineEntityStatementContext*>(ctx)) {
    DefineEntityStatement s;
    s.name = StringValue(d->STRING());
    for (auto* opt : d->entityOption()) {
      if (auto* o = dynamic_cast<P::TypeOptionContext*>(opt)) s.type = RuleText(o->entityType());
      else if (auto* o = dynamic_cast<P::AliasesOptionContext*>(opt))
        for (auto* str : o->STRING()) s.aliases.push_back(StringValue(str));
    }
    st.node = std::move(s);
  } else if (auto* s = dynamic_cast<P::ShowStatementContext*>(ctx)) {
    ShowStatement out;
    auto* w = s->showWhat();
    if (w->PREDICATES()) out.what = ShowStatement::What::kPredicates;
    else if (w->ENTITIES()) out.what = ShowStatement::What::kEntities;
    else if (w->SOURCES()) out.what = ShowStatement::What::kSources;
    else if (w->STATS()) out.what = ShowStatement::What::kStats;
    else if (w->SOURCE()) {
      out.what = ShowStatement::What::kSource;
      out.source = StringValue(w->STRING());
      out.with_text = w->TEXT() != nullptr;
    } else {
      out.what = ShowStatement::What::kClaim;
      out.claim = IntegerValue(w->INTEGER());
    }
    st.node = out;
  } else if (auto* h = dynamic_cast<P::HistoryClaimStatementContext*>(ctx)) {
    st.node = HistoryClaimStatement{IntegerValue(h->INTEGER())};
  } else if (auto* h = dynamic_cast<P::HistoryFactStatementContext*>(ctx)) {
    HistoryFactStatement s;
    s.subject = TransformTerm(h->term(0));
    s.predicate = RuleText(h->predicateName());
    s.predicate_span = SpanOf(h->predicateName());
    s.object = TransformTerm(h->term(1));
    st.node = std::move(s);
  } else if (auto* c = dynamic_cast<P::ChangesStatementContext*>(ctx)) {
    ChangesStatement s;
    s.since_tx = IntegerValue(c->INTEGER(0));
    s.since_span = SpanOf(c->INTEGER(0));
    if (c->UNTIL()) {
      s.until_tx = IntegerValue(c->INTEGER(1));
      s.until_span = SpanOf(c->INTEGER(1));
    }
    if (c->changePattern()) s.pattern = TransformChangePattern(c->changePattern());
    st.node = std::move(s);
  } else if (auto* r = dynamic_cast<P::RedactStatementContext*>(ctx)) {
    RedactStatement s;
    s.source = StringValue(r->STRING(0));
    if (r->STRING().size() > 1) s.reason = StringValue(r->STRING(1));
    st.node = std::move(s);
  } else if (auto* m = dynamic_cast<P::MarkClaimStatementContext*>(ctx)) {
    MarkStatement s;
    s.deprecate = m->DEPRECATE() != nullptr;
    for (auto* i : m->INTEGER()) s.claims.push_back(IntegerValue(i));
    if (m->STRING()) s.reason = StringValue(m->STRING());
    st.node = std::move(s);
  } else if (auto* m = dynamic_cast<P::MarkSourceStatementContext*>(ctx)) {
    MarkStatement s;
    s.deprecate = m->DEPRECATE() != nullptr;
    s.source = StringValue(m->STRING(0));
    if (m->STRING().size() > 1) s.reason = StringValue(m->STRING(1));
    st.node = std::move(s);
  } else {
    auto* a = dynamic_cast<P::AuditStatementContext*>(ctx);
    st.node = AuditVerifyStatement{a != nullptr && !a->INDEXES().empty(), a != nullptr && !a->EVIDENCE().empty()};
  }
  return st;
}

}  // namespace claimgraph::grammar
