#include "store/webhook_text.hpp"

#include <algorithm>

namespace visitd::store {

const char* to_string(DeliveryStatus s) { return delivery_status_column_text(s); }

std::string join_event_types(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& t : types) {
    if (!out.empty()) out += ',';
    out += t;
  }
  return out;
}

std::vector<std::string> split_event_types(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto part = text.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

bool subscribes_to(std::string_view joined, std::string_view type) {
  const auto types = split_event_types(joined);
  return std::find(types.begin(), types.end(), type) != types.end();
}

const char* delivery_status_column_text(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::pending:
      return "pending";
    case DeliveryStatus::sending:
      return "sending";
    case DeliveryStatus::delivered:
      return "delivered";
    case DeliveryStatus::failed:
      return "failed";
  }
  return "failed";
}

DeliveryStatus delivery_status_column(std::string_view text) {
  for (auto s : {DeliveryStatus::pending, DeliveryStatus::sending, DeliveryStatus::delivered}) {
    if (text == delivery_status_column_text(s)) return s;
  }
  return DeliveryStatus::failed;
}

}  // namespace visitd::store
