#include <gtest/gtest.h>

#include <set>

#include "core/ids.hpp"

namespace visitd::core {
namespace {

TEST(SequentialIds, CarryThePrefixAndNeverRepeat) {
  SequentialIds ids;
  EXPECT_EQ(ids.next("bk_"), "bk_000000000001");
  EXPECT_EQ(ids.next("usr_"), "usr_000000000002");
  std::set<Id> seen;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(ids.next("msg_")).second);
}

TEST(SequentialIds, SortInTheOrderTheyWereMinted) {
  SequentialIds ids(9);
  Id first = ids.next("bk_");
  Id second = ids.next("bk_");
  EXPECT_LT(first, second);
}

}  // namespace
}  // namespace visitd::core
