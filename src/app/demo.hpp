#pragma once
// `visitd demo`: seeds the "Northwind Health" demo business when it is absent.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "store/bookings.hpp"
#include "store/catalog.hpp"
#include "store/staff.hpp"
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

// The store roles the demo writes (never the whole store): the business, its providers and
// services; the demo logins and memberships; a week of bookings.
struct DemoStores {
  DemoStores(store::Store& s)  // NOLINT(google-explicit-constructor): any Store is every role
      : catalog(s), staff(s), bookings(s) {}
  DemoStores(store::CatalogStore& c, store::StaffStore& st, store::BookingStore& b)
      : catalog(c), staff(st), bookings(b) {}
  store::CatalogStore& catalog;
  store::StaffStore& staff;
  store::BookingStore& bookings;
};

core::Result<DemoResult> seed_demo(DemoStores store, core::Instant now);

}  // namespace visitd::app
