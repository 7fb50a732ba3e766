#include "live/postgres_room_bus.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <random>
#include <stdexcept>

#include "store/postgres/statement.hpp"
#include "store/postgres/transaction.hpp"

namespace visitd::live {

namespace json = boost::json;
using store::postgres::exec;
using store::postgres::forget_statements;
using store::postgres::PgError;
using store::postgres::Statement;
using store::postgres::Transaction;

namespace {

constexpr const char* kChannel = "visitd_rooms";
constexpr auto kMaxBackoff = std::chrono::milliseconds(5000);
constexpr auto kPollWait = std::chrono::milliseconds(500);  // how soon the listener sees stop()

std::string random_instance_id() {
  std::random_device rd;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 16; ++i) id += kHex[rd() % 16];
  return id;
}

PGconn* connect(const std::string& url) {
  PGconn* db = PQconnectdb(url.c_str());
  if (db && PQstatus(db) == CONNECTION_OK) return db;
  std::string why = db ? PQerrorMessage(db) : "out of memory";
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  if (db) PQfinish(db);
  throw std::runtime_error("room bus: cannot connect to the database: " + why);
}

void close(PGconn*& db) {
  if (!db) return;
  forget_statements(db);
  PQfinish(db);
  db = nullptr;
}

// ---- the wire form of a room event on the channel (compact keys: payloads are counted) ----

json::object member_json(const core::RoomMember& m) {
  return json::object{{"id", m.id},
                      {"name", m.name},
                      {"role", static_cast<int>(m.role)},
                      {"state", static_cast<int>(m.state)},
                      {"online", m.online},
                      {"conn", m.connection},
                      {"audio", m.audio},
                      {"video", m.video}};
}

core::RoomMember member_of(const json::object& o) {
  core::RoomMember m;
  m.id = json::value_to<std::string>(o.at("id"));
  m.name = json::value_to<std::string>(o.at("name"));
  m.role = static_cast<core::RoomRole>(o.at("role").to_number<int>());
  m.state = static_cast<core::LobbyState>(o.at("state").to_number<int>());
  m.online = o.at("online").as_bool();
  m.connection = o.at("conn").to_number<std::uint64_t>();
  m.audio = o.at("audio").as_bool();
  m.video = o.at("video").as_bool();
  return m;
}

json::object event_json(const std::string& origin, const RoomEvent& e) {
  json::object o{
      {"o", origin}, {"r", e.room_id}, {"t", static_cast<int>(e.audience.to)}, {"k", static_cast<int>(e.sync.kind)}};
  if (!e.audience.participant.empty()) o["p"] = e.audience.participant;
  if (!e.audience.except.empty()) o["x"] = e.audience.except;
  if (!e.payload.empty()) o["m"] = e.payload;
  if (e.close_code != 0) o["c"] = e.close_code;
  if (e.sync.kind != MemberSync::Kind::none) {
    o["v"] = e.sync.version;
    o["mb"] = member_json(e.sync.member);
    if (!e.sync.owner.empty()) o["w"] = e.sync.owner;
  }
  return o;
}

RoomEvent event_of(const json::object& o) {
  RoomEvent e;
  e.room_id = json::value_to<std::string>(o.at("r"));
  e.audience.to = static_cast<Audience::To>(o.at("t").to_number<int>());
  if (auto* p = o.if_contains("p")) e.audience.participant = json::value_to<std::string>(*p);
  if (auto* x = o.if_contains("x")) e.audience.except = json::value_to<std::string>(*x);
  if (auto* m = o.if_contains("m")) e.payload = json::value_to<std::string>(*m);
  if (auto* c = o.if_contains("c")) e.close_code = c->to_number<int>();
  e.sync.kind = static_cast<MemberSync::Kind>(o.at("k").to_number<int>());
  if (e.sync.kind != MemberSync::Kind::none) {
    e.sync.version = o.at("v").to_number<std::uint64_t>();
    e.sync.member = member_of(o.at("mb").as_object());
    if (auto* w = o.if_contains("w")) e.sync.owner = json::value_to<std::string>(*w);
  }
  e.remote = true;
  return e;
}

std::int64_t next_version(PGconn* db) {
  Statement q(db, "SELECT nextval('room_member_version')");
  q.step();
  return q.int64(0);
}

}  // namespace

