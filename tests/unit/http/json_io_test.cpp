#include "http/json_io.hpp"
#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

namespace visitd::http {
namespace {

namespace json = boost::json;

Request json_request(std::string body, std::string content_type = "application/json") {
  Request r;
  r.method = "POST";
  r.body = std::move(body);
  if (!content_type.empty()) r.headers["content-type"] = std::move(content_type);
  return r;
}

bool names(const std::vector<core::FieldError>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(), [&](const auto& e) { return e.field == field; });
}

TEST(ParseObject, AcceptsJsonWithCharset) {
  auto obj = parse_object(json_request(R"({"a":1})", "application/json; charset=utf-8"));
  ASSERT_TRUE(obj.ok());
  EXPECT_EQ(obj->at("a").as_int64(), 1);
}

TEST(ParseObject, EmptyBodyIsABadRequest) {
  auto obj = parse_object(json_request("  "));
  ASSERT_FALSE(obj.ok());
  EXPECT_EQ(obj.error().code, core::ErrorCode::invalid);
  EXPECT_NE(obj.error().detail.find("body required"), std::string::npos);
}

TEST(ParseObject, WrongContentTypeAnswers415) {
  auto obj = parse_object(json_request(R"({"a":1})", "text/plain"));
  ASSERT_FALSE(obj.ok());
  EXPECT_EQ(problem_from(obj.error()).status, 415);
  auto missing = parse_object(json_request(R"({"a":1})", ""));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(problem_from(missing.error()).status, 415);
}

TEST(ParseObject, MalformedJsonSaysWhere) {
  auto obj = parse_object(json_request("{\n  \"a\": 1,\n  oops\n}"));
  ASSERT_FALSE(obj.ok());
  EXPECT_NE(obj.error().detail.find("line 3"), std::string::npos) << obj.error().detail;
  EXPECT_TRUE(obj.error().fields.empty());
  EXPECT_EQ(problem_from(obj.error()).status, 400);
}

TEST(ParseObject, TruncatedAndTrailingInputAreRejected) {
  EXPECT_FALSE(parse_object(json_request(R"({"a":)")).ok());
  EXPECT_FALSE(parse_object(json_request(R"({"a":1} x)")).ok());
}

TEST(ParseObject, ArrayIsNotAnObject) { EXPECT_FALSE(parse_object(json_request("[1,2]")).ok()); }

TEST(ParseObject, DeepNestingIsRefused) {
  std::string deep = "{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_FALSE(parse_object(json_request(deep)).ok());
}

TEST(FieldReader, CollectsEveryBadFieldWithPrefix) {
  auto obj = json::parse(R"({"name": 5, "count": 99, "when": "2026-03-08T09:00:00", "zone": "Mars/Base",
                             "day": "2026-02-30", "flag": "yes"})")
                 .as_object();
  std::vector<core::FieldError> errors;
  FieldReader r(obj, errors, "consumer.");
  EXPECT_FALSE(r.string("name", true, 10));
  EXPECT_FALSE(r.integer("count", true, 0, 10));
  EXPECT_FALSE(r.instant("when", true));
  EXPECT_FALSE(r.zone("zone", true));
  EXPECT_FALSE(r.date("day", true));
  EXPECT_FALSE(r.boolean("flag", true));
  EXPECT_FALSE(r.string("missing", true, 10));
  EXPECT_FALSE(r.string("optional", false, 10));
  EXPECT_EQ(errors.size(), 7u);
  for (const char* f : {"consumer.name", "consumer.count", "consumer.when", "consumer.zone", "consumer.day",
                        "consumer.flag", "consumer.missing"}) {
    EXPECT_TRUE(names(errors, f)) << f;
  }
}

TEST(FieldReader, ReadsGoodValues) {
  auto obj = json::parse(R"({"name": "Ada", "count": 3, "whole": 4.0, "when": "2026-03-08T09:00:00-04:00",
                             "zone": "America/New_York", "day": "2026-03-08", "flag": false, "nothing": null})")
                 .as_object();
  std::vector<core::FieldError> errors;
  FieldReader r(obj, errors);
  EXPECT_EQ(r.string("name", true, 10), "Ada");
  EXPECT_EQ(r.integer("count", true, 0, 10), 3);
  EXPECT_EQ(r.integer("whole", true, 0, 10), 4);
  EXPECT_EQ(r.instant("when", true), core::parse_rfc3339("2026-03-08T13:00:00Z"));
  EXPECT_EQ(r.zone("zone", true), "America/New_York");
  EXPECT_TRUE(r.date("day", true));
  EXPECT_EQ(r.boolean("flag", true), false);
  EXPECT_FALSE(r.has("nothing"));  // null reads as absent
  EXPECT_FALSE(r.string("nothing", false, 10));
  EXPECT_TRUE(errors.empty());
}

