#pragma once
// Use cases: staff memberships and the catalog (providers, services) of a business. The rules
// live here (who may grant ownership, a login links to at most one provider, a new user needs
// a name and a password) or in core (validate_provider / validate_service); "a business keeps
// at least one owner" is re-checked by the store inside its transaction. Every change is
// audited by the store with `by`.
#include <optional>
#include <string>

#include "core/validation.hpp"
#include "service/ports.hpp"

namespace visitd::service {

struct NewMember {
  std::string email;                // lower-cased, plausible (the edge checked the shape)
  std::optional<std::string> name;  // required when the user does not exist yet
  core::Role role = core::Role::provider;
  std::optional<std::string> password;  // required when the user does not exist yet
};

using core::kMinPasswordLength;  // core/validation

class Staff {
 public:
  Staff(store::StaffStore& staff, store::CatalogStore& catalog) : staff_(staff), catalog_(catalog) {}
  explicit Staff(const Ports& p) : Staff(p.store.staff, p.store.catalog) {}

  // forbidden: only an owner adds an owner. conflict naming `email`: already a member.
  // invalid naming `name` / `password` when a new user lacks them (password >= 10 chars).
  [[nodiscard]] core::Result<store::StaffMember> add_member(const core::Id& business_id, core::Role caller_role,
                                                            const NewMember& m, const store::Actor& by) const;
  // not_found: not a member. forbidden: only an owner grants or changes ownership. policy
  // (from the store): the last owner cannot step down.
  [[nodiscard]] core::Result<store::StaffMember> change_role(const core::Id& business_id, core::Role caller_role,
                                                             const core::Id& user_id, core::Role role,
                                                             const store::Actor& by) const;
  // not_found / forbidden (only an owner removes an owner) / policy (last owner).
  [[nodiscard]] core::Status remove_member(const core::Id& business_id, core::Role caller_role, const core::Id& user_id,
                                           const store::Actor& by) const;

  // Providers: validated by core::validate_provider; `user_id` must be a staff member of
  // the business (invalid naming userId) not linked to another provider (conflict).
  [[nodiscard]] core::Result<core::Provider> create_provider(core::Provider p, const store::Actor& by) const;
  [[nodiscard]] core::Result<core::Provider> update_provider(const core::Provider& current, core::Provider p,
                                                             const store::Actor& by) const;
  [[nodiscard]] core::Status delete_provider(const core::Id& business_id, const core::Id& provider_id,
                                             const store::Actor& by) const;

  // Services: validated by core::validate_service.
  [[nodiscard]] core::Result<core::Service> create_service(core::Service s, const store::Actor& by) const;
  [[nodiscard]] core::Result<core::Service> update_service(const core::Service& s, const store::Actor& by) const;
  [[nodiscard]] core::Status delete_service(const core::Id& business_id, const core::Id& service_id,
                                            const store::Actor& by) const;

 private:
  std::optional<core::Error> check_user_link(const core::Id& business_id, const core::Id& user_id,
                                             const std::optional<core::Id>& self) const;
  store::StaffStore& staff_;
  store::CatalogStore& catalog_;
};

}  // namespace visitd::service
