// Two hubs (two visitd instances) sharing a room through an in-memory stand-in for the
// PostgreSQL bus: what one publishes the other receives as remote, and the member table a
// shared bus keeps is read by a hub that meets the room late. Both hubs use one real
// (temporary) SQLite store, as two instances share one database.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "../store/store_fixture.hpp"
#include "live/room_hub.hpp"

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
  int count(std::string_view type, std::string_view status = "") const {
    int n = 0;
    for (const auto& m : got) {
      if (m.at("type").as_string() != type) continue;
      if (!status.empty() && m.at("status").as_string() != status) continue;
      ++n;
    }
    return n;
  }
  const json::object* last(std::string_view type) const {
    for (auto it = got.rbegin(); it != got.rend(); ++it)
      if (it->at("type").as_string() == type) return &*it;
    return nullptr;
  }
};

struct NoTimers : Timers {
  void after(std::chrono::milliseconds, std::function<void()>) override {}
};

// The database side of the shared bus: the member rows and the version sequence.
struct Wire {
  std::map<std::pair<std::string, std::string>, SharedMember> members;
  std::uint64_t version = 0;
  std::vector<struct LinkedBus*> buses;
};

struct LinkedBus : RoomBus {
  LinkedBus(Wire& w, std::string n) : wire(w), name(std::move(n)) { wire.buses.push_back(this); }
  void publish(const RoomEvent& e) override {
    for (auto& h : handlers) h(e);
    RoomEvent r = e;
    r.remote = true;
    const auto key = std::make_pair(e.room_id, e.sync.member.id);
    switch (e.sync.kind) {
      case MemberSync::Kind::member:
        r.sync.version = ++wire.version;
        wire.members[key] = SharedMember{e.sync.member, e.sync.owner, r.sync.version};
        break;
      case MemberSync::Kind::gone:
      case MemberSync::Kind::expired:
        r.sync.version = ++wire.version;
        wire.members.erase(key);
        break;
      case MemberSync::Kind::cleared:
        std::erase_if(wire.members, [&](const auto& kv) { return kv.first.first == e.room_id; });
        break;
      default:
        break;
    }
    for (auto* other : wire.buses)
      if (other != this)
        for (auto& h : other->handlers) h(r);
  }
  void subscribe(Handler h) override { handlers.push_back(std::move(h)); }
  [[nodiscard]] std::string instance() const override { return name; }
  [[nodiscard]] bool shared() const override { return true; }
  std::optional<std::vector<SharedMember>> members(const std::string& room_id) override {
    std::vector<SharedMember> out;
    for (const auto& [key, m] : wire.members)
      if (key.first == room_id) out.push_back(m);
    return out;
  }
  Wire& wire;
  std::string name;
  std::vector<Handler> handlers;
};

// What the sweep does when `owner`'s lease ran out: its rows go, every instance hears it.
void expire(Wire& wire, const std::string& owner) {
  std::vector<std::pair<std::string, SharedMember>> gone;
  for (const auto& [key, m] : wire.members)
    if (m.owner == owner) gone.emplace_back(key.first, m);
  for (const auto& [room, m] : gone) {
    wire.members.erase({room, m.member.id});
    RoomEvent e;
    e.room_id = room;
    e.sync = MemberSync{MemberSync::Kind::expired, m.member, owner, ++wire.version};
    e.remote = true;
    for (auto* bus : wire.buses)
      if (bus->name != owner)
        for (auto& h : bus->handlers) h(e);
  }
}

class TwoInstances : public store::testing::StoreTest {
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
    for (auto* bus : {&bus_a_, &bus_b_}) {
      hubs_.push_back(std::make_unique<RoomHub>(
          *store_, signer_, *bus, timers_, metrics_, [this] { return now_; }, HubSettings{std::chrono::seconds(30)}));
    }
  }

  struct Conn {
    std::shared_ptr<FakePeer> peer;
    std::shared_ptr<Attachment> att;
    RoomHub* hub;
  };
  Conn connect(RoomHub& hub, const std::string& participant, core::RoomRole role, std::int64_t last_seq = -1) {
    Conn c{std::make_shared<FakePeer>(), nullptr, &hub};
    c.att = hub.attach(c.peer);
    json::object auth{{"type", "auth"},
                      {"token", signer_.sign({room_, participant, role, now_ + std::chrono::minutes(5)})}};
    if (last_seq >= 0) auth["lastSeq"] = last_seq;
    hub.on_text(*c.att, json::serialize(auth));
    return c;
  }
  Conn guest(RoomHub& hub) { return connect(hub, guest_participant_id(room_), core::RoomRole::guest); }
  Conn host(RoomHub& hub) { return connect(hub, host_id_, core::RoomRole::host); }
  void say(Conn& c, json::object msg) { c.hub->on_text(*c.att, json::serialize(msg)); }
  RoomHub& a() { return *hubs_[0]; }
  RoomHub& b() { return *hubs_[1]; }
  std::string gid() { return guest_participant_id(room_); }

  // Guest waiting on A, host on B admits it.
  std::pair<Conn, Conn> admitted_pair() {
    auto g = guest(a());
    auto h = host(b());
    say(h, {{"type", "lobby.admit"}, {"participantId", gid()}});
    return {g, h};
  }

  RoomTokenSigner signer_{"hub-test-secret-0123456789"};
  Wire wire_;
  LinkedBus bus_a_{wire_, "instance-a"};
  LinkedBus bus_b_{wire_, "instance-b"};
  NoTimers timers_;
  LiveMetrics metrics_;
  core::Instant now_ = at(kDay0 + 10 * kHour);
  std::vector<std::unique_ptr<RoomHub>> hubs_;
  std::string room_;
  std::string host_id_;
};

