#pragma once
// Store role: the business's audit log. Rows are written by the other roles inside the
// transaction of the change they record; this role only reads.
#include <vector>

#include "store/actor.hpp"

namespace visitd::store {

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Newest first; limit clamped to 1..200, offset to >= 0.
  virtual std::vector<core::AuditEntry> audit_log(const Id& business_id, int limit, int offset) = 0;
};

}  // namespace visitd::store
