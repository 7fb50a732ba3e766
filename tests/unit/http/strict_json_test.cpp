// Strict JSON bodies (issue H): repeated keys and keys no reader asked about are refused by
// name; a route that takes no body refuses one.
#include <gtest/gtest.h>

#include "http/json_io.hpp"
#include "http/json_keys.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"

namespace visitd::http {
namespace {

Request json_request(std::string method, std::string body) {
  Request r;
  r.method = std::move(method);
  r.body = std::move(body);
  r.headers["content-type"] = "application/json";
  return r;
}

bool names(const std::vector<core::FieldError>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(), [&](const auto& e) { return e.field == field; });
}

TEST(DuplicateKeys, NamesTheRepeatedKeyWithItsPath) {
  EXPECT_EQ(first_duplicate_key(R"({"a":1,"a":2})", 32), "a");
  EXPECT_EQ(first_duplicate_key(R"({"consumer":{"name":"x","name":"y"}})", 32), "consumer.name");
  EXPECT_EQ(first_duplicate_key(R"({"weekly":[{"start":"09:00"},{"end":"1","end":"2"}]})", 32), "weekly[1].end");
  EXPECT_EQ(first_duplicate_key(R"({"x":[[1,2],{"k":1,"k":1}]})", 32), "x[1].k");
}

TEST(DuplicateKeys, SameKeyInSiblingObjectsIsNotARepeat) {
  EXPECT_EQ(first_duplicate_key(R"({"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}]})", 32), std::nullopt);
  EXPECT_EQ(first_duplicate_key(R"({"a":1})", 32), std::nullopt);
}

TEST(DuplicateKeys, ParseObjectRefusesThemAs400NamingTheKey) {
  auto obj = parse_object(json_request("POST", R"({"email":"a@b.c","email":"d@e.f"})"));
  ASSERT_FALSE(obj.ok());
  EXPECT_EQ(problem_from(obj.error()).status, 400);
  EXPECT_TRUE(names(obj.error().fields, "email"));
}

TEST(UnknownKeys, AKeyNoReaderAskedAboutIsNamed) {
  auto obj = parse_object(json_request("POST", R"({"name":"x","cancelCutoffHours":3,"rules":{"bogus":1}})"));
  ASSERT_TRUE(obj.ok());
  std::vector<core::FieldError> errors;
  FieldReader r(*obj, errors);
  (void)r.string("name", true, 100);
  if (const auto* rules = r.object("rules", false)) {
    FieldReader nested(*rules, errors, "rules.");
    (void)nested.integer("cancelCutoffHours", false, 0, 100);
    nested.refuse_unknown_keys();
  }
  r.refuse_unknown_keys();
  EXPECT_TRUE(names(errors, "cancelCutoffHours"));
  EXPECT_TRUE(names(errors, "rules.bogus"));
  EXPECT_FALSE(names(errors, "name"));
  EXPECT_FALSE(names(errors, "rules"));
  EXPECT_EQ(errors.size(), 2u);
}

TEST(UnknownKeys, KeysAskedByHasOrFailAreKnownAndNullsToo) {
  auto obj = parse_object(json_request("POST", R"({"providerId":null,"start":"bad"})"));
  ASSERT_TRUE(obj.ok());
  std::vector<core::FieldError> errors;
  FieldReader r(*obj, errors);
  EXPECT_FALSE(r.has("providerId"));
  r.fail("start", "bad");
  r.refuse_unknown_keys();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "start");
}

TEST(RouteBodies, TheRouteTableSaysWhatEachRouteTakes) {
  Router router;
  router.add("POST", "/x/complete", [](Request&) { return Response{}; }, Runs::on_worker, Body::none);
  router.add("POST", "/x/book", [](Request&) { return Response{}; });
  router.add("PUT", "/x/logo", [](Request&) { return Response{}; }, Runs::on_worker, Body::other);
  router.add("DELETE", "/x/book", [](Request&) { return Response{}; });
  auto routes = router.routes();
  EXPECT_EQ(routes[0].body, Body::none);
  EXPECT_EQ(routes[1].body, Body::json);
  EXPECT_EQ(routes[2].body, Body::other);
  EXPECT_EQ(routes[3].body, Body::none);
}

}  // namespace
}  // namespace visitd::http
