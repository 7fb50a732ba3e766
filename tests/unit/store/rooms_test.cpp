#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace visitd::store::testing {
namespace {

class Rooms : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    auto b = make_business();
    auto p = make_provider(b.id);
    service_ = make_service(b.id, {p.id});
    auto booked = store_->create_booking(booking_request(service_, {p.id}, kDay0 + 10 * kHour), staff_);
    ASSERT_TRUE(booked.ok()) << booked.error().detail;
    room_ = booked->id;
  }
  core::Service service_;
  Id room_;
};

TEST_P(Rooms, FreshRoomIsOpenWithNoMessages) {
  auto r = store_->room(room_);
  EXPECT_EQ(r.last_seq, 0);
  EXPECT_FALSE(r.ended_at.has_value());
  EXPECT_TRUE(store_->chat_page(room_, 0, 50).empty());
}

TEST_P(Rooms, ServiceRoomSettingsPersistWithDefaults) {
  EXPECT_EQ(service_.room_open_before_minutes, 15);
  EXPECT_EQ(service_.room_close_after_minutes, 30);
  EXPECT_FALSE(service_.room_auto_admit);
  service_.room_open_before_minutes = 5;
  service_.room_close_after_minutes = 60;
  service_.room_auto_admit = true;
  auto updated = store_->update_service(service_, staff_);
  ASSERT_TRUE(updated.ok());
  auto loaded = store_->service(service_.business_id, service_.id);
  EXPECT_EQ(loaded->room_open_before_minutes, 5);
  EXPECT_EQ(loaded->room_close_after_minutes, 60);
  EXPECT_TRUE(loaded->room_auto_admit);
}

TEST_P(Rooms, ChatMessagesTakeIncreasingSeqsAndPageNewestFirst) {
  for (int i = 1; i <= 5; ++i) {
    auto m = store_->append_chat(room_, "guest-x", "Grace", "m" + std::to_string(i), at(kDay0));
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->seq, i);
  }
  auto page = store_->chat_page(room_, 0, 2);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].body, "m5");
  EXPECT_EQ(page[1].body, "m4");
  auto next = store_->chat_page(room_, page.back().seq, 10);
  ASSERT_EQ(next.size(), 3u);
  EXPECT_EQ(next[0].seq, 3);
  EXPECT_EQ(store_->room(room_).last_seq, 5);
}

TEST_P(Rooms, OnlyTheAuthorEditsAndHostsMayDelete) {
  auto m = store_->append_chat(room_, "guest-x", "Grace", "helo", at(kDay0));
  auto forbidden = store_->change_chat(room_, m->seq, "usr_host", true, std::string("hacked"), at(kDay0));
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().code, core::ErrorCode::forbidden);
  auto edited = store_->change_chat(room_, m->seq, "guest-x", false, std::string("hello"), at(kDay0 + 5));
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->body, "hello");
  EXPECT_EQ(edited->changed_seq, 2);
  auto deleted = store_->change_chat(room_, m->seq, "usr_host", true, std::nullopt, at(kDay0 + 9));
  ASSERT_TRUE(deleted.ok());
  EXPECT_TRUE(deleted->deleted_at.has_value());
  EXPECT_TRUE(deleted->body.empty());
  auto again = store_->change_chat(room_, m->seq, "guest-x", false, std::string("x"), at(kDay0));
  EXPECT_EQ(again.error().code, core::ErrorCode::gone);
}

TEST_P(Rooms, ReplaySinceASeqGivesNewMessagesAndChangesToOlderOnesInSeqOrder) {
  auto m1 = store_->append_chat(room_, "a", "A", "one", at(kDay0));                                  // 1
  auto m2 = store_->append_chat(room_, "a", "A", "two", at(kDay0));                                  // 2
  ASSERT_TRUE(store_->append_chat(room_, "b", "B", "three", at(kDay0)).ok());                        // 3
  ASSERT_TRUE(store_->change_chat(room_, m1->seq, "a", false, std::string("ONE"), at(kDay0)).ok());  // 4
  ASSERT_TRUE(store_->append_chat(room_, "b", "B", "five", at(kDay0)).ok());                         // 5
  ASSERT_TRUE(store_->change_chat(room_, m2->seq, "a", false, std::nullopt, at(kDay0)).ok());        // 6 (deletes 2)
  auto replay = store_->chat_since(room_, 1, 100);
  // 2 is new since 1 but deleted later: it replays at its own seq, already deleted.
  std::vector<std::int64_t> seqs;
  for (const auto& m : replay) seqs.push_back(m.seq);
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{2, 3, 1, 5}));
  EXPECT_TRUE(replay[0].deleted_at.has_value());
  EXPECT_EQ(replay[2].body, "ONE");
  EXPECT_TRUE(store_->chat_since(room_, 6, 100).empty());
}

TEST_P(Rooms, DeniedStaysDeniedAndAdmittedIsRemembered) {
  EXPECT_FALSE(store_->room_decision(room_, "guest-x").has_value());
  ASSERT_TRUE(store_->decide_participant(room_, "guest-x", core::LobbyState::admitted, "usr_h", at(kDay0)).ok());
  EXPECT_EQ(store_->room_decision(room_, "guest-x")->state, core::LobbyState::admitted);
  ASSERT_TRUE(store_->decide_participant(room_, "guest-x", core::LobbyState::removed, "usr_h", at(kDay0)).ok());
  ASSERT_TRUE(store_->decide_participant(room_, "guest-x", core::LobbyState::admitted, "usr_h", at(kDay0)).ok());
  EXPECT_EQ(store_->room_decision(room_, "guest-x")->state, core::LobbyState::removed);
}

TEST_P(Rooms, ReadReceiptOnlyRises) {
  ASSERT_TRUE(store_->decide_participant(room_, "g", core::LobbyState::admitted, "h", at(kDay0)).ok());
  ASSERT_TRUE(store_->mark_read(room_, "g", 7).ok());
  ASSERT_TRUE(store_->mark_read(room_, "g", 3).ok());
  EXPECT_EQ(store_->room_decision(room_, "g")->read_seq, 7);
}

TEST_P(Rooms, EndingKeepsTheFirstEnd) {
  auto first = store_->end_room(room_, "usr_a", at(kDay0 + 100));
  ASSERT_TRUE(first.ok());
  auto second = store_->end_room(room_, "usr_b", at(kDay0 + 200));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->ended_by, "usr_a");
  EXPECT_EQ(*store_->room(room_).ended_at, at(kDay0 + 100));
}

TEST_P(Rooms, UnknownRoomIsNotFound) {
  EXPECT_EQ(store_->append_chat("bk_nope", "a", "A", "x", at(kDay0)).error().code, core::ErrorCode::not_found);
  EXPECT_EQ(store_->end_room("bk_nope", "a", at(kDay0)).error().code, core::ErrorCode::not_found);
}

VISITD_STORE_CONTRACT(Rooms);

}  // namespace
}  // namespace visitd::store::testing
