// A fresh store with the example schema applied and an Engine over it: what
// the ingestion tests that write (store_test, bad_input_test) start from.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "engine/engine.h"
#include "engine/io/schema.h"
#include "storage/claim_store.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::ingest::testing {

class IngestStoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::ClaimStore::Open(dir_.path(), storage::StoreOptions{});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    engine_ = std::make_unique<engine::Engine>(store_.get());
    auto schema = io::ParseSchemaJson(ReadFileOrDie(SourceDir() + "/examples/schema.json"));
    ASSERT_TRUE(schema.ok());
    ASSERT_TRUE(io::ApplySchema(*engine_, *schema, "test").ok());
  }
  uint64_t LiveClaims() {
    auto view = store_->NewReadView();
    return *(*view)->CountClaims({}, UINT64_MAX);
  }
  ::claimgraph::testing::TempDir dir_;
  std::unique_ptr<storage::ClaimStore> store_;
  std::unique_ptr<engine::Engine> engine_;
};

}  // namespace claimgraph::ingest::testing
