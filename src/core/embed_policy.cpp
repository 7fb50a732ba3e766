#include "core/embed_policy.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace visitd::core {

namespace {

constexpr std::string_view kScheme = "https://";

bool host_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }

// A DNS name or IPv4 literal: labels of letters, digits and inner hyphens (RFC 1123).
bool plausible_host(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.') return false;
  if (!std::all_of(host.begin(), host.end(), host_char)) return false;
  std::size_t start = 0;
  while (start <= host.size()) {
    auto dot = host.find('.', start);
    std::string_view label = host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

std::optional<std::string> canonical_origin(std::string origin) {
  std::transform(origin.begin(), origin.end(), origin.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (origin.rfind(kScheme, 0) != 0) return std::nullopt;
  std::string_view rest = std::string_view(origin).substr(kScheme.size());
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  std::string_view host = rest;
  std::string_view port;
  if (auto colon = rest.find(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return std::nullopt;
    const int n = std::stoi(std::string(port));
    if (n < 1 || n > 65535) return std::nullopt;
    if (n == 443) port = {};
  }
  if (!plausible_host(host)) return std::nullopt;  // also refuses '/', '?', '#', '@', '*'
  std::string out(kScheme);
  out += host;
  if (!port.empty()) {
    out += ':';
    out += std::to_string(std::stoi(std::string(port)));
  }
  return out;
}

}  // namespace

Result<std::vector<std::string>> normalize_embed_origins(const std::vector<std::string>& origins) {
  if (origins.size() > kMaxEmbedOrigins)
    return Error::invalid("origins", "must list at most " + std::to_string(kMaxEmbedOrigins) + " sites");
  std::vector<FieldError> errors;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < origins.size(); ++i) {
    const std::string field = "origins[" + std::to_string(i) + "]";
    std::optional<std::string> canonical;
    if (origins[i].size() <= kMaxEmbedOriginLength) canonical = canonical_origin(origins[i]);
    if (!canonical) {
      errors.push_back({field, "must be a site address like https://www.example.com (https, no path)"});
      continue;
    }
    if (std::find(out.begin(), out.end(), *canonical) == out.end()) out.push_back(std::move(*canonical));
  }
  if (!errors.empty()) return Error::invalid_fields(std::move(errors));
  return out;
}

std::string frame_ancestors(const std::vector<std::string>& origins) {
  if (origins.empty()) return "'none'";
  std::string out;
  for (const auto& o : origins) {
    if (!out.empty()) out += ' ';
    out += o;
  }
  return out;
}

}  // namespace visitd::core
