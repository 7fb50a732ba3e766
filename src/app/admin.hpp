#pragma once
// `visitd admin ...`: operator commands that work on the database directly.
#include <optional>
#include <string>

#include "core/result.hpp"
#include "store/store.hpp"

namespace visitd::app {

struct NewBusinessArgs {
  std::string slug, name, zone;
};
struct NewUserArgs {
  std::string email, name, password;  // empty password: generate and print one
  std::optional<std::string> business_slug;
  std::string role = "provider";
};

// Each returns the JSON line to print ({"id":...} plus a generated password when any).
core::Result<std::string> admin_create_business(store::Store& store, const NewBusinessArgs& a);
core::Result<std::string> admin_create_user(store::Store& store, const NewUserArgs& a);
core::Result<std::string> admin_reset_password(store::Store& store, const std::string& email, std::string password);

}  // namespace visitd::app
