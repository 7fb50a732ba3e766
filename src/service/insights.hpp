#pragma once
// Use case: the manager's insights over a period (issue K): bookings per day and week,
// utilisation per provider, lead time, cancellation and no-show rates, reminder outcomes.
// The store reads the facts (store::InsightStore, the catalogue's providers); core counts
// them in the business's zone (core/insights.hpp says what each number means).
#include <optional>
#include <string>
#include <vector>

#include "core/insights.hpp"
#include "service/ports.hpp"

namespace visitd::service {

// Without `to`, the period ends today; without `from`, it starts kDefaultInsightDays - 1
// days before `to` (local dates of the business's zone, both included).
inline constexpr int kDefaultInsightDays = 30;

struct InsightRequest {
  std::optional<core::LocalDate> from;
  std::optional<core::LocalDate> to;
  std::optional<core::Id> provider_id;  // only this provider
  std::optional<core::Id> service_id;   // only this service (and the providers offering it)
};

struct InsightReport {
  std::string zone;            // the business's zone the dates are in
  core::InsightPeriod period;  // the dates counted (defaults filled in)
  core::Insights insights;
  std::vector<std::string> provider_names;  // beside insights.providers, same order
};

class Insights {
 public:
  explicit Insights(Ports ports) : ports_(ports) {}

  // invalid naming "to" for a reversed or too long period (core::check_insight_period),
  // "providerId" / "serviceId" when the business has no such provider / service.
  [[nodiscard]] core::Result<InsightReport> report(const core::Business& business, const InsightRequest& request) const;

 private:
  Ports ports_;
};

}  // namespace visitd::service
