#include "app/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace visitd::app {

void configure_logging(const std::string& level) {
  auto logger = spdlog::get("visitd");
  if (!logger) logger = spdlog::stderr_color_mt("visitd");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace visitd::app
