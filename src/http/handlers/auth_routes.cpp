// Staff sign-in: login (sets the session cookie), logout, and "who am I".
#include <boost/json/array.hpp>

#include "core/validation.hpp"
#include "http/auth.hpp"
#include "http/handlers/consumer_support.hpp"
#include "http/handlers/routes.hpp"
#include "http/handlers/sign_in.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "security/crypto.hpp"
#include "wire/names.hpp"

namespace visitd::http {

namespace json = boost::json;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

// A real argon2id hash to verify against when the email is unknown, so both failures take
// about the same time and the answer does not reveal which accounts exist.
const std::string& dummy_hash() {
  static const std::string hash = security::hash_password(security::random_token(16));
  return hash;
}

std::string session_cookie(ApiContext& ctx, const std::string& value, long long max_age) {
  std::string c = std::string(kSessionCookie) + "=" + value +
                  "; HttpOnly; SameSite=Lax; Path=/; Max-Age=" + std::to_string(max_age);
  if (ctx.settings.secure_cookies) c += "; Secure";
  return c;
}

// {user, memberships:[{businessId, businessName, slug, role}]}; an API token sees only its
// business, at the role it is capped to.
json::object identity(ApiContext& ctx, const core::User& user, const Caller* caller) {
  json::array memberships;
  for (auto& [b, held] : ctx.use.access.businesses_of(user.id)) {
    core::Role role = held;
    if (caller && caller->token_business) {
      if (b.id != *caller->token_business) continue;
      role = core::effective_role(role, caller->token_role);
    }
    memberships.push_back(
        json::object{{"businessId", b.id}, {"businessName", b.name}, {"slug", b.slug}, {"role", wire::name(role)}});
  }
  return json::object{{"user", to_json(user)}, {"memberships", std::move(memberships)}};
}

}  // namespace

Response signed_in_response(ApiContext& ctx, const core::User& user) {
  const std::string token = security::random_token(32);
  auto session = ctx.use.access.open_session(user.id, security::sha256_hex(token), security::random_token(24),
                                             std::chrono::hours{ctx.settings.session_hours});
  if (!session) return problem_from(session.error());

  json::object answer = identity(ctx, user, nullptr);
  answer["csrfToken"] = session->csrf_token;
  Response res = json_response(200, answer);
  res.with_header("Set-Cookie", session_cookie(ctx, token, static_cast<long long>(ctx.settings.session_hours) * 3600));
  res.with_header("Cache-Control", "no-store");
  return res;
}

void tell_lockout(ApiContext& ctx, const std::string& account, const core::User* owner) {
  if (ctx.throttles != nullptr && ctx.throttles->login_failed(account) && owner != nullptr) {
    ctx.use.account_notices.lockout(*owner, core::Seconds{ctx.throttles->locked_for_s(account)});
  }
}

namespace {

Response post_login(ApiContext& ctx, Request& req) {
  if (auto limited = consumer::rate_limited(ctx, ctx.login_limiter, "login:" + req.remote_ip)) return *limited;
  auto body = parse_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  auto email = r.string("email", true, core::kMaxEmailLength);
  auto password = r.string("password", true, core::kMaxPasswordLength);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  const std::string account = lower(*email);
  // Budgets beyond the address: the network's, and the account's failed guesses (a locked
  // account is refused before any password check, the right one included).
  if (ctx.throttles != nullptr) {
    if (auto admitted = ctx.throttles->login_attempt(req.remote_ip, account); !admitted) {
      return problem_from(admitted.error());
    }
  }

  // Every check below (a real one or the dummy) holds a slot of the global cap; a full cap
  // answers 503 + Retry-After at once instead of queueing behind argon2id.
  std::optional<security::PasswordCheckLimit::Permit> permit;
  if (ctx.password_checks != nullptr) {
    auto acquired = ctx.password_checks->try_acquire();
    if (!acquired) return problem_from(acquired.error());
    permit.emplace(std::move(acquired).value());
  }
  // The failure that locks an account tells its owner (once per lockout); an unknown
  // account has nobody to tell, and the answer is the same either way.
  const auto refused = [&ctx, &account](const core::User* owner) {
    tell_lockout(ctx, account, owner);
    return problem_from(core::Error::make(core::ErrorCode::unauthorized, "wrong email or password"));
  };
  auto stored = ctx.use.access.user_by_email(account);
  if (!stored || stored->password_hash.empty()) {
    (void)security::verify_password(*password, dummy_hash());
    return refused(stored ? &stored->user : nullptr);
  }
  if (!security::verify_password(*password, stored->password_hash)) return refused(&stored->user);
  if (ctx.throttles != nullptr) ctx.throttles->login_succeeded(account);
  return signed_in_response(ctx, stored->user);
}

Response post_logout(ApiContext& ctx, Request& req) {
  auto caller = authenticate(req, ctx);
  if (!caller) return problem_from(caller.error());
  if (!caller->token_business) {
    if (auto cookie = req.cookie(kSessionCookie)) ctx.use.access.close_session(security::sha256_hex(*cookie));
  }
  Response res;
  res.status = 204;
  res.content_type.clear();
  res.with_header("Set-Cookie", session_cookie(ctx, "", 0));
  return res;
}

Response get_me(ApiContext& ctx, Request& req) {
  auto caller = authenticate(req, ctx);
  if (!caller) return problem_from(caller.error());
  auto stored = ctx.use.access.user_by_id(caller->user_id);
  if (!stored) return problem_from(core::Error::make(core::ErrorCode::unauthorized, "this account no longer exists"));
  json::object answer = identity(ctx, stored->user, &*caller);
  if (!caller->token_business) {
    // Cookie session: hand the page its CSRF token again (e.g. after a reload).
    if (auto cookie = req.cookie(kSessionCookie)) {
      if (auto s = ctx.use.access.session(security::sha256_hex(*cookie))) answer["csrfToken"] = s->csrf_token;
    }
  }
  Response res = json_response(200, answer);
  res.with_header("Cache-Control", "no-store");
  return res;
}

}  // namespace

void register_auth_routes(Router& r, ApiContext& ctx) {
  r.add("POST", "/api/v1/auth/login", [&ctx](Request& req) { return post_login(ctx, req); });
  r.add(
      "POST", "/api/v1/auth/logout", [&ctx](Request& req) { return post_logout(ctx, req); }, Runs::on_worker,
      Body::none);
  r.add("GET", "/api/v1/me", [&ctx](Request& req) { return get_me(ctx, req); });
}

}  // namespace visitd::http
