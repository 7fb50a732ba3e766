#pragma once
// Entity tags and conditional GET (RFC 9110 section 8.8.3 and 13.1.2).
#include <string>
#include <string_view>

namespace visitd::http {

// A strong entity tag for a representation: "\"<first 32 hex digits of its SHA-256>\"".
std::string strong_etag(std::string_view representation);

// Whether an If-None-Match field value (a list of entity tags, or "*") matches `etag`, with
// the weak comparison RFC 9110 asks for on GET: W/"x" matches "x". A malformed member
// matches nothing.
bool if_none_match(std::string_view field_value, std::string_view etag);

}  // namespace visitd::http
