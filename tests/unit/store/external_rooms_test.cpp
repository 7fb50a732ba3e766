// Contract: rooms for appointments booked elsewhere (store/external_rooms.hpp), on every backend.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class ExternalRooms : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    business_ = make_business().id;
  }

  NewExternalRoom request(std::optional<std::string> key = std::nullopt, std::string fingerprint = "f1") {
    NewExternalRoom r;
    r.business_id = business_;
    r.spec.window = span(kDay0 + 10 * kHour, kDay0 + 11 * kHour);
    r.spec.title = "Follow-up";
    r.spec.participants = {{"Grace", core::RoomRole::guest, "grace@example.test", std::nullopt, "crm-1"},
                           {"Dr Who", core::RoomRole::host, std::nullopt, std::nullopt, std::nullopt}};
    r.idempotency_key = std::move(key);
    r.request_fingerprint = std::move(fingerprint);
    r.key_since = at(clock_.load() - 86400);
    return r;
  }

  Id business_;
};

TEST_P(ExternalRooms, CreatedRoomReadsBackWithItsParticipantsInOrder) {
  auto created = store_->create_external_room(request(), staff_);
  ASSERT_TRUE(created.ok()) << created.error().detail;
  EXPECT_FALSE(created->replayed);
  auto room = store_->external_room(business_, created->room.id);
  ASSERT_TRUE(room.ok());
  EXPECT_EQ(room->title, "Follow-up");
  EXPECT_EQ(room->window, span(kDay0 + 10 * kHour, kDay0 + 11 * kHour));
  EXPECT_TRUE(room->lobby);
  EXPECT_FALSE(room->ended_at.has_value());
  ASSERT_EQ(room->participants.size(), 2u);
  EXPECT_EQ(room->participants[0].spec.display_name, "Grace");
  EXPECT_EQ(room->participants[0].spec.email, std::optional<std::string>("grace@example.test"));
  EXPECT_EQ(room->participants[0].spec.external_id, std::optional<std::string>("crm-1"));
  EXPECT_EQ(room->participants[1].spec.role, core::RoomRole::host);
  EXPECT_FALSE(room->participants[1].spec.email.has_value());
  auto p = store_->room_participant(room->participants[0].id);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->room_id, room->id);
}

TEST_P(ExternalRooms, AnotherBusinessCannotSeeTheRoom) {
  auto created = store_->create_external_room(request(), staff_);
  ASSERT_TRUE(created.ok());
  auto other = make_business("other");
  EXPECT_EQ(store_->external_room(other.id, created->room.id).error().code, core::ErrorCode::not_found);
  EXPECT_TRUE(store_->external_room_by_id(created->room.id).ok());
  EXPECT_EQ(store_->external_rooms(other.id, 0, 50).total, 0);
}

TEST_P(ExternalRooms, SameKeySameBodyReplaysAndAnotherBodyIsRefused) {
  auto first = store_->create_external_room(request("k1", "f1"), staff_);
  ASSERT_TRUE(first.ok());
  auto again = store_->create_external_room(request("k1", "f1"), staff_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->room.id, first->room.id);
  auto other = store_->create_external_room(request("k1", "f2"), staff_);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().type, "idempotency-key-reused");
  EXPECT_EQ(store_->external_rooms(business_, 0, 50).total, 1);
}

TEST_P(ExternalRooms, KeysAreForgottenAfterTheirDay) {
  auto first = store_->create_external_room(request("k1", "f1"), staff_);
  ASSERT_TRUE(first.ok());
  clock_ += 86400 + 60;
  auto later = store_->create_external_room(request("k1", "f2"), staff_);
  ASSERT_TRUE(later.ok()) << later.error().detail;
  EXPECT_FALSE(later->replayed);
  EXPECT_NE(later->room.id, first->room.id);
}

