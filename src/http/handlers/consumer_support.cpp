#include "http/handlers/consumer_support.hpp"

#include <boost/json/array.hpp>

#include "core/validation.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http::consumer {

namespace json = boost::json;

std::optional<Response> rate_limited(ApiContext& ctx, RateLimiter& limiter, const std::string& key) {
  auto admitted = limiter.admit(key, ctx.clock.monotonic());
  if (admitted) return std::nullopt;
  ctx.metrics.rate_limited();
  return problem_from(admitted.error());
}

std::optional<SlotWindow> read_slot_window(const Request& req, std::vector<core::FieldError>& errors) {
  auto date_param = [&](const char* name) -> std::optional<core::LocalDate> {
    auto text = req.query_param(name);
    if (!text || text->empty()) {
      errors.push_back({name, "is required (YYYY-MM-DD)"});
      return std::nullopt;
    }
    auto d = core::parse_date(*text);
    if (!d) errors.push_back({name, "must be a date YYYY-MM-DD"});
    return d;
  };
  auto from = date_param("from");
  auto to = date_param("to");
  std::optional<core::Zone> zone;
  if (auto name = req.query_param("timeZone"); !name || name->empty()) {
    errors.push_back({"timeZone", "is required (an IANA time zone, e.g. Europe/London)"});
  } else if (zone = core::Zone::find(*name); !zone) {
    errors.push_back({"timeZone", "must be an IANA time zone, e.g. Europe/London"});
  }
  if (!from || !to) return std::nullopt;
  const auto span_days = (std::chrono::sys_days{*to} - std::chrono::sys_days{*from}).count() + 1;
  if (span_days < 1) {
    errors.push_back({"to", "must not be before from"});
    return std::nullopt;
  }
  if (span_days > core::kMaxQueryDays) {
    errors.push_back({"to", "the range may span at most " + std::to_string(core::kMaxQueryDays) + " days"});
    return std::nullopt;
  }
  if (!zone) return std::nullopt;
  return SlotWindow{{zone->day_span(*from).begin, zone->day_span(*to).end}, *zone};
}

json::object slot_to_json(const core::Slot& s, const core::Zone& display) {
  json::array ids;
  for (const auto& id : s.provider_ids) ids.emplace_back(id);
  return json::object{{"start", core::format_rfc3339(s.time.begin, display)},
                      {"end", core::format_rfc3339(s.time.end, display)},
                      {"providerIds", std::move(ids)}};
}

json::object slots_answer(const std::vector<core::Slot>& slots, const core::Zone& display) {
  json::array days;
  for (const auto& [date, day_slots] : core::group_by_local_date(slots, display)) {
    json::array items;
    for (const auto& s : day_slots) items.push_back(slot_to_json(s, display));
    days.push_back(json::object{{"date", date}, {"slots", std::move(items)}});
  }
  return json::object{{"timeZone", display.name()}, {"days", std::move(days)}};
}

json::object booking_view(ApiContext& ctx, const core::Booking& b) {
  auto service = ctx.use.catalog.service(b.business_id, b.service_id);
  auto provider = ctx.use.catalog.provider(b.business_id, b.provider_id);
  return consumer_booking_json(b, service ? &*service : nullptr, provider ? &*provider : nullptr,
                               zone_or_utc(b.consumer.zone));
}

json::object booking_with_links(ApiContext& ctx, const core::Booking& b) {
  const service::BookingLinks links = ctx.use.links.issue(b);
  return json::object{{"booking", booking_view(ctx, b)}, {"manageUrl", links.manage_url}, {"joinUrl", links.join_url}};
}

}  // namespace visitd::http::consumer
