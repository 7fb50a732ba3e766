#pragma once
// The process's open-file limit (RLIMIT_NOFILE), raised at start; http::connection_cap
// keeps the connection cap below it.
#include <cstddef>

namespace visitd::app {

struct FileLimit {
  std::size_t soft = 0;  // descriptors this process may open now
  std::size_t hard = 0;  // the ceiling soft may be raised to without privileges
};

// Raises the soft limit to the hard one where the system allows (POSIX setrlimit) and
// returns the limits in force afterwards; {0, 0} when they cannot be read.
FileLimit raise_file_limit();

}  // namespace visitd::app
