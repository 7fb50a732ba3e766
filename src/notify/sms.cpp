#include "notify/sms.hpp"

#include <curl/curl.h>

#include <boost/json/parse.hpp>

namespace visitd::notify {
namespace {

constexpr std::size_t kMaxResponse = 64 * 1024;

std::size_t collect(char* ptr, std::size_t size, std::size_t nmemb, void* userp) {
  auto* out = static_cast<std::string*>(userp);
  const std::size_t n = size * nmemb;
  if (out->size() + n > kMaxResponse) return 0;  // aborts the transfer: no unbounded reads
  out->append(ptr, n);
  return n;
}

std::string escape(CURL* c, const std::string& s) {
  char* e = curl_easy_escape(c, s.c_str(), static_cast<int>(s.size()));
  std::string out = e ? e : "";
  curl_free(e);
  return out;
}

// Twilio error codes meaning the recipient unsubscribed (replied STOP to this sender).
constexpr std::int64_t kTwilioUnsubscribed = 21610;

std::string json_code(const boost::json::value& v) {
  if (!v.is_object()) return {};
  const auto* p = v.as_object().if_contains("code");
  if (!p) return {};
  if (p->is_int64()) return std::to_string(p->as_int64());
  if (p->is_uint64()) return std::to_string(p->as_uint64());
  if (p->is_string()) return std::string(p->as_string()).substr(0, 16);
  return {};
}

// Retry-After is delay-seconds or an HTTP-date (RFC 9110 10.2.3); curl_getdate parses the
// three date forms HTTP allows.
void read_retry_after(CURL* c, SendResult& r) {
  struct curl_header* h = nullptr;
  if (curl_easy_header(c, "Retry-After", 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h || !h->value) return;
  const std::string value = h->value;
  const auto digits = value.find_first_not_of("0123456789");
  if (!value.empty() && digits == std::string::npos && value.size() <= 9) {
    r.retry_after = core::Seconds(std::stoll(value));
    return;
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when > 0) r.retry_not_before = core::Instant(core::Seconds(static_cast<long long>(when)));
}

std::string json_string(const boost::json::value& v, const char* key) {
  if (!v.is_object()) return {};
  const auto* p = v.as_object().if_contains(key);
  if (!p || !p->is_string()) return {};
  return std::string(p->as_string());
}

}  // namespace

SendResult TwilioSmsTransport::send_sms(const std::string& to, const std::string& body) {
  SendResult r;
  auto lease = handles_.acquire();
  if (!lease.get()) {
    r.error = "curl_easy_init failed";
    return r;
  }
  CURL* c = lease.get();
  std::string base = settings_.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string url = base + "/2010-04-01/Accounts/" + escape(c, settings_.account_sid) + "/Messages.json";
  std::string form = "To=" + escape(c, to) + "&From=" + escape(c, settings_.from) + "&Body=" + escape(c, body);
  if (!settings_.status_callback_url.empty()) form += "&StatusCallback=" + escape(c, settings_.status_callback_url);
  std::string response;
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, form.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(form.size()));
  curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  curl_easy_setopt(c, CURLOPT_USERNAME, settings_.account_sid.c_str());
  curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.auth_token.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &response);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_s));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    // libcurl already retries a request whose reused connection turned out closed; anything
    // else leaves the connection in doubt: drop it.
    lease.discard();
    r.error = std::string("sms: ") + (errbuf[0] ? errbuf : curl_easy_strerror(rc));
    return r;
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(response, ec);
  if (status >= 200 && status < 300) {
    r.carrier_id = ec ? std::string() : json_string(v, "sid");
    if (r.carrier_id.empty()) {
      r.error = "sms: gateway answered without a message sid";
      return r;
    }
    r.ok = true;
    return r;
  }
  r.error = "sms: gateway answered " + std::to_string(status);
  if (!ec) {
    r.error_code = json_code(v);
    if (!r.error_code.empty()) r.error += " (error " + r.error_code + ")";
    const std::string msg = json_string(v, "message");
    if (!msg.empty()) r.error += ": " + msg.substr(0, 200);
  }
  read_retry_after(c, r);
  // 4xx other than throttling: the request itself is wrong (bad number, unsubscribed).
  r.permanent = status >= 400 && status < 500 && status != 429 && status != 408;
  r.opted_out = r.error_code == std::to_string(kTwilioUnsubscribed);
  return r;
}

}  // namespace visitd::notify
