#include "notify/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace visitd::notify {
namespace {

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_chunk(char* buffer, std::size_t size, std::size_t nitems, void* userp) {
  auto* up = static_cast<Upload*>(userp);
  const std::size_t room = size * nitems;
  const std::size_t n = std::min(room, up->data->size() - up->offset);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

}  // namespace

// One MAIL FROM / RCPT TO / DATA transaction on `c`. `broken_reused` tells whether it failed
// at the transport level on a connection opened for an earlier message (typically the relay
// closed it while idle). Retrying such a failure at once is no weaker than the outbox's own
// retry: a relay dying between accepting the data and its reply may see the mail twice either
// way (at-least-once to the wire, same Message-ID).
SendResult SmtpTransport::transact(CURL* c, const std::string& from, const std::string& to, const std::string& mime,
                                   bool& broken_reused) {
  SendResult r;
  broken_reused = false;
  const std::string scheme = settings_.tls == SmtpTls::implicit ? "smtps://" : "smtp://";
  const std::string url = scheme + settings_.host + ":" + std::to_string(settings_.port);
  Upload up{&mime};
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> rcpt_guard(rcpt, curl_slist_free_all);
  const std::string mail_from = "<" + from + ">";
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_chunk);
  curl_easy_setopt(c, CURLOPT_READDATA, &up);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_s));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(std::min(settings_.timeout_s, 10)));
  curl_easy_setopt(c, CURLOPT_MAXAGE_CONN, static_cast<long>(settings_.idle_reuse_s));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  if (settings_.tls == SmtpTls::starttls) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  // Verification always stays on; a private relay CA is added by file, never by skipping checks.
  if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
  if (!settings_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) {
    r.ok = true;
    return r;
  }
  long smtp_code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &smtp_code);
  long new_connections = 0;
  curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &new_connections);
  const bool transport_error = rc == CURLE_SEND_ERROR || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING;
  broken_reused = transport_error && new_connections == 0;
  r.error = std::string("smtp: ") + (errbuf[0] ? errbuf : curl_easy_strerror(rc));
  if (smtp_code) r.error += " (" + std::to_string(smtp_code) + ")";
  // 5xx for this recipient will not change by itself, but a relay's 5xx for a misconfigured
  // sender might: all SMTP failures are retried up to the limit, then marked failed.
  return r;
}

SendResult SmtpTransport::send_mail(const std::string& from, const std::string& to, const std::string& mime) {
  auto lease = handles_.acquire();
  if (!lease.get()) {
    SendResult r;
    r.error = "curl_easy_init failed";
    return r;
  }
  bool broken_reused = false;
  SendResult r = transact(lease.get(), from, to, mime, broken_reused);
  if (r.ok) return r;
  // A failed transaction may leave the session in any state: never offer it again.
  lease.discard();
  if (!broken_reused) return r;
  auto fresh = handles_.acquire_fresh();
  if (!fresh.get()) return r;
  r = transact(fresh.get(), from, to, mime, broken_reused);
  if (!r.ok) fresh.discard();
  return r;
}

}  // namespace visitd::notify
