// Starts a real claimgraphd on a free loopback port for end-to-end tests and
// stops it with SIGTERM. Not a mock: the binary the README runs.
#pragma once

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "claimgraph/v1/claimgraph.grpc.pb.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::testing {

inline int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

inline std::string BinaryDir() { return CLAIMGRAPH_BINARY_DIR; }

// A bare `claimgraphd serve` on `data` at 127.0.0.1:`port`, its output
// appended to `log`, for tests that stop, kill and restart it themselves
// (ServerProcess is the managed one).
inline pid_t StartServe(const std::string& data, int port, const std::string& log) {
  const std::string listen = "127.0.0.1:" + std::to_string(port);
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(fd, 1);
    dup2(fd, 2);
    execl((BinaryDir() + "/server/claimgraphd").c_str(), "claimgraphd", "serve", "--data", data.c_str(), "--listen",
          listen.c_str(), (char*)nullptr);
    _exit(127);
  }
  return pid;
}

// A channel that retries a refused connection every 100 ms instead of gRPC's
// default backoff (1 s, growing), so a test waiting for a server it just
// started does not sleep for seconds.
inline std::shared_ptr<grpc::Channel> TestChannel(const std::string& address,
                                                  std::shared_ptr<grpc::ChannelCredentials> creds =
                                                      grpc::InsecureChannelCredentials()) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 200);
  return grpc::CreateCustomChannel(address, creds, args);
}

