#pragma once
// Use cases of who may act for a business: staff sign-in sessions, API tokens (a token's
// role never exceeds its creator's), memberships as a caller sees them, and the audit log
// of what staff did. Credentials are stored only as SHA-256 hashes; the HTTP edge reads them
// from cookies and headers (http/auth.cpp) and checks CSRF there.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "service/ports.hpp"

namespace visitd::service {

// A new API token: the record and its secret, shown once.
struct IssuedToken {
  store::ApiToken token;
  std::string secret;
};

class Access {
 public:
  Access(store::StaffStore& staff, store::CatalogStore& catalog, store::AuditStore& audit, const core::Clock& clock)
      : staff_(staff), catalog_(catalog), audit_(audit), clock_(clock) {}
  explicit Access(const Ports& p) : Access(p.store.staff, p.store.catalog, p.store.audit, p.clock) {}

  // Users and memberships.
  [[nodiscard]] core::Result<store::StoredUser> user_by_email(const std::string& email) const;
  [[nodiscard]] core::Result<store::StoredUser> user_by_id(const core::Id& id) const;
  [[nodiscard]] std::optional<core::Role> role_in(const core::Id& user_id, const core::Id& business_id) const;
  [[nodiscard]] std::vector<store::StaffMember> staff_of(const core::Id& business_id) const;
  // Each business the user belongs to, with the role held there.
  [[nodiscard]] std::vector<std::pair<core::Business, core::Role>> businesses_of(const core::Id& user_id) const;

  // Sessions: a new one for `user_id` lasting `lifetime` (token hash and CSRF token given by
  // the caller, who hands the secrets to the client); lookup by hash (nullopt: unknown or
  // expired); sign-out.
  [[nodiscard]] core::Result<store::Session> open_session(const core::Id& user_id, std::string token_hash,
                                                          std::string csrf_token, std::chrono::hours lifetime) const;
  [[nodiscard]] std::optional<store::Session> session(const std::string& token_hash) const;
  void close_session(const std::string& token_hash) const;

  // API tokens of a business. A bearer token is looked up by its hash and its use recorded.
  [[nodiscard]] std::optional<store::ApiToken> use_api_token(const std::string& token_hash) const;
  [[nodiscard]] std::vector<store::ApiToken> tokens_of(const core::Id& business_id) const;
  // forbidden naming `role` when `role` exceeds the caller's.
  [[nodiscard]] core::Result<IssuedToken> issue_token(const core::Id& business_id, const core::Id& user_id,
                                                      core::Role caller_role, std::string name, core::Role role,
                                                      const store::Actor& by) const;
  // not_found: not a token of the business; forbidden when its role exceeds the caller's.
  [[nodiscard]] core::Status revoke_token(const core::Id& business_id, core::Role caller_role, const core::Id& token_id,
                                          const store::Actor& by) const;

  // The business's audit log, newest first.
  [[nodiscard]] std::vector<core::AuditEntry> audit_log(const core::Id& business_id, int limit, int offset) const;

 private:
  store::StaffStore& staff_;
  store::CatalogStore& catalog_;
  store::AuditStore& audit_;
  const core::Clock& clock_;
};

}  // namespace visitd::service
