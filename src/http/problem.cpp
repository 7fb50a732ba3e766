#include "http/problem.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace visitd::http {

namespace {

namespace json = boost::json;
using core::ErrorCode;

constexpr std::string_view kTypeBase = "https://visitd.dev/problems/";

struct Row {
  ErrorCode code;
  std::string_view type;  // the error's type slug; empty = the code's default row
  int status;
  std::string_view slug;  // for the default row: the type used when the error has none
  std::string_view title;
};

// The one table. A row with a type wins over its code's default row; an error with a type
// that has no row of its own keeps its type under the default row's status and title.
constexpr Row kRows[] = {
    {ErrorCode::invalid, "", 400, "invalid-request", "Invalid request"},
    {ErrorCode::invalid, "idempotency-key-reused", 422, "", "Idempotency-Key reused"},
    {ErrorCode::invalid, "malformed-request", 400, "", "Malformed request"},
    {ErrorCode::invalid, "upgrade-required", 426, "", "Upgrade required"},
    {ErrorCode::not_found, "", 404, "not-found", "Not found"},
    {ErrorCode::conflict, "", 409, "conflict", "Conflict"},
    {ErrorCode::forbidden, "", 403, "forbidden", "Forbidden"},
    {ErrorCode::forbidden, "room-too-early", 403, "", "Too early"},
    {ErrorCode::forbidden, "room-too-late", 403, "", "Too late"},
    {ErrorCode::forbidden, "room-denied", 403, "", "Denied"},
    {ErrorCode::forbidden, "room-ended", 403, "", "Ended"},
    {ErrorCode::forbidden, "room-not-invited", 403, "", "Not invited"},
    {ErrorCode::unauthorized, "", 401, "unauthorized", "Unauthorized"},
    {ErrorCode::gone, "", 410, "gone", "Gone"},
    {ErrorCode::gone, "link-expired", 410, "", "Link expired"},
    {ErrorCode::gone, "link-revoked", 410, "", "Link replaced"},
    {ErrorCode::gone, "booking-cancelled", 410, "", "Appointment cancelled"},
    {ErrorCode::gone, "invitation-used", 410, "", "Invitation already accepted"},
    {ErrorCode::gone, "invitation-revoked", 410, "", "Invitation withdrawn"},
    {ErrorCode::gone, "invitation-expired", 410, "", "Invitation expired"},
    {ErrorCode::policy, "", 409, "policy", "Not allowed"},
    {ErrorCode::rate_limited, "", 429, "rate-limited", "Too many requests"},
    {ErrorCode::unavailable, "", 503, "unavailable", "Service unavailable"},
    {ErrorCode::unavailable, "live-unavailable", 503, "", "Rooms unavailable"},
    {ErrorCode::unavailable, "not-ready", 503, "", "Not ready"},
    {ErrorCode::too_large, "", 413, "too-large", "Payload too large"},
    {ErrorCode::too_large, "header-too-large", 431, "", "Request header fields too large"},
    {ErrorCode::unsupported_media_type, "", 415, "unsupported-media-type", "Unsupported media type"},
    {ErrorCode::method_not_allowed, "", 405, "method-not-allowed", "Method not allowed"},
    {ErrorCode::internal, "", 500, "internal", "Internal error"},
    // Rooms booked elsewhere (issue I).
    {ErrorCode::gone, "room-ended", 410, "", "Meeting ended"},
    {ErrorCode::gone, "participant-removed", 410, "", "Removed from the meeting"},
    {ErrorCode::conflict, "room-full", 409, "", "Room full"},
};

const Row& default_row(ErrorCode code) {
  for (const auto& r : kRows)
    if (r.code == code && r.type.empty()) return r;
  return kRows[std::size(kRows) - 1];  // internal
}

const Row& row_for(const core::Error& e) {
  if (!e.type.empty()) {
    for (const auto& r : kRows)
      if (r.code == e.code && r.type == e.type) return r;
  }
  return default_row(e.code);
}

json::value to_json(const core::ExtensionValue& v, const core::Zone* display) {
  return std::visit(
      [display](const auto& x) -> json::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return json::string(x);
        } else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, bool>) {
          return json::value(x);
        } else if constexpr (std::is_same_v<T, core::ExtensionInstant>) {
          return json::string(display ? core::format_rfc3339(x, *display) : core::format_rfc3339_utc(x));
        } else if constexpr (std::is_same_v<T, core::ExtensionList>) {
          json::array a;
          for (const auto& item : x) a.push_back(to_json(item, display));
          return a;
        } else {
          json::object o;
          for (const auto& [k, item] : x) o[k] = to_json(item, display);
          return o;
        }
      },
      v.v);
}

Response render(int status, std::string_view type_uri, std::string_view title, std::string_view detail,
                const std::vector<core::FieldError>& fields, const core::ExtensionMembers& extensions,
                const core::Zone* display) {
  json::object body;
  body["type"] = type_uri;
  body["title"] = title;
  body["status"] = status;
  body["detail"] = detail;
  json::array errors;
  for (const auto& f : fields) errors.push_back(json::object{{"field", f.field}, {"message", f.message}});
  body["errors"] = std::move(errors);
  for (const auto& [name, value] : extensions) body[name] = to_json(value, display);

  Response res;
  res.status = status;
  res.content_type = "application/problem+json";
  res.body = json::serialize(body);
  return res;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& m : items) out += (out.empty() ? "" : ", ") + m;
  return out;
}

Response answer(const core::Error& e, const core::Zone* display) {
  const ProblemShape shape = problem_shape(e);
  Response res;
  if (e.code == ErrorCode::internal) {
    // The detail may describe storage internals: keep it in the log, not on the wire.
    spdlog::error("internal error: {}", e.detail);
    res = render(shape.status, shape.type, shape.title, "internal error", {}, {}, nullptr);
  } else {
    res = render(shape.status, shape.type, shape.title, e.detail, e.fields, e.extensions, display);
  }
  for (const auto& [name, value] : shape.headers) res.with_header(name, value);
  if (e.retry_after) res.with_header("Retry-After", std::to_string(e.retry_after->count()));
  if (!e.allow.empty()) res.with_header("Allow", join(e.allow));
  if (e.location) res.with_header("Location", *e.location);
  return res;
}

}  // namespace

ProblemShape problem_shape(const core::Error& e) {
  const Row& row = row_for(e);
  ProblemShape shape;
  shape.status = row.status;
  shape.type = std::string(kTypeBase);
  shape.type += !e.type.empty() ? std::string_view(e.type) : default_row(e.code).slug;
  shape.title = row.title;
  if (row.status == 401) shape.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"visitd\"");
  if (row.status == 426) shape.headers.emplace_back("Upgrade", "websocket");
  return shape;
}

Response problem_from(const core::Error& e) { return answer(e, nullptr); }

Response problem_from(const core::Error& e, const core::Zone& display) { return answer(e, &display); }

Response bad_request(std::string field, std::string message) {
  return problem_from(core::Error::invalid(std::move(field), std::move(message)));
}

}  // namespace visitd::http
