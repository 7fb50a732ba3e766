#pragma once
// The request target (RFC 9112 §3.2.1 origin-form, "/path?query") as handlers see it: the
// percent-decoded path and query parameters (Boost.URL). Kept out of server.cpp so it can be
// unit-tested and fuzzed without Beast.
#include <optional>
#include <string_view>

#include "http/message.hpp"

namespace visitd::http {

// Fills req.path and req.query from `target`. Returns a 400 problem naming the field "target"
// when it is not origin-form, or when its path holds an encoded '/' (one segment posing as two)
// or a NUL; nullopt when filled.
std::optional<Response> fill_target(std::string_view target, Request& req);

}  // namespace visitd::http
