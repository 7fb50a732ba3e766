#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

namespace visitd::http {
namespace {

namespace json = boost::json;

std::optional<std::string> header_of(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return std::nullopt;
}

TEST(Problem, HasRfc9457ShapeAndContentType) {
  core::Error e = core::Error::make(core::ErrorCode::conflict, "The slot was just taken.");
  e.fields.push_back({"start", "taken"});
  Response r = problem_from(e);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.content_type, "application/problem+json");
  json::object body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), "https://visitd.dev/problems/conflict");
  EXPECT_EQ(body.at("title").as_string(), "Conflict");
  EXPECT_EQ(body.at("status").as_int64(), 409);
  EXPECT_EQ(body.at("detail").as_string(), "The slot was just taken.");
  const json::array& errors = body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("field").as_string(), "start");
  EXPECT_EQ(errors[0].at("message").as_string(), "taken");
}

TEST(Problem, EscapesQuotesAndControlCharacters) {
  Response r = problem_from(core::Error::make(core::ErrorCode::invalid, "bad \"value\"\n\\ here"));
  json::object body = json::parse(r.body).as_object();  // throws if the escaping were wrong
  EXPECT_EQ(body.at("detail").as_string(), "bad \"value\"\n\\ here");
}

TEST(Problem, BadRequestNamesTheField) {
  Response r = bad_request("consumer.email", "must be an email address");
  EXPECT_EQ(r.status, 400);
  json::object body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), "https://visitd.dev/problems/invalid-request");
  EXPECT_EQ(body.at("errors").as_array().at(0).at("field").as_string(), "consumer.email");
}

struct Case {
  core::ErrorCode code;
  int status;
  const char* slug;
};

class ProblemFromError : public ::testing::TestWithParam<Case> {};

TEST_P(ProblemFromError, MapsCodeToStatusAndType) {
  const Case c = GetParam();
  Response r = problem_from(core::Error::make(c.code, "detail text"));
  EXPECT_EQ(r.status, c.status);
  json::object body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), std::string("https://visitd.dev/problems/") + c.slug);
  EXPECT_EQ(body.at("status").as_int64(), c.status);
  EXPECT_EQ(header_of(r, "WWW-Authenticate").has_value(), c.code == core::ErrorCode::unauthorized);
}

INSTANTIATE_TEST_SUITE_P(AllCodes, ProblemFromError,
                         ::testing::Values(Case{core::ErrorCode::invalid, 400, "invalid-request"},
                                           Case{core::ErrorCode::not_found, 404, "not-found"},
                                           Case{core::ErrorCode::conflict, 409, "conflict"},
                                           Case{core::ErrorCode::forbidden, 403, "forbidden"},
                                           Case{core::ErrorCode::unauthorized, 401, "unauthorized"},
                                           Case{core::ErrorCode::gone, 410, "gone"},
                                           Case{core::ErrorCode::policy, 409, "policy"},
                                           Case{core::ErrorCode::internal, 500, "internal"}),
                         // Test names read "AllCodes/ProblemFromError.MapsCodeToStatusAndType/not_found".
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name(info.param.slug);
                           for (auto& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(Problem, FieldErrorsOfInvalidAreListed) {
  core::Error e = core::Error::invalid("start", "needs an offset");
  e.fields.push_back({"end", "before start"});
  json::object body = json::parse(problem_from(e).body).as_object();
  const json::array& errors = body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1].at("field").as_string(), "end");
}

TEST(Problem, InternalErrorHidesTheDetail) {
  Response r = problem_from(core::Error::make(core::ErrorCode::internal, "sqlite: disk I/O error at /var/db"));
  EXPECT_EQ(r.body.find("sqlite"), std::string::npos);
  EXPECT_EQ(json::parse(r.body).at("detail").as_string(), "internal error");
}

// What the server answers before any handler runs comes from the same table.
TEST(Problem, TransportRefusalsComeFromTheTable) {
  struct Refusal {
    core::Error error;
    int status;
    const char* type;
  };
  const Refusal refusals[] = {
      {core::Error::typed(core::ErrorCode::too_large, "body-too-large", "body"), 413,
       "https://visitd.dev/problems/body-too-large"},
      {core::Error::typed(core::ErrorCode::too_large, "header-too-large", "header"), 431,
       "https://visitd.dev/problems/header-too-large"},
      {core::Error::typed(core::ErrorCode::invalid, "malformed-request", "not HTTP"), 400,
       "https://visitd.dev/problems/malformed-request"},
  };
  for (const auto& r : refusals) {
    Response res = problem_from(r.error);
    EXPECT_EQ(res.status, r.status) << r.type;
    EXPECT_EQ(json::parse(res.body).at("type").as_string(), r.type);
  }
}

TEST(Problem, MethodNotAllowedListsTheAllowedMethods) {
  core::Error e = core::Error::make(core::ErrorCode::method_not_allowed, "no");
  e.allow = {"GET", "HEAD", "POST"};
  Response r = problem_from(e);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(header_of(r, "Allow"), "GET, HEAD, POST");
}

}  // namespace
}  // namespace visitd::http
