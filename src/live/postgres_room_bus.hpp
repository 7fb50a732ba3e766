#pragma once
// The RoomBus of several visitd instances on one PostgreSQL database (issue F), on
// LISTEN/NOTIFY (PostgreSQL manual, "NOTIFY": payloads under 8000 bytes, delivered at commit,
// in commit order, to every session listening on the channel).
//
// - publish() hands the event to this instance's subscribers at once (remote = false) and
//   queues it for the publisher thread, which sends queued events in one transaction each
//   batch: NOTIFY on channel `visitd_rooms`, the member changes written to room_members in the
//   same transaction (so what a late instance reads and what the others hear agree). A payload
//   over kMaxNotifyBytes is stored in room_bus_messages and sent as {"ref": id}.
// - One dedicated listening connection per instance, on its own thread: it reads the
//   notifications, drops this instance's own (already delivered), fetches by-reference bodies
//   and hands the rest to the subscribers (remote = true). A lost connection is re-opened with
//   backoff and LISTEN issued again.
// - The publisher thread renews this instance's lease (live_instances) every third of the
//   lease, and sweeps: members of instances whose lease ran out are deleted and announced as
//   MemberSync::expired (to every instance, this one included).
// Nothing here runs on a network thread; publish() never blocks on the database.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "live/room_bus.hpp"

struct pg_conn;
typedef struct pg_conn PGconn;

namespace visitd::live {

struct PostgresBusSettings {
  std::string url;                 // postgres://... (the store's database)
  std::chrono::seconds lease{15};  // an instance silent this long is taken for dead
  std::size_t max_queue = 100000;  // events waiting for the database; the oldest go beyond
  std::size_t max_batch = 256;     // events sent in one transaction
};

class PostgresRoomBus final : public RoomBus {
 public:
  // Largest NOTIFY payload sent inline (the server's limit is 8000 bytes, including the channel).
  static constexpr std::size_t kMaxNotifyBytes = 7900;

  explicit PostgresRoomBus(PostgresBusSettings settings);
  ~PostgresRoomBus() override;
  PostgresRoomBus(const PostgresRoomBus&) = delete;
  PostgresRoomBus& operator=(const PostgresRoomBus&) = delete;

  // Opens the connections, takes the lease and starts both threads. Call after subscribe.
  // Throws std::runtime_error when the database cannot be reached.
  void start();
  // Sends what is queued (a short while at most), ends the lease, joins the threads. Idempotent.
  void stop();

  void publish(const RoomEvent& event) override;
  void subscribe(Handler handler) override;
  [[nodiscard]] std::string instance() const override { return instance_; }
  [[nodiscard]] bool shared() const override { return true; }
  [[nodiscard]] std::optional<std::vector<SharedMember>> members(const std::string& room_id) override;

 private:
  void publish_loop();
  void listen_loop();
  void send_batch(PGconn* db, const std::vector<RoomEvent>& batch);
  void heartbeat(PGconn* db);
  void hand_out(const RoomEvent& e);
  void received(PGconn* db, const char* payload);
  bool wait_or_stop(std::chrono::milliseconds d);  // true when stopping

  PostgresBusSettings settings_;
  std::string instance_;

  std::mutex handlers_mu_;
  std::vector<Handler> handlers_;

  std::mutex mu_;  // queue_, stopping_
  std::condition_variable wake_;
  std::deque<RoomEvent> queue_;
  bool stopping_ = false;
  std::uint64_t dropped_ = 0;

  std::mutex query_mu_;  // the connection members() reads on
  PGconn* query_ = nullptr;
  PGconn* publisher_ = nullptr;  // publisher thread only (after start)
  std::thread publisher_thread_;
  std::thread listener_thread_;
  bool started_ = false;
};

}  // namespace visitd::live
