// The request target as handlers see it (http/request_target): decoded path and query, and the
// targets the server refuses before routing.
#include <gtest/gtest.h>

#include "http/request_target.hpp"

namespace visitd::http {
namespace {

TEST(RequestTarget, DecodesThePathAndEveryQueryParameter) {
  Request req;
  ASSERT_FALSE(
      fill_target("/api/v1/public/businesses/caf%C3%A9/slots?from=2026-12-01&timeZone=Europe%2FBerlin&a=1&a=2", req));
  EXPECT_EQ(req.path, "/api/v1/public/businesses/café/slots");
  EXPECT_EQ(req.query_param("timeZone"), "Europe/Berlin");
  EXPECT_EQ(req.query.count("a"), 2u);
}

TEST(RequestTarget, RefusesAnEncodedSlashNulAndNonOriginForms) {
  for (const char* target : {"/api/v1/manage/a%2Fb", "/api/v1/manage/a%2fb", "/x%00y", "http://host/x", "*", "x"}) {
    Request req;
    auto bad = fill_target(target, req);
    ASSERT_TRUE(bad) << target;
    EXPECT_EQ(bad->status, 400) << target;
    EXPECT_NE(bad->body.find("\"target\""), std::string::npos) << target;
  }
}

}  // namespace
}  // namespace visitd::http
