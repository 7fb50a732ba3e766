#pragma once
// Use case: the business's audit log as a manager reads it (issue K): the entries matching a
// filter, each with the names of who acted and what they acted on, looked up now (a renamed
// service shows its current name; a removed member keeps their user name).
#include <optional>
#include <string>
#include <vector>

#include "service/ports.hpp"

namespace visitd::service {

struct AuditLine {
  core::AuditEntry entry;
  std::optional<std::string> actor_name;  // user's name, token's name; nullopt for consumer/system/unknown
  std::optional<std::string>
      target_name;  // booking: the consumer's name; provider/service/user/token/business: its name
};

struct AuditView {
  std::vector<AuditLine> items;  // newest first
  std::int64_t total = 0;        // matching entries, all pages
};

class AuditLog {
 public:
  explicit AuditLog(Ports ports) : ports_(ports) {}

  [[nodiscard]] AuditView list(const core::Business& business, const store::AuditQuery& query) const;

 private:
  Ports ports_;
};

}  // namespace visitd::service
