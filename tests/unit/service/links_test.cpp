// Consumer links: issued for a booking, valid until its *current* end plus a grace, decided
// when used (J1: a reschedule moves both deadlines), revoked by a bumped capability version.
#include "service/links.hpp"

#include <gtest/gtest.h>

#include "service_fixture.hpp"

namespace visitd::service {
namespace {

using namespace std::chrono_literals;
using testing::at;

class LinksTest : public testing::ServiceTest {};

TEST_F(LinksTest, LinksExpireAfterTheAppointmentEnds) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  const BookingLinks links = use_->links.issue(*b);
  EXPECT_EQ(links.manage_url, "http://127.0.0.1:8080/manage/" + links.manage_token);
  EXPECT_EQ(links.join_url, "http://127.0.0.1:8080/join/" + links.join_token);
  const auto manage = core::LinkKind::manage;
  const auto join = core::LinkKind::join;
  clock_.set(b->time.end + 24h * 29);
  EXPECT_TRUE(use_->links.resolve(links.manage_token, manage).ok());
  clock_.set(b->time.end + 24h * 31);
  EXPECT_EQ(use_->links.resolve(links.manage_token, manage).error().code, core::ErrorCode::gone);
  clock_.set(b->time.end + 29min);
  EXPECT_TRUE(use_->links.resolve(links.join_token, join).ok());
  clock_.set(b->time.end + 31min);
  EXPECT_EQ(use_->links.resolve(links.join_token, join).error().code, core::ErrorCode::gone);
  EXPECT_EQ(use_->links.resolve(links.join_token, join).error().type, "link-expired");
  EXPECT_EQ(use_->links.resolve(links.join_token, manage).error().code, core::ErrorCode::not_found);
}

// J1, with the field report's values: book 2026-12-20T10:00Z (join link then ends 11:00Z
// that day), reschedule to 2027-02-20T10:00Z; at 2027-02-20T09:50Z the consumer's links work,
// and each ends at the new deadline. Since issue H those are the links the reschedule handed
// out: the ones sent before it are replaced (410 link-revoked).
TEST_F(LinksTest, ARescheduleMovesTheDeadlinesAndReplacesTheLinks) {
  const core::Service year = make_service(0, 365);
  clock_.set(at("2026-12-01T08:00:00Z"));
  auto b = book(at("2026-12-20T10:00:00Z"), provider_ids_[0], nullptr, &year);
  ASSERT_TRUE(b.ok()) << b.error().detail;
  const BookingLinks first = use_->links.issue(*b);

  auto moved = reschedule(*b, at("2027-02-20T10:00:00Z"), core::Actor::consumer);
  ASSERT_TRUE(moved.ok()) << moved.error().detail;
  for (const auto& [token, kind] : {std::pair{first.manage_token, core::LinkKind::manage},
                                    std::pair{first.join_token, core::LinkKind::join}}) {
    EXPECT_EQ(use_->links.resolve(token, kind).error().type, "link-revoked");
  }
  const BookingLinks fresh = use_->links.issue(*moved);

  // The old deadlines have passed...
  clock_.set(at("2027-02-20T09:50:00Z"));
  ASSERT_GT(clock_.now(), at("2026-12-20T11:00:00Z"));
  ASSERT_GT(clock_.now(), at("2027-01-19T10:30:00Z"));
  // ...but the links follow the booking.
  auto manage = use_->links.resolve(fresh.manage_token, core::LinkKind::manage);
  ASSERT_TRUE(manage.ok()) << manage.error().detail;
  EXPECT_EQ(manage->time.begin, at("2027-02-20T10:00:00Z"));
  auto join = use_->links.resolve(fresh.join_token, core::LinkKind::join);
  ASSERT_TRUE(join.ok()) << join.error().detail;

  // The new deadlines: join = end (10:30Z) + 30 min, manage = end + 30 days.
  clock_.set(at("2027-02-20T10:59:59Z"));
  EXPECT_TRUE(use_->links.resolve(fresh.join_token, core::LinkKind::join).ok());
  clock_.set(at("2027-02-20T11:00:00Z"));
  EXPECT_EQ(use_->links.resolve(fresh.join_token, core::LinkKind::join).error().code, core::ErrorCode::gone);
  clock_.set(at("2027-03-22T10:29:59Z"));
  EXPECT_TRUE(use_->links.resolve(fresh.manage_token, core::LinkKind::manage).ok());
  clock_.set(at("2027-03-22T10:30:00Z"));
  EXPECT_EQ(use_->links.resolve(fresh.manage_token, core::LinkKind::manage).error().code, core::ErrorCode::gone);
}

TEST_F(LinksTest, ALinkWithItsOwnCapEndsThereEvenIfTheBookingIsLater) {
  auto b = book(at("2026-03-10T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  const std::string capped =
      link_signer_.sign({core::LinkKind::manage, b->id, b->capability_version, at("2026-03-05T00:00:00Z")});
  EXPECT_TRUE(use_->links.resolve(capped, core::LinkKind::manage).ok());
  clock_.set(at("2026-03-05T00:00:00Z"));
  EXPECT_EQ(use_->links.resolve(capped, core::LinkKind::manage).error().type, "link-expired");
  // visitd's own links carry no cap.
  EXPECT_TRUE(use_->links.resolve(use_->links.issue(*b).manage_token, core::LinkKind::manage).ok());
}

TEST_F(LinksTest, MovingABookingEarlierShortensItsLinks) {
  auto b = book(at("2026-03-10T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  auto moved = reschedule(*b, at("2026-03-03T10:00:00Z"), core::Actor::staff);
  ASSERT_TRUE(moved.ok()) << moved.error().detail;
  const BookingLinks links = use_->links.issue(*moved);
  clock_.set(at("2026-03-03T11:00:00Z"));  // new end 10:30 + 30 min
  EXPECT_EQ(use_->links.resolve(links.join_token, core::LinkKind::join).error().type, "link-expired");
}

TEST_F(LinksTest, ForgedOrMalformedLinksAreNotFoundWithoutDetail) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  std::string token = use_->links.issue(*b).manage_token;
  token.back() = token.back() == 'A' ? 'B' : 'A';
  for (const std::string& t : {token, std::string(), std::string(600, 'a'), std::string("x.y")}) {
    auto r = use_->links.resolve(t, core::LinkKind::manage);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::not_found);
    EXPECT_EQ(r.error().detail, "this link is not valid");
  }
}

TEST_F(LinksTest, PublicUrlIsTheBaseWithoutATrailingSlash) {
  auto b = book(at("2026-03-03T10:00:00Z"), provider_ids_[0]);
  ASSERT_TRUE(b.ok());
  use_->links.set_public_url("https://book.example.test/");
  const BookingLinks links = use_->links.issue(*b);
  EXPECT_EQ(links.manage_url, "https://book.example.test/manage/" + links.manage_token);
}

}  // namespace
}  // namespace visitd::service
