#include "http/request_target.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <cctype>
#include <string>

#include "http/problem.hpp"

namespace visitd::http {

std::optional<Response> fill_target(std::string_view target_text, Request& req) {
  auto target = boost::urls::parse_origin_form(target_text);
  if (!target) return bad_request("target", "The request target is not a valid origin-form URL.");
  // An encoded '/' would let one segment pose as two, and NUL ends strings in C APIs: refuse both.
  std::string encoded_path(target->encoded_path());
  std::transform(encoded_path.begin(), encoded_path.end(), encoded_path.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (encoded_path.find("%2f") != std::string::npos) {
    return bad_request("target", "The path must not contain an encoded '/'.");
  }
  req.path = target->path();
  if (req.path.find('\0') != std::string::npos) return bad_request("target", "The path must not contain NUL.");
  for (auto param : target->params()) req.query.emplace(std::move(param.key), std::move(param.value));
  return std::nullopt;
}

}  // namespace visitd::http
