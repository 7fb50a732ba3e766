#pragma once
// Which sites may show a business's public booking pages in an iframe (issue I, embeds):
// the business's allowlist of origins, and the CSP `frame-ancestors` value built from it
// (CSP Level 3 §6.4.2, origins as RFC 6454 serialises them).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace visitd::core {

inline constexpr std::size_t kMaxEmbedOrigins = 10;
inline constexpr std::size_t kMaxEmbedOriginLength = 200;

// The origins in canonical form: "https://host[:port]" lowercased, a default :443 and one
// trailing "/" dropped, duplicates removed, order kept. Refused (invalid, field
// "origins[i]"): anything but https, a path, query, fragment, user info or wildcard, a
// malformed host or port; more than kMaxEmbedOrigins (field "origins").
Result<std::vector<std::string>> normalize_embed_origins(const std::vector<std::string>& origins);

// The `frame-ancestors` source list: "'none'" for an empty allowlist, else the origins
// separated by spaces.
std::string frame_ancestors(const std::vector<std::string>& origins);

}  // namespace visitd::core
