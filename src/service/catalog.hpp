#pragma once
// Use cases of what a business offers and when its providers work: the business's settings,
// the catalogue reads every entry point needs, and a provider's schedule (weekly hours, date
// overrides, time off). Rules are core's (core/validation); the store writes and audits.
//
// Refusals are core::Error values: not_found for a record that is not the business's,
// invalid naming the field for a rule a value breaks.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/staff_policy.hpp"
#include "service/ports.hpp"

namespace visitd::service {

class Catalog {
 public:
  explicit Catalog(store::CatalogStore& catalog) : catalog_(catalog) {}
  explicit Catalog(const Ports& p) : Catalog(p.store.catalog) {}

  // Reads.
  [[nodiscard]] core::Result<core::Business> business_by_slug(const std::string& slug) const;
  [[nodiscard]] core::Result<core::Business> business_by_id(const core::Id& id) const;
  [[nodiscard]] std::vector<core::Provider> providers_of(const core::Id& business_id) const;
  [[nodiscard]] core::Result<core::Provider> provider(const core::Id& business_id, const core::Id& provider_id) const;
  // The provider within a staff caller's scope: not_found, or forbidden when a provider-role
  // caller asks for a colleague's record (core::check_provider_scope).
  [[nodiscard]] core::Result<core::Provider> staff_provider(const core::StaffScope& scope, const core::Id& business_id,
                                                            const core::Id& provider_id) const;
  [[nodiscard]] std::vector<core::Service> services_of(const core::Id& business_id) const;
  [[nodiscard]] core::Result<core::Service> service(const core::Id& business_id, const core::Id& service_id) const;

  // The business's name, zone and rules (core::validate_business).
  [[nodiscard]] core::Result<core::Business> update_business(const core::Business& b, const store::Actor& by) const;

  // A provider's schedule; each checked by core (validate_weekly_hours, validate_ranges,
  // validate_time_off) before the store writes it.
  [[nodiscard]] core::Status set_weekly_hours(const core::Id& business_id, const core::Id& provider_id,
                                              const core::WeeklyHours& weekly, const store::Actor& by) const;
  [[nodiscard]] core::Result<core::DateOverride> put_override(const core::Id& business_id, const core::Id& provider_id,
                                                              core::DateOverride o, const store::Actor& by) const;
  [[nodiscard]] core::Status delete_override(const core::Id& business_id, const core::Id& provider_id,
                                             const core::Id& override_id, const store::Actor& by) const;
  [[nodiscard]] core::Result<core::TimeOff> add_time_off(const core::Id& business_id, const core::Id& provider_id,
                                                         core::TimeOff t, const store::Actor& by) const;
  [[nodiscard]] core::Status delete_time_off(const core::Id& business_id, const core::Id& provider_id,
                                             const core::Id& time_off_id, const store::Actor& by) const;

 private:
  store::CatalogStore& catalog_;
};

}  // namespace visitd::service
