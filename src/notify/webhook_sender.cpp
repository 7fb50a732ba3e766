#include "notify/webhook_sender.hpp"

#include <curl/curl.h>

#include <memory>

#include "notify/ssrf_guard.hpp"

namespace visitd::notify {
namespace {

// The receiver's answer is not read: only its status counts (Standard Webhooks).
std::size_t discard(char*, std::size_t size, std::size_t nmemb, void*) { return size * nmemb; }

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

WebhookAnswer CurlWebhookSender::post(const WebhookRequest& r) {
  WebhookAnswer answer;
  auto target = check_target(r.url, allow_private_);
  if (!target) {
    answer.refused_target = true;
    answer.error = "target refused: " + target.error().detail;
    return answer;
  }
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    answer.error = "could not start an HTTP client";
    return answer;
  }
  CURL* c = curl.get();
  // Connect to the checked addresses only: a second lookup by libcurl could answer otherwise.
  std::unique_ptr<curl_slist, SlistDeleter> resolve(curl_slist_append(nullptr, curl_resolve_entry(*target).c_str()));
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  for (const std::string& h : {std::string("Content-Type: application/json"), "webhook-id: " + r.message_id,
                               "webhook-timestamp: " + std::to_string(r.timestamp), "webhook-signature: " + r.signature,
                               std::string("User-Agent: visitd-webhooks/1"), std::string("Expect:")}) {
    headers.reset(curl_slist_append(headers.release(), h.c_str()));
  }
  curl_easy_setopt(c, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(c, CURLOPT_RESOLVE, resolve.get());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count() * 1000));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
  const CURLcode rc = curl_easy_perform(c);
  curl_off_t micros = 0;
  curl_easy_getinfo(c, CURLINFO_TOTAL_TIME_T, &micros);
  answer.latency_ms = static_cast<int>(micros / 1000);
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  answer.response_code = static_cast<int>(code);
  if (rc != CURLE_OK && answer.response_code == 0) answer.error = curl_easy_strerror(rc);
  return answer;
}

}  // namespace visitd::notify
