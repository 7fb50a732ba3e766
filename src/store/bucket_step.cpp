#include "store/bucket_step.hpp"

#include <chrono>
#include <cmath>

#include "core/token_bucket.hpp"

namespace visitd::store {
namespace {

constexpr double kMicro = 1e6;

// Wall seconds on TokenBucket's time axis: only differences matter to it.
core::TokenBucket::Time on_axis(Instant t) {
  return core::TokenBucket::Time{std::chrono::seconds(t.time_since_epoch().count())};
}

}  // namespace

BucketStep step_bucket(const std::optional<StoredBucket>& stored, const BucketRule& rule, Instant now, bool take) {
  const double tokens = stored ? static_cast<double>(stored->tokens_micro) / kMicro : rule.burst;
  // A row stamped after `now` (another instance's clock runs a little ahead) refills nothing
  // until now catches up; its stamp is kept so no second is counted twice.
  const Instant at = stored ? std::max(stored->at, now) : now;
  auto bucket =
      core::TokenBucket::resume(rule.rate_per_second, rule.burst, tokens, stored ? on_axis(stored->at) : on_axis(now));
  BucketStep step;
  step.verdict.allowed = take ? bucket.take(on_axis(now)) : bucket.has_token(on_axis(now));
  if (!step.verdict.allowed) step.verdict.seconds_until_token = bucket.seconds_until_token();
  step.next.tokens_micro = static_cast<std::int64_t>(std::llround(bucket.tokens() * kMicro));
  step.next.at = at;
  const double missing = rule.burst - bucket.tokens();
  const double to_full = missing <= 0 || rule.rate_per_second <= 0 ? 0 : std::ceil(missing / rule.rate_per_second);
  step.full_at = at + std::chrono::seconds(rule.rate_per_second <= 0 && missing > 0
                                               ? std::int64_t{1} << 40  // never refills: kept until forgotten
                                               : static_cast<std::int64_t>(to_full));
  return step;
}

}  // namespace visitd::store
