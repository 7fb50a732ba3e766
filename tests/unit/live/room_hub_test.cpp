// The hub with fake connections, hand-fired timers and a real (temporary) SQLite store.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <sqlite3.h>
#include "../store/store_fixture.hpp"

#include <condition_variable>
#include <future>

#include "live/room_hub.hpp"
#include "live/room_work.hpp"
#include "live/turn.hpp"
#include "workers/worker_pool.hpp"

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

// Timers fired by hand. `due` holds the reconnect-grace timers (the hub's grace is 30 s here);
// `closes` every other one, i.e. the room's close-time timers, with their delays.
struct ManualTimers : Timers {
  std::vector<std::function<void()>> due;
  std::vector<std::pair<std::chrono::milliseconds, std::function<void()>>> closes;
  void after(std::chrono::milliseconds delay, std::function<void()> fn) override {
    if (delay == std::chrono::seconds(30)) {
      due.push_back(std::move(fn));
    } else {
      closes.emplace_back(delay, std::move(fn));
    }
  }
  void fire_all() {
    auto now = std::move(due);
    due.clear();
    for (auto& f : now) f();
  }
  void fire_closes() {
    auto now = std::move(closes);
    closes.clear();
    for (auto& [delay, f] : now) f();
  }
};

class Hub : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto b = make_business();
    auto p = make_provider(b.id);
    auto s = make_service(b.id, {p.id});
    service_ = s;
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
  core::Interval window_now() { return core::room_window(store_->booking(room_).value(), service_); }
  // Every later write to `table` fails, as a full disk or a broken database would make it.
  void break_table(const std::string& table) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(sqlite_file().c_str(), &db), SQLITE_OK);
    for (const char* op : {"INSERT", "UPDATE"}) {
      const std::string sql = std::string("CREATE TRIGGER break_") + op + "_" + table + " BEFORE " + op + " ON " +
                              table + " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;";
      ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    }
    sqlite3_close(db);
  }

  RoomTokenSigner signer_{"hub-test-secret-0123456789"};
  InProcessBus bus_;
  ManualTimers timers_;
  LiveMetrics metrics_;
  core::Instant now_ = at(kDay0 + 10 * kHour);  // the appointment's start
  std::unique_ptr<RoomHub> hub_;
  std::string room_;
  std::string host_id_;
  core::Service service_;
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

// ---- the room's window (fault J2: a room closes on the people already in it) ----

TEST_F(Hub, ClosesOnTheParticipantsAtTheRoomsCloseTime) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  const core::Interval window = window_now();
  ASSERT_EQ(timers_.closes.size(), 1u);
  EXPECT_EQ(timers_.closes[0].first, std::chrono::duration_cast<std::chrono::milliseconds>(window.end - now_));

  now_ = window.end;
  timers_.fire_closes();
  for (auto* c : {&h, &g}) {
    const auto* closed = c->peer->last("room.closed");
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->at("reason").as_string(), "over");
    EXPECT_EQ(closed->at("closesAt").as_string(), core::format_rfc3339_utc(window.end));
    EXPECT_EQ(c->peer->closed_with, close_code::kClosed);
  }
  // Chat no longer flows: the guest's connection is no member of anything.
  const auto seen = h.peer->got.size();
  say(g, {{"type", "chat.send"}, {"text", "still there?"}});
  EXPECT_EQ(h.peer->got.size(), seen);
  EXPECT_EQ(store_->room(room_).last_seq, 0);
  EXPECT_EQ(metrics_.rooms_open.load(), 0);
}

TEST_F(Hub, ACloseTimerThatFiresEarlyWaitsForTheRest) {
  auto h = host();
  const core::Interval window = window_now();
  now_ = window.end - std::chrono::seconds(2);
  timers_.fire_closes();
  EXPECT_EQ(h.peer->closed_with, 0);
  ASSERT_EQ(timers_.closes.size(), 1u);
  EXPECT_EQ(timers_.closes[0].first, std::chrono::seconds(2));
  now_ = window.end;
  timers_.fire_closes();
  EXPECT_EQ(h.peer->closed_with, close_code::kClosed);
}