PostgresRoomBus::PostgresRoomBus(PostgresBusSettings settings)
    : settings_(std::move(settings)), instance_(random_instance_id()) {}

PostgresRoomBus::~PostgresRoomBus() { stop(); }

void PostgresRoomBus::subscribe(Handler handler) {
  std::lock_guard lock(handlers_mu_);
  handlers_.push_back(std::move(handler));
}

void PostgresRoomBus::hand_out(const RoomEvent& e) {
  std::vector<Handler> handlers;
  {
    std::lock_guard lock(handlers_mu_);
    handlers = handlers_;
  }
  for (const auto& h : handlers) h(e);
}

void PostgresRoomBus::start() {
  publisher_ = connect(settings_.url);
  query_ = connect(settings_.url);
  try {
    heartbeat(publisher_);  // the lease exists before any member of ours is written
  } catch (const PgError& e) {
    close(publisher_);
    close(query_);
    throw std::runtime_error(std::string("room bus: cannot take the instance lease: ") + e.what());
  }
  started_ = true;
  listener_thread_ = std::thread([this] { listen_loop(); });
  publisher_thread_ = std::thread([this] { publish_loop(); });
  spdlog::info("room bus: instance {} on PostgreSQL LISTEN/NOTIFY (lease {}s)", instance_, settings_.lease.count());
}

void PostgresRoomBus::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (publisher_thread_.joinable()) publisher_thread_.join();
  if (listener_thread_.joinable()) listener_thread_.join();
  if (started_ && publisher_) {
    try {  // members of ours are gone with us: tell the others now rather than after the lease
      Statement q(publisher_,
                  "UPDATE live_instances SET lease_until = now() - interval '1 second' WHERE instance_id = ?");
      q.bind(1, instance_).run();
    } catch (const PgError&) {
    }
  }
  close(publisher_);
  std::lock_guard lock(query_mu_);
  close(query_);
}

bool PostgresRoomBus::wait_or_stop(std::chrono::milliseconds d) {
  std::unique_lock lock(mu_);
  return wake_.wait_for(lock, d, [this] { return stopping_; });
}

void PostgresRoomBus::publish(const RoomEvent& event) {
  hand_out(event);  // this instance's connections: at once, in order
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    if (queue_.size() >= settings_.max_queue) {
      queue_.pop_front();
      if (dropped_++ % 1000 == 0) spdlog::error("room bus: the database is not keeping up; dropped room events");
    }
    queue_.push_back(event);
  }
  wake_.notify_all();
}

// ---- the publisher: batches of events, each batch one transaction; the lease -----------

