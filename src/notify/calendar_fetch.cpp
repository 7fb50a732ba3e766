#include "notify/calendar_fetch.hpp"

#include <curl/curl.h>

#include <cctype>
#include <memory>

#include "notify/ssrf_guard.hpp"

namespace visitd::notify {

namespace {

struct Sink {
  std::string body;
  std::size_t max = 0;
  bool too_large = false;
  std::string etag, last_modified;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* s = static_cast<Sink*>(user);
  if (s->body.size() + size * n > s->max) {
    s->too_large = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  s->body.append(data, size * n);
  return size * n;
}

std::string trimmed(std::string v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
  std::size_t i = 0;
  while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
  return v.substr(i);
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* s = static_cast<Sink*>(user);
  const std::string line(data, size * n);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "etag") s->etag = trimmed(line.substr(colon + 1));
    if (name == "last-modified") s->last_modified = trimmed(line.substr(colon + 1));
  }
  return size * n;
}

FetchResult failed(std::string why) {
  FetchResult r;
  r.kind = FetchResult::Kind::failed;
  r.error = std::move(why);
  return r;
}

std::string mebibytes(std::size_t bytes) {
  return bytes % (1024 * 1024) == 0 ? std::to_string(bytes / (1024 * 1024)) + " MiB" : std::to_string(bytes) + " bytes";
}

}  // namespace

FetchResult fetch_calendar(const FetchRequest& request, const FetchLimits& limits) {
  std::string url = request.url;
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    auto target = check_target(url, limits.allow_private);
    if (!target) return failed(target.error().detail);

    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return failed("internal error (curl)");
    curl_slist* pin = curl_slist_append(nullptr, curl_resolve_entry(*target).c_str());
    curl_slist* headers = curl_slist_append(nullptr, "Accept: text/calendar, */*;q=0.5");
    if (hop == 0 && !request.etag.empty())
      headers = curl_slist_append(headers, ("If-None-Match: " + request.etag).c_str());
    if (hop == 0 && !request.last_modified.empty())
      headers = curl_slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> own_pin(pin, curl_slist_free_all);
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> own_headers(headers, curl_slist_free_all);

    Sink sink;
    sink.max = limits.max_bytes;
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_RESOLVE, pin);  // connect where the guard looked
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // each hop goes through the guard
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_NOPROXY, "*");  // a proxy would connect where the guard did not look
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits.connect_timeout.count() * 1000));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.total_timeout.count() * 1000));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // gzip etc.; the limit counts decoded bytes
    curl_easy_setopt(h, CURLOPT_USERAGENT, "visitd-calendar-fetch/1");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &sink);

    const CURLcode rc = curl_easy_perform(h);
    if (sink.too_large || rc == CURLE_FILESIZE_EXCEEDED)
      return failed("the calendar is larger than " + mebibytes(limits.max_bytes));
    if (rc == CURLE_OPERATION_TIMEDOUT)
      return failed("no complete answer within " + std::to_string(limits.total_timeout.count()) + " seconds");
    if (rc != CURLE_OK) return failed(std::string("could not fetch: ") + curl_easy_strerror(rc));

    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (status == 304 && hop == 0) {
      FetchResult r;
      r.kind = FetchResult::Kind::not_modified;
      return r;
    }
    if (status >= 300 && status < 400) {
      char* next = nullptr;
      curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &next);
      if (next == nullptr) return failed("redirected without a location (HTTP " + std::to_string(status) + ")");
      url = next;
      continue;
    }
    if (status != 200) return failed("the calendar server answered HTTP " + std::to_string(status));
    FetchResult r;
    r.kind = FetchResult::Kind::fetched;
    r.body = std::move(sink.body);
    // Validators only of the address we were given (a redirect's target may change them).
    if (hop == 0) {
      r.etag = std::move(sink.etag);
      r.last_modified = std::move(sink.last_modified);
    }
    return r;
  }
  return failed("more than " + std::to_string(kMaxRedirects) + " redirects");
}

}  // namespace visitd::notify
