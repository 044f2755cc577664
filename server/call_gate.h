// Admits calls while the server serves and lets shutdown wait for the ones
// in flight before gRPC closes any connection.
//
// Why not just grpc::Server::Shutdown(deadline): once the last call returns,
// gRPC closes the connection at once, while the client may still be reading
// the tail of a large stream and sending window updates; a socket closed
// with unread input answers them with RST, and the client loses the rows it
// had not read yet. So claimgraphd drains in its own order: refuse new calls
// (UNAVAILABLE), wait for the running ones, give clients a moment to read
// what was sent, and only then shut gRPC down — briefly, which also closes
// idle connections instead of waiting seconds for them.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace claimgraph::server {

class CallGate {
 public:
  // One admitted call; releases its place when destroyed.
  class Ticket {
   public:
    explicit Ticket(CallGate* gate) : gate_(gate->Enter() ? gate : nullptr) {}
    ~Ticket() {
      if (gate_) gate_->Leave();
    }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    bool admitted() const { return gate_ != nullptr; }

   private:
    CallGate* gate_;
  };

  // From now on calls are refused. Returns how many were in flight.
  int Close();
  // True once Close() was called: a long-lived call (Watch) ends itself then,
  // so that the drain does not wait for it.
  bool closing();
  // Waits until no admitted call is running; false if the deadline passed first.
  bool WaitIdle(std::chrono::steady_clock::time_point deadline);

 private:
  bool Enter();
  void Leave();

  std::mutex mu_;
  std::condition_variable idle_;
  int running_ = 0;
  bool closed_ = false;
};

}  // namespace claimgraph::server
