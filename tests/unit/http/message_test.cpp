#include "http/message.hpp"

#include <gtest/gtest.h>

namespace visitd::http {
namespace {

TEST(Request, FindsHeadersCaseInsensitively) {
  Request req;
  req.headers["x-csrf-token"] = "abc";
  EXPECT_EQ(req.header("x-csrf-token"), "abc");
  EXPECT_EQ(req.header("X-CSRF-Token"), "abc");
  EXPECT_FALSE(req.header("authorization").has_value());
}

TEST(Request, ReadsCookiesFromTheCookieHeader) {
  Request req;
  req.headers["cookie"] = "theme=dark; visitd_session=s3cr3t;lang=en ;  empty=";
  EXPECT_EQ(req.cookie("visitd_session"), "s3cr3t");
  EXPECT_EQ(req.cookie("theme"), "dark");
  EXPECT_EQ(req.cookie("lang"), "en");
  EXPECT_EQ(req.cookie("empty"), "");
  EXPECT_FALSE(req.cookie("visitd").has_value());
  EXPECT_FALSE(req.cookie("session").has_value());
}

TEST(Request, CookieValueMayContainEqualsAndQuotes) {
  Request req;
  req.headers["cookie"] = "a=b=c; q=\"quoted\"";
  EXPECT_EQ(req.cookie("a"), "b=c");
  EXPECT_EQ(req.cookie("q"), "quoted");
}

TEST(Request, NoCookieHeaderMeansNoCookie) {
  Request req;
  EXPECT_FALSE(req.cookie("visitd_session").has_value());
}

TEST(Request, QueryParamReturnsFirstValue) {
  Request req;
  req.query.emplace("from", "2026-03-01");
  req.query.emplace("providerId", "p1");
  req.query.emplace("providerId", "p2");
  EXPECT_EQ(req.query_param("from"), "2026-03-01");
  EXPECT_EQ(req.query_param("providerId"), "p1");
  EXPECT_FALSE(req.query_param("to").has_value());
}

}  // namespace
}  // namespace visitd::http
