// The configuration file (TOML, toml++ then every setting's own check): any file gives a
// config or a list of errors, never a crash.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/visitd-fuzz-config-" + std::to_string(::getpid()) + ".toml";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  auto loaded = visitd::app::load_config(path, [](const char*) -> const char* { return nullptr; });
  (void)loaded;
  return 0;
}
