#include "http/etag.hpp"

#include "security/crypto.hpp"

namespace visitd::http {

namespace {

std::string_view opaque_of(std::string_view tag) {
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  return tag;
}

}  // namespace

std::string strong_etag(std::string_view representation) {
  return "\"" + security::sha256_hex(representation).substr(0, 32) + "\"";
}

bool if_none_match(std::string_view field_value, std::string_view etag) {
  const std::string_view wanted = opaque_of(etag);
  std::size_t i = 0;
  while (i < field_value.size()) {
    while (i < field_value.size() && (field_value[i] == ' ' || field_value[i] == '\t' || field_value[i] == ',')) ++i;
    if (i >= field_value.size()) break;
    if (field_value[i] == '*') return true;
    std::size_t start = i;
    if (field_value.substr(i, 2) == "W/") i += 2;
    if (i >= field_value.size() || field_value[i] != '"') return false;
    const std::size_t close = field_value.find('"', i + 1);
    if (close == std::string_view::npos) return false;
    if (opaque_of(field_value.substr(start, close + 1 - start)) == wanted) return true;
    i = close + 1;
  }
  return false;
}

}  // namespace visitd::http
