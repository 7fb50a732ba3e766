#pragma once
// Store role: the business's audit log. Rows are written by the other roles inside the
// transaction of the change they record; this role only reads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/actor.hpp"

namespace visitd::store {

struct AuditQuery {
  std::optional<std::string> actor;   // exactly this actor ("user:<id>", "token:<id>", "consumer", "system")
  std::optional<std::string> action;  // "booking.cancel", or a family: "booking" matches booking.*
  std::optional<Interval> period;     // entries with period.begin <= at < period.end
  int limit = 50;                     // clamped to 1..200
  int offset = 0;                     // clamped to >= 0
};

struct AuditPage {
  std::vector<core::AuditEntry> items;  // newest first
  std::int64_t total = 0;               // entries matching the query, all pages
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Newest first; limit clamped to 1..200, offset to >= 0.
  virtual std::vector<core::AuditEntry> audit_log(const Id& business_id, int limit, int offset) = 0;
  // The entries matching `q`, newest first, and how many match in all.
  virtual AuditPage audit_page(const Id& business_id, const AuditQuery& q) = 0;
};

}  // namespace visitd::store
