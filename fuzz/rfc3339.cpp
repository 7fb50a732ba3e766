// RFC 3339 instants, YYYY-MM-DD dates and HH:MM times of day (core/time): never crash, and
// whatever parses formats back to text that parses to the same value.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/time.hpp"

using namespace visitd::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto t = parse_rfc3339(text)) {
    if (parse_rfc3339(format_rfc3339_utc(*t)) != t) std::abort();
  }
  if (auto d = parse_date(text)) {
    if (parse_date(format_date(*d)) != d) std::abort();
  }
  if (auto m = parse_time_of_day(text)) {
    if (parse_time_of_day(format_time_of_day(*m)) != m) std::abort();
  }
  return 0;
}
