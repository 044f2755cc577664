// Cluster write throughput and replication lag (docs/benchmarks.md, "Cluster
// mode"), a gRPC client against running servers (tools/bench/cluster_bench.sh
// starts them):
//
//   cluster_write_bench --writer HOST:PORT --follower HOST:PORT [--single HOST:PORT]
//                       [--batches N] [--claims C] [--lag-probes M]
//                       [--readers HOST:PORT,...] [--read-seconds S] [--read-clients K]
//
// 1. Throughput: N Assert batches of C claims, one at a time, through the
//    cluster's writer, then the same through the single node (when given):
//    transactions/s and claims/s of each, and their ratio, side by side.
// 2. Lag: M more batches through the writer, each followed at once by a read
//    on the follower with min_tx = its tx; the read's latency from the
//    writer's acknowledgement is the time until the follower has applied the
//    transaction (plus one read round trip): p50 and p99.
// 3. Reads under write load (with --readers, e.g. every node): for each
//    node in turn, S seconds of point reads from K clients (one channel
//    each, one call in flight each) while batches go through the writer one
//    at a time: the node's read QPS, p50 and p99, and the write rate meanwhile.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "claimgraph/v1/claimgraph.grpc.pb.h"

using Clock = std::chrono::steady_clock;
namespace v1 = claimgraph::v1;

namespace {

v1::AssertRequest Batch(const std::string& tag, int claims) {
  v1::AssertRequest req;
  for (int i = 0; i < claims; ++i) {
    auto* c = req.add_claims();
    c->set_subject(tag + "-s" + std::to_string(i % 10));
    c->set_predicate("knows");
    c->set_object_entity(tag + "-o" + std::to_string(i));
    c->set_source(tag);
    c->set_quote("claim " + std::to_string(i) + " of batch " + tag + ", a quote of ordinary length for a claim");
  }
  return req;
}

bool Assert(v1::ClaimGraph::Stub& stub, const v1::AssertRequest& req, uint64_t* tx) {
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  v1::WriteResponse resp;
  grpc::Status s = stub.Assert(&ctx, req, &resp);
  if (!s.ok()) std::fprintf(stderr, "Assert: %s\n", s.error_message().c_str());
  *tx = resp.tx();
  return s.ok();
}

// Batches/s through one server; 0 on an error.
double Throughput(v1::ClaimGraph::Stub& stub, const std::string& prefix, int batches, int claims) {
  const auto start = Clock::now();
  uint64_t tx = 0;
  for (int b = 0; b < batches; ++b)
    if (!Assert(stub, Batch(prefix + std::to_string(b), claims), &tx)) return 0;
  return batches / std::chrono::duration<double>(Clock::now() - start).count();
}

std::unique_ptr<v1::ClaimGraph::Stub> Connect(const std::string& address) {
  auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(20))) {
    std::fprintf(stderr, "cannot connect to %s\n", address.c_str());
    std::exit(1);
  }
  return v1::ClaimGraph::NewStub(channel);
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

// One point read; the error's code and message, "" when it was answered.
std::string PointRead(v1::ClaimGraph::Stub& stub, const std::string& statement) {
  v1::QueryRequest q;
  q.set_statement(statement);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto reader = stub.Query(&ctx, q);
  v1::QueryResponse r;
  while (reader->Read(&r)) {
  }
  grpc::Status s = reader->Finish();
  if (s.ok()) return "";
  return "code " + std::to_string(s.error_code()) + ": " + s.error_message();
}

