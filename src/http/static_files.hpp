#pragma once
// The built web UI (web/dist) served from disk: safe path resolution, content types,
// cache policy for Vite's hashed assets, and the single-page-app fallback to index.html.
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace visitd::http {

// The policy of every HTML answer; `frame_ancestors` is a CSP source list (core/embed_policy:
// "'none'" unless the page is a business's public page and the business lists sites that
// may embed it).
std::string html_content_security_policy(std::string_view frame_ancestors = "'none'");

// A 200 answer for a GET/HEAD of `req.path` (percent-decoded) under `root`, or nullopt when
// nothing may be served (missing file, `..` escape, not a regular file, API path).
// The body is always filled; the server drops it for HEAD. HTML answers carry
// html_content_security_policy(frame_ancestors).
std::optional<Response> serve_static(const std::string& root, const Request& req,
                                     std::string_view frame_ancestors = "'none'");

// Whether an Accept-Encoding header value accepts `coding` ("br", "gzip"), RFC 9110
// §12.5.3: named with q>0, or "*" with q>0 when not named. Text assets are then answered
// from their precompressed NAME.br / NAME.gz with Content-Encoding and Vary: Accept-Encoding.
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

// "text/html; charset=utf-8" for "index.html"; application/octet-stream when unknown.
std::string content_type_for(std::string_view filename);

}  // namespace visitd::http
