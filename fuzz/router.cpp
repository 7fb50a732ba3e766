// Router matching over the server's real route table: any method and path gives a route, a
// 405 with an Allow list, or no route; never a crash. A match fills every {name} of its pattern.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api_fixture.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& api = visitd::fuzz::api_fixture();
  // Layout: method ' ' path.
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto sp = input.find(' ');
  const std::string method = sp == std::string::npos ? "GET" : input.substr(0, sp);
  const std::string path = sp == std::string::npos ? input : input.substr(sp + 1);
  auto m = api.router.match(method, path);
  if (m.handler) {
    for (std::size_t open = m.pattern.find('{'); open != std::string::npos; open = m.pattern.find('{', open + 1)) {
      const std::string name = m.pattern.substr(open + 1, m.pattern.find('}', open) - open - 1);
      if (!m.params.count(name)) std::abort();
    }
  } else if (m.path_known && m.allowed.empty()) {
    std::abort();
  }
  return 0;
}
