#include "live/freed_memory.hpp"

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace visitd::live {

void TrimPolicy::opened(std::size_t open) { peak_ = std::max(peak_, open); }

bool TrimPolicy::closed(std::size_t open) {
  if (peak_ < min_peak_ || open > peak_ / 2) return false;
  peak_ = open;
  return true;
}

void return_freed_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace visitd::live
