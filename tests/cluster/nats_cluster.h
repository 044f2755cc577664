// Real nats-server processes on loopback for the cluster tests: a JetStream
// cluster of one to three servers on free ports, each in its own temporary
// directory, every process stopped when this goes (SIGTERM, then SIGKILL).
//
// The ports come from below the kernel's ephemeral range: a port taken from
// that range (bind to 0, close, hand the number on) can be given to any
// outgoing connection of a suite running beside this one before nats-server
// binds it, and a restarted server must find its old ports free again.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {

inline const char* kNatsServer = "/usr/sbin/nats-server";

inline bool NatsServerInstalled() { return access(kNatsServer, X_OK) == 0; }

// What `act` (connect or bind) does with a new TCP socket and 127.0.0.1:port.
template <typename Act>
bool OnLoopback(int port, Act act) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = act(fd, reinterpret_cast<sockaddr*>(&addr), socklen_t{sizeof addr}) == 0;
  close(fd);
  return ok;
}

// True once something accepts connections on 127.0.0.1:port.
inline bool Listening(int port) { return OnLoopback(port, ::connect); }

// True when nothing on this machine holds 127.0.0.1:port.
inline bool Bindable(int port) { return OnLoopback(port, ::bind); }

// A bindable port in [20000, 32000): below Linux's default ephemeral range
// (32768-60999), so no outgoing connection is given it; random, so two
// suites starting clusters at once rarely pick the same one (and a server
// that still loses its port is started again on others, see NatsCluster).
inline int FreeFixedPort() {
  static std::mt19937 rng{std::random_device{}()};
  std::uniform_int_distribution<int> pick(20000, 31999);
  for (;;) {
    int port = pick(rng);
    if (Bindable(port)) return port;
  }
}

class NatsCluster {
 public:
  explicit NatsCluster(int servers = 3) {
    std::filesystem::create_directories(dir_.path());
    // A server that finds a port taken exits at once; then every server
    // stops and the cluster starts again on other ports.
    for (int attempt = 0; attempt < 5; ++attempt) {
      nodes_.clear();
      for (int i = 0; i < servers; ++i) nodes_.push_back({FreeFixedPort(), FreeFixedPort(), -1});
      bool all = true;
      for (int i = 0; i < servers && all; ++i) {
        WriteConfig(i);
        all = Start(i);
      }
      if (all) return;
      for (int i = 0; i < servers; ++i) Stop(i);
    }
    ADD_FAILURE() << "nats-server did not start in five attempts:\n" << Logs();
  }
  ~NatsCluster() {
    // A failed test shows what the servers said (placement, elections).
    if (::testing::Test::HasFailure()) std::cerr << Logs();
    for (size_t i = 0; i < nodes_.size(); ++i) Stop(static_cast<int>(i));
  }
  NatsCluster(const NatsCluster&) = delete;
  NatsCluster& operator=(const NatsCluster&) = delete;

  // "nats://127.0.0.1:p1,nats://127.0.0.1:p2,..." for --cluster.
  std::string Urls() const {
    std::string out;
    for (const auto& n : nodes_) {
      if (!out.empty()) out += ',';
      out += "nats://127.0.0.1:";
      out += std::to_string(n.client);
    }
    return out;
  }

  // Starts server i (again) and waits until it says it is ready (20 s at
  // most). False when it exited or never got there (a port taken: its log
  // says which).
  bool Start(int i) {
    Node& n = nodes_[i];
    const std::string conf = Path(i, ".conf"), log = Path(i, ".log");
    n.pid = fork();
    if (n.pid == 0) {
      int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      dup2(fd, 1);
      dup2(fd, 2);
      execl(kNatsServer, "nats-server", "-c", conf.c_str(), (char*)nullptr);
      _exit(127);
    }
    for (int t = 0; t < 200; ++t) {
      if (waitpid(n.pid, nullptr, WNOHANG) == n.pid) {
        n.pid = -1;
        return false;
      }
      if (SaidReady(i) && Listening(n.client)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

  // Every server's log, for a failing test's message.
  std::string Logs() const {
    std::string out;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      std::ifstream in(Path(static_cast<int>(i), ".log"));
      std::stringstream text;
      text << in.rdbuf();
      out += "--- nats-server n" + std::to_string(i) + "\n" + text.str();
    }
    return out;
  }
  // SIGTERM (SIGKILL after 10 s); nothing if it is not running.
  void Stop(int i) { End(i, SIGTERM); }
  void Kill(int i) { End(i, SIGKILL); }

 private:
  struct Node {
    int client, route;
    pid_t pid;
  };
  std::string Path(int i, const char* suffix) const { return dir_.path() + "/n" + std::to_string(i) + suffix; }

  // The current process of server i has logged "Server is ready" (its lines
  // start with "[pid]"; the log keeps earlier runs' lines).
  bool SaidReady(int i) const {
    std::ifstream in(Path(i, ".log"));
    const std::string tag = "[" + std::to_string(nodes_[i].pid) + "]";
    for (std::string line; std::getline(in, line);)
      if (line.rfind(tag, 0) == 0 && line.find("Server is ready") != std::string::npos) return true;
    return false;
  }

  void WriteConfig(int i) {
    std::ofstream out(Path(i, ".conf"));
    out << "server_name: n" << i << "\n"
        << "listen: 127.0.0.1:" << nodes_[i].client << "\n"
        << "max_payload: 8MB\n"
        << "jetstream { store_dir: \"" << Path(i, "-js") << "\", max_memory_store: 64MB, max_file_store: 1GB }\n";
    if (nodes_.size() > 1) {
      out << "cluster { name: cgtest, listen: 127.0.0.1:" << nodes_[i].route << ", routes: [";
      for (size_t j = 0; j < nodes_.size(); ++j) out << (j ? ", " : "") << "nats-route://127.0.0.1:" << nodes_[j].route;
      out << "] }\n";
    }
  }

  void End(int i, int sig) {
    Node& n = nodes_[i];
    if (n.pid <= 0) return;
    kill(n.pid, sig);
    for (int t = 0; t < 100; ++t) {
      if (waitpid(n.pid, nullptr, WNOHANG) == n.pid) {
        n.pid = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(n.pid, SIGKILL);
    waitpid(n.pid, nullptr, 0);
    n.pid = -1;
  }

  TempDir dir_;
  std::vector<Node> nodes_;
};

}  // namespace claimgraph::testing
