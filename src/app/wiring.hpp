#pragma once
// The composition root: the one place that builds the store, the signer, the limiters,
// the router and the server from a Config.
#include <memory>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace visitd::app {

// Opens and migrates the configured store; errors are printable. The store stamps its rows
// with `clock`, which must outlive it.
core::Result<std::unique_ptr<store::Store>> open_migrated_store(const Config& config, const core::Clock& clock);
// `visitd serve`: runs until SIGINT/SIGTERM. Returns the process exit code.
int serve(const Config& config);
// `visitd routes`: every METHOD PATTERN the server answers, one per line; `--bodies` adds
// what each takes as a body (json, none, other: http::Body).
int print_routes(const Config& config, bool with_bodies);
// `visitd turn-config`: a coturn configuration sharing VISITD_TURN_SECRET (exit 2 without it).
int print_turn_config(const Config& config, int listening_port, const std::string& listening_ip,
                      const std::string& relay_ip);

}  // namespace visitd::app
