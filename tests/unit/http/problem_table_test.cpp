// The one table from core::Error to problem+json: every code, the typed rows, the headers
// built from the error's values, and extension members rendered without re-parsing.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "http/problem.hpp"

namespace visitd::http {
namespace {

namespace json = boost::json;

std::optional<std::string> header_of(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return std::nullopt;
}

struct Row {
  core::ErrorCode code;
  const char* type;  // "" = none
  int status;
  const char* slug;
  const char* title;
};

constexpr Row kExpected[] = {
    {core::ErrorCode::invalid, "", 400, "invalid-request", "Invalid request"},
    {core::ErrorCode::not_found, "", 404, "not-found", "Not found"},
    {core::ErrorCode::conflict, "", 409, "conflict", "Conflict"},
    {core::ErrorCode::forbidden, "", 403, "forbidden", "Forbidden"},
    {core::ErrorCode::unauthorized, "", 401, "unauthorized", "Unauthorized"},
    {core::ErrorCode::gone, "", 410, "gone", "Gone"},
    {core::ErrorCode::policy, "", 409, "policy", "Not allowed"},
    {core::ErrorCode::rate_limited, "", 429, "rate-limited", "Too many requests"},
    {core::ErrorCode::unavailable, "", 503, "unavailable", "Service unavailable"},
    {core::ErrorCode::too_large, "", 413, "too-large", "Payload too large"},
    {core::ErrorCode::unsupported_media_type, "", 415, "unsupported-media-type", "Unsupported media type"},
    {core::ErrorCode::method_not_allowed, "", 405, "method-not-allowed", "Method not allowed"},
    {core::ErrorCode::internal, "", 500, "internal", "Internal error"},
    // Typed rows: a more precise type, sometimes its own status.
    {core::ErrorCode::invalid, "idempotency-key-reused", 422, "idempotency-key-reused", "Idempotency-Key reused"},
    {core::ErrorCode::invalid, "upgrade-required", 426, "upgrade-required", "Upgrade required"},
    {core::ErrorCode::gone, "link-expired", 410, "link-expired", "Link expired"},
    {core::ErrorCode::gone, "link-revoked", 410, "link-revoked", "Link replaced"},
    {core::ErrorCode::gone, "booking-cancelled", 410, "booking-cancelled", "Appointment cancelled"},
    {core::ErrorCode::gone, "invitation-used", 410, "invitation-used", "Invitation already accepted"},
    {core::ErrorCode::gone, "invitation-revoked", 410, "invitation-revoked", "Invitation withdrawn"},
    {core::ErrorCode::gone, "invitation-expired", 410, "invitation-expired", "Invitation expired"},
    {core::ErrorCode::forbidden, "room-too-early", 403, "room-too-early", "Too early"},
    {core::ErrorCode::forbidden, "room-too-late", 403, "room-too-late", "Too late"},
    {core::ErrorCode::forbidden, "room-denied", 403, "room-denied", "Denied"},
    {core::ErrorCode::forbidden, "room-ended", 403, "room-ended", "Ended"},
    {core::ErrorCode::forbidden, "room-not-invited", 403, "room-not-invited", "Not invited"},
    {core::ErrorCode::forbidden, "bad-signature", 403, "bad-signature", "Forbidden"},  // no row: the code's
    {core::ErrorCode::unavailable, "live-unavailable", 503, "live-unavailable", "Rooms unavailable"},
    {core::ErrorCode::unavailable, "not-ready", 503, "not-ready", "Not ready"},
    {core::ErrorCode::too_large, "header-too-large", 431, "header-too-large", "Request header fields too large"},
};

TEST(ProblemTable, EveryCodeAndTypedRowMapsToStatusTypeAndTitle) {
  for (const auto& row : kExpected) {
    core::Error e = core::Error::make(row.code, "detail text");
    e.type = row.type;
    const Response r = problem_from(e);
    SCOPED_TRACE(std::string(row.slug));
    EXPECT_EQ(r.status, row.status);
    EXPECT_EQ(r.content_type, "application/problem+json");
    json::object body = json::parse(r.body).as_object();
    EXPECT_EQ(body.at("type").as_string(), std::string("https://visitd.dev/problems/") + row.slug);
    EXPECT_EQ(body.at("title").as_string(), row.title);
    EXPECT_EQ(body.at("status").as_int64(), row.status);
    EXPECT_EQ(header_of(r, "WWW-Authenticate").has_value(), row.status == 401);
    EXPECT_EQ(header_of(r, "Upgrade").value_or(""), row.status == 426 ? "websocket" : "");
    EXPECT_FALSE(header_of(r, "Retry-After").has_value());
    const ProblemShape shape = problem_shape(e);
    EXPECT_EQ(shape.status, row.status);
    EXPECT_EQ(shape.title, row.title);
  }
}

TEST(ProblemTable, RetryAfterAllowAndLocationComeFromTheError) {
  core::Error limited = core::Error::make(core::ErrorCode::rate_limited, "slow down");
  limited.retry_after = std::chrono::seconds(7);
  EXPECT_EQ(header_of(problem_from(limited), "Retry-After"), "7");

  core::Error method = core::Error::make(core::ErrorCode::method_not_allowed, "no");
  method.allow = {"GET", "POST"};
  EXPECT_EQ(header_of(problem_from(method), "Allow"), "GET, POST");

  core::Error moved = core::Error::make(core::ErrorCode::conflict, "exists");
  moved.location = "/api/v1/things/1";
  EXPECT_EQ(header_of(problem_from(moved), "Location"), "/api/v1/things/1");
}

TEST(ProblemTable, ExtensionMembersAreRenderedInOrderWithInstantsInTheDisplayZone) {
  const core::Instant t = *core::parse_rfc3339("2026-07-01T09:00:00Z");
  core::Error e = core::Error::make(core::ErrorCode::conflict, "taken");
  e.with("nearest", core::ExtensionList{core::ExtensionMembers{
                        {"start", t}, {"providerIds", core::ExtensionList{"prv_1"}}, {"count", std::int64_t{2}}}});
  e.with("retry", true);

  json::object utc = json::parse(problem_from(e).body).as_object();
  EXPECT_EQ(utc.at("nearest").at(0).at("start").as_string(), "2026-07-01T09:00:00Z");
  EXPECT_EQ(utc.at("nearest").at(0).at("providerIds").at(0).as_string(), "prv_1");
  EXPECT_EQ(utc.at("nearest").at(0).at("count").as_int64(), 2);
  EXPECT_TRUE(utc.at("retry").as_bool());

  json::object london = json::parse(problem_from(e, *core::Zone::find("Europe/London")).body).as_object();
  EXPECT_EQ(london.at("nearest").at(0).at("start").as_string(), "2026-07-01T10:00:00+01:00");
}

TEST(ProblemTable, InternalErrorsShowNoDetailAndNoExtensions) {
  core::Error e = core::Error::make(core::ErrorCode::internal, "sqlite: disk I/O error");
  e.with("path", "/var/db");
  json::object body = json::parse(problem_from(e).body).as_object();
  EXPECT_EQ(body.at("detail").as_string(), "internal error");
  EXPECT_FALSE(body.contains("path"));
}

}  // namespace
}  // namespace visitd::http
