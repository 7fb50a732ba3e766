#pragma once
// The HTTP request/response as handlers see them: plain values, no Beast types, so
// handler files compile fast and tests can call them directly.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace visitd::http {

struct Request {
  std::string method;                             // "GET", "POST", ...
  std::string path;                               // percent-decoded path, no query
  std::multimap<std::string, std::string> query;  // percent-decoded (Boost.URL)
  std::map<std::string, std::string> headers;     // names lower-cased
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::map<std::string, std::string> params;  // path parameters filled by the router

  [[nodiscard]] std::optional<std::string> header(std::string_view lower_name) const;
  [[nodiscard]] std::optional<std::string> query_param(std::string_view name) const;
  [[nodiscard]] std::optional<std::string> cookie(std::string_view name) const;
  [[nodiscard]] const std::string& param(const std::string& name) const { return params.at(name); }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, Location, ...)

  Response& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

using Handler = std::function<Response(Request&)>;

}  // namespace visitd::http
