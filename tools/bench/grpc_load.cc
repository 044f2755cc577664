// Load generator: starts claimgraphd on a synthetic graph, then runs a point
// query and Q3 (two hops from a hub) over loopback with 1, 4 and 16
// concurrent streams (one connection each, one call in flight each; all
// driven by one asynchronous client thread), a bounded number of requests. Reports QPS, p50,
// p99, and the server's CPU time per query (from /proc).
//
//   grpc_load [--claims N] [--requests R] [--claimgraphd PATH]
//             [--only point,Q3,point/S,Q3/S] [--clients 1,4,16]
//             [--dir DIR] [--reuse]
//
// --dir: where the store and the server's log go (default
// /tmp/claimgraph-grpc-load; give each concurrent run its own). --reuse:
// keep DIR and serve the store already imported there (for one data set
// served by two builds one after the other); without it DIR is emptied
// before and removed after.
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <functional>
#include <thread>
#include <vector>

#include "claimgraph/v1/claimgraph.grpc.pb.h"
#include "tools/bench/synthetic_graph.h"

using Clock = std::chrono::steady_clock;

namespace {

double CpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string s((std::istreambuf_iterator<char>(in)), {});
  size_t close = s.rfind(')');
  std::istringstream fields(s.substr(close + 2));
  std::string f;
  unsigned long utime = 0, stime = 0;
  for (int i = 3; fields >> f; ++i) {
    if (i == 14) utime = std::stoul(f);
    if (i == 15) {
      stime = std::stoul(f);
      break;
    }
  }
  return double(utime + stime) / sysconf(_SC_CLK_TCK);
}

struct Result {
  double qps, p50, p99, cpu_per_query_us;
  uint64_t errors;
};

// Each stream its own connection, its own random sequence and its share of
// the requests.
template <typename S>
void Connect(const std::string& address, int requests, std::vector<S>* streams) {
  const int clients = static_cast<int>(streams->size());
  for (int c = 0; c < clients; ++c) {
    grpc::ChannelArguments args;
    args.SetInt("grpc.use_local_subchannel_pool", 1);  // one connection per stream
    auto channel = grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
    channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10));
    (*streams)[c].stub = claimgraph::v1::ClaimGraph::NewStub(channel);
    (*streams)[c].rng.seed(c + 1);
    (*streams)[c].left = requests / clients + (c < requests % clients ? 1 : 0);
  }
}

Result Summarize(std::vector<double>* latencies, double secs, double server_cpu, uint64_t errors) {
  std::sort(latencies->begin(), latencies->end());
  auto pct = [&](double p) {
    return latencies->empty() ? 0 : (*latencies)[std::min(latencies->size() - 1, size_t(p * (latencies->size() - 1)))];
  };
  return {latencies->size() / secs, pct(0.5), pct(0.99), server_cpu / std::max<size_t>(1, latencies->size()) * 1e6,
          errors};
}

// One client thread drives every stream through one completion queue: the
// load generator shares the machine's two cores with the server, and a thread
// per stream (the sync API) spent as much CPU per query as the server did.
// Each stream has its own channel (connection) and keeps one call in flight.
struct Stream {
  enum class Stage { kStarted, kReading, kFinished } stage = Stage::kStarted;
  std::unique_ptr<claimgraph::v1::ClaimGraph::Stub> stub;
  std::unique_ptr<grpc::ClientContext> ctx;
  std::unique_ptr<grpc::ClientAsyncReader<claimgraph::v1::QueryResponse>> call;
  claimgraph::v1::QueryResponse part;
  grpc::Status status;
  Clock::time_point start;
  std::mt19937_64 rng;
  int left = 0;
};

