// Crash safety of the offline bulk import: `claimgraphd import` is killed
// with SIGKILL at random moments while it parses, sorts and writes SST files.
// Afterwards the store must be either unchanged or completely imported --
// never part of the file -- its audit chain must verify, and the import must
// succeed when simply run again.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

// Enough for an import of about a second (the kills are spread over it); the
// sanitizer build runs ~10x slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kClaims = 30000;
#else
constexpr int kClaims = 100000;
#endif

// Runs a command and returns its standard output.
std::string Output(const std::string& command) {
  FILE* p = popen(command.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

uint64_t LiveClaims(const std::string& data) {
  std::string stats = Output(BinaryDir() + "/server/claimgraphd stats --data " + data);
  auto at = stats.find("live claims");
  if (at == std::string::npos) return UINT64_MAX;
  return std::stoull(stats.substr(stats.find_first_of("0123456789", at)));
}

pid_t StartImport(const std::string& data, const std::string& file) {
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl((BinaryDir() + "/server/claimgraphd").c_str(), "claimgraphd", "import", "--data", data.c_str(),
          file.c_str(), (char*)nullptr);
    _exit(127);
  }
  return pid;
}

TEST(BulkImportCrash, KilledImportLeavesTheStoreUnchangedOrComplete) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  const std::string base = dir.path() + "/base", file = dir.path() + "/claims.jsonl";
  std::string src = CLAIMGRAPH_SOURCE_DIR;
  ASSERT_EQ(RunCommand({BinaryDir() + "/server/claimgraphd", "import", "--data", base, "--schema",
                        src + "/examples/schema.json", src + "/examples/claims.jsonl"}),
            0);
  const uint64_t before = LiveClaims(base);
  ASSERT_NE(before, UINT64_MAX);
  {
    std::ofstream out(file);
    for (int i = 0; i < kClaims; ++i)
      out << R"({"subject":"Node )" << i << R"(","predicate":"pact","object":"Node )" << (i * 7919 + 1) % kClaims
          << R"(","source":"bulk-)" << i % 97 << R"(","quote":"claim )" << i << R"(","confidence":0.5})" << "\n";
  }

  // How long a whole import takes, to spread the kills over it.
  std::string timing = dir.path() + "/timing";
  std::filesystem::copy(base, timing, std::filesystem::copy_options::recursive);
  auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(RunCommand({BinaryDir() + "/server/claimgraphd", "import", "--data", timing, file}), 0);
  auto full = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  ASSERT_EQ(LiveClaims(timing), before + kClaims);

  std::mt19937_64 rng(6);
  int unchanged = 0, complete = 0;
  const int kRounds = 12;
  for (int round = 0; round < kRounds; ++round) {
    std::string data = dir.path() + "/round" + std::to_string(round);
    std::filesystem::copy(base, data, std::filesystem::copy_options::recursive);
    auto delay = std::chrono::milliseconds(std::uniform_int_distribution<long>(0, full.count() * 11 / 10)(rng));
    pid_t pid = StartImport(data, file);
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);

    uint64_t now = LiveClaims(data);
    EXPECT_TRUE(now == before || now == before + kClaims)
        << "round " << round << " killed after " << delay.count() << " ms: " << now << " claims (before " << before
        << ", complete " << before + kClaims << ")";
    (now == before ? unchanged : complete)++;
    EXPECT_EQ(RunCommand({BinaryDir() + "/server/claimgraphd", "verify", "--data", data}), 0) << "round " << round;
    if (now == before) {
      // Run again: leftovers of the killed run do not get in the way.
      EXPECT_EQ(RunCommand({BinaryDir() + "/server/claimgraphd", "import", "--data", data, file}), 0) << round;
      EXPECT_EQ(LiveClaims(data), before + kClaims) << "round " << round;
    }
    std::filesystem::remove_all(data);
  }
  std::printf("bulk import crash: %d rounds (full import %lld ms): %d left the store unchanged, %d complete\n", kRounds,
              static_cast<long long>(full.count()), unchanged, complete);
  EXPECT_GT(unchanged, 0);  // the kills did land mid-way
}

}  // namespace
}  // namespace claimgraph::testing
