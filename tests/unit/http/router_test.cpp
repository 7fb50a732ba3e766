#include "http/router.hpp"

#include <gtest/gtest.h>

namespace visitd::http {
namespace {

Handler answer(std::string body) {
  return [body = std::move(body)](Request&) {
    Response r;
    r.body = body;
    return r;
  };
}

std::string call(const Router::Match& m) {
  Request req;
  return (*m.handler)(req).body;
}

TEST(Router, MatchesLiteralPathAndMethod) {
  Router r;
  r.add("GET", "/healthz", answer("ok"));
  auto m = r.match("GET", "/healthz");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(call(m), "ok");
  EXPECT_EQ(m.pattern, "/healthz");
}

TEST(Router, ExtractsNamedParameters) {
  Router r;
  r.add("GET", "/api/v1/businesses/{businessId}/providers/{providerId}", answer("p"));
  auto m = r.match("GET", "/api/v1/businesses/biz_1/providers/prv 2");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ(m.params.at("businessId"), "biz_1");
  EXPECT_EQ(m.params.at("providerId"), "prv 2");
  EXPECT_EQ(m.pattern, "/api/v1/businesses/{businessId}/providers/{providerId}");
}

TEST(Router, RequiresExactSegmentCount) {
  Router r;
  r.add("GET", "/x/{id}", answer("x"));
  EXPECT_EQ(r.match("GET", "/x").handler, nullptr);
  EXPECT_EQ(r.match("GET", "/x/1/2").handler, nullptr);
  EXPECT_FALSE(r.match("GET", "/x/1/2").path_known);
}

TEST(Router, ParameterNeverMatchesEmptySegment) {
  Router r;
  r.add("GET", "/x/{id}", answer("x"));
  EXPECT_EQ(r.match("GET", "/x/").handler, nullptr);
  EXPECT_EQ(r.match("GET", "//").handler, nullptr);
}

TEST(Router, PrefersLiteralSegmentOverParameterRegardlessOfOrder) {
  Router r;
  r.add("GET", "/x/{id}", answer("param"));
  r.add("GET", "/x/special", answer("literal"));
  EXPECT_EQ(call(r.match("GET", "/x/special")), "literal");
  EXPECT_EQ(call(r.match("GET", "/x/other")), "param");
  EXPECT_EQ(r.match("GET", "/x/special").pattern, "/x/special");

  Router reversed;
  reversed.add("GET", "/x/special", answer("literal"));
  reversed.add("GET", "/x/{id}", answer("param"));
  EXPECT_EQ(call(reversed.match("GET", "/x/special")), "literal");
}

TEST(Router, EarlierLiteralWinsOverLaterLiteral) {
  Router r;
  r.add("GET", "/{a}/b", answer("param-first"));
  r.add("GET", "/a/{b}", answer("literal-first"));
  EXPECT_EQ(call(r.match("GET", "/a/b")), "literal-first");
}

TEST(Router, KnownPathWithWrongMethodReportsAllowedMethods) {
  Router r;
  r.add("GET", "/api/v1/items/{id}", answer("get"));
  r.add("DELETE", "/api/v1/items/{id}", answer("delete"));
  auto m = r.match("POST", "/api/v1/items/7");
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_EQ(m.pattern, "/api/v1/items/{id}");
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"DELETE", "GET"}));
}

TEST(Router, UnknownPathIsNeitherMatchedNorKnown) {
  Router r;
  r.add("GET", "/a", answer("a"));
  auto m = r.match("GET", "/b");
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_FALSE(m.path_known);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(Router, MethodSpecificRouteFallsBackToParameterRouteForOtherMethods) {
  Router r;
  r.add("POST", "/x/special", answer("special-post"));
  r.add("GET", "/x/{id}", answer("get-by-id"));
  EXPECT_EQ(call(r.match("GET", "/x/special")), "get-by-id");
  EXPECT_EQ(call(r.match("POST", "/x/special")), "special-post");
}

TEST(Router, ListsRoutesInRegistrationOrder) {
  Router r;
  r.add("GET", "/a", answer(""));
  r.add("POST", "/b/{id}", answer(""));
  auto routes = r.routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].method, "GET");
  EXPECT_EQ(routes[0].pattern, "/a");
  EXPECT_EQ(routes[1].method, "POST");
  EXPECT_EQ(routes[1].pattern, "/b/{id}");
}

TEST(Router, RefusesDuplicateRegistration) {
  Router r;
  r.add("GET", "/a", answer(""));
  EXPECT_THROW(r.add("GET", "/a", answer("")), std::logic_error);
  EXPECT_NO_THROW(r.add("POST", "/a", answer("")));
}

}  // namespace
}  // namespace visitd::http
