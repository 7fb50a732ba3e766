#pragma once
// Rules about who works for a business. The store re-reads the facts (the member's current
// role, how many owners there are) inside its write transaction and asks here.
#include <optional>

#include "core/model.hpp"
#include "core/result.hpp"

namespace visitd::core {

// A business keeps at least one owner: moving a member from `current` to `next` (nullopt
// = membership removed) is refused when it would take away the last owner.
// `owners` counts the business's owners before the change, the member included.
// policy error "a business must keep at least one owner".
Status check_owner_kept(std::optional<Role> current, std::optional<Role> next, int owners);

}  // namespace visitd::core