TEST(FieldReader, RejectsOverlongStringAndBlankRequiredString) {
  auto obj = json::parse(R"({"a": "abcdef", "b": "   "})").as_object();
  std::vector<core::FieldError> errors;
  FieldReader r(obj, errors);
  EXPECT_FALSE(r.string("a", false, 5));
  EXPECT_FALSE(r.string("b", true, 5));
  EXPECT_EQ(errors.size(), 2u);
}

TEST(WeeklyFromJson, SortsRangesPerWeekdayAndRoundTrips) {
  auto v = json::parse(R"([{"weekday":1,"start":"13:00","end":"17:00"},{"weekday":1,"start":"09:00","end":"12:00"},
                           {"weekday":7,"start":"00:00","end":"24:00"}])");
  std::vector<core::FieldError> errors;
  auto weekly = weekly_from_json(v, errors, "weekly");
  ASSERT_TRUE(weekly) << (errors.empty() ? "" : errors.front().field + " " + errors.front().message);
  ASSERT_EQ((*weekly)[0].size(), 2u);
  EXPECT_EQ((*weekly)[0][0].start, 9 * 60);
  EXPECT_EQ((*weekly)[6][0].end, 1440);
  auto back = weekly_to_json(*weekly);
  EXPECT_EQ(back.size(), 3u);
  EXPECT_EQ(back[0].as_object().at("start").as_string(), "09:00");
  EXPECT_EQ(back[2].as_object().at("weekday").as_int64(), 7);
}

TEST(WeeklyFromJson, NamesEachBadItem) {
  auto v = json::parse(R"([{"weekday":8,"start":"09:00","end":"10:00"},{"weekday":2,"start":"11:00","end":"10:00"},
                           {"weekday":3,"start":"09:00","end":"12:00"},{"weekday":3,"start":"11:00","end":"13:00"},
                           "x"])");
  std::vector<core::FieldError> errors;
  EXPECT_FALSE(weekly_from_json(v, errors, "weekly"));
  EXPECT_TRUE(names(errors, "weekly[0].weekday"));
  EXPECT_TRUE(names(errors, "weekly[1].end"));
  EXPECT_TRUE(names(errors, "weekly[3]"));  // overlaps weekly[2]
  EXPECT_TRUE(names(errors, "weekly[4]"));
}

TEST(RangesFromJson, RejectsStartAtMidnightEnd) {
  std::vector<core::FieldError> errors;
  EXPECT_FALSE(ranges_from_json(json::parse(R"([{"start":"24:00","end":"24:00"}])"), errors, "ranges"));
  EXPECT_TRUE(names(errors, "ranges[0].start"));
}

TEST(InvalidFields, ListsEveryFieldInProblemJson) {
  Response r = invalid_fields({{"start", "is required"}, {"consumer.email", "is not an email"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/problem+json");
  auto body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("errors").as_array().size(), 2u);
  EXPECT_EQ(body.at("errors").as_array()[1].as_object().at("field").as_string(), "consumer.email");
}

TEST(BookingJson, ConsumerViewUsesDisplayZoneAndHidesInternals) {
  core::Booking b;
  b.id = "bk_1";
  b.business_id = "biz_1";
  b.service_id = "svc_1";
  b.provider_id = "prv_1";
  b.time = {*core::parse_rfc3339("2026-07-01T09:00:00Z"), *core::parse_rfc3339("2026-07-01T09:30:00Z")};
  b.consumer = {"Ada", "ada@example.com", "", "Europe/London"};
  b.answers = {{"reason", "checkup"}};
  core::Service s;
  s.name = "Consultation";
  auto zone = *core::Zone::find("Europe/London");
  auto o = consumer_booking_json(b, &s, nullptr, zone);
  EXPECT_EQ(o.at("start").as_string(), "2026-07-01T10:00:00+01:00");
  EXPECT_EQ(o.at("service").as_object().at("name").as_string(), "Consultation");
  EXPECT_EQ(o.at("provider").as_object().at("id").as_string(), "prv_1");
  EXPECT_EQ(o.at("answers").as_object().at("reason").as_string(), "checkup");
  EXPECT_FALSE(o.contains("businessId"));
}

}  // namespace
}  // namespace visitd::http