Result Drive(const std::string& address, pid_t server, int clients, int requests,
             const std::function<std::string(std::mt19937_64&)>& statement) {
  grpc::CompletionQueue cq;
  std::vector<Stream> streams(clients);
  std::vector<double> latencies;
  latencies.reserve(requests);
  uint64_t errors = 0;
  auto start_call = [&](Stream& s) {
    claimgraph::v1::QueryRequest req;
    req.set_statement(statement(s.rng));
    s.call.reset();  // lives in the old call's arena: before its context goes
    s.ctx = std::make_unique<grpc::ClientContext>();
    s.ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    s.stage = Stream::Stage::kStarted;
    s.start = Clock::now();
    s.call = s.stub->PrepareAsyncQuery(s.ctx.get(), req, &cq);
    s.call->StartCall(&s);
  };
  Connect(address, requests, &streams);
  double cpu0 = CpuSeconds(server);
  auto t0 = Clock::now();
  int active = 0;
  for (auto& s : streams)
    if (s.left > 0) {
      start_call(s);
      ++active;
    }
  void* tag;
  bool ok;
  while (active > 0 && cq.Next(&tag, &ok)) {
    Stream& s = *static_cast<Stream*>(tag);
    switch (s.stage) {
      case Stream::Stage::kStarted:
      case Stream::Stage::kReading:
        if (ok) {  // started, or a message arrived: read the next one
          s.stage = Stream::Stage::kReading;
          s.call->Read(&s.part, &s);
        } else {  // the stream is over: collect the status
          s.stage = Stream::Stage::kFinished;
          s.call->Finish(&s.status, &s);
        }
        break;
      case Stream::Stage::kFinished:
        latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s.start).count());
        if (!s.status.ok() && errors++ == 0)
          std::fprintf(stderr, "[grpc_load] first error: %d %s\n", s.status.error_code(), s.status.error_message().c_str());
        if (--s.left > 0) start_call(s);
        else --active;
        break;
    }
  }
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  double cpu = CpuSeconds(server) - cpu0;
  for (auto& st : streams) st.call.reset();  // before the queue they used goes
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return Summarize(&latencies, secs, cpu, errors);
}

// The same load over Session streams: each stream opens one Session and runs
// its statements on it one after another (a statement's latency: from its
// write to the message with its trailer).
struct SessionStream {
  enum class Stage { kStarting, kWriting, kReading, kClosing, kFinished } stage = Stage::kStarting;
  std::unique_ptr<claimgraph::v1::ClaimGraph::Stub> stub;
  grpc::ClientContext ctx;
  std::unique_ptr<grpc::ClientAsyncReaderWriter<claimgraph::v1::SessionRequest, claimgraph::v1::SessionResponse>> call;
  claimgraph::v1::SessionRequest request;
  claimgraph::v1::SessionResponse response;
  grpc::Status status;
  Clock::time_point start;
  std::mt19937_64 rng;
  int left = 0;
};

