#pragma once
// Process-wide logging set-up. It lives in visitd_app, compiled against the same spdlog
// library as every module that logs: a header-only copy of spdlog in main.cpp had its own
// registry, so VISITD_LOG_LEVEL never reached the server's loggers (fault J14).
#include <string>

namespace visitd::app {

// Logs to stderr (stdout carries what commands print) at `level`: trace, debug, info, warn,
// error or off (config validation guarantees one of these).
void configure_logging(const std::string& level);

}  // namespace visitd::app
