// The manager's insights over a period (service::Insights): GET .../insights as JSON for the
// console's charts and GET .../insights.csv, the same numbers as a spreadsheet download
// (RFC 4180, one row per number: section, key, name, metric, value).
#include <boost/json/serialize.hpp>

#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "service/insights.hpp"

namespace visitd::http::staff {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxIdParam = core::kMaxIdLength;

json::value rate_or_null(const std::optional<double>& r) { return r ? json::value(*r) : json::value(nullptr); }
json::value minutes_or_null(const std::optional<std::int64_t>& m) { return m ? json::value(*m) : json::value(nullptr); }

// ?from=&to= (YYYY-MM-DD; defaults: service::InsightRequest), ?providerId=, ?serviceId=; every bad one named.
core::Result<service::InsightRequest> parse_request(const Request& req) {
  std::vector<core::FieldError> errors;
  service::InsightRequest r;
  auto date = [&](const char* name, std::optional<core::LocalDate>& out) {
    auto text = req.query_param(name);
    if (!text) return;
    auto d = core::parse_date(*text);
    if (!d) return errors.push_back({name, "must be a date as YYYY-MM-DD"});
    out = *d;
  };
  auto id = [&](const char* name, std::optional<core::Id>& out) {
    auto text = req.query_param(name);
    if (!text) return;
    if (text->empty() || text->size() > kMaxIdParam)
      return errors.push_back({name, "must be 1 to " + std::to_string(kMaxIdParam) + " characters"});
    out = *text;
  };
  date("from", r.from);
  date("to", r.to);
  id("providerId", r.provider_id);
  id("serviceId", r.service_id);
  if (!errors.empty()) return core::Error::invalid_fields(std::move(errors));
  return r;
}

json::object counts_json(const core::StatusCounts& c) {
  return {{"bookings", c.bookings},
          {"confirmed", c.confirmed},
          {"completed", c.completed},
          {"noShow", c.no_show},
          {"cancelled", c.cancelled}};
}

json::object reminders_json(const core::ReminderCounts& c) {
  return {{"pending", c.pending},
          {"sent", c.sent},
          {"delivered", c.delivered},
          {"failed", c.failed},
          {"skipped", c.skipped},
          {"deliveryRate", rate_or_null(c.delivery_rate)},
          {"failureRate", rate_or_null(c.failure_rate)}};
}

json::object report_json(const service::InsightRequest& q, const service::InsightReport& report) {
  const auto& in = report.insights;
  json::array days, weeks, providers, buckets;
  for (const auto& d : in.days) {
    auto o = counts_json(d.counts);
    o["date"] = core::format_date(d.date);
    days.push_back(std::move(o));
  }
  for (const auto& w : in.weeks) {
    auto o = counts_json(w.counts);
    o["weekStart"] = core::format_date(w.week_start);
    weeks.push_back(std::move(o));
  }
  for (std::size_t i = 0; i < in.providers.size(); ++i) {
    const auto& u = in.providers[i];
    providers.push_back(json::object{{"providerId", u.provider_id},
                                     {"name", report.provider_names[i]},
                                     {"availableMinutes", u.available_minutes},
                                     {"bookedMinutes", u.booked_minutes},
                                     {"utilisation", rate_or_null(u.utilisation)}});
  }
  for (int b = 0; b < core::kLeadBuckets; ++b)
    buckets.push_back(json::object{{"bucket", core::to_string(static_cast<core::LeadBucket>(b))},
                                   {"count", in.lead_time.buckets[b]}});
  return {
      {"from", core::format_date(report.period.first)},
      {"to", core::format_date(report.period.last)},
      {"timeZone", report.zone},
      {"providerId", q.provider_id ? json::value(*q.provider_id) : json::value(nullptr)},
      {"serviceId", q.service_id ? json::value(*q.service_id) : json::value(nullptr)},
      {"totals", counts_json(in.totals)},
      {"days", std::move(days)},
      {"weeks", std::move(weeks)},
      {"providers", std::move(providers)},
      {"leadTime", json::object{{"count", in.lead_time.count},
                                {"medianMinutes", minutes_or_null(in.lead_time.median_minutes)},
                                {"meanMinutes", minutes_or_null(in.lead_time.mean_minutes)},
                                {"buckets", std::move(buckets)}}},
      {"rates", json::object{{"cancellation", rate_or_null(in.cancellation_rate)},
                             {"noShow", rate_or_null(in.no_show_rate)},
                             {"pastAppointments", in.past_appointments}}},
      {"reminders", json::object{{"all", reminders_json(in.reminders)},
                                 {"email", reminders_json(in.email_reminders)},
                                 {"sms", reminders_json(in.sms_reminders)}}},
  };
}

// One RFC 4180 field. A text a spreadsheet would run as a formula (=, +, -, @, tab, CR at
// the start) gets a leading apostrophe (OWASP "CSV injection"): names come from staff input.
std::string csv_field(const std::string& value) {
  std::string v = value;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char c : v) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// The JSON report flattened: every number one row, nulls as empty cells.
std::string report_csv(const json::object& report) {
  std::string out = "section,key,name,metric,value\r\n";
  auto row = [&out](const std::string& section, const std::string& key, const std::string& name,
                    const std::string& metric, const json::value& v) {
    std::string value;
    if (v.is_int64())
      value = std::to_string(v.as_int64());
    else if (v.is_double())
      value = json::serialize(v);
    out += csv_field(section) + ',' + csv_field(key) + ',' + csv_field(name) + ',' + csv_field(metric) + ',' +
           csv_field(value) + "\r\n";
  };
  auto numbers = [&](const std::string& section, const std::string& key, const std::string& name,
                     const json::object& o) {
    for (const auto& [metric, v] : o)
      if (v.is_number() || v.is_null()) row(section, key, name, std::string(metric), v);
  };
  numbers("totals", "", "", report.at("totals").as_object());
  for (const auto& d : report.at("days").as_array())
    numbers("day", std::string(d.at("date").as_string()), "", d.as_object());
  for (const auto& w : report.at("weeks").as_array())
    numbers("week", std::string(w.at("weekStart").as_string()), "", w.as_object());
  for (const auto& p : report.at("providers").as_array())
    numbers("provider", std::string(p.at("providerId").as_string()), std::string(p.at("name").as_string()),
            p.as_object());
  const auto& lead = report.at("leadTime").as_object();
  numbers("leadTime", "", "", lead);
  for (const auto& b : lead.at("buckets").as_array())
    row("leadTime", std::string(b.at("bucket").as_string()), "", "count", b.at("count"));
  numbers("rates", "", "", report.at("rates").as_object());
  for (const auto& [channel, counts] : report.at("reminders").as_object())
    numbers("reminders", std::string(channel), "", counts.as_object());
  return out;
}

core::Result<json::object> build(ApiContext& ctx, const Request& req, const BusinessAccess& a) {
  auto q = parse_request(req);
  if (!q) return q.error();
  auto report = ctx.use.insights.report(a.business, *q);
  if (!report) return report.error();
  return report_json(*q, *report);
}

Response insights(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto report = build(ctx, req, a);
  if (!report) return fail(report.error());
  return json_response(200, *report);
}

Response insights_csv(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto report = build(ctx, req, a);
  if (!report) return fail(report.error());
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = report_csv(*report);
  const std::string name = "insights-" + std::string(report->at("from").as_string()) + "-to-" +
                           std::string(report->at("to").as_string()) + ".csv";
  r.with_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.with_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void register_insights(Router& r, ApiContext& ctx) {
  r.add("GET", route("/insights"), gated(ctx, core::Role::manager, insights));
  r.add("GET", route("/insights.csv"), gated(ctx, core::Role::manager, insights_csv));
}

}  // namespace visitd::http::staff
