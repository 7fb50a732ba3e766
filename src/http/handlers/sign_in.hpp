#pragma once
// Signing a staff member in, shared by login and accepting an invitation (auth_routes.cpp).
#include <string>

#include "core/model.hpp"
#include "http/context.hpp"
#include "http/message.hpp"

namespace visitd::http {

// Opens a session for `user`: 200 {user, memberships, csrfToken} with the session cookie
// (HttpOnly, SameSite=Lax) and Cache-Control: no-store.
Response signed_in_response(ApiContext& ctx, const core::User& user);
// After a wrong password for `account` (lower-cased e-mail): spends the account's budget and,
// when that locks it, plans the lockout notice to `owner` (none for an unknown account).
void tell_lockout(ApiContext& ctx, const std::string& account, const core::User* owner);

}  // namespace visitd::http
