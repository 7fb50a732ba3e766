#include "http/problem.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace visitd::http {

namespace {

constexpr std::string_view kTypeBase = "https://visitd.dev/problems/";

struct Mapping {
  int status;
  std::string_view slug;
  std::string_view title;
};

Mapping mapping_for(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::invalid:
      return {400, "invalid-request", "Invalid request"};
    case core::ErrorCode::not_found:
      return {404, "not-found", "Not found"};
    case core::ErrorCode::conflict:
      return {409, "conflict", "Conflict"};
    case core::ErrorCode::forbidden:
      return {403, "forbidden", "Forbidden"};
    case core::ErrorCode::unauthorized:
      return {401, "unauthorized", "Unauthorized"};
    case core::ErrorCode::gone:
      return {410, "gone", "Gone"};
    case core::ErrorCode::policy:
      return {409, "policy", "Not allowed"};
    case core::ErrorCode::rate_limited:
      return {429, "rate-limited", "Too many requests"};
    case core::ErrorCode::unavailable:
      return {503, "unavailable", "Service unavailable"};
    case core::ErrorCode::too_large:
      return {413, "too-large", "Payload too large"};
    case core::ErrorCode::unsupported_media_type:
      return {415, "unsupported-media-type", "Unsupported media type"};
    case core::ErrorCode::method_not_allowed:
      return {405, "method-not-allowed", "Method not allowed"};
    case core::ErrorCode::internal:
      break;
  }
  return {500, "internal", "Internal error"};
}

}  // namespace

Response problem(int status, std::string_view type_slug, std::string_view title, std::string_view detail,
                 const std::vector<core::FieldError>& fields) {
  boost::json::object body;
  std::string type(kTypeBase);
  type += type_slug;
  body["type"] = type;
  body["title"] = title;
  body["status"] = status;
  body["detail"] = detail;
  boost::json::array errors;
  for (const auto& f : fields) errors.push_back(boost::json::object{{"field", f.field}, {"message", f.message}});
  body["errors"] = std::move(errors);

  Response res;
  res.status = status;
  res.content_type = "application/problem+json";
  res.body = boost::json::serialize(body);
  if (status == 401) res.with_header("WWW-Authenticate", "Bearer realm=\"visitd\"");
  return res;
}

Response problem_from(const core::Error& e) {
  const Mapping m = mapping_for(e.code);
  if (e.code == core::ErrorCode::internal) {
    // The detail may describe storage internals: keep it in the log, not on the wire.
    spdlog::error("internal error: {}", e.detail);
    return problem(m.status, m.slug, m.title, "internal error");
  }
  Response res = problem(m.status, m.slug, m.title, e.detail, e.fields);
  // RFC 9110 §10.2.3: delay-seconds; a refusal that knows when to come back says so.
  if (e.retry_after) res.with_header("Retry-After", std::to_string(std::max<long long>(1, e.retry_after->count())));
  return res;
}

Response bad_request(std::string field, std::string message) {
  std::vector<core::FieldError> fields{core::FieldError{std::move(field), std::move(message)}};
  return problem(400, "invalid-request", "Invalid request", fields.front().message, fields);
}

}  // namespace visitd::http
