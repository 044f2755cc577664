// One memory budget, shared: holders charge what they hold, the sorters
// share what is left, never less than the floor.
#include "base/memory_account.h"

#include <gtest/gtest.h>

#include <utility>

namespace claimgraph::base {
namespace {

TEST(MemoryAccount, SpareIsTheBudgetLessTheChargesButNeverBelowTheFloor) {
  MemoryAccount account(1000);
  EXPECT_EQ(account.Spare(), 1000u);
  MemoryCharge names(&account), numbering(&account);
  names.Set(300);
  numbering.Set(200);
  EXPECT_EQ(account.charged(), 500u);
  EXPECT_EQ(account.Spare(), 500u);
  names.Set(900);  // the tables alone pass the budget: the sorters keep the floor
  EXPECT_EQ(account.Spare(), 1000u / MemoryAccount::kFloorDivisor);
  names.Set(100);  // a table that shrinks gives its bytes back
  EXPECT_EQ(account.charged(), 300u);
  EXPECT_EQ(account.Spare(), 700u);
  EXPECT_EQ(account.peak_charged(), 1100u);
}

TEST(MemoryAccount, AChargeIsGivenBackWhenItsHolderGoes) {
  MemoryAccount account(1000);
  {
    MemoryCharge charge(&account);
    charge.Set(400);
    MemoryCharge moved(std::move(charge));  // a holder that moves keeps its charge
    EXPECT_EQ(account.charged(), 400u);
    EXPECT_EQ(moved.bytes(), 400u);
  }
  EXPECT_EQ(account.charged(), 0u);
  EXPECT_EQ(account.peak_charged(), 400u);
}

TEST(MemoryAccount, AttachMovesWhatWasHeldOntoTheAccount) {
  MemoryAccount account(1000);
  MemoryCharge charge;  // no account: an online transaction's tables
  charge.Set(250);
  EXPECT_EQ(account.charged(), 0u);
  charge.Attach(&account);
  EXPECT_EQ(account.charged(), 250u);
  charge.Set(50);
  EXPECT_EQ(account.charged(), 50u);
}

}  // namespace
}  // namespace claimgraph::base
