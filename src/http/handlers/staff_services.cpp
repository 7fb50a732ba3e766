// Services of a business: what can be booked, for how long, with whom, asking what.
#include <set>

#include "core/validation.hpp"
#include "http/handlers/staff_support.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "wire/names.hpp"

namespace visitd::http::staff {

namespace json = boost::json;
using core::Role;

namespace {

constexpr std::size_t kMaxProviderIds = 200;
// Byte-level shape bounds on what is read; core::validate_service holds the real limits
// (characters, choices) for these fields.
constexpr std::size_t kMaxLabelBytes = 500;
constexpr std::size_t kMaxChoicesRead = 50;
constexpr long long kWideLimit = 10'000'000;

std::optional<core::Question> read_question(const json::value& v, const std::string& item,
                                            std::vector<core::FieldError>& errors) {
  const auto* obj = v.if_object();
  if (!obj) {
    errors.push_back({item, "must be an object"});
    return std::nullopt;
  }
  const std::size_t before = errors.size();
  FieldReader r(*obj, errors, item + ".");
  core::Question q;
  // Optional: a new question gets a key derived from its label (below); staff send back the
  // key of an existing one so answers already given keep their question.
  if (auto key = r.string("key", false, core::kMaxQuestionKeyLength)) q.key = *key;
  if (auto label = r.string("label", true, kMaxLabelBytes)) q.label = *label;
  if (auto kind = r.string("kind", true, 20)) {
    if (auto k = wire::parse<core::QuestionKind>(*kind)) {
      q.kind = *k;
    } else {
      r.fail("kind", "must be one of shortText, longText, singleChoice");
    }
  }
  if (auto required = r.boolean("required", false)) q.required = *required;
  if (const auto* choices = r.array("choices", false, kMaxChoicesRead)) {
    for (std::size_t i = 0; i < choices->size(); ++i) {
      const auto* s = (*choices)[i].if_string();
      if (!s || s->empty() || s->size() > core::kMaxNameLength) {
        errors.push_back(
            {r.name("choices") + "[" + std::to_string(i) + "]",
             "must be a non-empty string of at most " + std::to_string(core::kMaxNameLength) + " characters"});
        continue;
      }
      q.choices.emplace_back(*s);
    }
  }
  r.refuse_unknown_keys();
  if (errors.size() != before) return std::nullopt;
  return q;
}

// Applies the body onto `s`. On create every required field must be present; on PATCH
// only the fields present change (lists are replaced whole).
void read_service(ApiContext& ctx, const json::object& body, bool create, core::Service& s,
                  std::vector<core::FieldError>& errors) {
  FieldReader r(body, errors);
  if (auto v = r.string("name", create, core::kMaxNameLength)) s.name = *v;
  if (auto v = r.integer("durationMinutes", create, 1, core::kMaxDurationMinutes)) s.duration_minutes = int(*v);
  if (auto v = r.integer("bufferBeforeMinutes", false, 0, core::kMaxBufferMinutes)) s.buffer_before_minutes = int(*v);
  if (auto v = r.integer("bufferAfterMinutes", false, 0, core::kMaxBufferMinutes)) s.buffer_after_minutes = int(*v);
  if (auto v = r.integer("minNoticeMinutes", false, 0, kWideLimit)) s.min_notice_minutes = int(*v);
  if (auto v = r.integer("bookingWindowDays", false, 1, core::kMaxWindowDays)) s.booking_window_days = int(*v);
  if (auto v = r.integer("slotIntervalMinutes", false, 1, kWideLimit)) s.slot_interval_minutes = int(*v);
  if (auto v = r.integer("maxPerDay", false, 0, kWideLimit)) s.max_per_day = int(*v);
  // The appointment room: opens this long before the start, closes this long after the end.
  if (auto v = r.integer("roomOpenBeforeMinutes", false, 0, 1440)) s.room_open_before_minutes = int(*v);
  if (auto v = r.integer("roomCloseAfterMinutes", false, 0, 1440)) s.room_close_after_minutes = int(*v);
  if (auto v = r.boolean("roomAutoAdmit", false)) s.room_auto_admit = *v;

  if (const auto* ids = r.array("providerIds", create, kMaxProviderIds)) {
    std::set<core::Id> known;
    for (const auto& p : ctx.use.catalog.providers_of(s.business_id)) known.insert(p.id);
    std::set<core::Id> seen;
    std::vector<core::Id> out;
    for (std::size_t i = 0; i < ids->size(); ++i) {
      const std::string name = "providerIds[" + std::to_string(i) + "]";
      const auto* id = (*ids)[i].if_string();
      if (!id || id->empty() || id->size() > core::kMaxIdLength) {
        errors.push_back({name, "must be a provider id"});
      } else if (!known.count(std::string(*id))) {
        errors.push_back({name, "is not a provider of this business"});
      } else if (!seen.insert(std::string(*id)).second) {
        errors.push_back({name, "is listed twice"});
      } else {
        out.emplace_back(*id);
      }
    }
    s.provider_ids = std::move(out);
  }

  if (const auto* questions = r.array("questions", false, core::kMaxQuestions)) {
    std::vector<core::Question> out;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < questions->size(); ++i) {
      const std::string item = "questions[" + std::to_string(i) + "]";
      if (auto q = read_question((*questions)[i], item, errors)) {
        if (!q->key.empty() && !keys.insert(q->key).second) {
          errors.push_back({item + ".key", "is used by another question"});
          continue;
        }
        out.push_back(std::move(*q));
      }
    }
    // Keys given first, then each new question's key from its label, unique among all.
    std::vector<std::string> taken(keys.begin(), keys.end());
    for (auto& q : out) {
      if (!q.key.empty()) continue;
      q.key = core::question_key_from_label(q.label, taken);
      taken.push_back(q.key);
    }
    s.questions = std::move(out);
  }
  r.refuse_unknown_keys();
}

Response list_services(ApiContext& ctx, Request&, const BusinessAccess& a) {
  json::array items;
  for (const auto& s : ctx.use.catalog.services_of(a.business.id)) items.push_back(to_json(s));
  return json_response(200, json::object{{"items", std::move(items)}});
}

Response create_service(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  core::Service s;
  s.business_id = a.business.id;
  std::vector<core::FieldError> errors;
  read_service(ctx, *body, true, s, errors);
  if (!errors.empty()) return invalid_fields(errors);
  auto created = ctx.use.staff.create_service(std::move(s), actor_of(a));
  if (!created) return fail(created.error());
  return json_response(201, to_json(*created));
}

Response get_service(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto s = ctx.use.catalog.service(a.business.id, req.param("serviceId"));
  if (!s) return fail(s.error());
  return json_response(200, to_json(*s));
}

Response patch_service(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  auto s = ctx.use.catalog.service(a.business.id, req.param("serviceId"));
  if (!s) return fail(s.error());
  auto body = body_object(req);
  if (!body) return problem_from(body.error());
  std::vector<core::FieldError> errors;
  read_service(ctx, *body, false, *s, errors);
  if (!errors.empty()) return invalid_fields(errors);
  auto saved = ctx.use.staff.update_service(*s, actor_of(a));
  if (!saved) return fail(saved.error());
  return json_response(200, to_json(*saved));
}

Response delete_service(ApiContext& ctx, Request& req, const BusinessAccess& a) {
  if (auto st = ctx.use.staff.delete_service(a.business.id, req.param("serviceId"), actor_of(a)); !st) {
    return fail(st.error());
  }
  return no_content();
}

}  // namespace

void register_services(Router& r, ApiContext& ctx) {
  const auto list = route("/services");
  const auto one = route("/services/{serviceId}");
  r.add("GET", list, gated(ctx, Role::provider, list_services));
  r.add("POST", list, gated(ctx, Role::manager, create_service));
  r.add("GET", one, gated(ctx, Role::provider, get_service));
  r.add("PATCH", one, gated(ctx, Role::manager, patch_service));
  r.add("DELETE", one, gated(ctx, Role::manager, delete_service));
}

}  // namespace visitd::http::staff
