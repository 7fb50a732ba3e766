// The hub with fake connections, hand-fired timers and a real (temporary) SQLite store.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "../store/store_fixture.hpp"
#include "live/room_hub.hpp"
#include "live/turn.hpp"

namespace visitd::live {
namespace {

namespace json = boost::json;
using store::testing::at;
using store::testing::kDay0;
using store::testing::kHour;

struct FakePeer : Peer {
  std::vector<json::object> got;
  int closed_with = 0;
  void send(std::shared_ptr<const std::string> text) override { got.push_back(json::parse(*text).as_object()); }
  void close(int code, std::string) override {
    if (closed_with == 0) closed_with = code;
  }
  std::vector<std::string> types() const {
    std::vector<std::string> out;
    for (const auto& m : got) out.emplace_back(m.at("type").as_string());
    return out;
  }
  const json::object* last(std::string_view type) const {
    for (auto it = got.rbegin(); it != got.rend(); ++it) {
      if (it->at("type").as_string() == type) return &*it;
    }
    return nullptr;
  }
};

struct ManualTimers : Timers {
  std::vector<std::function<void()>> due;
  void after(std::chrono::milliseconds, std::function<void()> fn) override { due.push_back(std::move(fn)); }
  void fire_all() {
    auto now = std::move(due);
    due.clear();
    for (auto& f : now) f();
  }
};

class Hub : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto b = make_business();
    auto p = make_provider(b.id);
    auto s = make_service(b.id, {p.id});
    auto booked = store_->create_booking(booking_request(s, {p.id}, kDay0 + 10 * kHour), staff_);
    ASSERT_TRUE(booked.ok());
    room_ = booked->id;
    core::User u;
    u.email = "host@example.test";
    u.name = "Dr Host";
    host_id_ = store_->create_user(u, "").value().id;
    hub_ = std::make_unique<RoomHub>(
        *store_, signer_, bus_, timers_, metrics_, [this] { return now_; }, HubSettings{std::chrono::seconds(30)});
  }

  struct Conn {
    std::shared_ptr<FakePeer> peer;
    std::shared_ptr<Attachment> att;
  };

  Conn connect(const std::string& participant, core::RoomRole role, std::int64_t last_seq = -1) {
    Conn c{std::make_shared<FakePeer>(), nullptr};
    c.att = hub_->attach(c.peer);
    json::object auth{{"type", "auth"},
                      {"token", signer_.sign({room_, participant, role, now_ + std::chrono::minutes(5)})}};
    if (last_seq >= 0) auth["lastSeq"] = last_seq;
    hub_->on_text(*c.att, json::serialize(auth));
    return c;
  }
  Conn guest(std::int64_t last_seq = -1) {
    return connect(guest_participant_id(room_), core::RoomRole::guest, last_seq);
  }
  Conn host() { return connect(host_id_, core::RoomRole::host); }
  // A lobby-only watch connection (the provider's dashboard).
  Conn watcher(const std::string& participant, core::RoomRole role = core::RoomRole::host) {
    Conn c{std::make_shared<FakePeer>(), nullptr};
    c.att = hub_->attach(c.peer);
    json::object auth{{"type", "auth"},
                      {"watch", true},
                      {"token", signer_.sign({room_, participant, role, now_ + std::chrono::minutes(5)})}};
    hub_->on_text(*c.att, json::serialize(auth));
    return c;
  }
  std::string other_host(const std::string& email) {
    core::User u;
    u.email = email;
    u.name = "Dr Watch";
    return store_->create_user(u, "").value().id;
  }
  void say(Conn& c, json::object msg) { hub_->on_text(*c.att, json::serialize(msg)); }

  RoomTokenSigner signer_{"hub-test-secret-0123456789"};
  InProcessBus bus_;
  ManualTimers timers_;
  LiveMetrics metrics_;
  core::Instant now_ = at(kDay0 + 10 * kHour);  // the appointment's start
  std::unique_ptr<RoomHub> hub_;
  std::string room_;
  std::string host_id_;
};

