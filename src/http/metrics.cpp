#include "http/metrics.hpp"

#include <charconv>

namespace visitd::http {

namespace {

// Prometheus text format 0.0.4: label values escape backslash, double quote and newline.
void append_label_value(std::string& out, const std::string& v) {
  out += '"';
  for (char c : v) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  out += '"';
}

void append_number(std::string& out, double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void append_metric(std::string& out, const char* type, const char* name, const char* help, unsigned long long value) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
  out += name;
  out += ' ';
  out += std::to_string(value);
  out += '\n';
}

void append_counter(std::string& out, const char* name, const char* help, unsigned long long value) {
  append_metric(out, "counter", name, help, value);
}

void append_gauge(std::string& out, const char* name, const char* help, unsigned long long value) {
  append_metric(out, "gauge", name, help, value);
}

void append_connections(std::string& out, const ConnectionCounters& c) {
  append_gauge(out, "visitd_http_connections_open", "HTTP and WebSocket connections held now.", c.open.load());
  append_gauge(out, "visitd_http_connections_max", "Connections held at most (below the file limit).",
               c.max_connections.load());
  append_gauge(out, "visitd_http_connections_per_address_max", "Connections one client address may hold.",
               c.max_per_address.load());
  append_gauge(out, "visitd_http_header_timeout_seconds", "Time a client has to send a whole request header.",
               c.header_timeout_s.load());
  append_gauge(out, "visitd_http_body_timeout_seconds", "Time a client has to send a whole request body.",
               c.body_timeout_s.load());
  append_counter(out, "visitd_http_connections_refused_global_total",
                 "Connections closed at accept because the global cap was full.", c.refused_global.load());
  append_counter(out, "visitd_http_connections_refused_per_address_total",
                 "Connections closed at accept because their address held its cap.", c.refused_per_address.load());
  append_counter(out, "visitd_http_header_timeouts_total", "Connections dropped for a header not sent in time.",
                 c.header_timeouts.load());
  append_counter(out, "visitd_http_body_timeouts_total", "Connections dropped for a body not sent in time.",
                 c.body_timeouts.load());
}

}  // namespace

void Metrics::observe_request(const std::string& method, const std::string& route, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[Key{method, route, status}];
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < std::size(kBuckets); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.counts[i];  // per-bucket here; render() makes them cumulative
      break;
    }
  }
  ++h.total;
  h.sum += seconds;
}

std::string Metrics::render() const {
  std::string out;
  {
    std::lock_guard lock(mu_);
    out += "# HELP visitd_http_requests_total HTTP requests by method, route pattern and status.\n";
    out += "# TYPE visitd_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      out += "visitd_http_requests_total{method=";
      append_label_value(out, key.method);
      out += ",route=";
      append_label_value(out, key.route);
      out += ",status=\"";
      out += std::to_string(key.status);
      out += "\"} ";
      out += std::to_string(count);
      out += '\n';
    }
    out += "# HELP visitd_http_request_duration_seconds HTTP request latency by route pattern.\n";
    out += "# TYPE visitd_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
      unsigned long long cumulative = 0;
      for (std::size_t i = 0; i < std::size(kBuckets); ++i) {
        cumulative += h.counts[i];
        out += "visitd_http_request_duration_seconds_bucket{route=";
        append_label_value(out, route);
        out += ",le=\"";
        append_number(out, kBuckets[i]);
        out += "\"} ";
        out += std::to_string(cumulative);
        out += '\n';
      }
      out += "visitd_http_request_duration_seconds_bucket{route=";
      append_label_value(out, route);
      out += ",le=\"+Inf\"} ";
      out += std::to_string(h.total);
      out += "\nvisitd_http_request_duration_seconds_sum{route=";
      append_label_value(out, route);
      out += "} ";
      append_number(out, h.sum);
      out += "\nvisitd_http_request_duration_seconds_count{route=";
      append_label_value(out, route);
      out += "} ";
      out += std::to_string(h.total);
      out += '\n';
    }
  }
  append_counter(out, "visitd_bookings_created_total", "Bookings created.", bookings_created_.load());
  append_counter(out, "visitd_bookings_cancelled_total", "Bookings cancelled.", bookings_cancelled_.load());
  append_counter(out, "visitd_bookings_rescheduled_total", "Bookings rescheduled.", bookings_rescheduled_.load());
  append_counter(out, "visitd_booking_conflicts_total", "Booking attempts refused because the slot was taken.",
                 booking_conflicts_.load());
  append_counter(out, "visitd_rate_limited_total", "Requests refused by a rate limit.", rate_limited_.load());
  append_connections(out, connections_);
  {
    std::lock_guard lock(mu_);
    out += "# HELP visitd_throttled_total Requests refused by a budget beyond the client address.\n";
    out += "# TYPE visitd_throttled_total counter\n";
    for (const char* budget : {"login_network", "login_account", "booking_network", "booking_business"}) {
      auto it = throttled_.find(budget);
      out += "visitd_throttled_total{budget=\"";
      out += budget;
      out += "\"} " + std::to_string(it == throttled_.end() ? 0ULL : it->second) + "\n";
    }
  }
  std::vector<std::function<std::string()>> sources;
  {
    std::lock_guard lock(mu_);
    sources = sources_;
  }
  for (const auto& source : sources) out += source();
  return out;
}

void Metrics::throttled(const std::string& budget) {
  rate_limited();
  std::lock_guard lock(mu_);
  ++throttled_[budget];
}

void Metrics::add_source(std::function<std::string()> source) {
  std::lock_guard lock(mu_);
  sources_.push_back(std::move(source));
}

}  // namespace visitd::http