TEST_F(Hub, ACancelledBookingEndsTheMeetingAtOnce) {
  auto h = host();
  auto g = guest();
  auto cancelled = store_->set_booking_status(room_, core::BookingStatus::cancelled, "provider ill", staff_);
  ASSERT_TRUE(cancelled.ok());
  hub_->booking_changed(*cancelled);
  for (auto* c : {&h, &g}) {
    const auto* ended = c->peer->last("room.ended");
    ASSERT_NE(ended, nullptr);
    EXPECT_EQ(ended->at("reason").as_string(), "cancelled");
    EXPECT_EQ(c->peer->closed_with, close_code::kEnded);
  }
}

TEST_F(Hub, ABookingMovedAwayClosesTheRoomAndTellsTheNewTime) {
  auto h = host();
  auto moved = store_->booking(room_).value();
  moved.time = {moved.time.begin + std::chrono::hours(24), moved.time.end + std::chrono::hours(24)};
  hub_->booking_changed(moved);
  const auto* closed = h.peer->last("room.closed");
  ASSERT_NE(closed, nullptr);
  EXPECT_EQ(closed->at("reason").as_string(), "moved");
  EXPECT_EQ(closed->at("start").as_string(), core::format_rfc3339_utc(moved.time.begin));
  EXPECT_EQ(h.peer->closed_with, close_code::kClosed);
}

TEST_F(Hub, ABookingMovedWithinItsWindowTellsTheNewTimesAndReArmsTheClose) {
  auto h = host();
  auto longer = store_->booking(room_).value();
  longer.time.end += std::chrono::minutes(30);
  hub_->booking_changed(longer);
  const auto* update = h.peer->last("room.window");
  ASSERT_NE(update, nullptr);
  EXPECT_EQ(update->at("end").as_string(), core::format_rfc3339_utc(longer.time.end));
  EXPECT_EQ(h.peer->closed_with, 0);
  // A new close timer runs to the new end; the first one is stale and closes nothing.
  const auto new_end = core::room_window(longer, service_).end;
  ASSERT_EQ(timers_.closes.size(), 2u);
  EXPECT_EQ(timers_.closes[1].first, std::chrono::duration_cast<std::chrono::milliseconds>(new_end - now_));
  now_ = window_now().end;  // the old close time
  timers_.closes[0].second();
  EXPECT_EQ(h.peer->closed_with, 0);
}

TEST_F(Hub, ABookingChangeForARoomNobodyIsInChangesNothing) {
  auto cancelled = store_->set_booking_status(room_, core::BookingStatus::cancelled, "", staff_);
  hub_->booking_changed(*cancelled);
  EXPECT_TRUE(timers_.closes.empty());
  EXPECT_EQ(metrics_.rooms_open.load(), 0);
}

// ---- store failures reach the client and are logged, never dropped ----

TEST_F(Hub, AStoreFailureDuringChatReachesTheSenderAsAnError) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  break_table("room_messages");
  const auto before = g.peer->got.size();
  say(h, {{"type", "chat.send"}, {"text", "lost?"}});
  const auto* error = h.peer->last("error");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->at("code").as_string(), "unavailable");
  EXPECT_EQ(error->at("ref").as_string(), "chat.send");
  EXPECT_EQ(g.peer->got.size(), before);  // nothing was published
  EXPECT_EQ(h.peer->closed_with, 0);      // not fatal: the next message may succeed
}

