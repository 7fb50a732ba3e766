// The business's audit log: who changed what, newest first, paged, filtered by actor, action
// family and period, with the names of actor and target (service::AuditLog).
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"

namespace visitd::http::staff {

namespace json = boost::json;

namespace {

constexpr int kMaxPageSize = 200;
constexpr int kDefaultPageSize = 50;
constexpr int kMaxOffset = 1'000'000;
constexpr std::size_t kMaxFilterLength = 100;
constexpr core::Instant kFarPast{std::chrono::seconds{0}};
constexpr core::Instant kFarFuture{std::chrono::seconds{253402300799}};

json::value name_or_null(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }

// ?actor= / ?action=: optional, non-empty, bounded.
std::optional<std::string> text_param(const Request& req, const char* name, std::vector<core::FieldError>& errors) {
  auto v = req.query_param(name);
  if (!v) return std::nullopt;
  if (v->empty() || v->size() > kMaxFilterLength) {
    errors.push_back({name, "must be 1 to " + std::to_string(kMaxFilterLength) + " characters"});
    return std::nullopt;
  }
  return std::string(*v);
}

Response list_audit(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  std::vector<core::FieldError> errors;
  auto limit = int_param(req, "limit", 1, kMaxPageSize, kDefaultPageSize);
  auto offset = int_param(req, "offset", 0, kMaxOffset, 0);
  auto from = instant_param(req, "from");
  auto to = instant_param(req, "to");
  auto collect = [&errors](const auto& r) {
    if (!r) errors.insert(errors.end(), r.error().fields.begin(), r.error().fields.end());
  };
  collect(limit);
  collect(offset);
  collect(from);
  collect(to);
  store::AuditQuery q;
  q.actor = text_param(req, "actor", errors);
  q.action = text_param(req, "action", errors);
  if (from && to && *from && *to && **to <= **from) errors.push_back({"to", "must be after from"});
  if (!errors.empty()) return invalid_fields(errors);
  if (*from || *to) q.period = core::Interval{from->value_or(kFarPast), to->value_or(kFarFuture)};
  q.limit = *limit;
  q.offset = *offset;
  const auto view = ctx.use.audit.list(a.business, q);
  json::array items;
  for (const auto& line : view.items) {
    auto o = to_json(line.entry);
    o["actorName"] = name_or_null(line.actor_name);
    o["targetName"] = name_or_null(line.target_name);
    items.push_back(std::move(o));
  }
  return json_response(
      200, json::object{{"items", std::move(items)}, {"limit", *limit}, {"offset", *offset}, {"total", view.total}});
}

}  // namespace

void register_audit(Router& r, ApiContext& ctx) {
  r.add("GET", route("/audit"), gated(ctx, core::Role::manager, list_audit));
}

}  // namespace visitd::http::staff
