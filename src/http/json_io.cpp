#include "http/json_io.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>

#include "core/validation.hpp"
#include "http/json_keys.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http {

namespace json = boost::json;

namespace {

// Deep nesting costs stack in the parser; no request of ours needs more than a few levels.
constexpr std::size_t kMaxDepth = 32;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// 1-based line and column of a byte offset, for a message a person can act on.
std::string where(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

core::Result<json::object> parse_object(const Request& req) {
  if (blank(req.body)) return core::Error::make(core::ErrorCode::invalid, "body required: a JSON object");
  const std::string type = lower(req.header("content-type").value_or(""));
  if (type.rfind("application/json", 0) != 0) {
    core::Error e = core::Error::make(core::ErrorCode::unsupported_media_type, "the body must be application/json");
    e.fields.push_back({"Content-Type", "must be application/json"});
    return e;
  }
  json::parse_options opts;
  opts.max_depth = kMaxDepth;
  json::stream_parser parser({}, opts);
  boost::system::error_code ec;
  const std::size_t used = parser.write(req.body.data(), req.body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    return core::Error::make(core::ErrorCode::invalid,
                             "malformed JSON at " + where(req.body, used) + ": " + ec.message());
  }
  json::value v = parser.release();
  if (!v.is_object()) return core::Error::make(core::ErrorCode::invalid, "body must be a JSON object");
  if (auto repeated = first_duplicate_key(req.body, kMaxDepth)) {
    return core::Error::invalid_fields({{*repeated, "appears more than once"}});
  }
  return std::move(v.as_object());
}

// ---- FieldReader ------------------------------------------------------------

FieldReader::FieldReader(const json::object& obj, std::vector<core::FieldError>& errors, std::string prefix)
    : obj_(obj), errors_(errors), prefix_(std::move(prefix)) {}

void FieldReader::ask(std::string_view key) const {
  if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.emplace_back(key);
}

bool FieldReader::has(std::string_view key) const {
  ask(key);
  const json::value* v = obj_.if_contains(key);
  return v && !v->is_null();
}

void FieldReader::fail(std::string_view key, std::string message) {
  ask(key);
  errors_.push_back({name(key), std::move(message)});
}

const json::value* FieldReader::present(std::string_view key) const {
  ask(key);
  const json::value* v = obj_.if_contains(key);
  return v && !v->is_null() ? v : nullptr;
}

void FieldReader::refuse_unknown_keys() {
  for (const auto& [key, value] : obj_) {
    if (std::find(asked_.begin(), asked_.end(), std::string_view(key)) == asked_.end()) {
      errors_.push_back({name(key), "is not a field of this request"});
    }
  }
}

std::optional<std::string> FieldReader::string(std::string_view key, bool required, std::size_t max_len) {
  const json::value* v = present(key);
  if (!v) {
    if (required) fail(key, "is required");
    return std::nullopt;
  }
  const json::string* s = v->if_string();
  if (!s) {
    fail(key, "must be a string");
    return std::nullopt;
  }
  if (required && blank(*s)) {
    fail(key, "must not be empty");
    return std::nullopt;
  }
  if (s->size() > max_len) {
    fail(key, "must be at most " + std::to_string(max_len) + " characters");
    return std::nullopt;
  }
  return std::string(s->data(), s->size());
}

std::optional<long long> FieldReader::integer(std::string_view key, bool required, long long min, long long max) {
  const json::value* v = present(key);
  if (!v) {
    if (required) fail(key, "is required");
    return std::nullopt;
  }
  std::optional<long long> n;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64()) {
    if (v->as_uint64() <= static_cast<unsigned long long>(max)) n = static_cast<long long>(v->as_uint64());
  } else if (v->is_double()) {
    // 30.0 is an integer to JavaScript; 30.5 is not.
    const double d = v->as_double();
    if (d == static_cast<double>(static_cast<long long>(d)) && d >= double(min) && d <= double(max)) {
      n = static_cast<long long>(d);
    }
  }
  if (!n || *n < min || *n > max) {
    if (!v->is_number()) {
      fail(key, "must be an integer");
    } else {
      fail(key, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return std::nullopt;
  }
  return n;
}

std::optional<bool> FieldReader::boolean(std::string_view key, bool required) {
  const json::value* v = present(key);
  if (!v) {
    if (required) fail(key, "is required");
    return std::nullopt;
  }
  if (!v->is_bool()) {
    fail(key, "must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<core::Instant> FieldReader::instant(std::string_view key, bool required) {
  auto text = string(key, required, 64);
  if (!text) return std::nullopt;
  auto t = core::parse_rfc3339(*text);
  if (!t) {
    fail(key, "must be an RFC 3339 time with an offset, e.g. 2026-03-08T09:00:00-04:00");
    return std::nullopt;
  }
  return t;
}

std::optional<core::LocalDate> FieldReader::date(std::string_view key, bool required) {
  auto text = string(key, required, 10);
  if (!text) return std::nullopt;
  auto d = core::parse_date(*text);
  if (!d) {
    fail(key, "must be a date YYYY-MM-DD");
    return std::nullopt;
  }
  return d;
}

std::optional<std::string> FieldReader::zone(std::string_view key, bool required) {
  auto text = string(key, required, core::kMaxZoneNameLength);
  if (!text) return std::nullopt;
  if (!core::Zone::find(*text)) {
    fail(key, "must be an IANA time zone, e.g. Europe/London");
    return std::nullopt;
  }
  return text;
}

const json::object* FieldReader::object(std::string_view key, bool required) {
  const json::value* v = present(key);
  if (!v) {
    if (required) fail(key, "is required");
    return nullptr;
  }
  if (!v->is_object()) {
    fail(key, "must be an object");
    return nullptr;
  }
  return &v->as_object();
}

const json::array* FieldReader::array(std::string_view key, bool required, std::size_t max_items) {
  const json::value* v = present(key);
  if (!v) {
    if (required) fail(key, "is required");
    return nullptr;
  }
  if (!v->is_array()) {
    fail(key, "must be an array");
    return nullptr;
  }
  if (v->as_array().size() > max_items) {
    fail(key, "must have at most " + std::to_string(max_items) + " items");
    return nullptr;
  }
  return &v->as_array();
}

// ---- responses ----------------------------------------------------------------

Response invalid_fields(const std::vector<core::FieldError>& errors) {
  return problem_from(core::Error::invalid_fields(errors));
}

Response json_response(int status, const json::value& body) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = json::serialize(body);
  return r;
}

// ---- domain -> JSON -------------------------------------------------------------

namespace {

json::array ids_to_json(const std::vector<core::Id>& ids) {
  json::array a;
  for (const auto& id : ids) a.emplace_back(id);
  return a;
}

json::array ranges_json(const std::vector<core::TimeRange>& ranges) {
  json::array out;
  for (const auto& r : ranges) {
    out.push_back(json::object{{"start", core::format_time_of_day(r.start)}, {"end", core::format_time_of_day(r.end)}});
  }
  return out;
}

}  // namespace

json::object to_json(const core::Business& b) {
  json::array offsets;
  for (int m : b.rules.reminder_offsets_minutes) offsets.emplace_back(m);
  return json::object{{"id", b.id},
                      {"slug", b.slug},
                      {"name", b.name},
                      {"timeZone", b.zone},
                      {"rules", json::object{{"cancelCutoffHours", b.rules.cancel_cutoff_hours},
                                             {"rescheduleCutoffHours", b.rules.reschedule_cutoff_hours},
                                             {"reminderOffsetsMinutes", std::move(offsets)}}}};
}

json::object to_json(const core::Provider& p, bool with_schedule) {
  json::object o{{"id", p.id}, {"name", p.name}, {"timeZone", p.zone}};
  if (p.user_id) {
    o["userId"] = *p.user_id;
  } else {
    o["userId"] = nullptr;
  }
  if (with_schedule) {
    o["weekly"] = weekly_to_json(p.weekly);
    json::array overrides;
    for (const auto& ov : p.overrides) {
      overrides.push_back(json::object{{"id", ov.id},
                                       {"date", core::format_date(ov.date)},
                                       {"closed", ov.ranges.empty()},
                                       {"ranges", ranges_json(ov.ranges)}});
    }
    o["overrides"] = std::move(overrides);
    const core::Zone zone = core::zone_or_utc(p.zone);
    json::array time_off;
    for (const auto& t : p.time_off) {
      time_off.push_back(json::object{{"id", t.id},
                                      {"start", core::format_rfc3339(t.span.begin, zone)},
                                      {"end", core::format_rfc3339(t.span.end, zone)},
                                      {"reason", t.reason}});
    }
    o["timeOff"] = std::move(time_off);
  }
  return o;
}

json::object to_json_public(const core::Provider& p) {
  return json::object{{"id", p.id}, {"name", p.name}, {"timeZone", p.zone}};
}

json::object to_json(const core::Service& s) {
  json::array questions;
  for (const auto& q : s.questions) {
    json::array choices;
    for (const auto& c : q.choices) choices.emplace_back(c);
    questions.push_back(json::object{{"key", q.key},
                                     {"label", q.label},
                                     {"kind", wire::name(q.kind)},
                                     {"required", q.required},
                                     {"choices", std::move(choices)}});
  }
  return json::object{{"id", s.id},
                      {"name", s.name},
                      {"durationMinutes", s.duration_minutes},
                      {"bufferBeforeMinutes", s.buffer_before_minutes},
                      {"bufferAfterMinutes", s.buffer_after_minutes},
                      {"minNoticeMinutes", s.min_notice_minutes},
                      {"bookingWindowDays", s.booking_window_days},
                      {"slotIntervalMinutes", s.slot_interval_minutes},
                      {"maxPerDay", s.max_per_day},
                      {"roomOpenBeforeMinutes", s.room_open_before_minutes},
                      {"roomCloseAfterMinutes", s.room_close_after_minutes},
                      {"roomAutoAdmit", s.room_auto_admit},
                      {"providerIds", ids_to_json(s.provider_ids)},
                      {"questions", std::move(questions)}};
}

namespace {

json::object consumer_json(const core::Consumer& c) {
  return json::object{{"name", c.name}, {"email", c.email}, {"phone", c.phone}, {"timeZone", c.zone}};
}

json::object answers_json(const std::vector<core::Answer>& answers) {
  json::object o;
  for (const auto& a : answers) o[a.key] = a.value;
  return o;
}

}  // namespace

json::object to_json(const core::Booking& b, const core::Zone& display) {
  json::array history;
  for (const auto& h : b.history) {
    history.push_back(json::object{{"at", core::format_rfc3339(h.at, display)},
                                   {"action", h.action},
                                   {"actor", h.actor},
                                   {"fromStart", core::format_rfc3339(h.from.begin, display)},
                                   {"fromEnd", core::format_rfc3339(h.from.end, display)},
                                   {"toStart", core::format_rfc3339(h.to.begin, display)},
                                   {"toEnd", core::format_rfc3339(h.to.end, display)},
                                   {"reason", h.reason}});
  }
  return json::object{{"id", b.id},
                      {"businessId", b.business_id},
                      {"serviceId", b.service_id},
                      {"providerId", b.provider_id},
                      {"status", wire::name(b.status)},
                      {"start", core::format_rfc3339(b.time.begin, display)},
                      {"end", core::format_rfc3339(b.time.end, display)},
                      {"consumer", consumer_json(b.consumer)},
                      {"answers", answers_json(b.answers)},
                      {"cancelReason", b.cancel_reason},
                      {"createdAt", core::format_rfc3339(b.created_at, display)},
                      {"history", std::move(history)}};
}

json::object consumer_booking_json(const core::Booking& b, const core::Service* service, const core::Provider* provider,
                                   const core::Zone& display) {
  json::object o{{"id", b.id},
                 {"status", wire::name(b.status)},
                 {"start", core::format_rfc3339(b.time.begin, display)},
                 {"end", core::format_rfc3339(b.time.end, display)}};
  o["service"] = json::object{{"id", b.service_id}, {"name", service ? service->name : std::string()}};
  o["provider"] = json::object{{"id", b.provider_id}, {"name", provider ? provider->name : std::string()}};
  o["consumer"] = consumer_json(b.consumer);
  o["answers"] = answers_json(b.answers);
  if (b.status == core::BookingStatus::cancelled) o["cancelReason"] = b.cancel_reason;
  return o;
}

json::object to_json(const core::User& u) { return json::object{{"id", u.id}, {"email", u.email}, {"name", u.name}}; }

json::object to_json(const core::AuditEntry& e) {
  return json::object{{"id", e.id},         {"at", core::format_rfc3339_utc(e.at)},
                      {"actor", e.actor},   {"action", e.action},
                      {"target", e.target}, {"detail", e.detail}};
}

json::array weekly_to_json(const core::WeeklyHours& w) {
  json::array out;
  for (std::size_t day = 0; day < w.size(); ++day) {
    for (const auto& r : w[day]) {
      out.push_back(json::object{{"weekday", int(day) + 1},
                                 {"start", core::format_time_of_day(r.start)},
                                 {"end", core::format_time_of_day(r.end)}});
    }
  }
  return out;
}

// ---- JSON -> domain -------------------------------------------------------------

namespace {

// The start and end of one {start,end} object (read through the item's reader, which names
// fields "<item>.start"/"<item>.end").
std::optional<core::TimeRange> range_from_json(FieldReader& r) {
  auto start = r.string("start", true, 5);
  auto end = r.string("end", true, 5);
  // -1 marks "missing or malformed" (already reported).
  core::MinuteOfDay s = -1, e = -1;
  if (start) {
    s = core::parse_time_of_day(*start).value_or(-1);
    if (s < 0 || s >= 1440) {
      r.fail("start", "must be a time HH:MM from 00:00 to 23:59");
      s = -1;
    }
  }
  if (end) {
    e = core::parse_time_of_day(*end).value_or(-1);
    if (e <= 0) {
      r.fail("end", "must be a time HH:MM from 00:01 to 24:00");
      e = -1;
    }
  }
  if (s < 0 || e < 0) return std::nullopt;
  if (e <= s) {
    r.fail("end", "must be after start");
    return std::nullopt;
  }
  return core::TimeRange{s, e};
}

// Sorted by start; overlaps reported on the later range.
bool sort_and_check(std::vector<std::pair<core::TimeRange, std::string>>& ranges,
                    std::vector<core::FieldError>& errors) {
  std::sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) { return a.first.start < b.first.start; });
  bool ok = true;
  for (std::size_t k = 1; k < ranges.size(); ++k) {
    if (ranges[k].first.start < ranges[k - 1].first.end) {
      errors.push_back({ranges[k].second, "overlaps another range"});
      ok = false;
    }
  }
  return ok;
}

}  // namespace

std::optional<core::WeeklyHours> weekly_from_json(const json::value& v, std::vector<core::FieldError>& errors,
                                                  const std::string& field) {
  const json::array* arr = v.if_array();
  if (!arr) {
    errors.push_back({field, "must be an array of {weekday, start, end}"});
    return std::nullopt;
  }
  if (arr->size() > 7 * core::kMaxRangesPerDay) {
    errors.push_back({field, "must have at most " + std::to_string(7 * core::kMaxRangesPerDay) + " ranges"});
    return std::nullopt;
  }
  const std::size_t before = errors.size();
  std::array<std::vector<std::pair<core::TimeRange, std::string>>, 7> days;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    const json::object* obj = (*arr)[i].if_object();
    if (!obj) {
      errors.push_back({item, "must be an object"});
      continue;
    }
    FieldReader r(*obj, errors, item + ".");
    auto weekday = r.integer("weekday", true, 1, 7);
    auto range = range_from_json(r);
    r.refuse_unknown_keys();
    if (weekday && range) days[std::size_t(*weekday - 1)].push_back({*range, item});
  }
  core::WeeklyHours weekly;
  for (std::size_t d = 0; d < 7; ++d) {
    if (days[d].size() > core::kMaxRangesPerDay) {
      errors.push_back({field, "at most " + std::to_string(core::kMaxRangesPerDay) + " ranges per weekday"});
      continue;
    }
    sort_and_check(days[d], errors);
    for (const auto& [range, name] : days[d]) weekly[d].push_back(range);
  }
  if (errors.size() != before) return std::nullopt;
  return weekly;
}

std::optional<std::vector<core::TimeRange>> ranges_from_json(const json::value& v,
                                                             std::vector<core::FieldError>& errors,
                                                             const std::string& field) {
  const json::array* arr = v.if_array();
  if (!arr) {
    errors.push_back({field, "must be an array of {start, end}"});
    return std::nullopt;
  }
  if (arr->size() > core::kMaxRangesPerDay) {
    errors.push_back({field, "must have at most " + std::to_string(core::kMaxRangesPerDay) + " ranges"});
    return std::nullopt;
  }
  const std::size_t before = errors.size();
  std::vector<std::pair<core::TimeRange, std::string>> ranges;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    const json::object* obj = (*arr)[i].if_object();
    if (!obj) {
      errors.push_back({item, "must be an object"});
      continue;
    }
    FieldReader r(*obj, errors, item + ".");
    auto range = range_from_json(r);
    r.refuse_unknown_keys();
    if (range) ranges.push_back({*range, item});
  }
  sort_and_check(ranges, errors);
  if (errors.size() != before) return std::nullopt;
  std::vector<core::TimeRange> out;
  out.reserve(ranges.size());
  for (const auto& [range, name] : ranges) out.push_back(range);
  return out;
}

}  // namespace visitd::http
