#include "live/room_work.hpp"

#include "workers/serial_queues.hpp"
#include "workers/worker_pool.hpp"

namespace visitd::live {

PooledRoomWork::PooledRoomWork(workers::WorkerPool& pool, std::size_t max_waiting)
    : pool_(pool), queues_(std::make_unique<workers::SerialQueues>(pool, max_waiting)) {}

PooledRoomWork::~PooledRoomWork() = default;

bool PooledRoomWork::post(const std::string& room_id, std::function<void()> job) {
  return queues_->post(room_id, std::move(job));
}

void PooledRoomWork::finish() { pool_.join(); }

void PooledRoomWork::post_or_run(const std::string& room_id, std::function<void()> job) {
  queues_->post_or_run(room_id, std::move(job));
}

}  // namespace visitd::live
