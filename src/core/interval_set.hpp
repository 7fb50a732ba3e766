#pragma once
// A set of instants as sorted, disjoint, non-adjacent half-open intervals.
// All operations are linear merges; nothing iterates over minutes.
#include <vector>

#include "core/time.hpp"

namespace visitd::core {

class IntervalSet {
 public:
  IntervalSet() = default;
  explicit IntervalSet(std::vector<Interval> intervals);  // any order, may overlap

  void add(Interval i);
  [[nodiscard]] IntervalSet unite(const IntervalSet& o) const;
  [[nodiscard]] IntervalSet intersect(const IntervalSet& o) const;
  [[nodiscard]] IntervalSet subtract(const IntervalSet& o) const;
  [[nodiscard]] IntervalSet intersect(Interval i) const;
  [[nodiscard]] bool contains(Interval i) const;
  [[nodiscard]] bool empty() const { return parts_.empty(); }
  [[nodiscard]] const std::vector<Interval>& parts() const { return parts_; }
  friend bool operator==(const IntervalSet&, const IntervalSet&) = default;

 private:
  std::vector<Interval> parts_;
};

}  // namespace visitd::core
