#include "notify/curl_handles.hpp"

#include <utility>

namespace visitd::notify {

CurlHandles::~CurlHandles() {
  for (CURL* h : idle_) curl_easy_cleanup(h);
}

CurlHandles::Lease::Lease(Lease&& other) noexcept
    : owner_(other.owner_), handle_(std::exchange(other.handle_, nullptr)), fresh_(other.fresh_) {}

CurlHandles::Lease::~Lease() {
  if (handle_) owner_->release(handle_);
}

void CurlHandles::Lease::discard() {
  if (handle_) curl_easy_cleanup(std::exchange(handle_, nullptr));
}

CurlHandles::Lease CurlHandles::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      CURL* h = idle_.back();
      idle_.pop_back();
      // Options go back to their defaults; live connections stay in the handle's cache.
      curl_easy_reset(h);
      return Lease(*this, h, false);
    }
  }
  return acquire_fresh();
}

CurlHandles::Lease CurlHandles::acquire_fresh() { return Lease(*this, curl_easy_init(), true); }

void CurlHandles::release(CURL* handle) {
  {
    std::lock_guard lock(mutex_);
    if (idle_.size() < max_idle_) {
      idle_.push_back(handle);
      return;
    }
  }
  curl_easy_cleanup(handle);
}

}  // namespace visitd::notify
