// A snapshot (engine/snapshot.h) is a whole store that reads as the source
// did when it was made: the same chain, the same claims with all their
// history (retractions, deprecations), what it holds said in snapshot.json;
// later commits are not in it, a name taken is refused, and an unfinished
// earlier attempt does not stand in its way.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "engine/io/export.h"
#include "engine/snapshot.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::engine {
namespace {

using testing::BuildFixtureStore;
using testing::TempDir;

std::string ExportText(const Engine& engine) {
  std::ostringstream out;
  auto done = io::Export(engine, io::ExportFormat::kJsonl, std::nullopt, out);
  EXPECT_TRUE(done.ok()) << done.status().ToString();
  return out.str();
}

void RunOrFail(Engine& engine, const std::string& statement) {
  ExecuteOptions options;
  options.principal = "snapshot-test";
  auto r = engine.Execute(statement, options);
  ASSERT_TRUE(r.ok()) << statement << ": " << r.status().ToString();
}

std::unique_ptr<Engine> OpenReadOnly(const std::string& dir) {
  OpenOptions o;
  o.create_if_missing = false;
  o.read_only = true;
  auto opened = Engine::Open(dir, o);
  EXPECT_TRUE(opened.ok()) << opened.status().ToString();
  return opened.ok() ? std::move(opened).value() : nullptr;
}

TEST(Snapshot, IsAWholeStoreAsItWasAndSaysWhatItHolds) {
  TempDir dir, out;
  auto store = BuildFixtureStore(dir.path());
  Engine engine(store.get());
  RunOrFail(engine, R"(RETRACT CLAIM 3 REASON "withdrawn by the outlet")");
  RunOrFail(engine, R"(DEPRECATE CLAIM 8 REASON "a threat assessment read as an attack")");
  const std::string before = ExportText(engine);
  auto verify_before = engine.Verify(false, false);
  ASSERT_TRUE(verify_before.ok());
  auto stats_before = engine.Stats(false);
  ASSERT_TRUE(stats_before.ok());

  std::filesystem::create_directories(out.path());
  const std::string snap = out.path() + "/first";
  auto info = WriteSnapshot(engine, snap);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->tx, verify_before->head_tx);
  EXPECT_EQ(info->head_hash, verify_before->head_hash);
  EXPECT_EQ(info->claims, stats_before->live_claims);  // live, as SHOW STATS counts them
  EXPECT_GT(info->claims, 20u);
  EXPECT_EQ(info->stream_sequence, 0u);
  EXPECT_FALSE(std::filesystem::exists(snap + ".partial"));

  // A commit after the snapshot is not in it.
  RunOrFail(engine, R"(ASSERT "Japan" pact "India" SOURCE "after-the-snapshot")");

  {
    auto copy = OpenReadOnly(snap);
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(ExportText(*copy), before);  // every claim, its provenance and retraction
    auto verified = copy->Verify(true, true);
    ASSERT_TRUE(verified.ok()) << verified.status().ToString();
    EXPECT_TRUE(verified->ok());
    EXPECT_EQ(verified->head_hash, info->head_hash);
    auto hidden = copy->Execute("MATCH ?a targets ?b AS ?c WHERE ?c.id = 8 RETURN ?a", {});
    ASSERT_TRUE(hidden.ok());
    EXPECT_TRUE(hidden->rows.empty()) << "the deprecation travels with the snapshot";
  }

  std::ifstream json_file(snap + "/snapshot.json");
  auto json = nlohmann::json::parse(json_file, nullptr, false);
  ASSERT_TRUE(json.is_object());
  EXPECT_EQ(json["format"], "claimgraph-snapshot/1");
  EXPECT_EQ(json["tx"], info->tx);
  EXPECT_EQ(json["head_hash"], info->head_hash);
  EXPECT_EQ(json["claims"], info->claims);
  EXPECT_EQ(json["created_at"], info->created_at);
  EXPECT_EQ(info->created_at.size(), 27u) << info->created_at;  // 2026-11-30T23:01:02.123456Z

  // A snapshot is opened read-write too: it is a store of its own.
  {
    engine::OpenOptions rw;
    rw.create_if_missing = false;
    auto own = Engine::Open(snap, rw);
    ASSERT_TRUE(own.ok()) << own.status().ToString();
    RunOrFail(**own, R"(ASSERT "Japan" pact "Canada" SOURCE "in-the-copy")");
  }
}

TEST(Snapshot, ANameTakenIsRefusedAndAnUnfinishedAttemptIsReplaced) {
  TempDir dir, out;
  auto store = BuildFixtureStore(dir.path());
  Engine engine(store.get());
  std::filesystem::create_directories(out.path() + "/taken");
  auto taken = WriteSnapshot(engine, out.path() + "/taken");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(taken.status().message().find("exists"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(out.path() + "/taken"));  // untouched

  // What a killed earlier attempt left: replaced, and the snapshot whole.
  std::filesystem::create_directories(out.path() + "/again.partial");
  std::ofstream(out.path() + "/again.partial/000001.sst") << "half a file";
  auto again = WriteSnapshot(engine, out.path() + "/again");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(std::filesystem::exists(out.path() + "/again.partial"));
  auto copy = OpenReadOnly(out.path() + "/again");
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(ExportText(*copy), ExportText(engine));
}

}  // namespace
}  // namespace claimgraph::engine
