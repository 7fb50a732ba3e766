#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace visitd::http {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> header_of(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return std::nullopt;
}

class StaticFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("visitd-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    root_ = base_ / "dist";
    fs::create_directories(root_ / "assets");
    write(root_ / "index.html", "<!doctype html><title>visitd</title>");
    write(root_ / "assets" / "app-3f2a1b.js", "console.log(1)");
    write(root_ / "favicon.ico", "ico");
    write(root_ / "manifest.webmanifest", "{}");
    write(base_ / "secret.txt", "outside the root");
    write(root_ / ".env", "SECRET=1");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void write(const fs::path& p, const std::string& content) { std::ofstream(p, std::ios::binary) << content; }

  std::optional<Response> get(std::string path) {
    Request req;
    req.method = "GET";
    req.path = std::move(path);
    return serve_static(root_.string(), req);
  }

  fs::path base_, root_;
};

TEST_F(StaticFiles, ServesIndexAtRootWithCspAndNoCache) {
  auto r = get("/");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r->body, "<!doctype html><title>visitd</title>");
  EXPECT_EQ(header_of(*r, "Cache-Control"), "no-cache");
  auto csp = header_of(*r, "Content-Security-Policy");
  ASSERT_TRUE(csp.has_value());
  EXPECT_NE(csp->find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(csp->find("default-src 'self'"), std::string::npos);
}

TEST_F(StaticFiles, HashedAssetsAreImmutableWithTheirContentType) {
  auto r = get("/assets/app-3f2a1b.js");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "console.log(1)");
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header_of(*r, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_FALSE(header_of(*r, "Content-Security-Policy").has_value());
}

TEST_F(StaticFiles, OtherFilesMustRevalidate) {
  auto r = get("/favicon.ico");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->content_type, "image/x-icon");
  EXPECT_EQ(header_of(*r, "Cache-Control"), "no-cache");
  EXPECT_EQ(get("/manifest.webmanifest")->content_type, "application/manifest+json");
}

TEST_F(StaticFiles, RefusesTraversalOutOfTheRoot) {
  EXPECT_FALSE(get("/../secret.txt").has_value());
  EXPECT_FALSE(get("/assets/../../secret.txt").has_value());
  EXPECT_FALSE(get("/..").has_value());
  EXPECT_FALSE(get("/assets/..\\..\\secret.txt").has_value());
}

TEST_F(StaticFiles, RefusesSymlinkLeadingOutOfTheRoot) {
  fs::create_symlink(base_ / "secret.txt", root_ / "leak.txt");
  EXPECT_FALSE(get("/leak.txt").has_value());
}

TEST_F(StaticFiles, RefusesHiddenFiles) { EXPECT_FALSE(get("/.env").has_value()); }

TEST_F(StaticFiles, DirectoriesAreNotFiles) {
  fs::create_directories(root_ / "bundle.js");
  EXPECT_FALSE(get("/bundle.js").has_value());
}

TEST_F(StaticFiles, SpaFallbackServesIndexForClientRoutes) {
  for (const char* path : {"/staff/bookings", "/manage/eyJhYmMifQ.c2lnbmF0dXJl", "/join/abc.def-ghi", "/assets"}) {
    auto r = get(path);
    ASSERT_TRUE(r.has_value()) << path;
    EXPECT_EQ(r->content_type, "text/html; charset=utf-8") << path;
    EXPECT_EQ(header_of(*r, "Cache-Control"), "no-cache") << path;
  }
}

TEST_F(StaticFiles, MissingAssetsAreNotReplacedByTheAppShell) {
  EXPECT_FALSE(get("/missing.js").has_value());
  EXPECT_FALSE(get("/assets/app-000000.css").has_value());
  EXPECT_FALSE(get("/assets/chunk").has_value());
}

TEST_F(StaticFiles, NeverAnswersApiPaths) {
  EXPECT_FALSE(get("/api/v1/unknown").has_value());
  EXPECT_FALSE(get("/api").has_value());
}

TEST_F(StaticFiles, ServesThePrecompressedFormTheClientAccepts) {
  write(root_ / "assets" / "app-3f2a1b.js.br", "BROTLI");
  write(root_ / "assets" / "app-3f2a1b.js.gz", "GZIP");
  auto with = [&](std::string accept) {
    Request req;
    req.method = "GET";
    req.path = "/assets/app-3f2a1b.js";
    req.headers["accept-encoding"] = std::move(accept);
    return serve_static(root_.string(), req);
  };
  auto br = with("gzip, deflate, br");
  ASSERT_TRUE(br.has_value());
  EXPECT_EQ(br->body, "BROTLI");
  EXPECT_EQ(header_of(*br, "Content-Encoding"), "br");
  EXPECT_EQ(header_of(*br, "Vary"), "Accept-Encoding");
  EXPECT_EQ(br->content_type, "text/javascript; charset=utf-8");
  auto gz = with("gzip");
  EXPECT_EQ(gz->body, "GZIP");
  EXPECT_EQ(header_of(*gz, "Content-Encoding"), "gzip");
  auto refused = with("br;q=0, gzip;q=0.5");
  EXPECT_EQ(refused->body, "GZIP");
  auto none = with("identity");
  EXPECT_EQ(none->body, "console.log(1)");
  EXPECT_FALSE(header_of(*none, "Content-Encoding").has_value());
  EXPECT_EQ(header_of(*none, "Vary"), "Accept-Encoding");
}

TEST_F(StaticFiles, WithoutAPrecompressedFileServesTheFileItself) {
  Request req;
  req.method = "GET";
  req.path = "/";
  req.headers["accept-encoding"] = "br, gzip";
  auto r = serve_static(root_.string(), req);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "<!doctype html><title>visitd</title>");
  EXPECT_FALSE(header_of(*r, "Content-Encoding").has_value());
}

TEST(AcceptEncoding, FollowsRfc9110Weights) {
  EXPECT_TRUE(accepts_encoding("gzip, deflate, br", "br"));
  EXPECT_TRUE(accepts_encoding("GZIP", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip; q=0.000", "gzip"));
  EXPECT_TRUE(accepts_encoding("gzip;q=0.1", "gzip"));
  EXPECT_TRUE(accepts_encoding("*", "br"));
  EXPECT_FALSE(accepts_encoding("*, br;q=0", "br"));
  EXPECT_FALSE(accepts_encoding("", "gzip"));
  EXPECT_FALSE(accepts_encoding("identity", "gzip"));
}

TEST(StaticContentType, KnowsTheBundleTypes) {
  EXPECT_EQ(content_type_for("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("a.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("a.png"), "image/png");
  EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("a.js.map"), "application/json");
  EXPECT_EQ(content_type_for("a.json"), "application/json");
  EXPECT_EQ(content_type_for("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_for("INDEX.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("blob.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace visitd::http