// Phase 3 for one node: `clients` readers of `subjects` for `seconds` while
// one thread writes through `writer`.
void ReadsUnderWrites(const std::string& node, v1::ClaimGraph::Stub& writer, const std::vector<std::string>& subjects,
                      const std::string& run, int clients, int seconds, int claims) {
  std::atomic<bool> stop{false};
  std::atomic<int> writes{0};
  std::thread write_thread([&] {
    uint64_t tx = 0;
    for (int b = 0; !stop; ++b)
      if (Assert(writer, Batch("r" + run + node + "-" + std::to_string(b), claims), &tx)) ++writes;
  });
  std::vector<std::vector<double>> latencies(clients);
  // Failed reads by their message, printed with the summary: a run's errors
  // are explained by its own output (one run of session 13 had 18,923 whose
  // messages went to a stderr that was not kept).
  std::mutex errors_mu;
  std::map<std::string, int> errors;
  std::vector<std::thread> readers;
  const auto start = Clock::now(), until = start + std::chrono::seconds(seconds);
  for (int c = 0; c < clients; ++c)
    readers.emplace_back([&, c] {
      auto stub = v1::ClaimGraph::NewStub(grpc::CreateCustomChannel(
          node, grpc::InsecureChannelCredentials(), [c] {
            grpc::ChannelArguments args;
            args.SetInt("claimgraph.bench.client", c);  // a channel (connection) of its own
            return args;
          }()));
      std::mt19937 rng(c);
      while (Clock::now() < until) {
        const std::string& subject = subjects[rng() % subjects.size()];
        const auto sent = Clock::now();
        const std::string error = PointRead(*stub, "MATCH \"" + subject + "\" knows ?o RETURN ?o LIMIT 1");
        if (!error.empty()) {
          std::lock_guard<std::mutex> lock(errors_mu);
          ++errors[error];
        }
        latencies[c].push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
      }
    });
  for (auto& t : readers) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  stop = true;
  write_thread.join();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  int failed = 0;
  for (const auto& [message, count] : errors) failed += count;
  std::printf("  %-21s %8.0f reads/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  (writes meanwhile %.1f tx/s)\n",
              node.c_str(), (all.size() - failed) / elapsed, Percentile(all, 0.5), Percentile(all, 0.99), failed,
              writes / elapsed);
  for (const auto& [message, count] : errors) std::printf("    %d x %s\n", count, message.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string writer, follower, single;
  int batches = 300, claims = 100, probes = 300, read_seconds = 10, read_clients = 8;
  std::vector<std::string> read_nodes;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--writer") writer = value;
    else if (flag == "--follower") follower = value;
    else if (flag == "--single") single = value;
    else if (flag == "--batches") batches = std::atoi(value.c_str());
    else if (flag == "--claims") claims = std::atoi(value.c_str());
    else if (flag == "--lag-probes") probes = std::atoi(value.c_str());
    else if (flag == "--read-seconds") read_seconds = std::atoi(value.c_str());
    else if (flag == "--read-clients") read_clients = std::atoi(value.c_str());
    else if (flag == "--readers") {
      read_nodes.clear();  // the last one given counts
      for (size_t start = 0; start <= value.size();) {
        size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        if (comma > start) read_nodes.push_back(value.substr(start, comma - start));
        start = comma + 1;
      }
    }
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (writer.empty() || follower.empty()) {
    std::fprintf(stderr, "usage: cluster_write_bench --writer HOST:PORT --follower HOST:PORT [--single HOST:PORT] "
                         "[--batches N] [--claims C] [--lag-probes M] [--readers HOST:PORT,...] [--read-seconds S] "
                         "[--read-clients K]\n");
    return 2;
  }
  auto w = Connect(writer), f = Connect(follower);
  uint64_t tx = 0;
  // A new cluster's stream and leaders take a few seconds: the first write is retried.
  const auto ready_by = Clock::now() + std::chrono::seconds(60);
  while (!Assert(*w, Batch("warm", claims), &tx)) {
    if (Clock::now() > ready_by) return 1;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }

  const std::string run = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  // Interleaved halves, so that neither side gets the quieter half of the run.
  double cluster_rate = 0, single_rate = 0;
  for (int half = 0; half < 2; ++half) {
    cluster_rate += Throughput(*w, "c" + run + "-" + std::to_string(half) + "-", batches / 2, claims) / 2;
    if (!single.empty()) {
      auto s = Connect(single);
      single_rate += Throughput(*s, "s" + run + "-" + std::to_string(half) + "-", batches / 2, claims) / 2;
    }
  }
  std::printf("write, %d-claim batches, one at a time, %d batches each:\n", claims, batches);
  std::printf("  cluster (writer node): %8.1f tx/s %10.0f claims/s\n", cluster_rate, cluster_rate * claims);
  if (!single.empty()) {
    std::printf("  single node:           %8.1f tx/s %10.0f claims/s\n", single_rate, single_rate * claims);
    std::printf("  single / cluster:      %8.2fx\n", single_rate / cluster_rate);
  }

  std::vector<double> lag_ms;
  for (int p = 0; p < probes; ++p) {
    const std::string tag = "l" + run + "-" + std::to_string(p);
    if (!Assert(*w, Batch(tag, claims), &tx)) return 1;
    const auto acked = Clock::now();
    // A point read of the batch's first subject: cheap, so the time is the wait.
    v1::QueryRequest q;
    q.set_statement("MATCH \"" + tag + "-s0\" knows ?o RETURN ?o LIMIT 1");
    q.set_min_tx(tx);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    auto reader = f->Query(&ctx, q);
    v1::QueryResponse r;
    int rows = 0;
    while (reader->Read(&r)) rows += r.batch().rows_size();
    grpc::Status s = reader->Finish();
    if (!s.ok()) {
      std::fprintf(stderr, "follower read: %s\n", s.error_message().c_str());
      return 1;
    }
    if (rows != 1) {
      std::fprintf(stderr, "follower read at tx %llu: %d rows, not 1\n", static_cast<unsigned long long>(tx), rows);
      return 1;
    }
    lag_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - acked).count());
  }
  std::printf("replication lag (writer's ack to a min_tx read answered on the follower), %d probes:\n", probes);
  std::printf("  p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", Percentile(lag_ms, 0.5), Percentile(lag_ms, 0.99),
              *std::max_element(lag_ms.begin(), lag_ms.end()));

  if (!read_nodes.empty()) {
    // The subjects the throughput phase wrote through the writer: every node has them.
    std::vector<std::string> subjects;
    for (int half = 0; half < 2; ++half)
      for (int b = 0; b < batches / 2; ++b)
        for (int k = 0; k < std::min(claims, 10); ++k)
          subjects.push_back("c" + run + "-" + std::to_string(half) + "-" + std::to_string(b) + "-s" + std::to_string(k));
    std::printf("point reads under writes, %d clients per node, %d s each, %d-claim batches written meanwhile:\n",
                read_clients, read_seconds, claims);
    for (const std::string& node : read_nodes)
      ReadsUnderWrites(node, *w, subjects, run, read_clients, read_seconds, claims);
  }
  return 0;
}
