// GET/PATCH /api/v1/businesses/{businessId}: the business's own settings and rules.
#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

// Applies the rules sub-object onto `rules`, naming fields "rules.x".
void read_rules(const json::object& obj, core::BookingRules& rules, std::vector<core::FieldError>& errors) {
  FieldReader r(obj, errors, "rules.");
  // Bounds from core (the rules' one home); core::validate_business checks them again.
  if (auto v = r.integer("cancelCutoffHours", false, 0, core::kMaxCutoffHours)) rules.cancel_cutoff_hours = int(*v);
  if (auto v = r.integer("rescheduleCutoffHours", false, 0, core::kMaxCutoffHours))
    rules.reschedule_cutoff_hours = int(*v);
  if (const auto* arr = r.array("reminderOffsetsMinutes", false, core::kMaxRuleReminderOffsets)) {
    std::vector<int> offsets;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const auto& item = (*arr)[i];
      const std::string name = r.name("reminderOffsetsMinutes") + "[" + std::to_string(i) + "]";
      if (!item.is_int64() || item.as_int64() < 1 || item.as_int64() > core::kMaxReminderOffsetMinutes) {
        errors.push_back({name, "must be an integer from 1 to " + std::to_string(core::kMaxReminderOffsetMinutes)});
        continue;
      }
      offsets.push_back(int(item.as_int64()));
    }
    rules.reminder_offsets_minutes = std::move(offsets);
  }
  r.refuse_unknown_keys();
}

Response get_business(ApiContext&, Request&, const BusinessAccess& a) {
  return json_response(200, to_json(a.business));
}

Response patch_business(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  core::Business b = a.business;
  std::vector<core::FieldError> errors;
  FieldReader r(*body, errors);
  if (auto name = r.string("name", false, core::kMaxNameLength)) b.name = *name;
  if (auto zone = r.zone("timeZone", false)) b.zone = *zone;
  if (const auto* rules = r.object("rules", false)) read_rules(*rules, b.rules, errors);
  r.refuse_unknown_keys();
  if (!errors.empty()) return invalid_fields(errors);
  auto saved = ctx.use.catalog.update_business(b, actor_of(a));
  if (!saved) return fail(saved.error());
  return json_response(200, to_json(*saved));
}

}  // namespace

void register_business(Router& r, ApiContext& ctx) {
  r.add("GET", route(""), gated(ctx, Role::provider, get_business));
  r.add("PATCH", route(""), gated(ctx, Role::manager, patch_business));
}

}  // namespace visitd::http::staff
