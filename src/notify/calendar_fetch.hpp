#pragma once
// One fetch of an external calendar's address with libcurl (issue I): a conditional GET
// (If-None-Match / If-Modified-Since from the last 200), connect and total timeouts, a size
// limit on the decoded body, at most kMaxRedirects redirects, each hop through the SSRF guard
// (notify/ssrf_guard) and pinned to the address it checked. Blocking: run it on a worker.
#include <chrono>
#include <cstddef>
#include <string>

namespace visitd::notify {

struct FetchLimits {
  std::chrono::seconds connect_timeout{5};
  std::chrono::seconds total_timeout{20};
  std::size_t max_bytes = 5 * 1024 * 1024;
  bool allow_private = false;  // VISITD_FETCH_ALLOW_PRIVATE
};

inline constexpr int kMaxRedirects = 3;

struct FetchRequest {
  std::string url;
  std::string etag;           // of the last 200; empty = none
  std::string last_modified;  // of the last 200; empty = none
};

struct FetchResult {
  enum class Kind { fetched, not_modified, failed };
  Kind kind = Kind::failed;
  std::string body;  // fetched: the text
  std::string etag;  // fetched: validators to send next time
  std::string last_modified;
  std::string error;  // failed: a sentence for the provider (never the secret address)
};

FetchResult fetch_calendar(const FetchRequest& request, const FetchLimits& limits);

}  // namespace visitd::notify
