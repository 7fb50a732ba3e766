#include "http/connection_limits.hpp"

#include <algorithm>

namespace visitd::http {

ConnectionLimits::ConnectionLimits(std::size_t max_connections, std::size_t max_per_address,
                                   ConnectionCounters& counters)
    : max_connections_(std::max<std::size_t>(1, max_connections)),
      max_per_address_(std::max<std::size_t>(1, max_per_address)),
      counters_(counters) {
  counters_.max_connections = max_connections_;
  counters_.max_per_address = max_per_address_;
}

ConnectionLimits::Verdict ConnectionLimits::admit(const std::string& address, bool per_address_cap) {
  std::lock_guard lock(mu_);
  if (open_ >= max_connections_) {
    counters_.refused_global.fetch_add(1, std::memory_order_relaxed);
    return Verdict::global_cap;
  }
  std::size_t& mine = per_address_[address];
  if (per_address_cap && mine >= max_per_address_) {
    counters_.refused_per_address.fetch_add(1, std::memory_order_relaxed);
    return Verdict::address_cap;
  }
  ++mine;
  ++open_;
  counters_.open.store(open_, std::memory_order_relaxed);
  return Verdict::admitted;
}

void ConnectionLimits::release(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = per_address_.find(address);
  if (it == per_address_.end()) return;
  if (--it->second == 0) per_address_.erase(it);  // the map holds only addresses with connections
  if (open_ > 0) --open_;
  counters_.open.store(open_, std::memory_order_relaxed);
}

std::size_t connection_cap(std::size_t configured, std::size_t soft_limit, std::size_t hard_limit,
                           std::string* warning) {
  if (soft_limit == 0) return std::max<std::size_t>(1, configured);  // unknown limit: trust the setting
  const std::size_t room = soft_limit > kReservedDescriptors ? soft_limit - kReservedDescriptors : 1;
  if (configured <= room) return std::max<std::size_t>(1, configured);
  if (warning != nullptr) {
    *warning = "VISITD_MAX_CONNECTIONS is " + std::to_string(configured) + " but the open-file limit is " +
               std::to_string(soft_limit) + " (hard " + std::to_string(hard_limit) + "): holding at most " +
               std::to_string(room) + " connections; raise the limit (ulimit -n, LimitNOFILE=) to allow more";
  }
  return room;
}

}  // namespace visitd::http
