// Cluster write throughput and replication lag (docs/benchmarks.md, "Cluster
// mode"), a gRPC client against running servers (tools/bench/cluster_bench.sh
// starts them):
//
//   cluster_write_bench --writer HOST:PORT --follower HOST:PORT [--single HOST:PORT]
//                       [--batches N] [--claims C] [--lag-probes M]
//
// 1. Throughput: N Assert batches of C claims, one at a time, through the
//    cluster's writer, then the same through the single node (when given):
//    transactions/s and claims/s of each, and their ratio, side by side.
// 2. Lag: M more batches through the writer, each followed at once by a read
//    on the follower with min_tx = its tx; the read's latency from the
//    writer's acknowledgement is the time until the follower has applied the
//    transaction (plus one read round trip): p50 and p99.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
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
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

}  // namespace

int main(int argc, char** argv) {
  std::string writer, follower, single;
  int batches = 300, claims = 100, probes = 300;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--writer") writer = value;
    else if (flag == "--follower") follower = value;
    else if (flag == "--single") single = value;
    else if (flag == "--batches") batches = std::atoi(value.c_str());
    else if (flag == "--claims") claims = std::atoi(value.c_str());
    else if (flag == "--lag-probes") probes = std::atoi(value.c_str());
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (writer.empty() || follower.empty()) {
    std::fprintf(stderr, "usage: cluster_write_bench --writer HOST:PORT --follower HOST:PORT [--single HOST:PORT] "
                         "[--batches N] [--claims C] [--lag-probes M]\n");
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
  return 0;
}