TEST_F(Hub, AStoreFailureDuringAdmissionLeavesTheGuestWaiting) {
  auto h = host();
  auto g = guest();
  break_table("room_participants");
  say(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  EXPECT_EQ(h.peer->last("error")->at("code").as_string(), "unavailable");
  EXPECT_EQ(h.peer->last("error")->at("ref").as_string(), "lobby.admit");
  EXPECT_EQ(g.peer->last("lobby.admitted"), nullptr);
}

TEST_F(Hub, ChatEventsArePublishedInSeqOrder) {
  auto h = host();
  auto g = guest();
  say(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  std::vector<std::thread> senders;
  for (int i = 0; i < 4; ++i) {
    senders.emplace_back([&, i] {
      for (int k = 0; k < 10; ++k) say(i % 2 ? h : g, {{"type", "chat.send"}, {"text", "m"}});
    });
  }
  for (auto& t : senders) t.join();
  std::int64_t last = 0;
  int n = 0;
  for (const auto& m : g.peer->got) {
    if (m.at("type").as_string() != "chat.message") continue;
    EXPECT_GT(m.at("seq").as_int64(), last);
    last = m.at("seq").as_int64();
    ++n;
  }
  EXPECT_EQ(n, 40);
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
  TurnSettings t{"s3cret-0123456789",
                 {"stun:stun.example:3478", "turn:turn.example:3478?transport=udp"},
                 600,
                 "r",
                 {"stun:dflt:1"}};
  auto servers = ice_servers(t, "guest-bk_1", at(1600));
  ASSERT_EQ(servers.size(), 2u);
  EXPECT_TRUE(servers[0].username.empty());
  EXPECT_EQ(servers[1].username, "1600:guest-bk_1");
  EXPECT_EQ(servers[1].credential, turn_password(t.secret, "1600:guest-bk_1"));
  t.secret.clear();
  EXPECT_EQ(ice_servers(t, "p", at(0)).size(), 1u);  // TURN without a secret is left out
}

TEST(Turn, NoRelayCredentialsForACallerWithoutARelayDeadline) {
  TurnSettings t{"s3cret-0123456789", {"stun:stun.example:3478", "turn:turn.example:3478"}, 600, "r", {}};
  auto servers = ice_servers(t, "guest-bk_1", std::nullopt);  // a guest in the lobby
  ASSERT_EQ(servers.size(), 1u);
  EXPECT_TRUE(servers[0].username.empty());
  EXPECT_EQ(servers[0].urls, std::vector<std::string>{"stun:stun.example:3478"});
}

TEST(Turn, WithoutARelayTheDefaultStunServersAreOffered) {
  TurnSettings t{"", {}, 600, "r", {"stun:stun.default:19302"}};
  EXPECT_FALSE(relay_configured(t));
  auto servers = ice_servers(t, "p", at(0));
  ASSERT_EQ(servers.size(), 1u);
  EXPECT_EQ(servers[0].urls, std::vector<std::string>{"stun:stun.default:19302"});
  // Configured stun: entries come first, a repeated default is not listed twice.
  t.urls = {"stun:own:3478", "stun:stun.default:19302"};
  EXPECT_EQ(ice_servers(t, "p", at(0))[0].urls, (std::vector<std::string>{"stun:own:3478", "stun:stun.default:19302"}));
  // A TURN URL without a secret is no relay either.
  t.urls = {"turn:turn.example:3478"};
  EXPECT_FALSE(relay_configured(t));
  EXPECT_EQ(ice_servers(t, "p", at(0))[0].urls, std::vector<std::string>{"stun:stun.default:19302"});
  // With a relay only the configured URLs are handed out: the relay answers STUN itself.
  t.secret = "s3cret-0123456789";
  EXPECT_TRUE(relay_configured(t));
  auto relayed = ice_servers(t, "p", at(0));
  ASSERT_EQ(relayed.size(), 1u);
  EXPECT_EQ(relayed[0].urls, std::vector<std::string>{"turn:turn.example:3478"});
}

// ---- room work runs on the live worker pool, off the caller's (network) thread ----

// A connection whose messages arrive on worker threads; the test waits for them.
struct WaitingPeer : Peer {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<json::object> got;
  int closed_with = 0;
  void send(std::shared_ptr<const std::string> text) override {
    std::lock_guard lock(mu);
    got.push_back(json::parse(*text).as_object());
    cv.notify_all();
  }
  void close(int code, std::string) override {
    std::lock_guard lock(mu);
    if (closed_with == 0) closed_with = code;
    cv.notify_all();
  }
  // The first message of `type` (waiting up to 10 s for it), or nullopt.
  std::optional<json::object> wait_for(std::string_view type) {
    std::unique_lock lock(mu);
    std::optional<json::object> found;
    cv.wait_for(lock, std::chrono::seconds(10), [&] {
      for (const auto& m : got) {
        if (m.at("type").as_string() == type) {
          found = m;
          return true;
        }
      }
      return false;
    });
    return found;
  }
  bool has(std::string_view type) {
    std::lock_guard lock(mu);
    for (const auto& m : got)
      if (m.at("type").as_string() == type) return true;
    return false;
  }
};

class PooledHub : public Hub {
 protected:
  void SetUp() override {
    Hub::SetUp();
    pooled_ = std::make_unique<RoomHub>(
        *store_, signer_, bus_, timers_, metrics_, [this] { return now_; }, HubSettings{std::chrono::seconds(30)},
        &work_);
  }
  void TearDown() override {
    pool_.join();  // no room job may outlive the hub
    pooled_.reset();
    Hub::TearDown();
  }
  struct Pconn {
    std::shared_ptr<WaitingPeer> peer;
    std::shared_ptr<Attachment> att;
  };
  Pconn join_as(const std::string& participant, core::RoomRole role) {
    Pconn c{std::make_shared<WaitingPeer>(), nullptr};
    c.att = pooled_->attach(c.peer);
    pooled_->on_text(*c.att, json::serialize(json::object{
                                 {"type", "auth"},
                                 {"token", signer_.sign({room_, participant, role, now_ + std::chrono::minutes(5)})}}));
    return c;
  }
  void send(Pconn& c, json::object msg) { pooled_->on_text(*c.att, json::serialize(msg)); }

  workers::WorkerPool pool_{"live", workers::PoolSize{1, 2}};
  PooledRoomWork work_{pool_, 1};
  std::unique_ptr<RoomHub> pooled_;
};

TEST_F(PooledHub, AStoreFailureDuringChatOnTheWorkersReachesTheSenderAsAnError) {
  auto h = join_as(host_id_, core::RoomRole::host);
  auto g = join_as(guest_participant_id(room_), core::RoomRole::guest);
  ASSERT_TRUE(g.peer->wait_for("welcome"));
  send(h, {{"type", "lobby.admit"}, {"participantId", guest_participant_id(room_)}});
  ASSERT_TRUE(g.peer->wait_for("lobby.admitted"));
  send(g, {{"type", "chat.send"}, {"text", "stored"}});
  auto delivered = h.peer->wait_for("chat.message");
  ASSERT_TRUE(delivered);
  EXPECT_EQ(delivered->at("text").as_string(), "stored");
  break_table("room_messages");
  send(h, {{"type", "chat.send"}, {"text", "lost?"}});
  auto error = h.peer->wait_for("error");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->at("code").as_string(), "unavailable");
  EXPECT_EQ(error->at("ref").as_string(), "chat.send");
}

TEST_F(PooledHub, MessagesWaitForTheWorkersAndOverflowIsAnsweredBusy) {
  // The only live worker is busy: messages queue (the caller is not held up), one more is
  // refused at once with `unavailable`.
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool_.try_submit([&] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();
  auto h = join_as(host_id_, core::RoomRole::host);                      // takes the pool's queue slot
  auto g = join_as(guest_participant_id(room_), core::RoomRole::guest);  // waits behind it in the room
  auto late = join_as(host_id_, core::RoomRole::host);                   // nothing left: refused
  auto refused = late.peer->wait_for("error");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->at("code").as_string(), "unavailable");
  EXPECT_EQ(late.peer->closed_with, close_code::kTryAgainLater);
  EXPECT_FALSE(h.peer->has("welcome"));  // still queued behind the busy worker
  release.set_value();
  EXPECT_TRUE(h.peer->wait_for("welcome"));
  EXPECT_TRUE(g.peer->wait_for("welcome"));
  EXPECT_GE(pool_.refused(), 1u);
}

}  // namespace
}  // namespace visitd::live
