#include "notify/worker.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "notify/backoff.hpp"
#include "security/crypto.hpp"
#include "wire/names.hpp"

namespace visitd::notify {
namespace {

// A gateway asking for a longer pause than this is not taken at its word.
constexpr core::Seconds kMaxRetryAfter{24 * 3600};

double unit_random() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

}  // namespace

core::Instant OutboxWorker::retry_time(const SendResult& r, int attempts, core::Instant now) const {
  core::Instant at = now + retry_delay(attempts, settings_.retry_base, settings_.retry_max, unit_random());
  // The gateway's Retry-After is a floor: never sooner (a longer own backoff still applies).
  // `now` is whole seconds, rounded down: one more second keeps a delay from ending early.
  if (r.retry_after) at = std::max(at, now + std::min(*r.retry_after, kMaxRetryAfter) + core::Seconds{1});
  if (r.retry_not_before) at = std::max(at, std::min(*r.retry_not_before, now + kMaxRetryAfter));
  return at;
}

OutboxWorker::OutboxWorker(ComposeStores store, const core::Clock& clock, ComposeSettings compose, LinkMaker links,
                           std::shared_ptr<MailTransport> mail, std::shared_ptr<SmsTransport> sms,
                           WorkerSettings settings, bool capture)
    : store_(store),
      clock_(clock),
      compose_(std::move(compose)),
      links_(std::move(links)),
      mail_(std::move(mail)),
      sms_(std::move(sms)),
      settings_(settings),
      owner_(security::random_id("wk_")),
      capture_(capture) {}

OutboxWorker::~OutboxWorker() { stop(); }

void OutboxWorker::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      int handled = 0;
      try {
        handled = run_once();
      } catch (const std::exception& e) {
        spdlog::error("outbox worker: {}", e.what());
      }
      lock.lock();
      // A full batch means more may be due: go again at once.
      if (handled < settings_.batch) wake_.wait_for(lock, settings_.interval, [this] { return stopping_; });
    }
  });
}

void OutboxWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int OutboxWorker::run_once() {
  auto claimed = store_.outbox.claim_due_messages(owner_, clock_.now(), settings_.lease, settings_.batch);
  send_batch(claimed);
  return static_cast<int>(claimed.size()) + send_account_mail();
}

void OutboxWorker::send_batch(std::vector<store::OutboxMessage>& claimed) {
  // The order a single sender would use; a booking's messages keep it within their lane.
  std::stable_sort(claimed.begin(), claimed.end(), [](const auto& a, const auto& b) {
    return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
  });
  if (claimed.empty()) return;
  const std::size_t lanes = std::clamp<std::size_t>(settings_.senders, 1, claimed.size());
  std::vector<std::vector<const store::OutboxMessage*>> lane(lanes);
  const std::hash<std::string> hash;
  for (const auto& m : claimed) lane[hash(m.booking_id) % lanes].push_back(&m);
  auto run_lane = [this](const std::vector<const store::OutboxMessage*>& ms) {
    std::vector<const std::string*> stalled;  // bookings whose earlier message threw
    for (const auto* m : ms) {
      if (std::any_of(stalled.begin(), stalled.end(), [&](const auto* b) { return *b == m->booking_id; })) continue;
      try {
        handle(*m);
      } catch (const std::exception& e) {
        // Its lease expires and it is claimed again; the booking's later messages wait with it
        // (still leased) so they cannot overtake it, other bookings go on.
        spdlog::error("outbox worker: message {}: {}", m->id, e.what());
        stalled.push_back(&m->booking_id);
      }
    }
  };
  std::vector<std::thread> helpers;
  helpers.reserve(lanes - 1);
  for (std::size_t i = 1; i < lanes; ++i) {
    if (!lane[i].empty()) helpers.emplace_back(run_lane, std::cref(lane[i]));
  }
  run_lane(lane[0]);
  for (auto& t : helpers) t.join();
}

void OutboxWorker::handle(const store::OutboxMessage& m) {
  const core::Instant now = clock_.now();
  auto composed = compose(store_, m, compose_, links_, now);
  store::SendOutcome outcome;
  if (composed.final_outcome) {
    outcome = *composed.final_outcome;
  } else {
    const Composed& c = *composed.message;
    outcome.address = c.address;
    SendResult r;
    if (capture_) {
      store::CapturedMessage cap;
      cap.outbox_id = m.id;
      cap.channel = c.channel;
      cap.address = c.address;
      cap.subject = c.subject;
      cap.body = c.text;
      store_.outbox.capture_message(cap);
      r.ok = true;
      r.carrier_id = c.channel == core::Channel::sms
                         ? "SMcapture" + m.id
                         : "<" + m.message_id + "@" + domain_of(compose_.from_address) + ">";
    } else if (c.channel == core::Channel::email) {
      if (mail_) {
        r = mail_->send_mail(compose_.from_address, c.address, c.body);
        r.carrier_id = "<" + m.message_id + "@" + domain_of(compose_.from_address) + ">";
      } else {
        r.error = "e-mail is not configured (VISITD_SMTP_HOST)";
      }
    } else if (sms_) {
      r = sms_->send_sms(c.address, c.body);
    } else {
      r.error = "SMS is not configured (VISITD_SMS_ACCOUNT_SID)";
    }
    outcome.error_code = r.error_code;
    if (r.ok) {
      outcome.status = store::MessageStatus::sent;
      outcome.carrier_id = r.carrier_id;
    } else if (r.opted_out) {
      // The gateway knows the number unsubscribed: remember it as an inbound STOP would.
      store_.outbox.set_sms_opt_out(c.address, true);
      outcome.status = store::MessageStatus::suppressed_opt_out;
      outcome.error = r.error;
    } else if (r.permanent || m.attempts >= settings_.max_attempts) {
      outcome.status = store::MessageStatus::failed;
      outcome.error = r.error;
    } else {
      outcome.status = store::MessageStatus::planned;
      outcome.error = r.error;
      outcome.retry_at = retry_time(r, m.attempts, now);
    }
  }
  if (auto rec = store_.outbox.record_send_outcome(m.id, owner_, outcome); !rec) {
    spdlog::warn("outbox: message {} lost its lease before its outcome was recorded", m.id);
  }
  if (outcome.status == store::MessageStatus::failed) {
    spdlog::warn("outbox: message {} ({} {}) failed after {} attempts: {}", m.id, wire::name(m.kind),
                 wire::name(m.channel), m.attempts, outcome.error);
    if (on_failed_) {
      store::OutboxMessage failed = m;
      failed.error_code = outcome.error_code;
      on_failed_(failed, outcome.error);
    }
  }
}

}  // namespace visitd::notify
