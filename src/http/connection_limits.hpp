#pragma once
// Who may hold a connection: a global cap (kept below the process's file limit, so accept
// never fails with EMFILE and normal requests keep answering) and a per-address cap (one
// address cannot take the whole global cap). Counts what it refuses; thread-safe. No Asio:
// the server asks before it starts a session and tells when the session ends.
#include <atomic>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace visitd::http {

// What the server counts about connections, rendered by Metrics (Prometheus counters/gauges).
struct ConnectionCounters {
  std::atomic<unsigned long long> open{0};                 // gauge: connections held now
  std::atomic<unsigned long long> refused_global{0};       // closed at accept: global cap full
  std::atomic<unsigned long long> refused_per_address{0};  // closed at accept: address at its cap
  std::atomic<unsigned long long> header_timeouts{0};      // header not complete by its deadline
  std::atomic<unsigned long long> body_timeouts{0};        // body not complete by its deadline
  std::atomic<unsigned long long> max_connections{0};      // the effective caps, as gauges
  std::atomic<unsigned long long> max_per_address{0};
  std::atomic<unsigned long long> header_timeout_s{0};
  std::atomic<unsigned long long> body_timeout_s{0};
};

class ConnectionLimits {
 public:
  enum class Verdict { admitted, global_cap, address_cap };
  // `max_connections` and `max_per_address` are counts of connections (>= 1).
  ConnectionLimits(std::size_t max_connections, std::size_t max_per_address, ConnectionCounters& counters);
  // Takes a place for a connection from `address` (the textual IP), or says which cap is full.
  // `per_address_cap` false: only the global cap applies (a trusted reverse proxy carries
  // every client's connections from its one address).
  Verdict admit(const std::string& address, bool per_address_cap = true);
  // Gives back a place taken by admit() (call exactly once per admitted connection).
  void release(const std::string& address);

 private:
  std::size_t max_connections_;
  std::size_t max_per_address_;
  ConnectionCounters& counters_;
  std::mutex mu_;
  std::size_t open_ = 0;
  std::unordered_map<std::string, std::size_t> per_address_;
};

// Descriptors kept back from connections: the store, logs, outbox mail, the listener.
constexpr std::size_t kReservedDescriptors = 64;

// The connection cap for a process whose open-file limit is `soft_limit` (0 = unknown):
// `configured` when the limit leaves room for it and kReservedDescriptors, else what the limit
// allows (at least 1). Every connection costs a descriptor; past the limit accept() fails with
// EMFILE and even normal requests time out. `warning` says so when the configured cap was cut.
std::size_t connection_cap(std::size_t configured, std::size_t soft_limit, std::size_t hard_limit,
                           std::string* warning);

}  // namespace visitd::http
