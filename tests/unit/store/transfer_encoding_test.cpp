// The pieces migrate-data's verification and copy rest on: the canonical row rendering and
// table checksum (store/transfer/row_digest) and PostgreSQL's COPY text escaping
// (store/transfer/copy_text).
#include <gtest/gtest.h>

#include "store/transfer/copy_text.hpp"
#include "store/transfer/row_digest.hpp"

namespace visitd::store::transfer {
namespace {

std::string checksum(const std::vector<RowValues>& rows) {
  TableDigest d;
  for (const auto& r : rows) d.add_row(r);
  return d.hex();
}

TEST(RowDigest, NullEmptyAndLookalikeTextRenderDifferently) {
  EXPECT_NE(canonical_row({std::nullopt}), canonical_row({std::string_view("")}));
  EXPECT_NE(canonical_row({std::nullopt}), canonical_row({std::string_view("N")}));
  // Field boundaries are part of the rendering: ("a","bc") is not ("ab","c").
  EXPECT_NE(canonical_row({std::string_view("a"), std::string_view("bc")}),
            canonical_row({std::string_view("ab"), std::string_view("c")}));
  EXPECT_NE(canonical_row({std::string_view("1:V")}), canonical_row({std::string_view("1"), std::string_view("V")}));
}

TEST(RowDigest, TableChecksumIgnoresRowOrderButNotValuesOrRepeats) {
  const RowValues a{std::string_view("bk_1"), std::string_view("42"), std::nullopt};
  const RowValues b{std::string_view("bk_2"), std::string_view("7"), std::string_view("x")};
  const RowValues b_changed{std::string_view("bk_2"), std::string_view("8"), std::string_view("x")};
  EXPECT_EQ(checksum({a, b}), checksum({b, a}));
  EXPECT_NE(checksum({a, b}), checksum({a, b_changed}));
  EXPECT_NE(checksum({a, b}), checksum({a, b, b}));
  EXPECT_NE(checksum({}), checksum({a}));
  EXPECT_EQ(64u, checksum({a}).size());
  // SHA-256 of no row digests at all: the digest of the empty string.
  EXPECT_EQ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", checksum({}));
}

TEST(CopyText, EscapesWhatWouldEndAFieldARowOrTheData) {
  std::string out;
  append_copy_row(out, {std::string_view("a\tb"), std::nullopt, std::string_view("line\nnext\r"),
                        std::string_view("back\\slash \\N"), std::string_view("")});
  EXPECT_EQ("a\\tb\t\\N\tline\\nnext\\r\tback\\\\slash \\\\N\t\n", out);
}

TEST(CopyText, PassesUtf8Through) {
  std::string out;
  append_copy_row(out, {std::string_view("Zoë – 診察")});
  EXPECT_EQ("Zoë – 診察\n", out);
}

}  // namespace
}  // namespace visitd::store::transfer
