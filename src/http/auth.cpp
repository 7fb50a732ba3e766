#include "http/auth.hpp"

#include <algorithm>

#include "core/validation.hpp"
#include "security/crypto.hpp"
#include "wire/names.hpp"

namespace visitd::http {

namespace {

// Our tokens are ~43 chars; longer credentials are refused before any lookup.
constexpr std::size_t kMaxCredentialLength = core::kMaxTokenLength;

bool is_safe_method(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

core::Error unauthorized(std::string detail) {
  return core::Error::make(core::ErrorCode::unauthorized, std::move(detail));
}

std::optional<std::string> bearer_of(const Request& req) {
  auto h = req.header("authorization");
  if (!h) return std::nullopt;
  constexpr std::string_view kScheme = "bearer ";
  if (h->size() < kScheme.size()) return std::string();
  std::string scheme = h->substr(0, kScheme.size());
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (scheme != kScheme) return std::string();  // another scheme: present but unusable
  std::string token = h->substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.erase(token.begin());
  while (!token.empty() && token.back() == ' ') token.pop_back();
  return token;
}

}  // namespace

core::Result<Caller> authenticate(const Request& req, ApiContext& ctx) {
  if (auto bearer = bearer_of(req)) {
    if (bearer->empty() || bearer->size() > kMaxCredentialLength) {
      return unauthorized("Authorization must be \"Bearer <api token>\"");
    }
    auto token = ctx.use.access.use_api_token(security::sha256_hex(*bearer));
    if (!token) return unauthorized("unknown or revoked API token");
    return Caller{token->user_id, "token:" + token->id, token->business_id, token->role};
  }
  auto cookie = req.cookie(kSessionCookie);
  if (!cookie || cookie->empty() || cookie->size() > kMaxCredentialLength) {
    return unauthorized("sign in first: session cookie or bearer token required");
  }
  auto session = ctx.use.access.session(security::sha256_hex(*cookie));
  if (!session) return unauthorized("session expired or signed out");
  // The cookie travels with any request the browser makes, so an unsafe request must also
  // prove it came from our page, which alone can read the CSRF token.
  if (!is_safe_method(req.method)) {
    auto csrf = req.header("x-csrf-token");
    if (!csrf || !security::constant_time_equal(*csrf, session->csrf_token)) {
      return core::Error::make(core::ErrorCode::forbidden, "missing or wrong X-CSRF-Token header");
    }
  }
  return Caller{session->user_id, "user:" + session->user_id, std::nullopt, std::nullopt};
}

core::Result<BusinessAccess> authorize(const Request& req, ApiContext& ctx, core::Role need) {
  auto caller = authenticate(req, ctx);
  if (!caller) return caller.error();
  const auto not_found = core::Error::make(core::ErrorCode::not_found, "no such business");
  auto it = req.params.find("businessId");
  if (it == req.params.end() || it->second.empty()) return not_found;
  const core::Id& business_id = it->second;
  if (caller->token_business && *caller->token_business != business_id) return not_found;
  auto role = ctx.use.access.role_in(caller->user_id, business_id);
  if (!role) return not_found;
  auto business = ctx.use.catalog.business_by_id(business_id);
  if (!business) return not_found;
  const core::Role effective = core::effective_role(*role, caller->token_role);
  if (!core::role_at_least(effective, need)) {
    return core::Error::make(core::ErrorCode::forbidden,
                             std::string("this needs the ") + wire::name(need) + " role or higher");
  }
  BusinessAccess access{*caller, *business, effective, std::nullopt};
  if (effective == core::Role::provider) {
    for (const auto& p : ctx.use.catalog.providers_of(business_id)) {
      if (p.user_id && *p.user_id == caller->user_id) {
        access.own_provider_id = p.id;
        break;
      }
    }
  }
  return access;
}

}  // namespace visitd::http
