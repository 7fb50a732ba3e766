#pragma once
// Method + path-pattern routing. Patterns use {name} segments:
//   "/api/v1/businesses/{businessId}/providers/{providerId}"
// The matched pattern (not the concrete path) labels metrics and logs.
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace visitd::http {

// Where a handler runs. Anything that touches the store, checks a password or reads files
// runs on the worker pool; only handlers that never block (liveness, metrics) may answer on
// the network thread, so they keep answering while the pool is saturated.
enum class Runs { on_worker, on_network_thread };

// What a route's request body is. json: a JSON object read strictly (json_io: unknown and
// repeated keys are refused by name). none: the handler reads no body (one sent is ignored,
// as docs/openapi.yaml states). other: form fields or an image, read by the handler. By
// default POST, PUT and PATCH take json, other methods none. `visitd routes --bodies` prints
// it; the strict-JSON test is generated from it.
enum class Body { json, none, other };
const char* to_string(Body body);

struct RouteInfo {
  std::string method;
  std::string pattern;
  Body body = Body::none;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, Runs runs = Runs::on_worker,
           std::optional<Body> body = std::nullopt);

  struct Match {
    const Handler* handler = nullptr;  // null: no route
    Runs runs = Runs::on_worker;
    std::string pattern;  // matched pattern, for labels
    std::map<std::string, std::string> params;
    bool path_known = false;           // path matched but method did not -> 405
    std::vector<std::string> allowed;  // methods for the Allow header
  };
  [[nodiscard]] Match match(const std::string& method, const std::string& path) const;
  [[nodiscard]] std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    Runs runs = Runs::on_worker;
    Body body = Body::none;
  };
  std::vector<Route> routes_;
};

}  // namespace visitd::http
