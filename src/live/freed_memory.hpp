#pragma once
// Gives memory freed by closed connections back to the system. glibc's malloc keeps freed
// chunks in its arenas (one per thread that allocated, up to 8 per core) and returns only
// the top of each heap, so after thousands of WebSockets closed the process would keep its
// peak RSS: a wave of 10,000 left ~190 MB behind (docs/PERFORMANCE.md, "Live").
#include <cstddef>

namespace visitd::live {

// Decides when: after the open connections fell to half of their peak since the last trim
// (peaks under `min_peak` never trim: small swings cost nothing worth a trim). Not
// thread-safe: the caller serialises (LiveService holds its lock).
class TrimPolicy {
 public:
  explicit TrimPolicy(std::size_t min_peak = 256) : min_peak_(min_peak) {}
  void opened(std::size_t open);
  // true: trim now (and the peak starts again from `open`).
  bool closed(std::size_t open);

 private:
  std::size_t min_peak_;
  std::size_t peak_ = 0;
};

// malloc_trim(0) (glibc): unused pages of every arena go back to the kernel (madvise). Takes
// a few milliseconds per 100 MB of heap and holds each arena's lock while it walks it; call it
// outside other locks. Elsewhere than glibc it does nothing.
void return_freed_memory();

}  // namespace visitd::live
