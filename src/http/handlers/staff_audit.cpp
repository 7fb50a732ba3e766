// The business's audit log: who changed what, newest first, paged.
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"

namespace visitd::http::staff {

namespace json = boost::json;

namespace {

constexpr int kMaxPageSize = 200;
constexpr int kDefaultPageSize = 50;
constexpr int kMaxOffset = 1'000'000;

Response list_audit(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  std::vector<core::FieldError> errors;
  auto limit = int_param(req, "limit", 1, kMaxPageSize, kDefaultPageSize);
  auto offset = int_param(req, "offset", 0, kMaxOffset, 0);
  for (const auto* r : {&limit, &offset}) {
    if (!*r) errors.insert(errors.end(), r->error().fields.begin(), r->error().fields.end());
  }
  if (!errors.empty()) return invalid_fields(errors);
  json::array items;
  for (const auto& e : ctx.use.access.audit_log(a.business.id, *limit, *offset)) items.push_back(to_json(e));
  return json_response(200, json::object{{"items", std::move(items)}, {"limit", *limit}, {"offset", *offset}});
}

}  // namespace

void register_audit(Router& r, ApiContext& ctx) {
  r.add("GET", route("/audit"), gated(ctx, core::Role::manager, list_audit));
}

}  // namespace visitd::http::staff
