// Every route's request decoders (JSON bodies, query strings, path parameters, SMS forms),
// reached through the real handlers as the business owner: any input is answered, never a
// crash, and never a 5xx other than 503 (rooms are off here).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api_fixture.hpp"
#include "http/request_target.hpp"

namespace {

// The pattern with each {name} replaced: {businessId} by the demo business (so owner checks
// pass and the decoders run), anything else by `fill`.
std::string concrete_path(const std::string& pattern, const std::string& business_id, const std::string& fill) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i);
      out += pattern.compare(i, close - i + 1, "{businessId}") == 0 ? business_id : fill;
      i = close + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& api = visitd::fuzz::api_fixture();
  static const auto routes = api.router.routes();
  if (size < 1) return 0;
  // Layout: route index byte, then "id-segment \n query \n body".
  const auto& route = routes[data[0] % routes.size()];
  if (route.pattern == "/api/v1/live") return 0;  // the WebSocket upgrade (live_messages)
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto nl1 = rest.find('\n');
  const auto nl2 = nl1 == std::string::npos ? std::string::npos : rest.find('\n', nl1 + 1);
  std::string fill = rest.substr(0, nl1);
  if (fill.empty() || fill.find_first_of("/?#%") != std::string::npos) fill = "x";
  const std::string query = nl1 == std::string::npos ? "" : rest.substr(nl1 + 1, nl2 - nl1 - 1);
  const std::string body = nl2 == std::string::npos ? "" : rest.substr(nl2 + 1);

  visitd::http::Request req;
  req.method = route.method;
  std::string target = concrete_path(route.pattern, api.business_id, fill);
  if (!query.empty()) target += "?" + query;
  if (visitd::http::fill_target(target, req)) return 0;  // the server answers 400 before routing
  auto m = api.router.match(req.method, req.path);
  if (!m.handler) return 0;
  req.params = m.params;
  req.headers["cookie"] = api.cookie;
  req.headers["x-csrf-token"] = api.csrf;
  req.headers["x-twilio-signature"] = "accepted-by-the-fixture";
  req.headers["content-type"] =
      route.pattern.rfind("/api/v1/sms/", 0) == 0 ? "application/x-www-form-urlencoded" : "application/json";
  req.body = body;
  req.remote_ip = "127.0.0.1";
  const visitd::http::Response res = (*m.handler)(req);
  if (res.status >= 500 && res.status != 503) std::abort();
  return 0;
}