// Runs a command to completion; returns its exit code.
inline int RunCommand(const std::vector<std::string>& argv) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// What a finished command printed and returned.
struct Ran {
  int code = -1;
  std::string out, err;
};

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a binary with standard input from `stdin_path` (or /dev/null) and
// captures what it writes to standard output and standard error.
inline Ran RunCaptured(const std::vector<std::string>& argv, const std::string& scratch, const std::string& stdin_path = "") {
  std::string out_path = scratch + "/stdout", err_path = scratch + "/stderr";
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    int in = open(stdin_path.empty() ? "/dev/null" : stdin_path.c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  Ran r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  return r;
}

class ServerProcess {
 public:
  // Loads the example data, writes an auth file with one token per role,
  // starts the server and waits until it answers.
  // `tls_ca_pem`: connect with TLS trusting this certificate (the server's flags must enable TLS).
  // `load_examples` false: the server starts on an empty data directory.
  // `data_dir`: serve this directory (kept after the process) instead of
  // its own, e.g. to restart a killed server on its store.
  explicit ServerProcess(std::vector<std::string> extra_flags = {}, std::string tls_ca_pem = "",
                         bool load_examples = true, std::string data_dir = "") {
    std::filesystem::create_directories(dir_.path());
    data_ = data_dir.empty() ? dir_.path() + "/data" : data_dir;
    std::string src = CLAIMGRAPH_SOURCE_DIR;
    if (load_examples)
      RunCommand({BinaryDir() + "/server/claimgraphd", "import", "--data", data_, "--schema",
                  src + "/examples/schema.json", src + "/examples/claims.jsonl", src + "/examples/five-eyes.nq"});
    auth_file_ = dir_.path() + "/auth.json";
    std::ofstream(auth_file_) << R"({"tokens": [
      {"token": "reader-token-1", "principal": "rita", "role": "reader"},
      {"token": "writer-token-1", "principal": "walt", "role": "writer"},
      {"token": "admin-token-1", "principal": "ada", "role": "admin"}]})";
    log_ = dir_.path() + "/server.log";
    // Port 0: the server takes a free port and logs it. (A port picked here
    // and bound by the server later could be taken in between by a test
    // running beside this one.)
    std::vector<std::string> argv{BinaryDir() + "/server/claimgraphd", "serve", "--data", data_, "--listen",
                                  "127.0.0.1:0", "--auth-file", auth_file_};
    argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      int fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(fd, 1);
      dup2(fd, 2);
      execv(args[0], args.data());
      _exit(127);
    }
    std::shared_ptr<grpc::ChannelCredentials> creds = grpc::InsecureChannelCredentials();
    if (!tls_ca_pem.empty()) {
      grpc::SslCredentialsOptions ssl;
      ssl.pem_root_certs = tls_ca_pem;
      creds = grpc::SslCredentials(ssl);
    }
    port_ = PortInLog("(port ");
    channel_ = TestChannel(address(), creds);
    channel_->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(20));
    stub_ = v1::ClaimGraph::NewStub(channel_);
  }
  ~ServerProcess() {
    if (pid_ > 0) Stop();
  }
  // SIGTERM, then the exit code (-1 if it did not exit within 30 s).
  // close_channel: drop the harness's own connection first -- the server's
  // graceful shutdown waits ~5 s for an idle connected client to go away.
  int Stop(bool close_channel = true) {
    if (close_channel) {
      stub_.reset();
      channel_.reset();
    }
    kill(pid_, SIGTERM);
    for (int i = 0; i < 300; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    return -1;
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  v1::ClaimGraph::Stub& stub() { return *stub_; }
  std::shared_ptr<grpc::Channel> channel() { return channel_; }
  std::string Log() const {
    std::ifstream in(log_);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // The server flushes request lines every second: the log once it contains
  // `needle` (or after 10 s, for the test's assertion to report).
  std::string LogContaining(std::string_view needle) const {
    std::string log;
    for (int i = 0; i < 200 && (log = Log()).find(needle) == std::string::npos; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return log;
  }
  const std::string& data_dir() const { return data_; }
  pid_t pid() const { return pid_; }
  // The number the log prints right after `before` (a port the server chose),
  // waiting up to 30 s for the line; 0 if the server exited or never said.
  int PortInLog(std::string_view before) const {
    for (int i = 0; i < 600; ++i) {
      std::string log = Log();
      if (size_t at = log.find(before); at != std::string::npos) {
        size_t digits = at + before.size();
        if (digits < log.size() && std::isdigit(static_cast<unsigned char>(log[digits])))
          return std::atoi(log.c_str() + digits);
      }
      siginfo_t exited{};  // WNOWAIT: Stop() still reaps it
      if (waitid(P_PID, pid_, &exited, WEXITED | WNOHANG | WNOWAIT) == 0 && exited.si_pid == pid_) return 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return 0;
  }

 private:
  TempDir dir_;
  std::string data_, auth_file_, log_;
  int port_ = 0;
  pid_t pid_ = -1;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ClaimGraph::Stub> stub_;
};

inline std::unique_ptr<grpc::ClientContext> As(const std::string& token, int timeout_ms = 20000) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(timeout_ms));
  return ctx;
}

// One unary call with raw request bytes (no generated stub), e.g. to send what
// a well-behaved client library would refuse to encode.
inline grpc::Status RawUnary(std::shared_ptr<grpc::Channel> channel, const std::string& method, const std::string& request,
                      std::string* response, const std::string& token = "") {
  grpc::GenericStub stub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  if (!token.empty()) ctx.AddMetadata("authorization", "Bearer " + token);
  grpc::CompletionQueue cq;
  grpc::Slice slice(request);
  grpc::ByteBuffer send(&slice, 1), recv;
  auto call = stub.PrepareUnaryCall(&ctx, method, send, &cq);
  call->StartCall();
  grpc::Status status;
  call->Finish(&recv, &status, reinterpret_cast<void*>(1));
  void* tag;
  bool ok;
  cq.Next(&tag, &ok);
  std::vector<grpc::Slice> slices;
  recv.Dump(&slices);
  for (const auto& s : slices) response->append(reinterpret_cast<const char*>(s.begin()), s.size());
  return status;
}

inline const std::string kReader = "reader-token-1", kWriter = "writer-token-1", kAdmin = "admin-token-1";

// One Query RPC, read to its end.
struct QueryResult {
  grpc::Status status;               // Finish()'s: the statement's error, or the call's
  std::vector<std::string> columns;  // from the header
  std::vector<v1::Row> rows;         // every batch's, in order
  int batches = 0;                   // messages that carried rows
  int messages = 0;                  // every message of the stream
  uint64_t as_of_tx = 0;             // from the header
  v1::QueryTrailer trailer;
};

// Runs `statement` as `token` ("" sends no token) with a deadline of
// `timeout_ms`, reads every message and then the status: the one way the
// tests run a query, so that none of them reads a stream differently from
// the others. batch_rows 0 leaves the server's default. Tests that stop
// reading part way on purpose (cancellation, a drain at shutdown) drive the
// stream themselves.
inline QueryResult RunQuery(v1::ClaimGraph::Stub& stub, const std::string& token, const v1::QueryRequest& req,
                            int timeout_ms = 20000) {
  auto ctx = As(token, timeout_ms);
  auto reader = stub.Query(ctx.get(), req);
  QueryResult out;
  v1::QueryResponse part;
  while (reader->Read(&part)) {
    ++out.messages;
    if (part.has_header()) {
      out.columns.assign(part.header().columns().begin(), part.header().columns().end());
      out.as_of_tx = part.header().as_of_tx();
    }
    if (part.has_batch()) {
      ++out.batches;
      out.rows.insert(out.rows.end(), part.batch().rows().begin(), part.batch().rows().end());
    }
    if (part.has_trailer()) out.trailer = part.trailer();
  }
  out.status = reader->Finish();
  return out;
}
inline QueryResult RunQuery(v1::ClaimGraph::Stub& stub, const std::string& token, const std::string& statement,
                            int timeout_ms = 20000, uint32_t batch_rows = 0) {
  v1::QueryRequest req;
  req.set_statement(statement);
  req.set_batch_rows(batch_rows);
  return RunQuery(stub, token, req, timeout_ms);
}
inline QueryResult RunQuery(ServerProcess& server, const std::string& token, const std::string& statement,
                            int timeout_ms = 20000, uint32_t batch_rows = 0) {
  return RunQuery(server.stub(), token, statement, timeout_ms, batch_rows);
}

// Transactions committed so far: tests compare it around a call that must write nothing.
inline uint64_t Transactions(ServerProcess& server) {
  v1::StatsResponse stats;
  grpc::Status s = server.stub().Stats(As(kAdmin).get(), {}, &stats);
  return s.ok() ? stats.transactions() : UINT64_MAX;
}

}  // namespace claimgraph::testing
