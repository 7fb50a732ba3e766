// The allowlist of sites that may frame a business's booking pages (issue I, embeds).
#include <gtest/gtest.h>

#include "core/embed_policy.hpp"

namespace visitd::core {
namespace {

std::vector<std::string> fields_of(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

TEST(EmbedPolicy, CanonicalisesCaseDefaultPortTrailingSlashAndDuplicates) {
  auto got = normalize_embed_origins(
      {"HTTPS://Clinic.Example.COM/", "https://clinic.example.com:443", "https://127.0.0.1:8443", "https://a-b.io"});
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, (std::vector<std::string>{"https://clinic.example.com", "https://127.0.0.1:8443", "https://a-b.io"}));
}

TEST(EmbedPolicy, RefusesAnythingButABareHttpsOriginNamingEachEntry) {
  auto got = normalize_embed_origins({"https://ok.example", "http://clinic.example", "https://clinic.example/book",
                                      "https://*.example.com", "https://user@clinic.example", "https://x.example:0",
                                      "https://x.example:99999"});
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::invalid);
  EXPECT_EQ(fields_of(got.error()), (std::vector<std::string>{"origins[1]", "origins[2]", "origins[3]", "origins[4]",
                                                              "origins[5]", "origins[6]"}));
  auto more = normalize_embed_origins({"https://-bad.example", "clinic.example", "https://x.example?q",
                                       "https://x.example#f", "https://x..example", "", "https://ok.example"});
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(fields_of(more.error()), (std::vector<std::string>{"origins[0]", "origins[1]", "origins[2]", "origins[3]",
                                                               "origins[4]", "origins[5]"}));
}

TEST(EmbedPolicy, RefusesMoreThanTheBoundAndOverlongEntries) {
  std::vector<std::string> many;
  for (std::size_t i = 0; i <= kMaxEmbedOrigins; ++i) many.push_back("https://s" + std::to_string(i) + ".example");
  auto got = normalize_embed_origins(many);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(fields_of(got.error()), std::vector<std::string>{"origins"});
  many.pop_back();
  EXPECT_TRUE(normalize_embed_origins(many).ok());
  auto longer = normalize_embed_origins({"https://" + std::string(kMaxEmbedOriginLength, 'a') + ".example"});
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(fields_of(longer.error()), std::vector<std::string>{"origins[0]"});
}

TEST(EmbedPolicy, FrameAncestorsIsNoneUntilSitesAreListed) {
  EXPECT_EQ(frame_ancestors({}), "'none'");
  EXPECT_EQ(frame_ancestors({"https://a.example", "https://b.example:8443"}),
            "https://a.example https://b.example:8443");
}

}  // namespace
}  // namespace visitd::core