TEST_F(TwoInstances, AHostOnTheOtherInstanceSeesTheWaitingGuestAndAdmitsIt) {
  auto g = guest(a());
  auto h = host(b());  // B never saw this room: it reads the lobby the shared bus keeps
  const auto& waiting = h.peer->last("welcome")->at("waiting").as_array();
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0].as_object().at("id").as_string(), gid());
  say(h, {{"type", "lobby.admit"}, {"participantId", gid()}});
  ASSERT_NE(g.peer->last("lobby.admitted"), nullptr);
  // Admitted on A too: the guest now gets what the admitted get, and may signal.
  say(h, {{"type", "chat.send"}, {"text", "welcome"}});
  EXPECT_EQ(g.peer->last("chat.message")->at("text").as_string(), "welcome");
  say(g, {{"type", "signal.offer"}, {"to", host_id_}, {"sdp", "v=0"}});
  EXPECT_EQ(h.peer->last("signal.offer")->at("from").as_string(), gid());
  EXPECT_EQ(g.peer->last("error"), nullptr);
}

TEST_F(TwoInstances, ADenialOnTheOtherInstanceClosesTheGuestWithoutALaterLobbyLeft) {
  auto g = guest(a());
  auto h = host(b());
  say(h, {{"type", "lobby.deny"}, {"participantId", gid()}});
  EXPECT_NE(g.peer->last("lobby.denied"), nullptr);
  EXPECT_EQ(g.peer->closed_with, close_code::kDenied);
  a().on_closed(*g.att, false);
  EXPECT_EQ(h.peer->count("lobby.left"), 0);
  EXPECT_TRUE(wire_.members.find({room_, gid()}) == wire_.members.end());
}

TEST_F(TwoInstances, AReconnectThroughTheOtherInstanceResumesAndReplacesTheOldConnection) {
  auto [g, h] = admitted_pair();
  say(h, {{"type", "chat.send"}, {"text", "one"}});
  const auto seen = g.peer->last("chat.message")->at("seq").as_int64();
  auto again = connect(b(), gid(), core::RoomRole::guest, seen);
  const auto& welcome = *again.peer->last("welcome");
  EXPECT_TRUE(welcome.at("resumed").as_bool());
  EXPECT_EQ(welcome.at("you").as_object().at("state").as_string(), "admitted");
  EXPECT_EQ(g.peer->closed_with, close_code::kReplaced);  // A closes its stale connection
  a().on_closed(*g.att, false);                           // which then says nothing
  EXPECT_EQ(h.peer->count("presence", "reconnecting"), 0);
  EXPECT_EQ(h.peer->count("presence", "left"), 0);
  say(h, {{"type", "chat.send"}, {"text", "two"}});
  EXPECT_EQ(again.peer->last("chat.message")->at("text").as_string(), "two");
  EXPECT_EQ(g.peer->count("chat.message"), 1);
}

TEST_F(TwoInstances, WhenAnInstancesLeaseRunsOutItsParticipantsLeaveOnceForEveryoneElse) {
  auto [g, h] = admitted_pair();
  expire(wire_, "instance-a");
  EXPECT_EQ(h.peer->count("presence", "left"), 1);
  EXPECT_EQ(h.peer->last("presence")->at("participant").as_object().at("id").as_string(), gid());
  // Gone from B's copy: nobody to signal to any more.
  say(h, {{"type", "signal.offer"}, {"to", gid()}, {"sdp", "v=0"}});
  EXPECT_NE(h.peer->last("error"), nullptr);
}

TEST_F(TwoInstances, TheEndOfTheMeetingOnOneInstanceClosesTheOther) {
  auto [g, h] = admitted_pair();
  say(h, {{"type", "room.end"}});
  EXPECT_NE(g.peer->last("room.ended"), nullptr);
  EXPECT_EQ(g.peer->closed_with, close_code::kEnded);
  EXPECT_EQ(h.peer->closed_with, close_code::kEnded);
  EXPECT_TRUE(wire_.members.empty());
  EXPECT_EQ(g.peer->count("room.ended"), 1);
}

}  // namespace
}  // namespace visitd::live
