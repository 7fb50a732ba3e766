#pragma once
// A global cap on concurrent argon2id password checks. Each check holds ~64 MiB and a core
// for a noticeable time, so a login storm must be refused early, never queued behind.
#include <atomic>
#include <chrono>

#include "core/result.hpp"

namespace visitd::security {

class PasswordCheckLimit {
 public:
  // At most `max_concurrent` (>= 1) checks at once; a refusal tells the client to come back
  // after `retry_after`.
  PasswordCheckLimit(int max_concurrent, std::chrono::seconds retry_after);

  // Held for the duration of one check; releases its slot when destroyed.
  class Permit {
   public:
    explicit Permit(std::atomic<int>* in_use) : in_use_(in_use) {}
    Permit(Permit&& o) noexcept : in_use_(o.in_use_) { o.in_use_ = nullptr; }
    Permit& operator=(Permit&&) = delete;
    Permit(const Permit&) = delete;
    ~Permit() {
      if (in_use_ != nullptr) in_use_->fetch_sub(1);
    }

   private:
    std::atomic<int>* in_use_;
  };

  // A permit, or ErrorCode::unavailable (type "password-checks-busy") with retry_after when
  // every slot is taken. Never waits.
  core::Result<Permit> try_acquire();
  [[nodiscard]] int in_use() const { return in_use_.load(); }

 private:
  int max_;
  std::chrono::seconds retry_after_;
  std::atomic<int> in_use_{0};
};

}  // namespace visitd::security
