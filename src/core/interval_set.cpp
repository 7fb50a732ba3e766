#include "core/interval_set.hpp"

#include <algorithm>

namespace visitd::core {

namespace {

// Appends i to sorted, normalised parts, merging when it overlaps or touches the last one.
// Callers feed intervals in ascending begin order.
void push_merged(std::vector<Interval>& parts, Interval i) {
  if (i.empty()) return;
  if (!parts.empty() && i.begin <= parts.back().end) {
    parts.back().end = std::max(parts.back().end, i.end);
    return;
  }
  parts.push_back(i);
}

}  // namespace

IntervalSet::IntervalSet(std::vector<Interval> intervals) {
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
  parts_.reserve(intervals.size());
  for (const auto& i : intervals) push_merged(parts_, i);
}

void IntervalSet::add(Interval i) {
  if (i.empty()) return;
  // First part that ends at or after i.begin may touch i; every earlier one is untouched.
  auto first =
      std::lower_bound(parts_.begin(), parts_.end(), i.begin, [](const Interval& p, Instant t) { return p.end < t; });
  auto last = first;
  while (last != parts_.end() && last->begin <= i.end) {
    i.begin = std::min(i.begin, last->begin);
    i.end = std::max(i.end, last->end);
    ++last;
  }
  auto pos = parts_.erase(first, last);
  parts_.insert(pos, i);
}

IntervalSet IntervalSet::unite(const IntervalSet& o) const {
  IntervalSet out;
  out.parts_.reserve(parts_.size() + o.parts_.size());
  auto a = parts_.begin();
  auto b = o.parts_.begin();
  while (a != parts_.end() || b != o.parts_.end()) {
    if (b == o.parts_.end() || (a != parts_.end() && a->begin <= b->begin)) {
      push_merged(out.parts_, *a++);
    } else {
      push_merged(out.parts_, *b++);
    }
  }
  return out;
}

IntervalSet IntervalSet::intersect(const IntervalSet& o) const {
  IntervalSet out;
  auto a = parts_.begin();
  auto b = o.parts_.begin();
  while (a != parts_.end() && b != o.parts_.end()) {
    Instant lo = std::max(a->begin, b->begin);
    Instant hi = std::min(a->end, b->end);
    if (lo < hi) out.parts_.push_back({lo, hi});
    if (a->end < b->end) {
      ++a;
    } else {
      ++b;
    }
  }
  return out;
}

IntervalSet IntervalSet::subtract(const IntervalSet& o) const {
  IntervalSet out;
  out.parts_.reserve(parts_.size());
  auto b = o.parts_.begin();
  for (Interval cur : parts_) {
    // Skip holes that end before this part; they cannot affect it or any later part.
    while (b != o.parts_.end() && b->end <= cur.begin) ++b;
    auto h = b;
    while (h != o.parts_.end() && h->begin < cur.end) {
      if (h->begin > cur.begin) out.parts_.push_back({cur.begin, h->begin});
      cur.begin = std::max(cur.begin, h->end);
      if (cur.begin >= cur.end) break;
      ++h;
    }
    if (!cur.empty()) out.parts_.push_back(cur);
  }
  return out;
}

IntervalSet IntervalSet::intersect(Interval i) const {
  IntervalSet out;
  if (i.empty()) return out;
  auto it =
      std::upper_bound(parts_.begin(), parts_.end(), i.begin, [](Instant t, const Interval& p) { return t < p.end; });
  for (; it != parts_.end() && it->begin < i.end; ++it)
    out.parts_.push_back({std::max(it->begin, i.begin), std::min(it->end, i.end)});
  return out;
}

bool IntervalSet::contains(Interval i) const {
  if (i.empty()) return true;
  auto it =
      std::upper_bound(parts_.begin(), parts_.end(), i.begin, [](Instant t, const Interval& p) { return t < p.begin; });
  if (it == parts_.begin()) return false;
  --it;
  return it->begin <= i.begin && i.end <= it->end;
}

}  // namespace visitd::core
