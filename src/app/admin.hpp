#pragma once
// `visitd admin ...`: operator commands that work on the database directly.
#include <optional>
#include <string>

#include "core/result.hpp"
#include "store/catalog.hpp"
#include "store/staff.hpp"

namespace visitd::app {

struct NewBusinessArgs {
  std::string slug, name, zone;
};
struct NewUserArgs {
  std::string email, name, password;  // empty password: generate and print one
  std::optional<std::string> business_slug;
  std::string role = "provider";
};

// Each returns the JSON line to print ({"id":...} plus a generated password when any), and
// takes only the store roles it touches (any store::Store is every role).
core::Result<std::string> admin_create_business(store::CatalogStore& catalog, const NewBusinessArgs& a);
// The business (by slug) is read from the catalogue; the login and membership are staff's.
core::Result<std::string> admin_create_user(store::CatalogStore& catalog, store::StaffStore& staff,
                                            const NewUserArgs& a);
core::Result<std::string> admin_reset_password(store::StaffStore& staff, const std::string& email,
                                               std::string password);

}  // namespace visitd::app