TEST_F(Hub, GuestWaitsAndHostSeesIt) {
  auto h = host();
  auto g = guest();
  EXPECT_EQ(g.peer->last("welcome")->at("you").as_object().at("state").as_string(), "waiting");
  ASSERT_NE(h.peer->last("lobby.waiting"), nullptr);
  EXPECT_EQ(metrics_.rooms_open.load(), 1);
}

TEST_F(Hub, WaitingGuestGetsNoRoomTraffic) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "chat.send"}, {"text", "private note"}});
  EXPECT_EQ(g.peer->last("chat.message"), nullptr);
  say(g, {{"type", "signal.offer"}, {"to", host_id_}, {"sdp", "x"}});
  EXPECT_EQ(g.peer->last("error")->at("code").as_string(), "not-admitted");
  EXPECT_EQ(h.peer->last("signal.offer"), nullptr);
}

TEST_F(Hub, AdmittedGuestChatsAndSignalsWithTheHost) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  ASSERT_NE(g.peer->last("lobby.admitted"), nullptr);
  say(g, {{"type", "chat.send"}, {"text", "  hi  "}});
  ASSERT_NE(h.peer->last("chat.message"), nullptr);
  EXPECT_EQ(h.peer->last("chat.message")->at("text").as_string(), "hi");
  say(g, {{"type", "signal.offer"}, {"to", host_id_}, {"sdp", "v=0"}});
  EXPECT_EQ(h.peer->last("signal.offer")->at("from").as_string(), guest_participant_id(room_));
  EXPECT_EQ(g.peer->last("signal.offer"), nullptr);  // never echoed to the sender
}

TEST_F(Hub, OnlyHostsControlTheLobby) {
  auto h = host();
  auto g = guest();
  say(g, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  EXPECT_EQ(g.peer->last("error")->at("code").as_string(), "forbidden");
  say(g, {{"type", "room.end"}});
  EXPECT_EQ(g.peer->last("error")->at("code").as_string(), "forbidden");
}

TEST_F(Hub, DeniedGuestIsClosedAndStaysOut) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "lobby.deny"}, {"participantId", guest_participant_id(room_)}});
  EXPECT_NE(g.peer->last("lobby.denied"), nullptr);
  EXPECT_EQ(g.peer->closed_with, close_code::kDenied);
  auto again = guest();
  EXPECT_EQ(again.peer->closed_with, close_code::kDenied);
}

TEST_F(Hub, DroppedParticipantIsReconnectingUntilGraceExpires) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  hub_->on_closed(*g.att, false);
  EXPECT_EQ(h.peer->last("presence")->at("status").as_string(), "reconnecting");
  timers_.fire_all();
  EXPECT_EQ(h.peer->last("presence")->at("status").as_string(), "left");
}

TEST_F(Hub, ReconnectInGraceResumesWithMissedChatOnly) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  say(h, {{"type", "chat.send"}, {"text", "seen"}});
  hub_->on_closed(*g.att, false);
  say(h, {{"type", "chat.send"}, {"text", "missed 1"}});
  say(h, {{"type", "chat.send"}, {"text", "missed 2"}});
  auto back = guest(1);
  std::vector<std::string> texts;
  for (const auto& m : back.peer->got) {
    if (m.at("type").as_string() == "chat.message") texts.emplace_back(m.at("text").as_string());
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"missed 1", "missed 2"}));
  EXPECT_TRUE(back.peer->last("welcome")->at("resumed").as_bool());
  timers_.fire_all();  // the old grace timer must not evict the resumed participant
  EXPECT_EQ(h.peer->last("presence")->at("status").as_string(), "joined");
}

TEST_F(Hub, CleanCloseLeavesAtOnce) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  hub_->on_closed(*g.att, true);
  EXPECT_EQ(h.peer->last("presence")->at("status").as_string(), "left");
  EXPECT_TRUE(timers_.due.empty());
}

TEST_F(Hub, EndingTellsEveryoneAndClosesTheRoomForGood) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "room.end"}});
  EXPECT_NE(g.peer->last("room.ended"), nullptr);
  EXPECT_EQ(g.peer->closed_with, close_code::kEnded);
  EXPECT_EQ(h.peer->closed_with, close_code::kEnded);
  EXPECT_EQ(metrics_.rooms_open.load(), 0);
  auto late = host();
  EXPECT_EQ(late.peer->closed_with, close_code::kEnded);
}

