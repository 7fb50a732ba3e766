// The invited person's side of a staff invitation (issue H): what the link invites to, and
// accepting it. The token in the path is the only credential; an unknown (forged or
// replaced) link reads 404, a used, revoked or expired one 410 saying which. Accepting checks
// a password (the account's, or sets the new account's), so it passes the same budgets as a
// login: the address's, and for an existing account the account's failed-guess budget.
#include "core/validation.hpp"
#include "http/handlers/consumer_support.hpp"
#include "http/handlers/routes.hpp"
#include "http/handlers/sign_in.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http {

namespace json = boost::json;

namespace {

constexpr const char* kInvitationPath = "/api/v1/invitations/{token}";

Response get_invitation(ApiContext& ctx, Request& req) {
  if (auto limited = consumer::rate_limited(ctx, ctx.login_limiter, "login:" + req.remote_ip)) return *limited;
  auto seen = ctx.use.invitations.preview(req.param("token"));
  if (!seen) return problem_from(seen.error());
  Response res = json_response(200, json::object{{"businessName", seen->business_name},
                                                 {"email", seen->invitation.email},
                                                 {"role", wire::name(seen->invitation.role)},
                                                 {"expiresAt", core::format_rfc3339_utc(seen->invitation.expires_at)},
                                                 {"hasAccount", seen->has_account}});
  res.with_header("Cache-Control", "no-store");
  return res;
}

Response post_accept(ApiContext& ctx, Request& req) {
  if (auto limited = consumer::rate_limited(ctx, ctx.login_limiter, "login:" + req.remote_ip)) return *limited;
  auto body = parse_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto name = r.string("name", false, core::kMaxNameLength);
  auto password = r.string("password", true, core::kMaxPasswordLength);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);

  const std::string& token = req.param("token");
  auto seen = ctx.use.invitations.preview(token);
  if (!seen) return problem_from(seen.error());
  const std::string& account = seen->invitation.email;
  if (seen->has_account && ctx.throttles != nullptr) {
    if (auto admitted = ctx.throttles->login_attempt(req.remote_ip, account); !admitted) {
      return problem_from(admitted.error());
    }
  }
  std::optional<security::PasswordCheckLimit::Permit> permit;
  if (ctx.password_checks != nullptr) {
    auto acquired = ctx.password_checks->try_acquire();
    if (!acquired) return problem_from(acquired.error());
    permit.emplace(std::move(acquired).value());
  }
  auto accepted = ctx.use.invitations.accept(token, service::Acceptance{name, *password});
  if (!accepted) {
    if (accepted.error().code == core::ErrorCode::unauthorized) {
      auto owner = ctx.use.access.user_by_email(account);
      tell_lockout(ctx, account, owner ? &owner->user : nullptr);
    }
    return problem_from(accepted.error());
  }
  if (seen->has_account && ctx.throttles != nullptr) ctx.throttles->login_succeeded(account);
  return signed_in_response(ctx, accepted->user);
}

}  // namespace

void register_invitation_routes(Router& r, ApiContext& ctx) {
  r.add("GET", kInvitationPath, [&ctx](Request& req) { return get_invitation(ctx, req); });
  r.add("POST", std::string(kInvitationPath) + "/accept", [&ctx](Request& req) { return post_accept(ctx, req); });
}

}  // namespace visitd::http
