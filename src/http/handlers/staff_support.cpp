#include "http/handlers/staff_support.hpp"

#include <algorithm>
#include <charconv>

#include "core/time.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;

std::string route(std::string_view suffix) {
  std::string r = "/api/v1/businesses/{businessId}";
  r += suffix;
  return r;
}

Handler gated(ApiContext& ctx, core::Role need, StaffHandler handler) {
  return [&ctx, need, handler](Request& req) -> Response {
    auto access = authorize(req, ctx, need);
    if (!access) return problem_from(access.error());
    return handler(ctx, req, *access);
  };
}

Response fail(const core::Error& e) { return problem_from(e); }

Response forbidden(std::string detail) {
  return problem_from(core::Error::make(core::ErrorCode::forbidden, std::move(detail)));
}

Response not_found(std::string detail) {
  return problem_from(core::Error::make(core::ErrorCode::not_found, std::move(detail)));
}

Response no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

core::Result<json::object> body_object(const Request& req, bool optional_body) {
  if (optional_body && std::all_of(req.body.begin(), req.body.end(),
                                   [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; })) {
    return json::object{};
  }
  return parse_object(req);
}

core::Result<int> int_param(const Request& req, std::string_view name, int min, int max, int fallback) {
  auto text = req.query_param(name);
  if (!text) return fallback;
  int value = 0;
  const char* first = text->data();
  const char* last = first + text->size();
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (text->empty() || ec != std::errc{} || ptr != last || value < min || value > max) {
    return core::Error::invalid(std::string(name),
                                "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

core::Result<std::optional<core::Instant>> instant_param(const Request& req, std::string_view name) {
  auto text = req.query_param(name);
  if (!text) return std::optional<core::Instant>{};
  auto t = core::parse_rfc3339(*text);
  if (!t) return core::Error::invalid(std::string(name), "must be an RFC 3339 time with an offset");
  return std::optional<core::Instant>{*t};
}

core::Result<core::Zone> display_zone(const Request& req, const core::Business& business) {
  if (auto name = req.query_param("timeZone")) {
    if (auto z = core::Zone::find(*name)) return *z;
    return core::Error::invalid("timeZone", "unknown IANA time zone");
  }
  return zone_or_utc(business.zone);
}

namespace {

json::array ranges_to_json(const std::vector<core::TimeRange>& ranges) {
  json::array out;
  for (const auto& r : ranges) {
    out.push_back(json::object{{"start", core::format_time_of_day(r.start)}, {"end", core::format_time_of_day(r.end)}});
  }
  return out;
}

}  // namespace

json::object override_to_json(const core::DateOverride& o) {
  return json::object{{"id", o.id},
                      {"date", core::format_date(o.date)},
                      {"closed", o.ranges.empty()},
                      {"ranges", ranges_to_json(o.ranges)}};
}

json::object time_off_to_json(const core::TimeOff& t, const core::Zone& zone) {
  return json::object{{"id", t.id},
                      {"start", core::format_rfc3339(t.span.begin, zone)},
                      {"end", core::format_rfc3339(t.span.end, zone)},
                      {"reason", t.reason}};
}

json::object member_to_json(const store::StaffMember& m) {
  return json::object{{"user", to_json(m.user)}, {"role", wire::name(m.role)}};
}

json::object token_to_json(const store::ApiToken& t) {
  json::object o{{"id", t.id},
                 {"name", t.name},
                 {"role", wire::name(t.role)},
                 {"userId", t.user_id},
                 {"createdAt", core::format_rfc3339_utc(t.created_at)}};
  if (t.last_used_at) {
    o["lastUsedAt"] = core::format_rfc3339_utc(*t.last_used_at);
  } else {
    o["lastUsedAt"] = nullptr;
  }
  return o;
}

}  // namespace visitd::http::staff
