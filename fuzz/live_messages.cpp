// WebSocket client messages (live/protocol): any text parses to a typed message or a refusal,
// never a crash; a parsed body always has a known type.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "live/protocol.hpp"

namespace pr = visitd::live::protocol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const pr::Inbound in = pr::parse(text);
  if (in.body && !in.type) std::abort();
  (void)pr::peek_type(text);
  return 0;
}
