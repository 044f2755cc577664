// claimgraph — the command-line client (a gRPC client only).
//
//   claimgraph [--server HOST:PORT] [--token T] COMMAND ...
//     shell                           the console
//     query 'STATEMENT' [--format table|json|csv] [--timing]
//     query -f FILE | -               the ';'-separated statements of a file (- : standard
//                                     input) in order; stops at the first error, shown as
//                                     FILE:LINE:COLUMN: message, exit 1
//     audit verify [--indexes] [--evidence]  exit 1 when the transaction log (the indexes,
//                                     the kept texts or the quotes) was altered
//     source KEY [--text]             a source, its kept text's state; --text prints the text
//     history CLAIM_ID
//     stats
//     snapshot NAME                   a copy of the store under the server's --snapshot-dir
//                                     (admin; the server prints where)
//     load FILE... [--default-source S] N-Quads or JSONL through Assert batches, read as
//                                     `claimgraphd import` reads them
//     export [--format jsonl|nquads]  every live claim with its provenance
//     ingest FILE... [--publisher P --published DATE --title T | --manifest TSV] [--dry-run] [--explain]
//     watch [--since TX] [--pattern 's p o'] [--json] [--max N]
//                                     the change feed: a line per claim asserted or retracted,
//                                     resumed after a disconnect or a server restart
// --server/--token default to $CLAIMGRAPH_SERVER/$CLAIMGRAPH_TOKEN and may
// come before or after the command.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "codec/format/store_reports.h"
#include "tools/claimgraph/client.h"
#include "tools/claimgraph/ingest.h"
#include "tools/claimgraph/load_export.h"
#include "tools/claimgraph/run_query.h"
#include "tools/claimgraph/shell.h"
#include "tools/claimgraph/watch.h"

namespace {
// "name" padded to the column of `claimgraph source`'s values.
std::string FieldLabel(const char* name) {
  std::string out(name);
  out.resize(13, ' ');
  return out;
}
}  // namespace

