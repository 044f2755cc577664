// claimgraphd: the claimgraph server and its offline tools.
//
//   claimgraphd serve  --data DIR [--listen HOST:PORT] [--auth-file F] [--tls-cert C --tls-key K] ...
//   claimgraphd import --data DIR [--schema F]... FILE...   bulk import (server stopped)
//   claimgraphd export --data DIR [--format jsonl|nquads] [--as-of TX] [-o FILE]
//   claimgraphd verify --data DIR [--indexes] [--evidence]  recompute the txlog hash chain
//                                                           (and check the derived indexes,
//                                                           the kept texts and the quotes)
//   claimgraphd stats  --data DIR
//   claimgraphd ingest --data DIR --schema F --rules F [--manifest TSV] [--dry-run] [--explain] FILE...
//   claimgraphd query  --data DIR [--format table|json|csv] [--timing] 'MATCH ...'
//   claimgraphd query  --data DIR [...] -f FILE | -          the ';'-separated statements of a file
//                                                           (- : standard input) in order; stops at
//                                                           the first error, FILE:LINE:COLUMN: message
#include <CLI/CLI.hpp>

#include <iostream>

#include "server/offline_commands.h"
#include "server/serve.h"

int main(int argc, char** argv) {
  using namespace claimgraph::server;
  CLI::App app{"claimgraphd — a knowledge-graph server for claims with provenance"};
  app.require_subcommand(1);
  // Flags may come from a TOML/INI file: top-level keys, or a [serve] section.
  app.set_config("--config", "", "Read flags from a TOML/INI file ([serve] section for serve's flags)");

  ServeCommand serve;
  auto* srv = app.add_subcommand("serve", "Serve the claimgraph.v1 gRPC API on an embedded store");
  srv->add_option("--data", serve.data_dir, "Data directory (created if missing)")->required();
  srv->add_option("--listen", serve.listen, "HOST:PORT to listen on (loopback unless --auth-file)");
  srv->add_option("--auth-file", serve.auth_file, "JSON file mapping bearer tokens to principals and roles");
  srv->add_option("--tls-cert", serve.tls_cert, "PEM certificate chain (with --tls-key)");
  srv->add_option("--tls-key", serve.tls_key, "PEM private key");
  srv->add_option("--peer-tls-ca", serve.peer_tls_ca,
                  "With --cluster and --tls-cert: CA certificates that verify the other nodes' certificates when "
                  "writes are forwarded to the writer (default: the --tls-cert file)");
  srv->add_option("--max-message-bytes", serve.max_message_bytes, "Largest request or response message");
  srv->add_option("--max-rows", serve.limits.max_rows, "Largest result a query may return");
  srv->add_option("--max-path-depth", serve.limits.max_path_depth, "Deepest a path pattern may search");
  srv->add_option("--max-memory-bytes", serve.limits.max_memory_bytes, "Intermediate memory per query");
  srv->add_option("--max-concurrent-queries", serve.limits.max_concurrent_queries, "Queries running at once");
  srv->add_option("--http", serve.http_listen,
                  "HOST:PORT for the HTTP/JSON API and the explorer page (off unless given; loopback unless --auth-file)");
  srv->add_option("--web-dir", serve.web_dir, "The explorer page's files (default: web/ beside the binary's directory)");
  srv->add_option("--snapshot-dir", serve.snapshot_dir,
                  "Where the Snapshot call (admin) writes snapshots of the store (created if missing)");
  srv->add_option("--http-threads", serve.http_threads, "HTTP worker threads (each open connection holds one)")
      ->check(CLI::Range(1, 256));
  srv->add_option("--drain-seconds", serve.drain_seconds, "How long SIGTERM waits for in-flight calls");
  srv->add_option("--schema", serve.ingest_schema,
                  "Schema/gazetteer JSON applied to the store at start (only what it adds) and used by IngestDocument");
  srv->add_option("--rules", serve.ingest_rules, "Ingestion rules for IngestDocument (examples/ingest/rules.json)");
  srv->add_option("--cluster", serve.cluster_servers,
                  "Run as a node of a cluster on NATS JetStream: nats://HOST:PORT[,...] (docs/scale-out.md)");
  srv->add_option("--node-id", serve.cluster.node_id, "This node's id in the cluster (positive, unique)");
  srv->add_option("--advertise", serve.cluster.advertise,
                  "HOST:PORT the other nodes forward writes to when this node is the writer (default: --listen)");
  srv->add_option("--lease-ttl-ms", serve.cluster.lease_ttl_ms,
                  "The writer lease's TTL: a dead writer is replaced after it (default 3000; the same on every node)");
  srv->add_option("--cluster-part-bytes", serve.cluster.part_bytes,
                  "A transaction bigger than this goes to the stream in parts (default 4 MiB)")
      ->group("");  // for tests
  srv->add_option("--cluster-name", serve.cluster.cluster_name, "Names the cluster's NATS stream (default claimgraph)");
  srv->add_option("--nats-creds", serve.cluster.creds_file, "NATS user credentials file (JWT and seed)");
  srv->add_option("--nats-tls-ca", serve.cluster.tls_ca, "CA certificate to verify the NATS servers with (TLS)");
  srv->add_option("--nats-tls-cert", serve.cluster.tls_cert, "Client certificate for NATS (with --nats-tls-key)");
  srv->add_option("--nats-tls-key", serve.cluster.tls_key, "Private key of --nats-tls-cert");

  ImportCommand import;
  auto* imp = app.add_subcommand("import", "Bulk-import N-Quads (.nq/.nt; nquads-prov recognized) and JSONL (.jsonl) claim files offline");
  imp->add_option("--data", import.data_dir, "Data directory (created if missing)")->required();
  imp->add_option("--schema", import.schema_files, "Schema/gazetteer JSON applied first (repeatable)")
      ->allow_extra_args(false);
  imp->add_option("files", import.files, "Files to import");
  imp->add_flag("--skip-invalid", import.skip_invalid, "Import the valid lines and report the rejected ones");
  imp->add_flag("--online", import.online, "Commit through the write-ahead log instead of ingesting SST files");
  imp->add_option("--principal", import.principal, "Principal recorded for the import's transaction");
  imp->add_option("--memory-budget", import.memory_budget,
                  "Memory the bulk import may hold: its tables of new names and of the claims seen (for duplicates) "
                  "and its sorts share it, e.g. 512MiB or 2GiB (past their shares, sorted runs, names and claims "
                  "seen are spilled to temporary files beside the store)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(uint64_t{16} << 20, uint64_t{1} << 46));
  imp->add_option("--default-source", import.default_source, "Source for quads in the default graph");

  ExportCommand exp;
  auto* ex = app.add_subcommand(
      "export", "Export claims (JSONL or nquads-prov with full provenance, or N-Quads)");
  ex->add_option("--data", exp.data_dir, "Data directory")->required();
  ex->add_option("--format", exp.format, "jsonl, nquads, or nquads-prov (each claim a named graph with its provenance)")
      ->check(CLI::IsMember({"jsonl", "nquads", "nquads-prov"}));
  ex->add_option("--as-of", exp.as_of, "Export the store as of this transaction");
  ex->add_option("-o,--output", exp.output, "Output file (default: standard output)");

  QueryCommand query;
  auto* q = app.add_subcommand(
      "query", "Run one ClaimQL statement, or a file of them, in-process (the server must not hold DIR)");
  q->add_option("--data", query.data_dir, "Data directory")->required();
  q->add_option("--format", query.format, "table, json (one object per row) or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  q->add_flag("--timing", query.timing, "Print the elapsed time on stderr");
  q->add_option("--principal", query.principal, "Principal recorded for writes");
  q->add_option("--max-rows", query.max_rows, "Largest result a query may return (as serve's)");
  auto* statement_arg =
      q->add_option("statement", query.text, "The ClaimQL statement (- : a file of them on standard input)");
  q->add_option("-f,--file", query.file, "Run the ';'-separated statements of FILE (- : standard input)")
      ->excludes(statement_arg);

  IngestCommand ingest;
  auto* ing = app.add_subcommand("ingest", "Extract claims from articles and store them (server stopped)");
  ing->add_option("--data", ingest.data_dir, "Data directory")->required();
  ing->add_option("--schema", ingest.schema_file, "Schema/gazetteer JSON (examples/schema.json)")->required();
  ing->add_option("--rules", ingest.rules_file, "Ingestion rules JSON (examples/ingest/rules.json)")->required();
  ing->add_option("--manifest", ingest.manifest, "TSV with file, title, publisher, published per document");
  ing->add_option("--source", ingest.source_key, "Source key (one file only; default: the file's stem)");
  ing->add_option("--title", ingest.title, "Document title");
  ing->add_option("--publisher", ingest.publisher, "Publisher");
  ing->add_option("--published", ingest.published, "Publication date, ISO 8601 (possibly partial)");
  ing->add_option("--url", ingest.url, "Where the document was published");
  ing->add_option("--principal", ingest.principal, "Principal recorded for the transactions");
  ing->add_flag("--dry-run", ingest.dry_run, "Print the claims found, write nothing");
  ing->add_flag("--quiet", ingest.quiet, "Print one summary per document, not every claim");
  ing->add_flag("--explain", ingest.explain,
                "Per claim: the rule that fired, its cue, the clause and how subject and object were chosen");
  ing->add_option("files", ingest.files, "Article text files (UTF-8)")->required();

  std::string data_dir;
  auto* verify = app.add_subcommand("verify", "Recompute the transaction log's hash chain (exit 1 if tampered)");
  verify->add_option("--data", data_dir, "Data directory")->required();
  bool verify_indexes = false;
  verify->add_flag("--indexes", verify_indexes,
                   "Also check spo, osp and the posting lists against the claim records (reads every claim)");
  bool verify_evidence = false;
  verify->add_flag("--evidence", verify_evidence,
                   "Also check every kept text against its SHA-256 and every claim's quote against its span");
  std::string snapshot_out;
  auto* snap = app.add_subcommand(
      "snapshot", "Copy the store into a new directory that is itself a store (server stopped; a running server: "
                  "claimgraph snapshot, with serve --snapshot-dir)");
  snap->add_option("--data", data_dir, "Data directory")->required();
  snap->add_option("--out", snapshot_out, "The snapshot's directory (must not exist)")->required();
  auto* stats = app.add_subcommand("stats", "Counts of transactions, claims, entities, predicates and sources");
  stats->add_option("--data", data_dir, "Data directory")->required();

  CLI11_PARSE(app, argc, argv);
  if (srv->parsed()) return RunServe(serve);
  if (imp->parsed()) return RunImport(import);
  if (ex->parsed()) return RunExport(exp);
  if (q->parsed()) {
    if (statement_arg->count() > 0 && query.text == "-") query.file = "-";
    if (query.file.empty() && statement_arg->count() == 0) {
      std::cerr << "error: query needs a STATEMENT, -f FILE, or - for standard input\n";
      return 2;
    }
    return RunQuery(query);
  }
  if (ing->parsed()) return RunIngest(ingest);
  if (verify->parsed()) return RunVerify(data_dir, verify_indexes, verify_evidence);
  if (snap->parsed()) return RunSnapshot(data_dir, snapshot_out);
  if (stats->parsed()) return RunStats(data_dir);
  return 2;
}