TEST_F(Hub, RefusesOutsideTheWindowAndBadTokens) {
  now_ = at(kDay0 + 8 * kHour);  // two hours early; the window opens 15 minutes before
  EXPECT_EQ(host().peer->closed_with, close_code::kClosed);
  now_ = at(kDay0 + 10 * kHour);
  Conn c{std::make_shared<FakePeer>(), nullptr};
  c.att = hub_->attach(c.peer);
  hub_->on_text(*c.att, R"({"type":"auth","token":"forged.token"})");
  EXPECT_EQ(c.peer->closed_with, close_code::kAuthFailed);
  Conn first{std::make_shared<FakePeer>(), nullptr};
  first.att = hub_->attach(first.peer);
  hub_->on_text(*first.att, R"({"type":"chat.send","text":"no auth"})");
  EXPECT_EQ(first.peer->closed_with, close_code::kAuthFailed);
  EXPECT_EQ(metrics_.auth_failures.load(), 3);
}

TEST_F(Hub, MeshAdmitsAtMostFourToTheCall) {
  std::vector<Conn> hosts;
  for (int i = 0; i < core::kMaxCallParticipants; ++i) {
    core::User u;
    u.email = "h" + std::to_string(i) + "@example.test";
    u.name = "Host";
    hosts.push_back(connect(store_->create_user(u, "").value().id, core::RoomRole::host));
    EXPECT_EQ(hosts.back().peer->closed_with, 0);
  }
  auto g = guest();
  say(hosts[0], {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  EXPECT_EQ(hosts[0].peer->last("error")->at("code").as_string(), "room-full");
  EXPECT_EQ(host().peer->closed_with, close_code::kFull);
}

TEST_F(Hub, WatcherSeesTheLobbyAndAdmitsWithoutBeingInTheCall) {
  auto h = host();
  const std::string watcher_id = other_host("watch@example.test");
  auto w = watcher(watcher_id);
  ASSERT_EQ(w.peer->closed_with, 0);
  const auto* welcome = w.peer->last("welcome");
  ASSERT_NE(welcome, nullptr);
  EXPECT_TRUE(welcome->at("watching").as_bool());
  EXPECT_EQ(welcome->at("waiting").as_array().size(), 0u);
  EXPECT_EQ(h.peer->last("presence"), nullptr);  // the watcher is not announced

  auto g = guest();
  const auto* guest_welcome = g.peer->last("welcome");
  ASSERT_NE(guest_welcome, nullptr);
  ASSERT_NE(w.peer->last("lobby.waiting"), nullptr);
  say(w, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  const auto* admitted = g.peer->last("lobby.admitted");
  ASSERT_NE(admitted, nullptr);
  EXPECT_EQ(w.peer->last("lobby.decided")->at("by").as_string(), watcher_id);
  // Only the host in the call and the guest are in the call; the in-call host learns of the guest.
  EXPECT_EQ(admitted->at("participants").as_array().size(), 2u);
  for (const auto& p : admitted->at("participants").as_array()) {
    EXPECT_NE(p.as_object().at("id").as_string(), watcher_id);
  }
  ASSERT_NE(h.peer->last("presence"), nullptr);
  EXPECT_EQ(h.peer->last("presence")->at("participant").as_object().at("id").as_string(), guest_participant_id(room_));
  EXPECT_EQ(w.peer->last("presence"), nullptr);
}

TEST_F(Hub, HostCanWatchWhileInTheCallWithoutReplacingItself) {
  auto h = host();
  auto w = watcher(host_id_);
  EXPECT_EQ(h.peer->closed_with, 0);
  EXPECT_EQ(w.peer->closed_with, 0);
  auto g = guest();
  say(w, {{"type", "lobby.deny"}, {"participantId", guest_participant_id(room_)}});
  EXPECT_EQ(g.peer->closed_with, close_code::kDenied);
  EXPECT_EQ(h.peer->last("lobby.decided")->at("outcome").as_string(), "denied");
}

TEST_F(Hub, WatcherIsReadOnlyAndUnreachableForSignaling) {
  auto h = host();
  auto w = watcher(other_host("watch@example.test"));
  say(h, {{"type", "chat.send"}, {"text", "call notes"}});
  EXPECT_EQ(w.peer->last("chat.message"), nullptr);
  for (const char* type : {"chat.send", "room.end", "signal.offer", "participant.remove"}) {
    say(w, {{"type", type}, {"text", "x"}, {"to", host_id_}, {"sdp", "v=0"}});
    EXPECT_EQ(w.peer->last("error")->at("code").as_string(), "forbidden") << type;
  }
  EXPECT_EQ(h.peer->last("signal.offer"), nullptr);
  say(h, {{"type", "signal.offer"}, {"to", w.att->participant_id}, {"sdp", "v=0"}});
  EXPECT_EQ(h.peer->last("error")->at("code").as_string(), "not-found");
}

TEST_F(Hub, OnlyHostsMayWatch) {
  auto g = watcher(guest_participant_id(room_), core::RoomRole::guest);
  EXPECT_EQ(g.peer->closed_with, close_code::kAuthFailed);
}

TEST_F(Hub, WatcherKeepsTheRoomUntilItLeavesAndIsClosedWhenTheMeetingEnds) {
  auto w = watcher(host_id_);
  EXPECT_EQ(metrics_.rooms_open.load(), 1);
  auto g = guest();
  hub_->on_closed(*g.att, true);
  EXPECT_NE(w.peer->last("lobby.left"), nullptr);
  hub_->on_closed(*w.att, true);
  EXPECT_EQ(metrics_.rooms_open.load(), 0);

  auto w2 = watcher(host_id_);
  auto h = host();
  say(h, {{"type", "room.end"}});
  EXPECT_NE(w2.peer->last("room.ended"), nullptr);
  EXPECT_EQ(w2.peer->closed_with, close_code::kEnded);
  EXPECT_EQ(metrics_.rooms_open.load(), 0);
}

TEST(RoomToken, RoundTripsAndRefusesTamperingAndExpiry) {
  RoomTokenSigner signer("secret-0123456789abcdef");
  const auto now = at(kDay0);
  auto token = signer.sign({"bk_1", "guest-bk_1", core::RoomRole::guest, now + std::chrono::minutes(1)});
  auto claims = signer.verify(token, now);
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->room_id, "bk_1");
  EXPECT_EQ(claims->role, core::RoomRole::guest);
  EXPECT_EQ(signer.verify(token, now + std::chrono::minutes(1)).error().code, core::ErrorCode::gone);
  EXPECT_EQ(RoomTokenSigner("another-secret-0123456").verify(token, now).error().code, core::ErrorCode::unauthorized);
  token[3] = token[3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(signer.verify(token, now).ok());
}

TEST(Turn, PasswordIsBase64HmacSha1OfTheUsername) {
  // RFC 2202 test case 2: HMAC-SHA1("Jefe", "what do ya want for nothing?").
  EXPECT_EQ(turn_password("Jefe", "what do ya want for nothing?"), "7/zfauXrL6LSdBbV8YTfnCWafHk=");
}

TEST(Turn, IceServersCarryAnExpiringUsernameOnlyForTurnUrls) {
  TurnSettings t{"s3cret-0123456789", {"stun:stun.example:3478", "turn:turn.example:3478?transport=udp"}, 600, "r"};
  auto servers = ice_servers(t, "guest-bk_1", at(1000));
  ASSERT_EQ(servers.size(), 2u);
  EXPECT_TRUE(servers[0].username.empty());
  EXPECT_EQ(servers[1].username, "1600:guest-bk_1");
  EXPECT_EQ(servers[1].credential, turn_password(t.secret, "1600:guest-bk_1"));
  t.secret.clear();
  EXPECT_EQ(ice_servers(t, "p", at(0)).size(), 1u);  // TURN without a secret is left out
}

}  // namespace
}  // namespace visitd::live