int main(int argc, char** argv) {
  using namespace claimgraph::cli;
  CLI::App app{"claimgraph — client for a claimgraph server"};
  app.require_subcommand(1);
  app.fallthrough();  // global options after the command too
  Connection conn;
  if (const char* s = std::getenv("CLAIMGRAPH_SERVER")) conn.server = s;
  if (const char* t = std::getenv("CLAIMGRAPH_TOKEN")) conn.token = t;
  app.add_option("--server", conn.server, "HOST:PORT of claimgraphd (or $CLAIMGRAPH_SERVER)");
  app.add_option("--token", conn.token, "Bearer token (or $CLAIMGRAPH_TOKEN)");
  app.add_option("--tls-ca", conn.tls_ca, "Connect with TLS, trusting this CA certificate (PEM)");
  app.add_option("--timeout", conn.timeout_seconds, "Deadline for each call, in seconds");

  auto* shell = app.add_subcommand("shell", "Interactive console");
  PrintOptions print;
  std::string statement, query_file;
  auto* query = app.add_subcommand("query", "Run one ClaimQL statement, or a file of them");
  auto* statement_arg =
      query->add_option("statement", statement, "The statement (- : a file of them on standard input)");
  query->add_option("-f,--file", query_file, "Run the ';'-separated statements of FILE (- : standard input)")
      ->excludes(statement_arg);
  query->add_option("--format", print.format, "table, json (one object per row) or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  query->add_flag("--timing", print.timing, "Print the elapsed time on stderr");
  auto* audit = app.add_subcommand("audit", "Audit the transaction log");
  auto* verify = audit->add_subcommand("verify", "Recompute the hash chain; exit 1 if a record was altered");
  bool verify_indexes = false;
  verify->add_flag("--indexes", verify_indexes,
                   "Also check spo, osp and the posting lists against the claim records (holds writes back meanwhile)");
  bool verify_evidence = false;
  verify->add_flag("--evidence", verify_evidence,
                   "Also check every kept text against its SHA-256 and every claim's quote against its span");
  std::string source_key;
  bool source_text = false;
  auto* source = app.add_subcommand("source", "A source, its claims and its kept text's state");
  source->add_option("key", source_key, "Source key")->required();
  source->add_flag("--text", source_text, "Print the kept text itself, exactly as ingested, and nothing else");
  audit->require_subcommand(1);
  uint64_t claim_id = 0;
  auto* history = app.add_subcommand("history", "Every transaction that touched a claim");
  history->add_option("claim", claim_id, "Claim id")->required();
  auto* stats = app.add_subcommand("stats", "Store statistics");
  std::string snapshot_name;
  auto* snapshot = app.add_subcommand(
      "snapshot", "Write a snapshot of the store (a directory that is itself a store) under the server's --snapshot-dir");
  snapshot->add_option("name", snapshot_name, "The snapshot's directory name")->required();
  LoadOptions load_options;
  auto* load = app.add_subcommand("load", "Load N-Quads (.nq/.nt) or JSONL (.jsonl) files through Assert batches");
  load->add_option("files", load_options.files, "Files")->required();
  load->add_option("--batch", load_options.batch_size, "Claims per Assert batch (one transaction each)")
      ->check(CLI::Range(size_t{1}, size_t{1000000}));
  load->add_option("--default-source", load_options.default_source,
                   "Source for quads in the default graph (as claimgraphd import's)");
  std::string export_format = "jsonl";
  uint64_t export_as_of = 0;
  auto* exp = app.add_subcommand(
      "export", "Write the store with its provenance to standard output, as claimgraphd export does (Export RPC)");
  exp->add_option("--format", export_format, "jsonl, nquads, or nquads-prov (each claim a named graph with its provenance)")
      ->check(CLI::IsMember({"jsonl", "nquads", "nquads-prov"}));
  exp->add_option("--as-of", export_as_of, "Export the store as of this transaction (default: the newest)");

  IngestOptions ingest;
  auto* ing = app.add_subcommand("ingest", "Extract claims from articles through the server's IngestDocument");
  ing->add_option("files", ingest.files, "Article text files (UTF-8)")->required();
  ing->add_option("--publisher", ingest.publisher, "Publisher");
  ing->add_option("--published", ingest.published, "Publication date, ISO 8601 (possibly partial)");
  ing->add_option("--title", ingest.title, "Title");
  ing->add_option("--url", ingest.url, "Where it was published");
  ing->add_option("--source", ingest.source_key, "Source key (one file only; default: the file's stem)");
  ing->add_option("--manifest", ingest.manifest, "TSV with file, title, publisher, published per document");
  ing->add_flag("--dry-run", ingest.dry_run, "Print the claims found, write nothing");
  ing->add_flag("--quiet", ingest.quiet, "One summary per document, not every claim");
  ing->add_flag("--explain", ingest.explain,
                "Per claim: the rule that fired, its cue, the clause and how subject and object were chosen");

  WatchOptions watch_options;
  uint64_t watch_since = 0;
  auto* watch = app.add_subcommand("watch", "Print every new change (assert, retract) as it commits; Ctrl-C stops");
  auto* since_opt = watch->add_option("--since", watch_since,
                                      "Start after this transaction (default: the newest, so only new changes)");
  watch->add_option("--pattern", watch_options.pattern, "Only changes matching 's p o', as in CHANGES ... MATCH");
  watch->add_flag("--json", watch_options.json, "One JSON object per change");
  watch->add_option("--max", watch_options.max, "Exit after N changes");

  CLI11_PARSE(app, argc, argv);
  Client client(conn);

  if (shell->parsed()) return RunShell(client);
  if (load->parsed()) return RunLoad(client, load_options);
  if (ing->parsed()) return RunIngest(client, ingest);
  if (exp->parsed()) return RunExport(client, export_format, export_as_of);
  if (watch->parsed()) {
    if (since_opt->count() > 0) watch_options.since = watch_since;
    return RunWatch(client, watch_options, std::cout, std::cerr);
  }
  if (query->parsed()) {
    if (statement == "-") query_file = "-";
    if (!query_file.empty()) return RunQueryFile(client, query_file, print, std::cout, std::cerr);
    if (statement_arg->count() == 0) {
      std::cerr << "error: query needs a STATEMENT, -f FILE, or - for standard input\n";
      return 2;
    }
    return RunQuery(client, statement, print, std::cout, std::cerr);
  }
  if (verify->parsed()) {
    auto ctx = client.Context();
    claimgraph::v1::VerifyAuditRequest req;
    req.set_indexes(verify_indexes);
    req.set_evidence(verify_evidence);
    claimgraph::v1::VerifyAuditResponse r;
    grpc::Status s = client.stub().VerifyAudit(ctx.get(), req, &r);
    if (!s.ok()) {
      std::cerr << "error: " << Describe(s) << "\n";
      return 2;
    }
    claimgraph::codec::VerifyReport report;  // printed as `claimgraphd verify` prints it
    report.transactions_checked = r.transactions_checked();
    report.claims_checked = r.claims_checked();
    report.first_bad_tx = r.first_bad_tx();
    report.indexes_checked = r.indexes_checked();
    report.index_claims_checked = r.index_claims_checked();
    report.evidence_checked = r.evidence_checked();
    if (r.evidence_checked()) {  // every part said apart (the log is intact when no tx is named)
      report.log_ok = r.first_bad_tx() == 0;
      if (!report.log_ok) report.log_problem = r.problem();
      report.indexes_ok = !r.indexes_checked() || r.indexes_ok();
      if (!report.indexes_ok) report.index_problem = r.problem();
      report.evidence_ok = r.evidence_ok();
      report.texts_checked = r.texts_checked();
      report.text_bytes = r.text_bytes();
      report.texts_redacted = r.texts_redacted();
      report.quotes_checked = r.quotes_checked();
      report.evidence_problem = r.evidence_problem();
    } else if (r.indexes_checked()) {
      report.indexes_ok = r.ok();
      report.index_problem = r.problem();
    } else {
      report.log_ok = r.ok();
      report.log_problem = r.problem();
    }
    std::cout << claimgraph::codec::VerifyMessage(report) << "\n";
    return report.ok() ? 0 : 1;
  }
  if (source->parsed()) {
    auto ctx = client.Context();
    claimgraph::v1::GetSourceRequest req;
    req.set_key(source_key);
    req.set_include_text(source_text);
    claimgraph::v1::Source r;
    grpc::Status s = client.stub().GetSource(ctx.get(), req, &r);
    if (!s.ok()) {
      std::cerr << "error: " << Describe(s) << "\n";
      return 1;
    }
    if (source_text) {  // the bytes alone, so that `> file` gives back the document
      if (r.text_state() != "kept") {
        std::cerr << "error: source \"" << r.key() << "\" has no kept text (" << r.text_state() << ")\n";
        return 1;
      }
      std::cout << r.text();
      return 0;
    }
    std::cout << "source       " << r.key() << "\n";
    for (auto [name, value] : {std::pair{"title", &r.title()}, {"publisher", &r.publisher()},
                               {"published", &r.published()}, {"url", &r.url()}, {"sha256", &r.sha256()}})
      if (!value->empty()) std::cout << FieldLabel(name) << *value << "\n";
    std::cout << "claims       " << r.live_claims() << "\n";
    std::cout << "text         " << r.text_state();
    if (r.text_state() == "kept") std::cout << " (" << r.text_bytes() << " bytes)";
    if (r.text_state() == "redacted")
      std::cout << " in tx " << r.redacted_tx() << " by " << r.redacted_by() << " at " << r.redacted_at() << ": "
                << r.redact_reason() << (r.redacted_for() != r.key() ? " (asked for " + r.redacted_for() + ")" : "");
    std::cout << "\n";
    return 0;
  }
  if (history->parsed()) {
    auto ctx = client.Context();
    claimgraph::v1::HistoryRequest req;
    req.set_claim_id(claim_id);
    claimgraph::v1::HistoryResponse r;
    grpc::Status s = client.stub().History(ctx.get(), req, &r);
    if (!s.ok()) {
      std::cerr << "error: " << Describe(s) << "\n";
      return 1;
    }
    for (const auto& e : r.events())
      std::cout << "tx " << e.tx() << "  " << e.time() << "  " << e.event() << " by " << e.principal() << "  "
                << e.detail() << "\n";
    return 0;
  }
  if (snapshot->parsed()) {
    auto ctx = client.Context();
    claimgraph::v1::SnapshotRequest req;
    req.set_name(snapshot_name);
    claimgraph::v1::SnapshotResponse r;
    grpc::Status s = client.stub().Snapshot(ctx.get(), req, &r);
    if (!s.ok()) {
      std::cerr << "error: " << Describe(s) << "\n";
      return 1;
    }
    std::cout << r.message() << "\n";
    return 0;
  }
  if (stats->parsed()) {
    auto ctx = client.Context();
    claimgraph::v1::StatsRequest req;
    req.set_by_predicate(true);
    claimgraph::v1::StatsResponse r;
    grpc::Status s = client.stub().Stats(ctx.get(), req, &r);
    if (!s.ok()) {
      std::cerr << "error: " << Describe(s) << "\n";
      return 1;
    }
    claimgraph::codec::StoreStats totals{r.transactions(), r.live_claims(), r.entities(), r.predicates(), r.sources(),
                            r.disk_bytes(), {}};
    for (const auto& p : r.by_predicate())
      totals.by_predicate.push_back({p.name(), p.symmetric(), p.inverse(), p.domain(), p.range(), p.live_claims()});
    totals.deprecated_claims = r.deprecated_claims();
    std::cout << claimgraph::codec::FormatStats(totals);
    return 0;
  }
  return 2;
}