Result DriveSessions(const std::string& address, pid_t server, int clients, int requests,
                     const std::function<std::string(std::mt19937_64&)>& statement) {
  grpc::CompletionQueue cq;
  std::vector<SessionStream> streams(clients);
  std::vector<double> latencies;
  latencies.reserve(requests);
  uint64_t errors = 0;
  auto send_next = [&](SessionStream& s) {
    s.request.set_id(s.request.id() + 1);
    s.request.mutable_query()->set_statement(statement(s.rng));
    s.stage = SessionStream::Stage::kWriting;
    s.start = Clock::now();
    s.call->Write(s.request, &s);
  };
  Connect(address, requests, &streams);
  double cpu0 = CpuSeconds(server);
  auto t0 = Clock::now();
  int active = 0;
  for (auto& s : streams) {
    s.call = s.stub->PrepareAsyncSession(&s.ctx, &cq);
    s.call->StartCall(&s);
    ++active;
  }
  void* tag;
  bool ok;
  while (active > 0 && cq.Next(&tag, &ok)) {
    SessionStream& s = *static_cast<SessionStream*>(tag);
    using Stage = SessionStream::Stage;
    if (!ok && s.stage != Stage::kClosing && s.stage != Stage::kFinished) {  // the stream broke
      ++errors;
      s.stage = Stage::kFinished;
      s.call->Finish(&s.status, &s);
      continue;
    }
    switch (s.stage) {
      case Stage::kStarting:
        send_next(s);
        break;
      case Stage::kWriting:
        s.stage = Stage::kReading;
        s.call->Read(&s.response, &s);
        break;
      case Stage::kReading:
        if (!s.response.has_error() && !s.response.response().has_trailer()) {  // more rows of this statement
          s.call->Read(&s.response, &s);
          break;
        }
        latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s.start).count());
        if (s.response.has_error() && errors++ == 0)
          std::fprintf(stderr, "[grpc_load] first error: %d %s\n", s.response.error().code(),
                       s.response.error().message().c_str());
        if (--s.left > 0) {
          send_next(s);
        } else {
          s.stage = Stage::kClosing;
          s.call->WritesDone(&s);
        }
        break;
      case Stage::kClosing:
        s.stage = Stage::kFinished;
        s.call->Finish(&s.status, &s);
        break;
      case Stage::kFinished:
        --active;
        break;
    }
  }
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  double cpu = CpuSeconds(server) - cpu0;
  for (auto& st : streams) st.call.reset();  // before the queue they used goes
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return Summarize(&latencies, secs, cpu, errors);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t claims = 200000;
  int requests = 20000;
  std::string claimgraphd = "build/server/claimgraphd";
  std::string only = "point,Q3,point/S,Q3/S", client_counts = "1,4,16";
  std::string dir = "/tmp/claimgraph-grpc-load";
  bool reuse = false;
  for (int i = 1; i < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--reuse") {
      reuse = true;
      --i;
      continue;
    }
    if (i + 1 >= argc) break;
    if (a == "--claims") claims = std::stoull(argv[i + 1]);
    else if (a == "--requests") requests = std::stoi(argv[i + 1]);
    else if (a == "--claimgraphd") claimgraphd = argv[i + 1];
    else if (a == "--only") only = argv[i + 1];
    else if (a == "--clients") client_counts = argv[i + 1];
    else if (a == "--dir") dir = argv[i + 1];
  }
  auto split = [](const std::string& list) {
    std::vector<std::string> items;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');)
      if (!item.empty()) items.push_back(item);
    return items;
  };
  const bool imported = reuse && std::filesystem::exists(dir + "/data");
  if (!imported) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  std::fprintf(stderr, "[grpc_load] generating %s %llu claims...\n", imported ? "(reusing the store of)" : "and importing",
               (unsigned long long)claims);
  auto g = claimgraph::bench::MakeSyntheticGraph(claims);
  if (!imported) {
    std::ofstream out(dir + "/claims.jsonl");
    for (const auto& c : g.claims)
      out << "{\"subject\":\"" << g.entities[c.subject] << "\",\"predicate\":\"" << g.predicates[c.predicate]
          << "\",\"object\":\"" << g.entities[c.object] << "\",\"source\":\"" << g.sources[c.source]
          << "\",\"quote\":\"" << g.Quote(c) << "\"}\n";
  }
  std::string cmd = claimgraphd + " import --data " + dir + "/data " + dir + "/claims.jsonl > /dev/null";
  if (!imported && std::system(cmd.c_str()) != 0) return 1;
  std::string address = "127.0.0.1:" + std::to_string(17000 + getpid() % 1000);
  pid_t server = fork();
  if (server == 0) {
    int log = open((dir + "/server.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(log, 1);
    dup2(log, 2);
    execl(claimgraphd.c_str(), claimgraphd.c_str(), "serve", "--data", (dir + "/data").c_str(), "--listen",
          address.c_str(), "--max-concurrent-queries", "64", (char*)nullptr);
    _exit(127);
  }
  // Logs go to the server's stderr; wait until it answers.
  auto probe = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  probe->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(30));

  const uint64_t entities = g.entities.size();
  auto point = [&](std::mt19937_64& rng) {
    // A tail entity: a handful of facts, the typical lookup.
    return "MATCH \"entity-" + std::to_string(entities / 2 + rng() % (entities / 2)) + "\" p0 ?o RETURN ?o";
  };
  auto q3 = [](std::mt19937_64&) { return std::string("MATCH \"entity-0\" p1 ?x, ?x p2 ?y RETURN DISTINCT ?y"); };
  std::printf("claims %llu; requests per configuration: point %d, Q3 %d\n", (unsigned long long)claims, requests,
              std::max(64, requests / 50));
  std::printf("%-7s %7s | %10s %9s %9s %12s %7s\n", "query", "clients", "QPS", "p50 ms", "p99 ms", "server CPU/q", "errors");
  // "point" and "Q3": one Query call per statement; "point/S" and "Q3/S": the
  // same statements over Session streams.
  for (const std::string& name : split(only)) {
    for (const std::string& count : split(client_counts)) {
      const int clients = std::stoi(count);
      bool is_point = name.rfind("point", 0) == 0, is_session = name.back() == 'S';
      int n = is_point ? requests : std::max(64, requests / 50);
      n = std::max(n, clients);
      std::fprintf(stderr, "[grpc_load] %s x %d clients...\n", name.c_str(), clients);
      auto statement = is_point ? std::function<std::string(std::mt19937_64&)>(point) : q3;
      Result r = is_session ? DriveSessions(address, server, clients, n, statement)
                            : Drive(address, server, clients, n, statement);
      std::printf("%-7s %7d | %10.0f %9.3f %9.3f %10.1f us %7llu\n", name.c_str(), clients, r.qps, r.p50, r.p99,
                  r.cpu_per_query_us, (unsigned long long)r.errors);
      std::fflush(stdout);
    }
  }
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);
  if (!reuse) std::filesystem::remove_all(dir);
  return 0;
}
