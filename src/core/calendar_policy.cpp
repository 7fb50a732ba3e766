#include "core/calendar_policy.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace visitd::core {

namespace {

bool starts_with_nocase(const std::string& s, const std::string& prefix) {
  return s.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

Error bad(const std::string& field, std::string message) { return Error::invalid(field, std::move(message)); }

}  // namespace

Interval feed_window(Instant now) { return {now - kFeedRecent, now + kFeedUpcoming}; }

Result<std::string> normalize_calendar_url(const std::string& text, const std::string& field) {
  if (text.size() > kMaxCalendarUrlLength) return bad(field, "is too long");
  if (std::any_of(text.begin(), text.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7f; }))
    return bad(field, "must not contain spaces or control characters");
  // The calendar apps' webcal:// (and webcals://) is the same subscription over https.
  static constexpr std::pair<const char*, const char*> kSchemes[] = {
      {"https://", "https://"}, {"http://", "http://"}, {"webcals://", "https://"}, {"webcal://", "https://"}};
  std::string rest;
  std::string scheme;
  for (const auto& [prefix, to] : kSchemes) {
    if (starts_with_nocase(text, prefix)) {
      scheme = to;
      rest = text.substr(std::string(prefix).size());
      break;
    }
  }
  if (scheme.empty()) return bad(field, "must be an http, https or webcal address");
  const std::string authority = rest.substr(0, rest.find_first_of("/?#"));
  const std::string host = authority.substr(authority.find('@') == std::string::npos ? 0 : authority.find('@') + 1);
  if (host.empty() || host.front() == ':') return bad(field, "must name a host");
  return scheme + rest;
}

Status validate_refresh_minutes(int minutes, const std::string& field) {
  if (minutes < kMinRefreshMinutes || minutes > kMaxRefreshMinutes)
    return bad(field,
               "must be between " + std::to_string(kMinRefreshMinutes) + " and " + std::to_string(kMaxRefreshMinutes));
  return ok_status();
}

}  // namespace visitd::core
