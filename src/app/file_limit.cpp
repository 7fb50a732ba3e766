#include "app/file_limit.hpp"

#include <sys/resource.h>

namespace visitd::app {

FileLimit raise_file_limit() {
  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return {};
  if (rl.rlim_cur < rl.rlim_max) {
    rlimit raised = rl;
    raised.rlim_cur = rl.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;  // refused: keep what we have
  }
  const auto to_size = [](rlim_t v) {
    return v == RLIM_INFINITY ? static_cast<std::size_t>(-1) : static_cast<std::size_t>(v);
  };
  return {to_size(rl.rlim_cur), to_size(rl.rlim_max)};
}

}  // namespace visitd::app
