#pragma once
// How both stores spell webhook values in their columns: event types as one comma-separated
// text, delivery statuses as the schema's CHECK names them.
#include <string>
#include <string_view>
#include <vector>

#include "store/webhooks.hpp"

namespace visitd::store {

std::string join_event_types(const std::vector<std::string>& types);
std::vector<std::string> split_event_types(std::string_view text);
// Whether a joined list holds `type` exactly.
bool subscribes_to(std::string_view joined, std::string_view type);
const char* delivery_status_column_text(DeliveryStatus s);
// Unknown text (the CHECK makes it impossible) reads as failed: never sent again.
DeliveryStatus delivery_status_column(std::string_view text);

}  // namespace visitd::store
