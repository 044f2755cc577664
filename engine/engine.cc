#include "engine/engine.h"

#include <time.h>

#include <chrono>
#include <optional>

#include "engine/diagnostic_text.h"
#include "engine/statements.h"
#include "storage/claim_store.h"
#include "grammar/parser.h"

namespace claimgraph::engine {

namespace {
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// The calling thread's CPU time (a statement runs on one thread).
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}
}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const std::string& dir, const OpenOptions& options) {
  storage::StoreOptions o;
  o.create_if_missing = options.create_if_missing;
  o.read_only = options.read_only;
  CG_ASSIGN_OR_RETURN(std::unique_ptr<storage::ClaimStore> store, storage::ClaimStore::Open(dir, o));
  auto engine = std::make_unique<Engine>(store.get());
  engine->owned_ = std::move(store);
  return engine;
}

Engine::Engine(storage::ClaimStore* store) : store_(store), parse_cache_(std::make_unique<grammar::ParseCache>()) {}
Engine::~Engine() = default;

Status Engine::Flush() { return store_->Flush(); }

Result<QueryResult> Engine::Execute(std::string_view text, const ExecuteOptions& options, RowSink* sink) {
  const auto started = std::chrono::steady_clock::now();
  const double started_cpu_ms = ThreadCpuMs();

  // 1. Parse.
  grammar::ParseResult parsed = grammar::Parse(text, {}, parse_cache_.get());
  if (!parsed.ok()) return Status::InvalidArgument(DiagnosticText(parsed.diagnostics.front(), text));
  if (parsed.statements.empty()) return Status::InvalidArgument("empty statement: nothing to run");
  if (parsed.statements.size() > 1)
    return Status::InvalidArgument(
        DiagnosticText(grammar::DiagnosticAt(text, parsed.statements[1].span, "one statement at a time, please"), text));
  const grammar::Statement& statement = parsed.statements.front();

  // 2-4. Bind, plan and execute — per statement kind (statements/*.cc; MATCH in
  // statements/match.cc reads binder -> planner -> executor).
  StatementContext ctx{store_, text, options, sink};
  const bool is_write = std::holds_alternative<grammar::AssertStatement>(statement.node) ||
                        std::holds_alternative<grammar::RetractStatement>(statement.node) ||
                        std::holds_alternative<grammar::DefinePredicateStatement>(statement.node) ||
                        std::holds_alternative<grammar::DefineEntityStatement>(statement.node) ||
                        std::holds_alternative<grammar::RedactStatement>(statement.node) ||
                        std::holds_alternative<grammar::MarkStatement>(statement.node);
  if (is_write && options.read_only)
    return Status::PermissionDenied("principal '" + options.principal + "' may not write");
  if (std::holds_alternative<grammar::RedactStatement>(statement.node) && !options.admin)
    return Status::PermissionDenied("principal '" + options.principal +
                                    "' may not redact: REDACT removes a text's bytes and needs the admin role");
  // The chain and the evidence are an auditor's to check (a reader's, as the
  // VerifyAudit call); INDEXES holds every write while it reads the store.
  if (const auto* audit = std::get_if<grammar::AuditVerifyStatement>(&statement.node);
      audit && audit->indexes && !options.admin)
    return Status::PermissionDenied("principal '" + options.principal +
                                    "' may not run AUDIT VERIFY INDEXES: it holds writes while it runs and needs "
                                    "the admin role (AUDIT VERIFY and AUDIT VERIFY EVIDENCE do not)");
  if (options.explain) {
    // The text is not rewritten ("EXPLAIN " + text), so positions in errors stay the user's.
    const auto* q = std::get_if<grammar::Query>(&statement.node);
    if (!q)
      return Status::InvalidArgument(
          DiagnosticText(grammar::DiagnosticAt(text, statement.span, "only a MATCH statement has a plan to explain"), text));
  }
  // Only a MATCH reads a snapshot it could choose; the grammar takes AS OF nowhere else.
  if (options.as_of_tx && !std::holds_alternative<grammar::Query>(statement.node))
    return Status::InvalidArgument(DiagnosticText(
        grammar::DiagnosticAt(text, statement.span,
                              "as_of_tx " + std::to_string(*options.as_of_tx) +
                                  " applies to a MATCH statement only: this one cannot be read as of a transaction"),
        text));
  std::optional<grammar::Query> explained;
  if (options.explain) {
    explained = std::get<grammar::Query>(statement.node);
    explained->explain = true;
  }
  Result<QueryResult> result = explained ? ExecuteMatch(ctx, *explained) : std::visit(
      Overloaded{
          [&](const grammar::Query& q) { return ExecuteMatch(ctx, q); },
          [&](const grammar::AssertStatement& s) { return ExecuteAssert(ctx, s); },
          [&](const grammar::RetractStatement& s) { return ExecuteRetract(ctx, s); },
          [&](const grammar::DefinePredicateStatement& s) { return ExecuteDefinePredicate(ctx, s); },
          [&](const grammar::DefineEntityStatement& s) { return ExecuteDefineEntity(ctx, s); },
          [&](const grammar::ShowStatement& s) { return ExecuteShow(ctx, s); },
          [&](const grammar::HistoryClaimStatement& s) { return ExecuteHistoryClaim(ctx, s); },
          [&](const grammar::HistoryFactStatement& s) { return ExecuteHistoryFact(ctx, s); },
          [&](const grammar::AuditVerifyStatement& s) { return ExecuteAuditVerify(ctx, s); },
          [&](const grammar::RedactStatement& s) { return ExecuteRedact(ctx, s); },
          [&](const grammar::MarkStatement& s) { return ExecuteMark(ctx, s); },
          [&](const grammar::ChangesStatement& s) { return ExecuteChanges(ctx, s); },
      },
      statement.node);
  if (!result.ok()) return result;
  // The CPU span lies inside the wall span: cpu_ms <= elapsed_ms.
  result->stats.cpu_ms = ThreadCpuMs() - started_cpu_ms;
  result->stats.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace claimgraph::engine
