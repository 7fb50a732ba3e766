#pragma once
// `visitd migrate-data --from PATH.db --to postgres://...`: the command's terminal side over
// store/transfer (which does the copy and its verification). Progress goes to stderr (one
// line rewritten in place on a terminal, a line per table otherwise); the report is one JSON
// line on stdout: {"from","to","rows","tables":[{"table","rows","sha256"}],"verified":true}.
#include <string>

#include "store/store.hpp"

namespace visitd::app {

// Exit codes beyond 0 (copied and verified) and 1 (any other failure, nothing committed):
inline constexpr int kExitTargetNotEmpty = 3;
inline constexpr int kExitVerificationFailed = 4;

int run_migrate_data(const std::string& from, const std::string& to, store::Clock clock);

}  // namespace visitd::app
