#include "core/result.hpp"

namespace visitd::core {

// Out of line: one place instantiates the value tree's moves (GCC 12 warns spuriously about
// std::variant moves wherever they are inlined).
Error& Error::with(std::string name, ExtensionValue value) {
  extensions.emplace_back(std::move(name), std::move(value));
  return *this;
}

}  // namespace visitd::core