TEST_P(ExternalRooms, ListPagesByStart) {
  for (int i = 3; i >= 1; --i) {
    auto r = request();
    r.spec.window = span(kDay0 + i * kHour, kDay0 + (i + 1) * kHour);
    r.spec.title = "t" + std::to_string(i);
    ASSERT_TRUE(store_->create_external_room(r, staff_).ok());
  }
  auto page = store_->external_rooms(business_, 1, 1);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].title, "t2");
}

TEST_P(ExternalRooms, WindowAndTitleChangeKeepParticipants) {
  auto created = store_->create_external_room(request(), staff_);
  ASSERT_TRUE(created.ok());
  const auto moved = span(kDay0 + 12 * kHour, kDay0 + 13 * kHour);
  auto updated = store_->update_external_room(business_, created->room.id, moved, std::nullopt, staff_);
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->window, moved);
  EXPECT_EQ(updated->title, "Follow-up");
  EXPECT_EQ(updated->participants.size(), 2u);
  EXPECT_EQ(updated->participants[0].id, created->room.participants[0].id);
}

TEST_P(ExternalRooms, RemovedParticipantIsMarkedAndRefusedByTheLobby) {
  auto created = store_->create_external_room(request(), staff_);
  ASSERT_TRUE(created.ok());
  const Id room = created->room.id;
  const Id grace = created->room.participants[0].id;
  auto removed = store_->remove_room_participant(business_, room, grace, staff_);
  ASSERT_TRUE(removed.ok()) << removed.error().detail;
  EXPECT_TRUE(removed->removed_at.has_value());
  auto decision = store_->room_decision(room, grace);
  ASSERT_TRUE(decision.has_value());
  EXPECT_EQ(decision->state, core::LobbyState::removed);
  EXPECT_EQ(store_->remove_room_participant(business_, room, grace, staff_).error().code, core::ErrorCode::not_found);
}

TEST_P(ExternalRooms, AddingStopsAtTheLimitAndAfterTheEnd) {
  auto r = request();
  r.spec.participants.assign(core::kMaxRoomParticipants, {"P", core::RoomRole::guest, {}, {}, {}});
  auto created = store_->create_external_room(r, staff_);
  ASSERT_TRUE(created.ok());
  const Id room = created->room.id;
  auto full = store_->add_room_participant(business_, room, {"Q", core::RoomRole::guest, {}, {}, {}}, staff_);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().type, "room-full");
  ASSERT_TRUE(store_->remove_room_participant(business_, room, created->room.participants[0].id, staff_).ok());
  ASSERT_TRUE(store_->add_room_participant(business_, room, {"Q", core::RoomRole::guest, {}, {}, {}}, staff_).ok());
  ASSERT_TRUE(store_->end_room(room, "user:usr_test", at(kDay0)).ok());
  auto after = store_->add_room_participant(business_, room, {"R", core::RoomRole::guest, {}, {}, {}}, staff_);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().type, "room-ended");
  EXPECT_EQ(store_->update_external_room(business_, room, std::nullopt, std::string("x"), staff_).error().type,
            "room-ended");
}

TEST_P(ExternalRooms, RoomTablesServeAnExternalRoom) {
  auto created = store_->create_external_room(request(), staff_);
  ASSERT_TRUE(created.ok());
  const Id room = created->room.id;
  auto m = store_->append_chat(room, "rp_x", "Grace", "hello", at(kDay0));
  ASSERT_TRUE(m.ok()) << m.error().detail;
  EXPECT_EQ(m->seq, 1);
  ASSERT_TRUE(store_->end_room(room, "user:usr_test", at(kDay0)).ok());
  auto loaded = store_->external_room(business_, room);
  ASSERT_TRUE(loaded->ended_at.has_value());
  EXPECT_EQ(store_->append_chat("room_nope", "rp_x", "Grace", "hello", at(kDay0)).error().code,
            core::ErrorCode::not_found);
}

}  // namespace

VISITD_STORE_CONTRACT(ExternalRooms);

}  // namespace visitd::store::testing
