#pragma once
// Where the room hub runs a room's work. Everything a client message may do to the store
// (authenticate, chat, lobby decisions, read receipts) runs here, one job at a time per room
// and in arrival order, never on a network thread. `PooledRoomWork` (the composition root's)
// runs the jobs on a worker pool; `InlineRoomWork` runs them at once on the caller's thread
// (tests that drive the hub by hand).
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace visitd::workers {
class WorkerPool;
class SerialQueues;
}  // namespace visitd::workers

namespace visitd::live {

class RoomWork {
 public:
  virtual ~RoomWork() = default;
  // Queues `job` behind the room's earlier jobs; false at once when the workers are full
  // (the hub then answers the client `unavailable`).
  [[nodiscard]] virtual bool post(const std::string& room_id, std::function<void()> job) = 0;
  // The same, for work that must not be refused (a departure): when the workers are full and
  // nothing of the room is pending, it runs at once on the caller's thread.
  virtual void post_or_run(const std::string& room_id, std::function<void()> job) = 0;
  // Server shutdown: waits for the jobs queued so far; later posts are refused (departures
  // then run at once). Connections must still be able to take sends meanwhile.
  virtual void finish() {}
};

class InlineRoomWork final : public RoomWork {
 public:
  bool post(const std::string&, std::function<void()> job) override {
    job();
    return true;
  }
  void post_or_run(const std::string&, std::function<void()> job) override { job(); }
};

class PooledRoomWork final : public RoomWork {
 public:
  // `pool` must outlive this; at most `max_waiting` room jobs wait behind others.
  PooledRoomWork(workers::WorkerPool& pool, std::size_t max_waiting);
  ~PooledRoomWork() override;
  bool post(const std::string& room_id, std::function<void()> job) override;
  void post_or_run(const std::string& room_id, std::function<void()> job) override;
  void finish() override;

 private:
  workers::WorkerPool& pool_;
  std::unique_ptr<workers::SerialQueues> queues_;
};

}  // namespace visitd::live
