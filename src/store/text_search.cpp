#include "store/text_search.hpp"

namespace visitd::store {

std::string like_contains(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out += '%';
  return out;
}

}  // namespace visitd::store
