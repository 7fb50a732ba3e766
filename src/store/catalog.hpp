#pragma once
// Store role: what a business offers. Businesses, providers (with weekly hours, date
// overrides and time off) and services. Writes are audited under `by`. Deleting a provider
// or service is a soft delete: bookings keep pointing at it.
#include <vector>

#include "store/actor.hpp"

namespace visitd::store {

class CatalogStore {
 public:
  virtual ~CatalogStore() = default;

  // ---- businesses ----
  virtual Result<core::Business> create_business(core::Business b, const Actor& by) = 0;  // conflict on slug
  virtual Result<core::Business> business_by_id(const Id& id) = 0;                        // not_found
  virtual Result<core::Business> business_by_slug(const std::string& slug) = 0;           // not_found
  virtual Result<core::Business> update_business(const core::Business& b, const Actor& by) = 0;

  // ---- providers (with weekly hours, overrides and time off) ----
  virtual Result<core::Provider> create_provider(core::Provider p, const Actor& by) = 0;
  virtual Result<core::Provider> provider(const Id& business_id, const Id& provider_id) = 0;  // not_found
  virtual std::vector<core::Provider> providers_of(const Id& business_id) = 0;
  // Only these providers of the business (in the order asked, unknown and deleted ones left
  // out), with their schedules, read in one transaction: what one slot search needs.
  virtual std::vector<core::Provider> providers_by_ids(const Id& business_id, const std::vector<Id>& provider_ids) = 0;
  virtual Result<core::Provider> update_provider(const core::Provider& p, const Actor& by) = 0;  // name, zone, user_id
  virtual Status delete_provider(const Id& business_id, const Id& provider_id,
                                 const Actor& by) = 0;  // conflict if confirmed future bookings
  virtual Status set_weekly_hours(const Id& business_id, const Id& provider_id, const core::WeeklyHours& w,
                                  const Actor& by) = 0;
  // One override per date: setting a date again replaces it.
  virtual Result<core::DateOverride> put_override(const Id& business_id, const Id& provider_id, core::DateOverride o,
                                                  const Actor& by) = 0;
  virtual Status delete_override(const Id& business_id, const Id& provider_id, const Id& override_id,
                                 const Actor& by) = 0;
  virtual Result<core::TimeOff> add_time_off(const Id& business_id, const Id& provider_id, core::TimeOff t,
                                             const Actor& by) = 0;
  virtual Status delete_time_off(const Id& business_id, const Id& provider_id, const Id& time_off_id,
                                 const Actor& by) = 0;

  // ---- services ----
  virtual Result<core::Service> create_service(core::Service s, const Actor& by) = 0;
  virtual Result<core::Service> service(const Id& business_id, const Id& service_id) = 0;  // not_found
  virtual std::vector<core::Service> services_of(const Id& business_id) = 0;
  virtual Result<core::Service> update_service(const core::Service& s, const Actor& by) = 0;
  virtual Status delete_service(const Id& business_id, const Id& service_id, const Actor& by) = 0;
};

}  // namespace visitd::store
