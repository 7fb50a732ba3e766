#include "app/shared_buckets.hpp"

#include <spdlog/spdlog.h>

namespace visitd::app {
namespace {
constexpr std::int64_t kEverySeconds = 60;

std::int64_t seconds(core::Instant t) { return t.time_since_epoch().count(); }

// Claims the next turn of something done once a minute: true for exactly one caller.
bool claim_turn(std::atomic<std::int64_t>& next, std::int64_t now) {
  std::int64_t due = next.load();
  return now >= due && next.compare_exchange_strong(due, now + kEverySeconds);
}
}  // namespace

std::optional<http::SharedBuckets::Verdict> StoreBuckets::step(const std::string& key, double rate_per_s, double burst,
                                                               bool take) {
  prune_now_and_then();
  auto v = store_.spend_token(key, store::BucketRule{rate_per_s, burst}, clock_.now(), take);
  if (!v.ok()) {
    warn_now_and_then(v.error().detail);
    return std::nullopt;
  }
  return Verdict{v.value().allowed, v.value().seconds_until_token};
}

void StoreBuckets::forget(const std::string& key) {
  if (auto done = store_.forget_bucket(key); !done.ok()) warn_now_and_then(done.error().detail);
}

void StoreBuckets::prune_now_and_then() {
  const auto now = clock_.now();
  if (!claim_turn(next_prune_, seconds(now))) return;
  if (auto pruned = store_.prune_buckets(now); !pruned.ok()) warn_now_and_then(pruned.error().detail);
}

void StoreBuckets::warn_now_and_then(const std::string& what) {
  if (!claim_turn(next_warning_, seconds(clock_.now()))) return;
  spdlog::warn("shared rate limits unavailable, this instance counts alone meanwhile: {}", what);
}

}  // namespace visitd::app
