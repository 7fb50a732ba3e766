#pragma once
// The webhook worker inside `visitd serve`: every interval it claims due deliveries under a
// lease (several instances may run; the store's claim keeps them apart and holds back a
// subject's later deliveries until its earlier one is settled), signs each at send time
// (Standard Webhooks: a fresh webhook-timestamp per attempt, the same webhook-id for every
// attempt and redelivery), posts it, and logs the attempt. A 2xx answer delivers it; 410
// fails it; anything else (or no answer) is retried with backoff until the attempts run out.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "notify/webhook_sender.hpp"
#include "store/webhooks.hpp"

namespace visitd::notify {

struct WebhookWorkerSettings {
  std::chrono::milliseconds interval{1000};
  int batch = 50;
  core::Seconds lease{120};
  int max_attempts = 8;
  core::Seconds retry_base{30};
  core::Seconds retry_max{3600};
};

class WebhookWorker {
 public:
  WebhookWorker(store::WebhookStore& store, const core::Clock& clock, std::shared_ptr<WebhookSender> sender,
                WebhookWorkerSettings settings);
  ~WebhookWorker();
  WebhookWorker(const WebhookWorker&) = delete;
  WebhookWorker& operator=(const WebhookWorker&) = delete;

  void start();
  void stop();
  // One claim-and-send pass; returns how many deliveries it handled.
  int run_once();

 private:
  void handle(const store::WebhookDelivery& d);

  store::WebhookStore& store_;
  const core::Clock& clock_;
  std::shared_ptr<WebhookSender> sender_;
  WebhookWorkerSettings settings_;
  std::string owner_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace visitd::notify
