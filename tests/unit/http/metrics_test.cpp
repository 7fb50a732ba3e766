#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace visitd::http {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (l == line) return true;
  }
  return false;
}

TEST(Metrics, CountsRequestsByMethodRouteAndStatus) {
  Metrics m;
  m.observe_request("GET", "/api/v1/me", 200, 0.002);
  m.observe_request("GET", "/api/v1/me", 200, 0.002);
  m.observe_request("POST", "/api/v1/auth/login", 401, 0.01);
  const std::string text = m.render();
  EXPECT_TRUE(has_line(text, "# TYPE visitd_http_requests_total counter"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_requests_total{method="GET",route="/api/v1/me",status="200"} 2)"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_requests_total{method="POST",route="/api/v1/auth/login",status="401"} 1)"));
}

TEST(Metrics, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  Metrics m;
  m.observe_request("GET", "/r", 200, 0.0009765625);  // 2^-10 <= 0.001 (exact in binary)
  m.observe_request("GET", "/r", 200, 0.00390625);    // 2^-8, in (0.0025, 0.005]
  m.observe_request("GET", "/r", 200, 7.0);           // beyond every finite bucket
  const std::string text = m.render();
  EXPECT_TRUE(has_line(text, "# TYPE visitd_http_request_duration_seconds histogram"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_request_duration_seconds_bucket{route="/r",le="0.001"} 1)"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_request_duration_seconds_bucket{route="/r",le="0.0025"} 1)"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_request_duration_seconds_bucket{route="/r",le="0.005"} 2)"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_request_duration_seconds_bucket{route="/r",le="2.5"} 2)"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_request_duration_seconds_bucket{route="/r",le="+Inf"} 3)"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_request_duration_seconds_count{route="/r"} 3)"));
  EXPECT_TRUE(has_line(text, R"(visitd_http_request_duration_seconds_sum{route="/r"} 7.0048828125)"));
}

TEST(Metrics, ExposesBookingCounters) {
  Metrics m;
  m.booking_created();
  m.booking_created();
  m.booking_cancelled();
  m.booking_rescheduled();
  m.booking_conflict();
  m.rate_limited();
  const std::string text = m.render();
  EXPECT_TRUE(has_line(text, "# TYPE visitd_bookings_created_total counter"));
  EXPECT_TRUE(has_line(text, "visitd_bookings_created_total 2"));
  EXPECT_TRUE(has_line(text, "visitd_bookings_cancelled_total 1"));
  EXPECT_TRUE(has_line(text, "visitd_bookings_rescheduled_total 1"));
  EXPECT_TRUE(has_line(text, "visitd_booking_conflicts_total 1"));
  EXPECT_TRUE(has_line(text, "visitd_rate_limited_total 1"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics m;
  m.observe_request("GET", "a\"b\\c\nd", 200, 0.1);
  const std::string text = m.render();
  EXPECT_TRUE(has_line(text, R"(visitd_http_requests_total{method="GET",route="a\"b\\c\nd",status="200"} 1)"));
}

TEST(Metrics, EveryLineIsACommentOrASample) {
  Metrics m;
  m.observe_request("GET", "/r", 200, 0.1);
  std::istringstream in(m.render());
  for (std::string line; std::getline(in, line);) {
    ASSERT_FALSE(line.empty());
    if (line[0] == '#') continue;
    auto space = line.rfind(' ');
    ASSERT_NE(space, std::string::npos) << line;
    EXPECT_NO_THROW((void)std::stod(line.substr(space + 1))) << line;
  }
}

}  // namespace
}  // namespace visitd::http
