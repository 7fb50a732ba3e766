#pragma once
// Who is calling, and may they? Staff authenticate with the session cookie
// ("visitd_session", HttpOnly, SameSite=Lax) plus the X-CSRF-Token header on unsafe
// methods, or with "Authorization: Bearer <api token>" (no CSRF: not ambient).
#include <optional>
#include <string>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/staff_policy.hpp"
#include "http/context.hpp"
#include "http/message.hpp"

namespace visitd::http {

inline constexpr const char* kSessionCookie = "visitd_session";

struct Caller {
  core::Id user_id;
  std::string actor;                       // "user:<id>" or "token:<id>" for the audit log
  std::optional<core::Id> token_business;  // an API token is bound to one business
  std::optional<core::Role> token_role;    // and caps the role
};

// 401 when no valid credential; 403 (csrf) when a cookie-authenticated unsafe request
// lacks the matching X-CSRF-Token.
core::Result<Caller> authenticate(const Request& req, ApiContext& ctx);

struct BusinessAccess {
  Caller caller;
  core::Business business;
  core::Role role = core::Role::provider;   // effective role in this business
  std::optional<core::Id> own_provider_id;  // for role provider: their provider record
  // What the use cases need to apply the scope rules (core/staff_policy).
  [[nodiscard]] core::StaffScope scope() const { return {role, own_provider_id}; }
};

// Authenticates, loads business {businessId} and checks membership with at least `need`.
// A business the caller does not belong to answers 404 (do not reveal it exists).
core::Result<BusinessAccess> authorize(const Request& req, ApiContext& ctx, core::Role need);

}  // namespace visitd::http
