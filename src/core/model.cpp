#include "core/model.hpp"

namespace visitd::core {

namespace {

int rank(Role r) {
  switch (r) {
    case Role::owner:
      return 3;
    case Role::manager:
      return 2;
    case Role::provider:
      return 1;
  }
  return 0;
}

}  // namespace

bool role_at_least(Role have, Role need) { return rank(have) >= rank(need); }

}  // namespace visitd::core