void PostgresRoomBus::publish_loop() {
  const auto beat = std::chrono::duration_cast<std::chrono::milliseconds>(settings_.lease) / 3;
  auto next_beat = std::chrono::steady_clock::now() + beat;
  auto backoff = std::chrono::milliseconds(100);
  for (;;) {
    std::vector<RoomEvent> batch;
    bool stopping = false;
    {
      std::unique_lock lock(mu_);
      wake_.wait_until(lock, next_beat, [this] { return stopping_ || !queue_.empty(); });
      stopping = stopping_;
      while (!queue_.empty() && batch.size() < settings_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    if (stopping && batch.empty()) return;
    try {
      if (!publisher_) publisher_ = connect(settings_.url);
      if (!batch.empty()) send_batch(publisher_, batch);
      if (std::chrono::steady_clock::now() >= next_beat) {
        heartbeat(publisher_);
        next_beat = std::chrono::steady_clock::now() + beat;
      }
      backoff = std::chrono::milliseconds(100);
    } catch (const std::exception& e) {
      spdlog::error("room bus: publishing failed ({}); retrying", e.what());
      close(publisher_);
      {
        std::lock_guard lock(mu_);  // not lost: sent again, in order, once the database is back
        for (auto it = batch.rbegin(); it != batch.rend(); ++it) queue_.push_front(std::move(*it));
      }
      if (stopping || wait_or_stop(backoff)) return;
      backoff = std::min(backoff * 2, kMaxBackoff);
    }
  }
}

void PostgresRoomBus::send_batch(PGconn* db, const std::vector<RoomEvent>& batch) {
  Transaction tx(db, Transaction::Kind::read_committed);
  for (RoomEvent e : batch) {
    const std::string& room = e.room_id;
    switch (e.sync.kind) {
      case MemberSync::Kind::member: {
        Statement q(db,
                    "INSERT INTO room_members (room_id, participant_id, instance_id, version, member) "
                    "VALUES (?, ?, ?, nextval('room_member_version'), ?) "
                    "ON CONFLICT (room_id, participant_id) DO UPDATE SET instance_id = excluded.instance_id, "
                    "version = excluded.version, member = excluded.member RETURNING version");
        q.bind(1, room).bind(2, e.sync.member.id).bind(3, e.sync.owner);
        q.bind(4, json::serialize(member_json(e.sync.member)));
        q.step();
        e.sync.version = static_cast<std::uint64_t>(q.int64(0));
        break;
      }
      case MemberSync::Kind::gone:
      case MemberSync::Kind::expired: {
        e.sync.version = static_cast<std::uint64_t>(next_version(db));
        Statement q(db, "DELETE FROM room_members WHERE room_id = ? AND participant_id = ?");
        q.bind(1, room).bind(2, e.sync.member.id).run();
        break;
      }
      case MemberSync::Kind::cleared: {
        Statement q(db, "DELETE FROM room_members WHERE room_id = ?");
        q.bind(1, room).run();
        break;
      }
      case MemberSync::Kind::none:
      case MemberSync::Kind::review:
        break;
    }
    std::string payload = json::serialize(event_json(instance_, e));
    if (payload.size() > kMaxNotifyBytes) {
      Statement big(db, "INSERT INTO room_bus_messages (body) VALUES (?) RETURNING id");
      big.bind(1, payload).step();
      payload = json::serialize(json::object{{"o", instance_}, {"ref", big.int64(0)}});
    }
    Statement notify(db, "SELECT pg_notify(?, ?)");
    notify.bind(1, kChannel).bind(2, payload).step();
  }
  tx.commit();  // every NOTIFY of the batch goes out now, in order
}

void PostgresRoomBus::heartbeat(PGconn* db) {
  {
    Statement q(db,
                "INSERT INTO live_instances (instance_id, lease_until) VALUES (?, now() + make_interval(secs => ?)) "
                "ON CONFLICT (instance_id) DO UPDATE SET lease_until = excluded.lease_until");
    q.bind(1, instance_).bind(2, static_cast<std::int64_t>(settings_.lease.count())).run();
  }
  // The sweep: members of instances whose lease ran out leave, announced to every instance
  // (each tells its own connections). DELETE ... RETURNING hands each row to one sweeper only.
  std::vector<RoomEvent> expired;
  {
    Transaction tx(db, Transaction::Kind::read_committed);
    Statement gone_instances(db, "DELETE FROM live_instances WHERE lease_until < now()");
    gone_instances.run();
    Statement members(db,
                      "DELETE FROM room_members m WHERE NOT EXISTS (SELECT 1 FROM live_instances i "
                      "WHERE i.instance_id = m.instance_id) RETURNING room_id, member, instance_id");
    while (members.step()) {
      RoomEvent e;
      e.room_id = members.text(0);
      e.sync.kind = MemberSync::Kind::expired;
      e.sync.member = member_of(json::parse(members.text(1)).as_object());
      e.sync.owner = members.text(2);
      expired.push_back(std::move(e));
    }
    for (auto& e : expired) {
      e.sync.version = static_cast<std::uint64_t>(next_version(db));
      Statement notify(db, "SELECT pg_notify(?, ?)");
      notify.bind(1, kChannel).bind(2, json::serialize(event_json(instance_, e))).step();
    }
    Statement prune(db, "DELETE FROM room_bus_messages WHERE created_at < now() - interval '1 minute'");
    prune.run();
    tx.commit();
  }
  for (auto& e : expired) {
    spdlog::info("room bus: instance {}'s lease ran out: participant {} leaves room {}", e.sync.owner, e.sync.member.id,
                 e.room_id);
    e.remote = true;  // not this hub's own word: it applies it like another instance's
    hand_out(e);
  }
}

// ---- the listener: one connection, LISTEN, notifications handed out ---------------------

void PostgresRoomBus::listen_loop() {
  PGconn* db = nullptr;
  auto backoff = std::chrono::milliseconds(100);
  bool lost = false;
  while (true) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) break;
    }
    try {
      if (!db) {
        db = connect(settings_.url);
        exec(db, std::string("LISTEN ") + kChannel);
        if (lost) spdlog::warn("room bus: listening again; room events sent meanwhile were missed");
        backoff = std::chrono::milliseconds(100);
      }
      pollfd fd{PQsocket(db), POLLIN, 0};
      const int ready = ::poll(&fd, 1, static_cast<int>(kPollWait.count()));
      if (ready < 0 && errno != EINTR) throw std::runtime_error("poll failed");
      if (ready > 0 && PQconsumeInput(db) == 0) throw std::runtime_error(PQerrorMessage(db));
      while (PGnotify* n = PQnotifies(db)) {
        received(db, n->extra);
        PQfreemem(n);
      }
      if (PQstatus(db) == CONNECTION_BAD) throw std::runtime_error("connection lost");
    } catch (const std::exception& e) {
      spdlog::error("room bus: listening failed ({}); reconnecting", e.what());
      close(db);
      lost = true;
      if (wait_or_stop(backoff)) break;
      backoff = std::min(backoff * 2, kMaxBackoff);
    }
  }
  close(db);
}

