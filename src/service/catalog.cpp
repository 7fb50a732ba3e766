#include "service/catalog.hpp"

#include "core/validation.hpp"

namespace visitd::service {

core::Result<core::Business> Catalog::business_by_slug(const std::string& slug) const {
  if (!core::is_valid_slug(slug)) return core::Error::make(core::ErrorCode::not_found, "no such business");
  return catalog_.business_by_slug(slug);
}

core::Result<core::Business> Catalog::business_by_id(const core::Id& id) const { return catalog_.business_by_id(id); }

std::vector<core::Provider> Catalog::providers_of(const core::Id& business_id) const {
  return catalog_.providers_of(business_id);
}

core::Result<core::Provider> Catalog::provider(const core::Id& business_id, const core::Id& provider_id) const {
  return catalog_.provider(business_id, provider_id);
}

core::Result<core::Provider> Catalog::staff_provider(const core::StaffScope& scope, const core::Id& business_id,
                                                     const core::Id& provider_id) const {
  auto p = provider(business_id, provider_id);
  if (!p) return p.error();
  if (auto ok = core::check_provider_scope(scope, p->id); !ok) return ok.error();
  return p;
}

std::vector<core::Service> Catalog::services_of(const core::Id& business_id) const {
  return catalog_.services_of(business_id);
}

core::Result<core::Service> Catalog::service(const core::Id& business_id, const core::Id& service_id) const {
  return catalog_.service(business_id, service_id);
}

core::Result<core::Business> Catalog::update_business(const core::Business& b, const store::Actor& by) const {
  if (auto v = core::validate_business(b); !v) return v.error();
  return catalog_.update_business(b, by);
}

core::Status Catalog::set_weekly_hours(const core::Id& business_id, const core::Id& provider_id,
                                       const core::WeeklyHours& weekly, const store::Actor& by) const {
  if (auto v = core::validate_weekly_hours(weekly); !v) return v.error();
  return catalog_.set_weekly_hours(business_id, provider_id, weekly, by);
}

core::Result<core::DateOverride> Catalog::put_override(const core::Id& business_id, const core::Id& provider_id,
                                                       core::DateOverride o, const store::Actor& by) const {
  if (auto v = core::validate_ranges(o.ranges, "ranges"); !v) return v.error();
  return catalog_.put_override(business_id, provider_id, std::move(o), by);
}

core::Status Catalog::delete_override(const core::Id& business_id, const core::Id& provider_id,
                                      const core::Id& override_id, const store::Actor& by) const {
  return catalog_.delete_override(business_id, provider_id, override_id, by);
}

core::Result<core::TimeOff> Catalog::add_time_off(const core::Id& business_id, const core::Id& provider_id,
                                                  core::TimeOff t, const store::Actor& by) const {
  if (auto v = core::validate_time_off(t); !v) return v.error();
  return catalog_.add_time_off(business_id, provider_id, std::move(t), by);
}

core::Status Catalog::delete_time_off(const core::Id& business_id, const core::Id& provider_id,
                                      const core::Id& time_off_id, const store::Actor& by) const {
  return catalog_.delete_time_off(business_id, provider_id, time_off_id, by);
}

}  // namespace visitd::service
