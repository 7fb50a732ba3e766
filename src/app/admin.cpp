#include "app/admin.hpp"

#include <boost/json.hpp>

#include "core/validation.hpp"
#include "security/crypto.hpp"
#include "wire/names.hpp"

namespace visitd::app {
namespace {

const store::Actor kAdmin{"admin-cli"};
core::Status check_password(const std::string& password) {
  if (password.size() < core::kMinPasswordLength || password.size() > core::kMaxPasswordLength)
    return core::Error::invalid("password", "must be " + std::to_string(core::kMinPasswordLength) + " to " +
                                                std::to_string(core::kMaxPasswordLength) + " characters");
  return core::ok_status();
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

core::Result<std::string> admin_create_business(store::CatalogStore& catalog, const NewBusinessArgs& a) {
  core::Business b;
  b.slug = a.slug;
  b.name = a.name;
  b.zone = a.zone;
  if (auto v = core::validate_business(b); !v) return v.error();
  auto made = catalog.create_business(b, kAdmin);
  if (!made) return made.error();
  return boost::json::serialize(boost::json::object{{"id", made->id}, {"slug", made->slug}});
}

core::Result<std::string> admin_create_user(store::CatalogStore& catalog, store::StaffStore& staff,
                                            const NewUserArgs& a) {
  std::optional<core::Role> role = wire::parse<core::Role>(a.role);
  if (!role) return core::Error::invalid("role", "expected owner, manager or provider");
  std::string email = lower(a.email);
  if (!core::is_plausible_email(email)) return core::Error::invalid("email", "not an email address");
  if (a.name.empty() || a.name.size() > core::kMaxNameLength)
    return core::Error::invalid("name", "1 to 200 characters");
  std::optional<core::Business> business;
  if (a.business_slug) {
    auto found = catalog.business_by_slug(*a.business_slug);
    if (!found) return core::Error::invalid("business", "no business with slug " + *a.business_slug);
    business = *found;
  }
  std::string password = a.password.empty() ? security::random_token(12) : a.password;
  if (auto v = check_password(password); !v) return v.error();
  auto user = staff.create_user(core::User{"", email, a.name}, security::hash_password(password));
  if (!user) return user.error();
  if (business) {
    if (auto s = staff.set_membership({business->id, user->id, *role}, kAdmin); !s) return s.error();
  }
  boost::json::object out{{"id", user->id}, {"email", user->email}};
  if (a.password.empty()) out["password"] = password;
  return boost::json::serialize(out);
}

core::Result<std::string> admin_reset_password(store::StaffStore& staff, const std::string& email,
                                               std::string password) {
  auto user = staff.user_by_email(lower(email));
  if (!user) return user.error();
  bool generated = password.empty();
  if (generated) password = security::random_token(12);
  if (auto v = check_password(password); !v) return v.error();
  if (auto s = staff.set_password_hash(user->user.id, security::hash_password(password)); !s) return s.error();
  boost::json::object out{{"id", user->user.id}};
  if (generated) out["password"] = password;
  return boost::json::serialize(out);
}

}  // namespace visitd::app
