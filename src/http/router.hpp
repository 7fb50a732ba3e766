#pragma once
// Method + path-pattern routing. Patterns use {name} segments:
//   "/api/v1/businesses/{businessId}/providers/{providerId}"
// The matched pattern (not the concrete path) labels metrics and logs.
#include <string>
#include <vector>

#include "http/message.hpp"

namespace visitd::http {

struct RouteInfo {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;  // null: no route
    std::string pattern;               // matched pattern, for labels
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
  };
  std::vector<Route> routes_;
};

}  // namespace visitd::http
