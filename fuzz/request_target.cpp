// The request target (path and query string) as the server hands it to the router: never
// crash; an accepted path holds no NUL.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/request_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  visitd::http::Request req;
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  auto bad = visitd::http::fill_target(target, req);
  if (bad) {
    if (bad->status != 400) std::abort();
  } else if (req.path.find('\0') != std::string::npos || req.path.empty() || req.path[0] != '/') {
    std::abort();
  }
  return 0;
}