void PostgresRoomBus::received(PGconn* db, const char* payload) {
  try {
    json::value v = json::parse(payload);
    json::object* o = &v.as_object();
    if (json::value_to<std::string>(o->at("o")) == instance_) return;  // ours: delivered when published
    json::value stored;
    if (auto* ref = o->if_contains("ref")) {
      Statement q(db, "SELECT body FROM room_bus_messages WHERE id = ?");
      q.bind(1, ref->to_number<std::int64_t>());
      if (!q.step()) {
        spdlog::error("room bus: a large room event was pruned before it was read");
        return;
      }
      stored = json::parse(q.text(0));
      o = &stored.as_object();
    }
    hand_out(event_of(*o));
  } catch (const PgError&) {
    throw;  // the connection: reconnect
  } catch (const std::exception& e) {
    spdlog::error("room bus: ignored a malformed room event: {}", e.what());
  }
}

std::optional<std::vector<SharedMember>> PostgresRoomBus::members(const std::string& room_id) {
  std::lock_guard lock(query_mu_);
  try {
    if (!query_) query_ = connect(settings_.url);
    Statement q(query_, "SELECT member, instance_id, version FROM room_members WHERE room_id = ?");
    q.bind(1, room_id);
    std::vector<SharedMember> out;
    while (q.step()) {
      out.push_back(SharedMember{member_of(json::parse(q.text(0)).as_object()), q.text(1),
                                 static_cast<std::uint64_t>(q.int64(2))});
    }
    return out;
  } catch (const std::exception& e) {
    spdlog::error("room bus: could not read room {}'s members: {}", room_id, e.what());
    close(query_);
    return std::nullopt;
  }
}

}  // namespace visitd::live
