#pragma once
// `visitd demo`: seeds the "Northwind Health" demo business when it is absent.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "store/store.hpp"

namespace visitd::app {

struct DemoLogin {
  std::string email;
  std::string role;
  std::string password;  // generated; shown once, never stored in clear
};

struct DemoResult {
  bool created = false;  // false: it already existed, nothing changed
  std::string business_id;
  std::vector<DemoLogin> logins;  // only when created
  int bookings = 0;
};

core::Result<DemoResult> seed_demo(store::Store& store, core::Instant now);

}  // namespace visitd::app
