#include "service/insights.hpp"

#include <algorithm>

namespace visitd::service {

core::Result<InsightReport> Insights::report(const core::Business& business, const InsightRequest& request) const {
  const core::Zone zone = core::zone_or_utc(business.zone);
  const core::Instant now = ports_.clock.now();
  core::InsightPeriod period;
  period.last = request.to.value_or(zone.local_date(now));
  period.first = request.from.value_or(core::add_days(period.last, 1 - kDefaultInsightDays));
  if (auto ok = core::check_insight_period(period); !ok) return ok.error();
  const auto providers = ports_.store.catalog.providers_of(business.id);
  const auto services = ports_.store.catalog.services_of(business.id);
  std::vector<core::FieldError> errors;
  if (request.provider_id &&
      std::none_of(providers.begin(), providers.end(), [&](const auto& p) { return p.id == *request.provider_id; }))
    errors.push_back({"providerId", "is not a provider of this business"});
  const core::Service* service = nullptr;
  if (request.service_id) {
    auto it =
        std::find_if(services.begin(), services.end(), [&](const auto& s) { return s.id == *request.service_id; });
    if (it == services.end())
      errors.push_back({"serviceId", "is not a service of this business"});
    else
      service = &*it;
  }
  if (!errors.empty()) return core::Error::invalid_fields(std::move(errors));

  core::InsightInput input;
  input.zone = &zone;
  input.period = period;
  input.now = now;
  InsightReport report;
  report.zone = zone.name();
  report.period = period;
  for (const auto& p : providers) {
    if (request.provider_id && p.id != *request.provider_id) continue;
    if (service &&
        std::find(service->provider_ids.begin(), service->provider_ids.end(), p.id) == service->provider_ids.end())
      continue;
    input.providers.push_back(&p);
    report.provider_names.push_back(p.name);
  }
  auto facts = ports_.store.insights.insight_facts(
      {business.id, core::insight_span(zone, period), request.provider_id, request.service_id});
  input.bookings = std::move(facts.bookings);
  input.reminders = std::move(facts.reminders);
  report.insights = core::compute_insights(input);
  return report;
}

}  // namespace visitd::service
