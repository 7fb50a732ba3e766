#pragma once
// Kept-alive libcurl easy handles shared by the senders of one transport. Each handle keeps
// its own connection cache, so the next message to the same relay or gateway reuses the open
// SMTP session (a new MAIL FROM transaction) or HTTP/1.1 connection instead of a new dialog.
// A lease is used by one thread at a time; a handle whose transfer failed is dropped (its
// connection closes) so a broken session is never offered again.
#include <curl/curl.h>

#include <cstddef>
#include <mutex>
#include <vector>

namespace visitd::notify {

class CurlHandles {
 public:
  // Idle handles kept beyond `max_idle` are closed: at most one per concurrent sender is useful.
  explicit CurlHandles(std::size_t max_idle = 32) : max_idle_(max_idle) {}
  ~CurlHandles();
  CurlHandles(const CurlHandles&) = delete;
  CurlHandles& operator=(const CurlHandles&) = delete;

  class Lease {
   public:
    Lease(CurlHandles& owner, CURL* handle, bool fresh) : owner_(&owner), handle_(handle), fresh_(fresh) {}
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    // nullptr when libcurl could not allocate a handle.
    CURL* get() const { return handle_; }
    // True when the handle is new (no connection to reuse).
    bool fresh() const { return fresh_; }
    // Closes the handle and its connection instead of returning it to the pool.
    void discard();

   private:
    CurlHandles* owner_;
    CURL* handle_;
    bool fresh_;
  };

  // An idle handle with its options reset (its connections are kept), or a new one.
  Lease acquire();
  // A new handle, never a pooled one: for a second try after a reused connection broke.
  Lease acquire_fresh();

 private:
  void release(CURL* handle);

  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<CURL*> idle_;
};

}  // namespace visitd::notify
