// Shared helpers for ClaimStore tests.
#pragma once

#include <gtest/gtest.h>

#include <set>

#include "storage/claim_store.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::testing {

#define ASSERT_OK(expr)                                 \
  do {                                                  \
    auto&& cg_s_ = (expr);                              \
    ASSERT_TRUE(cg_s_.ok()) << cg_s_.ToString();        \
  } while (0)

template <typename T>
T ValueOrDie(claimgraph::Result<T> r) {
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) std::abort();
  return std::move(r).value();
}

inline std::unique_ptr<storage::ClaimStore> OpenStore(const std::string& dir) {
  return ValueOrDie(storage::ClaimStore::Open(dir, storage::StoreOptions{}));
}

inline std::unique_ptr<storage::WriteTransaction> Begin(storage::ClaimStore* store, const std::string& principal = "tester",
                                                        bool bulk = false) {
  storage::WriteOptions o;
  o.principal = principal;
  o.bulk = bulk;
  return ValueOrDie(store->BeginWrite(o));
}

inline std::set<storage::ClaimId> ScanIds(const storage::ReadView& view, const storage::TriplePattern& p) {
  std::set<storage::ClaimId> out;
  auto c = view.Scan(p);
  for (; c->Valid(); c->Next()) out.insert(c->entry().claim);
  EXPECT_TRUE(c->status().ok()) << c->status().ToString();
  return out;
}

}  // namespace claimgraph::testing
