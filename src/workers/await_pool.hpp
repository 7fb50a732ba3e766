#pragma once
// Awaiting a WorkerPool from an Asio coroutine: the job runs on a pool thread (co_spawn onto
// the pool's executor) and the awaiting coroutine resumes on its own executor (the
// connection's strand) with the job's result. Includes Asio: only http/server.cpp (and the
// live session, should it need the pool) include it.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <functional>
#include <optional>

#include "workers/worker_pool.hpp"

namespace visitd::workers {

// Runs `job` on `pool`. Resumes with its result, or with nullopt at once when the pool's
// queue is full. `job` is a named object in the awaiting coroutine's frame (it outlives the
// await): GCC 12 mis-destroys non-trivial temporaries inside a co_await expression, so no
// lambda temporary is passed through here. The awaiting coroutine's executor counts as busy
// meanwhile, so a draining server waits for the job.
template <class T>
boost::asio::awaitable<std::optional<T>> run_on(WorkerPool& pool, std::function<T()>& job) {
  namespace net = boost::asio;
  if (!pool.reserve_slot()) co_return std::nullopt;
  auto& threads = *static_cast<net::thread_pool*>(pool.asio_pool());
  std::optional<T> result = co_await net::co_spawn(
      threads,
      [&pool, &job]() -> net::awaitable<std::optional<T>> {
        pool.started();
        std::optional<T> out(job());
        pool.finished();
        co_return out;
      },
      net::use_awaitable);
  co_return result;
}

}  // namespace visitd::workers
