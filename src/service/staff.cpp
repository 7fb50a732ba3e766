#include "service/staff.hpp"

#include "core/validation.hpp"
#include "security/crypto.hpp"

namespace visitd::service {

using core::Role;

namespace {

core::Error forbidden(std::string detail) { return core::Error::make(core::ErrorCode::forbidden, std::move(detail)); }

}  // namespace

core::Result<store::StaffMember> Staff::add_member(const core::Id& business_id, Role caller_role, const NewMember& m,
                                                   const store::Actor& by) const {
  if (m.role == Role::owner && caller_role != Role::owner) return forbidden("Only an owner may add an owner");
  core::User user;
  if (auto existing = staff_.user_by_email(m.email)) {
    user = existing->user;
    if (staff_.role_in(user.id, business_id)) {
      core::Error e = core::Error::make(core::ErrorCode::conflict,
                                        "This user is already a staff member; change their role instead");
      e.fields.push_back({"email", "already a staff member of this business"});
      return e;
    }
  } else {
    std::vector<core::FieldError> missing;
    if (!m.name || m.name->empty()) missing.push_back({"name", "is required to create a new user"});
    if (!m.password) {
      missing.push_back({"password", "is required to create a new user"});
    } else if (m.password->size() < kMinPasswordLength) {
      missing.push_back({"password", "must be at least " + std::to_string(kMinPasswordLength) + " characters"});
    }
    if (!missing.empty()) return core::Error::invalid_fields(std::move(missing));
    auto created = staff_.create_user(core::User{"", m.email, *m.name}, security::hash_password(*m.password));
    if (!created) return created.error();
    user = *created;
  }
  if (auto s = staff_.set_membership(core::Membership{business_id, user.id, m.role}, by); !s) return s.error();
  return store::StaffMember{user, m.role};
}

core::Result<store::StaffMember> Staff::change_role(const core::Id& business_id, Role caller_role,
                                                    const core::Id& user_id, Role role, const store::Actor& by) const {
  auto current = staff_.role_in(user_id, business_id);
  if (!current) return core::Error::make(core::ErrorCode::not_found, "No such staff member");
  if ((*current == Role::owner || role == Role::owner) && caller_role != Role::owner) {
    return forbidden("Only an owner may grant or change ownership");
  }
  auto user = staff_.user_by_id(user_id);
  if (!user) return user.error();
  if (*current != role) {
    if (auto s = staff_.set_membership(core::Membership{business_id, user_id, role}, by); !s) return s.error();
  }
  return store::StaffMember{user->user, role};
}

core::Status Staff::remove_member(const core::Id& business_id, Role caller_role, const core::Id& user_id,
                                  const store::Actor& by) const {
  auto current = staff_.role_in(user_id, business_id);
  if (!current) return core::Error::make(core::ErrorCode::not_found, "No such staff member");
  if (*current == Role::owner && caller_role != Role::owner) return forbidden("Only an owner may remove an owner");
  return staff_.remove_membership(business_id, user_id, by);
}

std::optional<core::Error> Staff::check_user_link(const core::Id& business_id, const core::Id& user_id,
                                                  const std::optional<core::Id>& self) const {
  if (!staff_.role_in(user_id, business_id)) {
    return core::Error::invalid("userId", "must be a staff member of this business");
  }
  for (const auto& p : catalog_.providers_of(business_id)) {
    if (p.user_id == user_id && (!self || p.id != *self)) {
      core::Error e = core::Error::make(core::ErrorCode::conflict, "This user is already linked to provider " + p.id);
      e.fields.push_back({"userId", "already linked to another provider"});
      return e;
    }
  }
  return std::nullopt;
}

core::Result<core::Provider> Staff::create_provider(core::Provider p, const store::Actor& by) const {
  if (auto v = core::validate_provider(p); !v) return v.error();
  if (p.user_id) {
    if (auto e = check_user_link(p.business_id, *p.user_id, std::nullopt)) return *e;
  }
  return catalog_.create_provider(std::move(p), by);
}

core::Result<core::Provider> Staff::update_provider(const core::Provider& current, core::Provider p,
                                                    const store::Actor& by) const {
  if (auto v = core::validate_provider(p); !v) return v.error();
  if (p.user_id && p.user_id != current.user_id) {
    if (auto e = check_user_link(p.business_id, *p.user_id, p.id)) return *e;
  }
  return catalog_.update_provider(p, by);
}

core::Status Staff::delete_provider(const core::Id& business_id, const core::Id& provider_id,
                                    const store::Actor& by) const {
  return catalog_.delete_provider(business_id, provider_id, by);
}

core::Result<core::Service> Staff::create_service(core::Service s, const store::Actor& by) const {
  if (auto v = core::validate_service(s); !v) return v.error();
  return catalog_.create_service(std::move(s), by);
}

core::Result<core::Service> Staff::update_service(const core::Service& s, const store::Actor& by) const {
  if (auto v = core::validate_service(s); !v) return v.error();
  return catalog_.update_service(s, by);
}

core::Status Staff::delete_service(const core::Id& business_id, const core::Id& service_id,
                                   const store::Actor& by) const {
  return catalog_.delete_service(business_id, service_id, by);
}

}  // namespace visitd::service
