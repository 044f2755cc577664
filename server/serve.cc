#include "server/serve.h"

#include <absl/synchronization/mutex.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "engine/io/schema.h"
#include "server/cluster/cluster_node.h"
#include "server/http_server.h"
#include "server/schema_keeper.h"
#include "server/service.h"

namespace claimgraph::server {
namespace {

// The sync server's pollers (see where the server is built).
constexpr int kMaxPollers = 4;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The page beside the binary: build/web next to build/server/claimgraphd,
// or <prefix>/web next to <prefix>/bin.
// Whether --listen's host is one other nodes can connect to (not a
// wildcard), so that it can stand for --advertise.
bool AdvertisableListen(const std::string& listen) {
  const std::string host = listen.substr(0, listen.rfind(':'));
  return !host.empty() && host != "0.0.0.0" && host != "[::]" && host != "::" && host != "*";
}

std::string DefaultWebDir() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  std::filesystem::path web = exe.parent_path().parent_path() / "web";
  return std::filesystem::exists(web / "index.html", ec) ? web.string() : "";
}

}  // namespace

int RunServe(const ServeCommand& cmd) {
  // Logs are diagnostics: standard error, one line per request. Request lines
  // go into a buffer flushed every second (and at once for warnings and
  // errors): under load a background logger thread woken for every line, or
  // a write(2) per line, cost more CPU than the point query they describe.
  // Debian's abseil is built with mutex deadlock detection on: every lock
  // gRPC takes updated a lock graph (seen in profiles of the point query).
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  std::shared_ptr<spdlog::logger> logger;
  try {
    logger = spdlog::basic_logger_mt("claimgraphd", "/dev/stderr");  // buffered, unlike the stderr sink
  } catch (const spdlog::spdlog_ex&) {
    logger = spdlog::stderr_logger_mt("claimgraphd");  // stderr that cannot be reopened (a socket)
  }
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
  struct FlushLogsOnReturn {
    ~FlushLogsOnReturn() { spdlog::shutdown(); }  // every return path flushes the log
  } flush_logs;
  // SIGTERM/SIGINT are taken by a waiting thread, never by a worker.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Authenticator auth = Authenticator::Open();
  if (!cmd.auth_file.empty()) {
    auto loaded = Authenticator::Load(cmd.auth_file);
    if (!loaded.ok()) {
      spdlog::error("{}", loaded.status().ToString());
      return 1;
    }
    auth = std::move(loaded).value();
  } else if (!IsLoopbackAddress(cmd.listen) || (!cmd.http_listen.empty() && !IsLoopbackAddress(cmd.http_listen))) {
    spdlog::error("refusing to listen on {} without --auth-file: without authentication claimgraphd serves loopback only",
                  IsLoopbackAddress(cmd.listen) ? cmd.http_listen : cmd.listen);
    return 1;
  } else {
    spdlog::warn("no --auth-file: every caller is the admin 'local'; listening on loopback only");
  }
  if (cmd.tls_cert.empty() != cmd.tls_key.empty()) {
    spdlog::error("--tls-cert and --tls-key go together");
    return 1;
  }
  if (!cmd.peer_tls_ca.empty() && (cmd.tls_cert.empty() || cmd.cluster_servers.empty())) {
    spdlog::error("--peer-tls-ca goes with --cluster and --tls-cert: it verifies the other nodes, which serve TLS "
                  "as this one does, when writes are forwarded");
    return 1;
  }
  // Forwarded writes go over TLS when this node serves TLS (every node is
  // configured alike), verifying the writer with --peer-tls-ca, or with the
  // node's own certificate file when the nodes share one. Read before the
  // store is opened: a bad file stops the server having written nothing.
  std::string peer_roots;
  if (!cmd.cluster_servers.empty() && !cmd.tls_cert.empty()) {
    const bool own = cmd.peer_tls_ca.empty();
    peer_roots = ReadAll(own ? cmd.tls_cert : cmd.peer_tls_ca);
    if (peer_roots.find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
      spdlog::error("{} {}: no PEM certificate in it to verify the other nodes with", own ? "--tls-cert" : "--peer-tls-ca",
                    own ? cmd.tls_cert : cmd.peer_tls_ca);
      return 1;
    }
  }

  // The rules are read before the store is opened: a bad rules file stops
  // the server before the schema is applied, so it writes nothing.
  std::shared_ptr<const ingest::IngestPipeline> pipeline;
  if (!cmd.ingest_rules.empty() && cmd.ingest_schema.empty()) {
    spdlog::error("--rules needs --schema: the rules find the names of the schema's gazetteer");
    return 1;
  }
  if (!cmd.ingest_rules.empty()) {
    auto loaded = ingest::LoadIngestPipeline(cmd.ingest_schema, cmd.ingest_rules);
    if (!loaded.ok()) {
      spdlog::error("{}", loaded.status().ToString());
      return 1;
    }
    pipeline = std::move(loaded).value();
  }

  auto opened = engine::Engine::Open(cmd.data_dir, engine::OpenOptions{});
  if (!opened.ok()) {
    spdlog::error("{}", opened.status().ToString());
    return 1;
  }
  engine::Engine& engine = **opened;
  std::unique_ptr<cluster::ClusterNode> cluster_node;
  if (!cmd.cluster_servers.empty()) {
    cluster::ClusterOptions options = cmd.cluster;
    auto servers = cluster::ParseServerList(cmd.cluster_servers);
    if (!servers.ok()) {
      spdlog::error("{}", servers.status().message());
      return 1;
    }
    options.servers = *servers;
    if (options.advertise.empty() && !AdvertisableListen(cmd.listen)) {
      spdlog::error("--listen {} is not an address other nodes can forward writes to: give --advertise HOST:PORT",
                    cmd.listen);
      return 1;
    }
    auto started = cluster::ClusterNode::Start(&engine, options);
    if (!started.ok()) {
      spdlog::error("{}", started.status().message());
      return 1;
    }
    cluster_node = std::move(started).value();
  }
  // Destroyed before the cluster node: its writes go through the stream.
  std::unique_ptr<SchemaKeeper> schema_keeper;
  if (cluster_node && !cmd.ingest_schema.empty()) {
    schema_keeper = std::make_unique<SchemaKeeper>(&engine, cmd.ingest_schema);
  } else if (!cmd.ingest_schema.empty()) {
    // The store serves what the server was started with: the schema's
    // predicates and entities are in it before the first call.
    auto tx = io::ApplySchemaFile(engine, cmd.ingest_schema, "claimgraphd");
    if (!tx.ok()) {
      spdlog::error("{}", tx.status().ToString());
      return 1;
    }
    if (*tx) spdlog::info("schema {} applied to the store in tx {}", cmd.ingest_schema, *tx);
    else spdlog::info("schema {}: the store has all of it", cmd.ingest_schema);
  }
  if (pipeline) spdlog::info("IngestDocument uses {} with {}", cmd.ingest_rules, cmd.ingest_schema);
  else spdlog::info("no --rules: IngestDocument is disabled");
  ClaimGraphCore core(&engine, std::move(auth), cmd.limits, std::move(pipeline));
  if (cluster_node) {
    std::shared_ptr<grpc::ChannelCredentials> peers = grpc::InsecureChannelCredentials();
    if (!peer_roots.empty()) {
      grpc::SslCredentialsOptions ssl;
      ssl.pem_root_certs = peer_roots;
      peers = grpc::SslCredentials(ssl);
    }
    core.SetCluster(cluster_node.get(), peers);
    core.SetSchemaKeeper(schema_keeper.get());
  }
  if (!cmd.snapshot_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(cmd.snapshot_dir, ec);
    if (ec) {
      spdlog::error("--snapshot-dir {}: {}", cmd.snapshot_dir, ec.message());
      return 1;
    }
    std::filesystem::permissions(cmd.snapshot_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    core.SetSnapshotDir(cmd.snapshot_dir);
    spdlog::info("snapshots (the Snapshot call, admin) go under {}", cmd.snapshot_dir);
  }
  ClaimGraphService service(&core);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
  if (!cmd.tls_cert.empty()) {
    grpc::SslServerCredentialsOptions ssl;
    ssl.pem_key_cert_pairs.push_back({ReadAll(cmd.tls_key), ReadAll(cmd.tls_cert)});
    credentials = grpc::SslServerCredentials(ssl);
  }
  int port = 0;
  builder.AddListeningPort(cmd.listen, credentials, &port);
  builder.SetMaxReceiveMessageSize(cmd.max_message_bytes);
  builder.SetMaxSendMessageSize(cmd.max_message_bytes);
  builder.RegisterService(&service);
  // Two cores: one completion queue and few pollers mean fewer thread
  // handoffs per call. Context switches dominate the sync server's CPU time
  // per call; this trims it by a few percent, the callback API is the real fix.
  // MAX_POLLERS is 4, not 2: with 2, a worker done with a call found both
  // poller places taken and exited, and gRPC started a new thread for the
  // next call -- about one thread created and destroyed per five statements
  // on one connection, each statement then running on a cold stack.
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::NUM_CQS, 1);
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MIN_POLLERS, 1);
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, kMaxPollers);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || port == 0) {
    spdlog::error("cannot listen on {}", cmd.listen);
    return 1;
  }
  spdlog::info("claimgraphd serving {} on {} (port {}){}", cmd.data_dir, cmd.listen, port,
               cmd.tls_cert.empty() ? "" : " with TLS");
  // The writer lease carries the address writes are forwarded to: known
  // only now (--listen HOST:0 takes a free port).
  if (cluster_node)
    cluster_node->StartLease(!cmd.cluster.advertise.empty()
                                 ? cmd.cluster.advertise
                                 : cmd.listen.substr(0, cmd.listen.rfind(':') + 1) + std::to_string(port));
  std::unique_ptr<HttpServer> http;
  if (!cmd.http_listen.empty()) {
    HttpOptions options{cmd.http_listen, cmd.web_dir.empty() ? DefaultWebDir() : cmd.web_dir, cmd.http_threads,
                        cmd.tls_cert, cmd.tls_key, static_cast<size_t>(cmd.max_message_bytes)};
    http = std::make_unique<HttpServer>(&core, options);
    if (Status started = http->Start(); !started.ok()) {
      spdlog::error("{}", started.ToString());
      server->Shutdown();
      return 1;
    }
    if (options.web_dir.empty())
      spdlog::info("HTTP API on {}v1/ (no explorer page: build it, or give --web-dir)", http->url());
    else spdlog::info("explorer on {} (page from {})", http->url(), options.web_dir);
  }
  // The lines above say where the server listens (with --listen or --http
  // HOST:0, the only place that says it): out now, not at the next flush.
  spdlog::default_logger()->flush();

  int signal = 0;
  if (!cluster_node) {
    sigwait(&signals, &signal);
  } else {
    // The health service's "claimgraph.v1.Writes" says whether a write can
    // succeed through this node now: connected, the stream applied, and a
    // writer (this node or one to forward to); the server's overall status
    // stays SERVING while it answers reads.
    auto* health = server->GetHealthCheckService();
    const timespec tick{0, 250 * 1000 * 1000};
    bool writes = false, first = true;
    while ((signal = sigtimedwait(&signals, nullptr, &tick)) < 0) {
      // Where a write would go right now, without waiting for a writer.
      auto route = cluster_node->RouteWrite(std::chrono::steady_clock::now());
      const bool now = route.ok();
      const std::string why = now ? "" : route.status().message();
      if (health && (now != writes || first)) health->SetServingStatus("claimgraph.v1.Writes", now);
      if (now != writes || first) {
        if (now) spdlog::info("cluster: writes available ({})", cluster_node->Describe());
        else spdlog::warn("cluster: writes unavailable: {}", why);
      }
      writes = now;
      first = false;
    }
  }
  // The order of a drain is explained in call_gate.h.
  if (auto* health = server->GetHealthCheckService()) health->SetServingStatus(false);
  int in_flight = core.gate().Close();
  spdlog::info("signal {}: draining {} in-flight call(s) (up to {} s)", signal, in_flight, cmd.drain_seconds);
  bool idle = core.gate().WaitIdle(std::chrono::steady_clock::now() + std::chrono::seconds(cmd.drain_seconds));
  if (!idle) spdlog::warn("drain: calls still running after {} s are cancelled", cmd.drain_seconds);
  // What the last calls wrote may still be on its way; the connections stay
  // open (and keep reading the clients' acknowledgements) while it arrives.
  if (in_flight > 0) std::this_thread::sleep_for(std::chrono::milliseconds(300));
  if (http) http->Stop();
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
  server->Wait();
  core.SetCluster(nullptr);
  cluster_node.reset();  // stops applying, closes the NATS connection
  Status flushed = engine.Flush();
  if (!flushed.ok()) {
    spdlog::error("flush: {}", flushed.ToString());
    return 1;
  }
  spdlog::info("claimgraphd stopped cleanly");
  return 0;
}

}  // namespace claimgraph::server

