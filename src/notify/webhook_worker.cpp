#include "notify/webhook_worker.hpp"

#include <spdlog/spdlog.h>

#include <random>

#include "core/webhook_policy.hpp"
#include "notify/backoff.hpp"
#include "security/crypto.hpp"
#include "security/webhook_signature.hpp"

namespace visitd::notify {
namespace {

double unit_random() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

}  // namespace

WebhookWorker::WebhookWorker(store::WebhookStore& store, const core::Clock& clock,
                             std::shared_ptr<WebhookSender> sender, WebhookWorkerSettings settings)
    : store_(store),
      clock_(clock),
      sender_(std::move(sender)),
      settings_(settings),
      owner_(security::random_id("wh_wk_")) {}

WebhookWorker::~WebhookWorker() { stop(); }

void WebhookWorker::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      int handled = 0;
      try {
        handled = run_once();
      } catch (const std::exception& e) {
        spdlog::error("webhook worker: {}", e.what());
      }
      lock.lock();
      if (handled < settings_.batch) wake_.wait_for(lock, settings_.interval, [this] { return stopping_; });
    }
  });
}

void WebhookWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int WebhookWorker::run_once() {
  const auto claimed = store_.claim_webhook_deliveries(owner_, clock_.now(), settings_.lease, settings_.batch);
  for (const auto& d : claimed) {
    try {
      handle(d);
    } catch (const std::exception& e) {
      // Its lease expires and it is claimed again; its subject's later deliveries wait for it.
      spdlog::error("webhook worker: delivery {}: {}", d.id, e.what());
    }
  }
  return static_cast<int>(claimed.size());
}

void WebhookWorker::handle(const store::WebhookDelivery& d) {
  const core::Instant now = clock_.now();
  const std::int64_t timestamp = now.time_since_epoch().count();
  store::WebhookOutcome outcome;
  outcome.attempt.at = now;
  auto signature = security::webhook_signature(d.secret, d.message_id, timestamp, d.payload);
  WebhookAnswer answer;
  if (!signature) {
    answer.error = "the endpoint's secret is unusable";
    answer.refused_target = true;
  } else {
    answer = sender_->post(WebhookRequest{d.url, d.message_id, timestamp, *signature, d.payload});
  }
  outcome.attempt.response_code = answer.response_code;
  outcome.attempt.latency_ms = answer.latency_ms;
  outcome.attempt.error = answer.error;
  if (answer.response_code != 0 && (answer.response_code < 200 || answer.response_code >= 300)) {
    outcome.attempt.error = "HTTP " + std::to_string(answer.response_code);
  }
  // A refused target is never contacted; asking again would only be refused again.
  const auto verdict = answer.refused_target
                           ? core::AttemptVerdict::failed
                           : core::judge_attempt(answer.response_code, d.attempts, settings_.max_attempts);
  switch (verdict) {
    case core::AttemptVerdict::delivered:
      outcome.status = store::DeliveryStatus::delivered;
      break;
    case core::AttemptVerdict::failed:
      outcome.status = store::DeliveryStatus::failed;
      break;
    case core::AttemptVerdict::retry:
      outcome.status = store::DeliveryStatus::pending;
      outcome.retry_at = now + retry_delay(d.attempts, settings_.retry_base, settings_.retry_max, unit_random());
      break;
  }
  if (auto rec = store_.record_webhook_attempt(d.id, owner_, outcome); !rec) {
    spdlog::warn("webhooks: delivery {} lost its lease before its attempt was recorded", d.id);
  }
  if (outcome.status == store::DeliveryStatus::failed) {
    spdlog::warn("webhooks: delivery {} ({}) failed after {} attempts: {}", d.id, d.event_type, d.attempts,
                 outcome.attempt.error);
  }
}

}  // namespace visitd::notify
