#include "live/live_metrics.hpp"

namespace visitd::live {

namespace {
void metric(std::string& out, const char* name, const char* type, const char* help, long long value) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
         std::to_string(value) + "\n";
}
}  // namespace

std::string LiveMetrics::render() const {
  std::string out;
  metric(out, "visitd_live_connections", "gauge", "Open WebSocket connections.", connections.load());
  metric(out, "visitd_live_rooms_open", "gauge", "Rooms with at least one participant on this instance.",
         rooms_open.load());
  metric(out, "visitd_live_messages_relayed_total", "counter", "Messages delivered to live connections.",
         static_cast<long long>(messages_relayed.load()));
  metric(out, "visitd_live_slow_client_disconnects_total", "counter",
         "Connections dropped because they did not read fast enough.",
         static_cast<long long>(slow_client_disconnects.load()));
  metric(out, "visitd_live_rate_limited_disconnects_total", "counter",
         "Connections closed for sending too many messages.", static_cast<long long>(rate_limited_disconnects.load()));
  metric(out, "visitd_live_auth_failures_total", "counter", "Connections refused at authentication.",
         static_cast<long long>(auth_failures.load()));
  return out;
}

}  // namespace visitd::live
