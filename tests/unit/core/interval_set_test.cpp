#include <gtest/gtest.h>

#include "core/interval_set.hpp"

namespace visitd::core {
namespace {

// Instants as minutes after an arbitrary origin keep the algebra readable.
Instant m(int minutes) { return Instant{Minutes{minutes}}; }
Interval iv(int a, int b) { return {m(a), m(b)}; }
std::vector<Interval> ivs(std::initializer_list<std::pair<int, int>> list) {
  std::vector<Interval> out;
  for (auto [a, b] : list) out.push_back(iv(a, b));
  return out;
}

TEST(IntervalSet, NormalisesUnsortedOverlappingAndAdjacentParts) {
  IntervalSet s(ivs({{50, 60}, {0, 10}, {5, 20}, {20, 30}, {40, 40}}));
  EXPECT_EQ(s.parts(), ivs({{0, 30}, {50, 60}}));
}

TEST(IntervalSet, DropsEmptyAndInvertedIntervals) {
  IntervalSet s(ivs({{10, 10}, {30, 20}}));
  EXPECT_TRUE(s.empty());
}

TEST(IntervalSet, AddMergesEveryPartItTouches) {
  IntervalSet s(ivs({{0, 10}, {20, 30}, {40, 50}, {70, 80}}));
  s.add(iv(10, 40));
  EXPECT_EQ(s.parts(), ivs({{0, 50}, {70, 80}}));
  s.add(iv(60, 65));
  EXPECT_EQ(s.parts(), ivs({{0, 50}, {60, 65}, {70, 80}}));
  s.add(iv(-10, -5));
  EXPECT_EQ(s.parts().front(), iv(-10, -5));
}

TEST(IntervalSet, UniteMergesBothSides) {
  IntervalSet a(ivs({{0, 10}, {30, 40}}));
  IntervalSet b(ivs({{10, 15}, {35, 50}, {60, 70}}));
  EXPECT_EQ(a.unite(b).parts(), ivs({{0, 15}, {30, 50}, {60, 70}}));
  EXPECT_EQ(a.unite(b), b.unite(a));
}

TEST(IntervalSet, IntersectKeepsOnlyCommonInstants) {
  IntervalSet a(ivs({{0, 10}, {20, 40}}));
  IntervalSet b(ivs({{5, 25}, {30, 35}, {39, 50}}));
  EXPECT_EQ(a.intersect(b).parts(), ivs({{5, 10}, {20, 25}, {30, 35}, {39, 40}}));
  EXPECT_TRUE(a.intersect(IntervalSet(ivs({{10, 20}}))).empty());
}

TEST(IntervalSet, IntersectWithOneIntervalClipsTheEdges) {
  IntervalSet a(ivs({{0, 10}, {20, 30}, {40, 50}}));
  EXPECT_EQ(a.intersect(iv(5, 45)).parts(), ivs({{5, 10}, {20, 30}, {40, 45}}));
  EXPECT_TRUE(a.intersect(iv(10, 20)).empty());
}

TEST(IntervalSet, SubtractCutsHolesAndSplitsParts) {
  IntervalSet a(ivs({{0, 100}, {200, 300}}));
  IntervalSet holes(ivs({{10, 20}, {30, 40}, {90, 210}, {250, 260}, {290, 400}}));
  EXPECT_EQ(a.subtract(holes).parts(), ivs({{0, 10}, {20, 30}, {40, 90}, {210, 250}, {260, 290}}));
}

TEST(IntervalSet, SubtractingEverythingLeavesNothing) {
  IntervalSet a(ivs({{0, 10}, {20, 30}}));
  EXPECT_TRUE(a.subtract(IntervalSet(ivs({{-5, 35}}))).empty());
  EXPECT_EQ(a.subtract(IntervalSet()), a);
}

TEST(IntervalSet, ContainsOnlyWhollyCoveredIntervals) {
  IntervalSet a(ivs({{0, 10}, {20, 30}}));
  EXPECT_TRUE(a.contains(iv(0, 10)));
  EXPECT_TRUE(a.contains(iv(22, 25)));
  EXPECT_FALSE(a.contains(iv(5, 25)));  // spans the hole
  EXPECT_FALSE(a.contains(iv(25, 31)));
  EXPECT_FALSE(a.contains(iv(-1, 5)));
}

TEST(IntervalSet, AlgebraIdentitiesHold) {
  IntervalSet a(ivs({{0, 15}, {25, 60}, {80, 90}}));
  IntervalSet b(ivs({{10, 30}, {55, 85}}));
  // (a - b) and (a ∩ b) partition a.
  EXPECT_EQ(a.subtract(b).unite(a.intersect(b)), a);
  EXPECT_TRUE(a.subtract(b).intersect(b).empty());
}

}  // namespace
}  // namespace visitd::core
