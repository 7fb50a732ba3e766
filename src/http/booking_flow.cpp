#include "http/booking_flow.hpp"

#include <algorithm>
#include <map>

namespace visitd::http {

namespace {

using std::chrono::days;

constexpr std::size_t kNearestLimit = 5;
// Busy bookings are loaded this far around a query: a neighbour's padded block (duration
// and buffers are each at most a day) and the provider-local day used by the daily limit
// both reach at most this far outside the range.
constexpr days kBusyMargin{2};
// Window searched around a wanted start for the exact slot and for nearest alternatives.
constexpr days kNearestWindow{7};

bool assigned(const core::Service& s, const core::Id& provider_id) {
  return std::find(s.provider_ids.begin(), s.provider_ids.end(), provider_id) != s.provider_ids.end();
}

core::Zone zone_or_utc(const std::string& name) {
  if (auto z = core::Zone::find(name)) return *z;
  return *core::Zone::find("UTC");
}

core::Error provider_not_in_service() {
  core::Error e = core::Error::make(core::ErrorCode::not_found, "provider is not assigned to this service");
  e.fields.push_back({"providerId", "is not a provider of this service"});
  return e;
}

core::Error slot_taken(const std::string& detail) { return core::Error::make(core::ErrorCode::conflict, detail); }

// The provider-local day holding `start`, for the per-day limit.
core::Interval day_of(const core::Provider& p, core::Instant start) {
  const core::Zone z = zone_or_utc(p.zone);
  return z.day_span(z.local_date(start));
}

core::Interval around(core::Instant t) { return {t - kNearestWindow, t + kNearestWindow}; }

void fill_nearest(ApiContext& ctx, const core::Service& service, const std::optional<core::Id>& provider_id,
                  core::Instant wanted, const std::optional<core::Id>& exclude, std::vector<core::Slot>* nearest) {
  if (!nearest) return;
  auto slots = find_slots(ctx, service, provider_id, around(wanted), exclude);
  *nearest = slots ? core::nearest_slots(*slots, wanted, kNearestLimit) : std::vector<core::Slot>{};
}

const core::Slot* slot_at(const std::vector<core::Slot>& slots, core::Interval time) {
  for (const auto& s : slots)
    if (s.time == time) return &s;
  return nullptr;
}

}  // namespace

core::Result<std::vector<core::Slot>> find_slots(ApiContext& ctx, const core::Service& service,
                                                 const std::optional<core::Id>& provider_id, core::Interval range,
                                                 const std::optional<core::Id>& exclude_booking) {
  if (provider_id && !assigned(service, *provider_id)) return provider_not_in_service();
  std::vector<core::Provider> providers;
  for (auto& p : ctx.store.providers_of(service.business_id)) {
    if (provider_id ? p.id == *provider_id : assigned(service, p.id)) providers.push_back(std::move(p));
  }
  if (providers.empty() || range.empty()) return std::vector<core::Slot>{};

  std::vector<core::Id> ids;
  ids.reserve(providers.size());
  for (const auto& p : providers) ids.push_back(p.id);
  std::map<core::Id, std::vector<core::BusyBooking>> busy;
  for (const auto& b : ctx.store.busy_bookings(ids, {range.begin - kBusyMargin, range.end + kBusyMargin})) {
    if (exclude_booking && b.id == *exclude_booking) continue;
    busy[b.provider_id].push_back(core::BusyBooking{b.service_id, b.time, b.block, b.id});
  }

  core::SlotQuery query;
  query.service = &service;
  query.range = range;
  query.now = ctx.now();
  query.exclude_booking = exclude_booking;
  for (const auto& p : providers) query.providers.push_back({&p, std::move(busy[p.id])});
  return core::compute_slots(query);
}

core::Result<core::Booking> book(ApiContext& ctx, const BookRequest& req, std::vector<core::Slot>* nearest) {
  const core::Service& service = req.service;
  if (req.provider_id && !assigned(service, *req.provider_id)) return provider_not_in_service();
  const core::Interval time{req.start, req.start + core::Minutes{service.duration_minutes}};

  auto slots = find_slots(ctx, service, req.provider_id, around(req.start));
  if (!slots) return slots.error();
  const core::Slot* slot = slot_at(*slots, time);
  if (!slot) {
    if (nearest) *nearest = core::nearest_slots(*slots, req.start, kNearestLimit);
    ctx.metrics.booking_conflict();
    return slot_taken("that time is not a free slot for this service");
  }

  // "Any provider": the store orders the candidates fairly (core::round_robin_order over
  // loads it reads inside its transaction), so concurrent bookings see each other.
  const std::vector<core::Id> order = req.provider_id ? std::vector<core::Id>{*req.provider_id} : slot->provider_ids;

  std::map<core::Id, core::Provider> providers;
  for (auto& p : ctx.store.providers_of(service.business_id)) providers.emplace(p.id, std::move(p));
  store::NewBooking nb;
  for (const auto& id : order) {
    auto it = providers.find(id);
    if (it != providers.end()) nb.candidates.push_back({id, day_of(it->second, req.start)});
  }
  nb.booking.business_id = req.business.id;
  nb.booking.service_id = service.id;
  nb.booking.time = time;
  nb.booking.block = core::padded_block(time, service);
  nb.booking.status = core::BookingStatus::confirmed;
  nb.booking.consumer = req.consumer;
  nb.booking.answers = req.answers;
  nb.order = req.provider_id ? core::CandidateOrder::as_given : core::CandidateOrder::round_robin;
  nb.max_per_day = service.max_per_day;
  nb.idempotency_key = req.idempotency_key;
  nb.request_fingerprint = req.request_fingerprint;
  if (req.sms_consent && !req.consumer.phone.empty()) nb.sms_consent_at = ctx.now();
  nb.messages = plan_for(ctx, nb.booking, core::BookingEvent::created, time, nb.sms_consent_at.has_value());

  auto created = ctx.store.create_booking(std::move(nb), store::Actor{"consumer"});
  if (!created) {
    if (created.error().code == core::ErrorCode::conflict) {
      // Someone else won the race between our check and the commit: offer what is left.
      fill_nearest(ctx, service, req.provider_id, req.start, std::nullopt, nearest);
      ctx.metrics.booking_conflict();
      return slot_taken("that slot was just taken");
    }
    return created.error();
  }
  ctx.metrics.booking_created();
  return created;
}

core::Result<core::Booking> reschedule(ApiContext& ctx, const core::Booking& booking, core::Instant new_start,
                                       const std::optional<core::Id>& new_provider, core::Actor actor,
                                       const store::Actor& by, std::vector<core::Slot>* nearest) {
  auto business = ctx.store.business_by_id(booking.business_id);
  if (!business) return business.error();
  if (auto ok = core::check_reschedule(booking, business->rules, actor, ctx.now()); !ok) return ok.error();
  auto service = ctx.store.service(booking.business_id, booking.service_id);
  if (!service) return core::Error::make(core::ErrorCode::policy, "the booked service no longer exists");
  const core::Id provider_id = new_provider.value_or(booking.provider_id);
  const bool moves_provider = provider_id != booking.provider_id;
  if (moves_provider && actor != core::Actor::staff) {
    return core::Error::invalid("providerId", "only staff can move a booking to another provider");
  }
  if (moves_provider && !assigned(*service, provider_id)) return provider_not_in_service();
  auto provider = ctx.store.provider(booking.business_id, provider_id);
  if (!provider) return moves_provider ? provider_not_in_service() : provider.error();

  const core::Interval time{new_start, new_start + core::Minutes{service->duration_minutes}};
  // A booking whose provider left the service can still move within that provider's hours.
  core::Service effective = *service;
  if (!assigned(effective, provider_id)) effective.provider_ids.push_back(provider_id);
  auto slots = find_slots(ctx, effective, provider_id, around(new_start), booking.id);
  if (!slots) return slots.error();
  if (!slot_at(*slots, time)) {
    if (nearest) *nearest = core::nearest_slots(*slots, new_start, kNearestLimit);
    ctx.metrics.booking_conflict();
    return slot_taken("that time is not a free slot for this booking");
  }

  store::Reschedule r;
  r.booking_id = booking.id;
  if (moves_provider) r.provider_id = provider_id;
  r.time = time;
  r.block = core::padded_block(time, effective);
  r.day = day_of(*provider, new_start);
  r.max_per_day = effective.max_per_day;
  r.messages = plan_for(ctx, booking, core::BookingEvent::rescheduled, time,
                        ctx.store.sms_consent_at(booking.id).has_value(), provider_id);
  auto moved = ctx.store.reschedule_booking(r, by);
  if (!moved) {
    if (moved.error().code == core::ErrorCode::conflict) {
      fill_nearest(ctx, effective, provider_id, new_start, booking.id, nearest);
      ctx.metrics.booking_conflict();
      return slot_taken("that slot was just taken");
    }
    return moved.error();
  }
  ctx.metrics.booking_rescheduled();
  return moved;
}

core::Result<core::Booking> cancel(ApiContext& ctx, const core::Booking& booking, const std::string& reason,
                                   core::Actor actor, const store::Actor& by) {
  auto business = ctx.store.business_by_id(booking.business_id);
  if (!business) return business.error();
  if (auto ok = core::check_cancel(booking, business->rules, actor, ctx.now()); !ok) return ok.error();
  auto messages = plan_for(ctx, booking, core::BookingEvent::cancelled, booking.time,
                           ctx.store.sms_consent_at(booking.id).has_value());
  auto cancelled = ctx.store.set_booking_status(booking.id, core::BookingStatus::cancelled, reason, by, messages);
  if (cancelled) ctx.metrics.booking_cancelled();
  return cancelled;
}

int calendar_sequence(const core::Booking& booking) {
  return static_cast<int>(std::count_if(booking.history.begin(), booking.history.end(),
                                        [](const core::BookingChange& c) { return c.action == "rescheduled"; }));
}

std::vector<core::PlannedMessage> plan_for(ApiContext& ctx, const core::Booking& booking, core::BookingEvent event,
                                           core::Interval time, bool sms_consent, const core::Id& provider_id) {
  core::PlanInput in;
  in.event = event;
  in.time = time;
  in.provider_id = provider_id.empty() ? booking.provider_id : provider_id;
  if (event == core::BookingEvent::rescheduled) {
    in.previous_provider_id = booking.provider_id;
    in.time_changed = time != booking.time;
  }
  in.consumer_has_email = !booking.consumer.email.empty();
  in.consumer_sms_allowed = sms_consent && !booking.consumer.phone.empty();
  // A reschedule raises SEQUENCE; a cancellation is one more change to the same event.
  in.sequence = calendar_sequence(booking) + (event == core::BookingEvent::created ? 0 : 1);
  in.now = ctx.now();
  in.policy = ctx.store.notification_policy(booking.business_id, booking.service_id).policy;
  return core::plan_messages(in);
}

BookingLinks links_for(ApiContext& ctx, const core::Booking& booking) {
  std::string base = ctx.settings.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  BookingLinks links;
  links.manage_token = ctx.signer.sign({security::CapabilityKind::manage, booking.id, booking.capability_version,
                                        booking.time.end + days{ctx.settings.manage_link_days_after_end}});
  links.join_token = ctx.signer.sign({security::CapabilityKind::join, booking.id, booking.capability_version,
                                      booking.time.end + core::Minutes{ctx.settings.join_link_minutes_after_end}});
  links.manage_url = base + "/manage/" + links.manage_token;
  links.join_url = base + "/join/" + links.join_token;
  return links;
}

}  // namespace visitd::http
