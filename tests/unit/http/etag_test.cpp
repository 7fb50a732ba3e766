// Conditional GET for the calendar feed (issue I): RFC 9110's If-None-Match with weak comparison.
#include "http/etag.hpp"

#include <gtest/gtest.h>

namespace visitd::http {
namespace {

TEST(Etag, StrongTagIsTheSameForTheSameBytesOnly) {
  EXPECT_EQ(strong_etag("BEGIN:VCALENDAR"), strong_etag("BEGIN:VCALENDAR"));
  EXPECT_NE(strong_etag("BEGIN:VCALENDAR"), strong_etag("BEGIN:VCALENDAR "));
  EXPECT_EQ(strong_etag("x").front(), '"');
  EXPECT_EQ(strong_etag("x").back(), '"');
}

TEST(Etag, IfNoneMatchListsStarAndWeakTags) {
  const std::string tag = "\"abc\"";
  EXPECT_TRUE(if_none_match("\"abc\"", tag));
  EXPECT_TRUE(if_none_match("W/\"abc\"", tag));
  EXPECT_TRUE(if_none_match("\"x\", W/\"abc\"", tag));
  EXPECT_TRUE(if_none_match("*", tag));
  EXPECT_FALSE(if_none_match("\"abcd\"", tag));
  EXPECT_FALSE(if_none_match("abc", tag));
  EXPECT_FALSE(if_none_match("\"abc", tag));
  EXPECT_FALSE(if_none_match("", tag));
}

}  // namespace
}  // namespace visitd::http
