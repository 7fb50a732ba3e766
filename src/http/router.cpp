#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace visitd::http {

namespace {

// "/a/b/" -> {"a", "b", ""}: a trailing slash is a distinct (empty) segment, so
// "/x/" never matches "/x/{id}" and "/x" never matches "/x/".
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Specificity of a pattern for a path it matches: a literal beats a parameter at the
// first position where two candidate patterns differ, so "/x/special" wins over "/x/{id}".
bool more_specific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    bool a_lit = !is_param(a[i]);
    bool b_lit = !is_param(b[i]);
    if (a_lit != b_lit) return a_lit;
  }
  return false;
}

bool method_takes_json(const std::string& method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

}  // namespace

const char* to_string(Body body) {
  switch (body) {
    case Body::json:
      return "json";
    case Body::none:
      return "none";
    case Body::other:
      return "other";
  }
  return "none";
}

void Router::add(std::string method, std::string pattern, Handler handler, Runs runs, std::optional<Body> body) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  for (const auto& r : routes_) {
    if (r.method == method && r.pattern == pattern) {
      throw std::logic_error("route registered twice: " + method + " " + pattern);
    }
  }
  Route route;
  route.segments = split_path(pattern);
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.body = body.value_or(method_takes_json(route.method) ? Body::json : Body::none);
  route.handler = std::move(handler);
  route.runs = runs;
  routes_.push_back(std::move(route));
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match result;
  const std::vector<std::string> segments = split_path(path);
  if (segments.empty()) return result;

  const Route* best_any = nullptr;     // most specific pattern for this path, any method
  const Route* best_method = nullptr;  // most specific pattern with the requested method
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      ok = is_param(route.segments[i]) ? !segments[i].empty() : route.segments[i] == segments[i];
    }
    if (!ok) continue;
    if (std::find(result.allowed.begin(), result.allowed.end(), route.method) == result.allowed.end()) {
      result.allowed.push_back(route.method);
    }
    if (best_any == nullptr || more_specific(route.segments, best_any->segments)) best_any = &route;
    if (route.method == method && (best_method == nullptr || more_specific(route.segments, best_method->segments))) {
      best_method = &route;
    }
  }
  if (best_any == nullptr) return result;
  std::sort(result.allowed.begin(), result.allowed.end());

  const Route* chosen = best_method != nullptr ? best_method : best_any;
  result.pattern = chosen->pattern;
  if (best_method == nullptr) {
    result.path_known = true;
    return result;
  }
  result.handler = &best_method->handler;
  result.runs = best_method->runs;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& seg = chosen->segments[i];
    if (is_param(seg)) result.params[seg.substr(1, seg.size() - 2)] = segments[i];
  }
  return result;
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_) out.push_back({r.method, r.pattern, r.body});
  return out;
}

}  // namespace visitd::http
