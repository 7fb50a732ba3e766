#pragma once
// The outbox worker inside `visitd serve`: every interval it claims due messages under a
// lease (several instances may run; the store's claim keeps them apart), composes each from
// the booking as it is now, sends it, and records the outcome. A crash leaves claimed rows
// in 'sending'; their lease expires and they are claimed again, with the same Message-ID.
// A claimed batch is sent by up to `senders` threads at once, each booking's messages by one
// of them in claim order (next attempt, then id), so a booking's messages never overtake each
// other; the next batch is claimed when the whole batch is recorded.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "notify/compose.hpp"
#include "notify/transport.hpp"
#include "store/store.hpp"

namespace visitd::notify {

struct WorkerSettings {
  std::chrono::milliseconds interval{1000};
  int batch = 50;
  core::Seconds lease{120};
  int max_attempts = 8;
  core::Seconds retry_base{30};
  core::Seconds retry_max{3600};
  int senders = 4;  // messages in flight at once (each keeps its own SMTP session / HTTP connection)
};

class OutboxWorker {
 public:
  // mail/sms may be null: that channel is not configured, and its messages wait (retrying
  // with backoff, then failed) with an error naming the missing setting. With `capture`
  // (demo mode) nothing is sent: messages are stored for /dev/outbox and marked sent.
  OutboxWorker(ComposeStores store, const core::Clock& clock, ComposeSettings compose, LinkMaker links,
               std::shared_ptr<MailTransport> mail, std::shared_ptr<SmsTransport> sms, WorkerSettings settings,
               bool capture = false);
  ~OutboxWorker();
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  // Told of each message the worker gives up on (status failed) with its last error, after the
  // outcome is recorded (webhooks: message.failed). Set before start().
  void set_failure_listener(std::function<void(const store::OutboxMessage&, const std::string& error)> listener) {
    on_failed_ = std::move(listener);
  }

  void start();
  void stop();
  // One claim-and-send pass; returns how many messages it handled (booking messages and
  // account mail: lockout notices, account_mail.cpp).
  int run_once();

 private:
  void handle(const store::OutboxMessage& m);
  // Claims due account mail (store/account_mail.hpp) and sends it, one at a time.
  int send_account_mail();
  // Sends `claimed` (in claim order) on up to settings_.senders threads, one lane per booking.
  void send_batch(std::vector<store::OutboxMessage>& claimed);
  // When to try again after a failed send: backoff, but never before the gateway's
  // Retry-After (capped at a day so a hostile header cannot park a message for years).
  core::Instant retry_time(const SendResult& r, int attempts, core::Instant now) const;

  ComposeStores store_;       // the roles it reads and writes, never the whole store
  const core::Clock& clock_;  // the one time source; outlives the worker
  ComposeSettings compose_;
  LinkMaker links_;
  std::shared_ptr<MailTransport> mail_;
  std::shared_ptr<SmsTransport> sms_;
  WorkerSettings settings_;
  std::string owner_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool capture_ = false;
  std::function<void(const store::OutboxMessage&, const std::string&)> on_failed_;
};

}  // namespace visitd::notify
