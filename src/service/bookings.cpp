#include "service/bookings.hpp"

#include <algorithm>
#include <map>

#include "core/link_policy.hpp"
#include "core/validation.hpp"
#include "security/crypto.hpp"

namespace visitd::service {

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

using core::zone_or_utc;

core::Error provider_not_in_service() {
  core::Error e = core::Error::make(core::ErrorCode::not_found, "provider is not assigned to this service");
  e.fields.push_back({"providerId", "is not a provider of this service"});
  return e;
}

core::ExtensionValue slots_value(const std::vector<core::Slot>& slots) {
  core::ExtensionList items;
  for (const auto& s : slots) {
    core::ExtensionList ids;
    for (const auto& id : s.provider_ids) ids.emplace_back(id);
    items.emplace_back(
        core::ExtensionMembers{{"start", s.time.begin}, {"end", s.time.end}, {"providerIds", std::move(ids)}});
  }
  return items;
}

// A taken slot: conflict, with the nearest free slots as the "nearest" member.
core::Error slot_taken(const std::string& detail, const std::vector<core::Slot>& nearest) {
  core::Error e = core::Error::make(core::ErrorCode::conflict, detail);
  e.with("nearest", slots_value(nearest));
  return e;
}

// The provider-local day holding `start`, for the per-day limit.
core::Interval day_of(const core::Provider& p, core::Instant start) {
  const core::Zone z = zone_or_utc(p.zone);
  return z.day_span(z.local_date(start));
}

core::Interval around(core::Instant t) { return {t - kNearestWindow, t + kNearestWindow}; }

// The slot search range holding only slots that start at `t` (ranges are half-open).
core::Interval starting_at(core::Instant t) { return {t, t + core::Seconds{1}}; }

const core::Slot* slot_at(const std::vector<core::Slot>& slots, core::Interval time) {
  for (const auto& s : slots)
    if (s.time == time) return &s;
  return nullptr;
}

core::Error key_reused() {
  core::Error e = core::Error::typed(core::ErrorCode::invalid, "idempotency-key-reused",
                                     "this Idempotency-Key was already used with a different request body");
  e.fields.push_back({"Idempotency-Key", "was already used with a different request body"});
  return e;
}

// A consumer refused by a cutoff learns until when online changes were possible, in their zone.
core::Error with_deadline(core::Error e, const core::Booking& b, int cutoff_hours) {
  if (b.status == core::BookingStatus::confirmed && cutoff_hours > 0) {
    const core::Instant deadline = core::consumer_deadline(b, cutoff_hours);
    e.detail += " (online changes were possible until " + core::format_rfc3339(deadline, zone_or_utc(b.consumer.zone)) +
                "; please contact the business)";
  }
  return e;
}

}  // namespace

void Bookings::fill_nearest(const core::Service& service, const std::optional<core::Id>& provider_id,
                            core::Instant wanted, const std::optional<core::Id>& exclude,
                            std::vector<core::Slot>& out) const {
  auto slots = find_slots(service, provider_id, around(wanted), exclude);
  out = slots ? core::nearest_slots(*slots, wanted, kNearestLimit) : std::vector<core::Slot>{};
}

void Bookings::publish(EventKind kind, const core::Booking& b, const store::Actor& by,
                       const std::optional<core::Booking>& before) const {
  Event e;
  e.kind = kind;
  e.booking = b;
  e.actor = by.name;
  if (before) {
    e.previous_time = before->time;
    e.previous_provider_id = before->provider_id;
  }
  events_.publish(e);
  // Anything but a new booking moves or closes the booking's room window.
  if (kind != EventKind::booking_created) {
    e.kind = EventKind::room_changed;
    events_.publish(e);
  }
}

std::vector<core::Provider> Bookings::providers_for(const core::Service& service,
                                                    const std::optional<core::Id>& provider_id) const {
  return catalog_.providers_by_ids(service.business_id,
                                   provider_id ? std::vector<core::Id>{*provider_id} : service.provider_ids);
}

std::vector<core::Slot> Bookings::slots_of(const core::Service& service, const std::vector<core::Provider>& providers,
                                           core::Interval range, const std::optional<core::Id>& exclude_booking) const {
  if (providers.empty() || range.empty()) return {};
  std::vector<core::Id> ids;
  ids.reserve(providers.size());
  for (const auto& p : providers) ids.push_back(p.id);
  std::map<core::Id, std::vector<core::BusyBooking>> busy;
  for (auto& b : bookings_.busy_bookings(ids, {range.begin - kBusyMargin, range.end + kBusyMargin})) {
    if (exclude_booking && b.id == *exclude_booking) continue;
    busy[b.provider_id].push_back(core::BusyBooking{std::move(b.service_id), b.time, b.block, std::move(b.id)});
  }

  core::SlotQuery query;
  query.service = &service;
  query.range = range;
  query.now = clock_.now();
  query.exclude_booking = exclude_booking;
  // Busy times of the providers' external calendars, as last fetched: a failing feed keeps
  // its last known busy times and never blocks booking (issue I).
  std::map<core::Id, std::vector<core::Interval>> external;
  for (auto& b : calendars_.external_busy(ids, {range.begin - kBusyMargin, range.end + kBusyMargin}))
    external[b.provider_id].push_back(b.time);
  for (const auto& p : providers) query.providers.push_back({&p, std::move(busy[p.id]), std::move(external[p.id])});
  return core::compute_slots(query);
}

core::Result<std::vector<core::Slot>> Bookings::find_slots(const core::Service& service,
                                                           const std::optional<core::Id>& provider_id,
                                                           core::Interval range,
                                                           const std::optional<core::Id>& exclude_booking) const {
  if (provider_id && !assigned(service, *provider_id)) return provider_not_in_service();
  if (range.empty()) return std::vector<core::Slot>{};
  return slots_of(service, providers_for(service, provider_id), range, exclude_booking);
}

core::Status check_idempotency_key(const std::string& key) {
  const bool printable = std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
  if (key.empty() || key.size() > kMaxIdempotencyKeyLength || !printable) {
    return core::Error::invalid(
        "Idempotency-Key", "must be 1 to " + std::to_string(kMaxIdempotencyKeyLength) + " printable ASCII characters");
  }
  return core::ok_status();
}

core::Result<std::optional<core::Booking>> Bookings::replay(const core::Id& business_id,
                                                            const std::optional<std::string>& key,
                                                            const std::string& request_fingerprint) const {
  if (!key) return std::optional<core::Booking>{};
  auto earlier = bookings_.booking_by_idempotency_key(business_id, *key);
  if (!earlier) return std::optional<core::Booking>{};
  if (!security::constant_time_equal(earlier->request_fingerprint, request_fingerprint)) return key_reused();
  return std::optional<core::Booking>{std::move(earlier->booking)};
}

core::Result<core::Booking> Bookings::book(const BookRequest& req, std::vector<core::Slot>* nearest) const {
  if (req.idempotency_key) {
    if (auto ok = check_idempotency_key(*req.idempotency_key); !ok) return ok.error();
  }
  const auto again = [&]() -> std::optional<core::Result<core::Booking>> {
    auto earlier = replay(req.business.id, req.idempotency_key, req.request_fingerprint);
    if (!earlier) return core::Result<core::Booking>(earlier.error());
    if (*earlier) return core::Result<core::Booking>(std::move(**earlier));
    return std::nullopt;
  };
  if (auto first = again()) return std::move(*first);
  auto booked = book_new(req, nearest);
  // A concurrent request with the same key may have won the slot (conflict), or the store
  // answered with the booking the key already made (which may carry another body).
  if (req.idempotency_key && (booked || booked.error().code == core::ErrorCode::conflict)) {
    if (auto first = again()) return std::move(*first);
  }
  return booked;
}

core::Result<core::Booking> Bookings::book_new(const BookRequest& req, std::vector<core::Slot>* nearest) const {
  const core::Service& service = req.service;
  // The consumer's details and the answers hold to core's rules whichever entry point books
  // (invalid naming "consumer.<field>" / "answers.<key>"; http has reported every bad field
  // at once before calling).
  if (auto ok = core::validate_consumer(req.consumer); !ok) return ok.error();
  if (auto ok = core::validate_answers(service, req.answers); !ok) return ok.error();
  if (req.provider_id && !assigned(service, *req.provider_id)) return provider_not_in_service();
  const core::Interval time{req.start, req.start + core::Minutes{service.duration_minutes}};

  // Only the slots starting at the wanted instant: the providers asked about, their bookings
  // around that day. The week around it is searched only to offer alternatives on a refusal.
  const std::vector<core::Provider> providers = providers_for(service, req.provider_id);
  const std::vector<core::Slot> slots = slots_of(service, providers, starting_at(req.start), std::nullopt);
  const core::Slot* slot = slot_at(slots, time);
  if (!slot) {
    std::vector<core::Slot> offer;
    fill_nearest(service, req.provider_id, req.start, std::nullopt, offer);
    if (nearest) *nearest = offer;
    metrics_.booking_conflict();
    return slot_taken("that time is not a free slot for this service", offer);
  }

  // "Any provider": the store orders the candidates fairly (core/assignment over loads it
  // reads inside its transaction), so concurrent bookings see each other.
  const std::vector<core::Id> order = req.provider_id ? std::vector<core::Id>{*req.provider_id} : slot->provider_ids;

  store::NewBooking nb;
  for (const auto& id : order) {
    auto it = std::find_if(providers.begin(), providers.end(), [&](const core::Provider& p) { return p.id == id; });
    if (it != providers.end()) nb.candidates.push_back({id, day_of(*it, req.start)});
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
  if (req.sms_consent && !req.consumer.phone.empty()) nb.sms_consent_at = clock_.now();
  nb.messages = plan_for(nb.booking, core::BookingEvent::created, time, nb.sms_consent_at.has_value());

  const store::Actor by{"consumer"};
  auto created = bookings_.create_booking(std::move(nb), by);
  if (!created) {
    if (created.error().code == core::ErrorCode::conflict) {
      // Someone else won the race between our check and the commit: offer what is left.
      std::vector<core::Slot> offer;
      fill_nearest(service, req.provider_id, req.start, std::nullopt, offer);
      if (nearest) *nearest = offer;
      metrics_.booking_conflict();
      return slot_taken("that slot was just taken", offer);
    }
    return created.error();
  }
  metrics_.booking_created();
  publish(EventKind::booking_created, *created, by);
  return created;
}

core::Result<std::vector<core::Slot>> Bookings::slots_to_move(const core::Booking& b, core::Interval range) const {
  auto service = catalog_.service(b.business_id, b.service_id);
  if (!service) return core::Error::make(core::ErrorCode::policy, "the booked service no longer exists");
  if (!assigned(*service, b.provider_id)) service->provider_ids.push_back(b.provider_id);
  return find_slots(*service, b.provider_id, range, b.id);
}

core::Result<core::Booking> Bookings::staff_booking(const core::StaffScope& scope, const core::Id& business_id,
                                                    const core::Id& booking_id) const {
  auto b = bookings_.booking(booking_id);
  if (!b || b->business_id != business_id) return core::Error::make(core::ErrorCode::not_found, "No such booking");
  if (auto ok = core::check_booking_scope(scope, *b); !ok) return ok.error();
  return b;
}

core::Result<store::BookingPage> Bookings::staff_list(const core::StaffScope& scope, store::BookingFilter f) const {
  // An unknown provider is a bad filter, whoever asks (before the scope's 403).
  if (f.provider_id && !catalog_.provider(f.business_id, *f.provider_id)) {
    return core::Error::invalid("providerId", "is not a provider of this business");
  }
  auto provider = core::listing_provider(scope, f.provider_id);
  if (!provider) return provider.error();
  f.provider_id = *provider;
  return bookings_.bookings(f);
}

core::Result<core::Booking> Bookings::reschedule(const RescheduleRequest& req, std::vector<core::Slot>* nearest) const {
  if (req.scope) {
    if (auto ok = core::check_move_scope(*req.scope, req.new_provider); !ok) return ok.error();
  }
  const core::Booking& booking = req.booking;
  auto business = catalog_.business_by_id(booking.business_id);
  if (!business) return business.error();
  const bool consumer = req.actor == core::Actor::consumer;
  auto refuse = [&](core::Error e) {
    if (consumer && e.code == core::ErrorCode::policy) {
      return with_deadline(std::move(e), booking, business->rules.reschedule_cutoff_hours);
    }
    return e;
  };
  if (auto ok = core::check_reschedule(booking, business->rules, req.actor, clock_.now()); !ok) {
    return refuse(ok.error());
  }
  auto service = catalog_.service(booking.business_id, booking.service_id);
  if (!service) return refuse(core::Error::make(core::ErrorCode::policy, "the booked service no longer exists"));
  const core::Id provider_id = req.new_provider.value_or(booking.provider_id);
  const bool moves_provider = provider_id != booking.provider_id;
  if (moves_provider && req.actor != core::Actor::staff) {
    return core::Error::invalid("providerId", "only staff can move a booking to another provider");
  }
  if (moves_provider && !assigned(*service, provider_id)) return provider_not_in_service();
  auto provider = catalog_.provider(booking.business_id, provider_id);
  if (!provider) return moves_provider ? provider_not_in_service() : provider.error();

  const core::Interval time{req.new_start, req.new_start + core::Minutes{service->duration_minutes}};
  // A booking whose provider left the service can still move within that provider's hours.
  core::Service effective = *service;
  if (!assigned(effective, provider_id)) effective.provider_ids.push_back(provider_id);
  const std::vector<core::Slot> slots =
      slots_of(effective, {*provider}, starting_at(req.new_start), std::optional<core::Id>{booking.id});
  if (!slot_at(slots, time)) {
    std::vector<core::Slot> offer;
    fill_nearest(effective, provider_id, req.new_start, booking.id, offer);
    if (nearest) *nearest = offer;
    metrics_.booking_conflict();
    return slot_taken("that time is not a free slot for this booking", offer);
  }

  store::Reschedule r;
  r.booking_id = booking.id;
  if (moves_provider) r.provider_id = provider_id;
  r.time = time;
  r.block = core::padded_block(time, effective);
  r.day = day_of(*provider, req.new_start);
  r.max_per_day = effective.max_per_day;
  r.messages = plan_for(booking, core::BookingEvent::rescheduled, time, outbox_.sms_consent_at(booking.id).has_value(),
                        moves_provider ? provider_id : core::Id{});
  auto moved = bookings_.reschedule_booking(r, req.by);
  if (!moved) {
    if (moved.error().code == core::ErrorCode::conflict) {
      std::vector<core::Slot> offer;
      fill_nearest(effective, provider_id, req.new_start, booking.id, offer);
      if (nearest) *nearest = offer;
      metrics_.booking_conflict();
      return slot_taken("that slot was just taken", offer);
    }
    return moved.error();
  }
  metrics_.booking_rescheduled();
  publish(EventKind::booking_rescheduled, *moved, req.by, booking);
  return moved;
}

core::Result<core::Booking> Bookings::cancel(const core::Booking& booking, const std::string& reason, core::Actor actor,
                                             const store::Actor& by) const {
  auto business = catalog_.business_by_id(booking.business_id);
  if (!business) return business.error();
  if (auto ok = core::check_cancel(booking, business->rules, actor, clock_.now()); !ok) {
    if (actor == core::Actor::consumer && ok.error().code == core::ErrorCode::policy) {
      return with_deadline(ok.error(), booking, business->rules.cancel_cutoff_hours);
    }
    return ok.error();
  }
  auto messages =
      plan_for(booking, core::BookingEvent::cancelled, booking.time, outbox_.sms_consent_at(booking.id).has_value());
  auto cancelled = bookings_.set_booking_status(booking.id, core::BookingStatus::cancelled, reason, by, messages);
  if (!cancelled) return cancelled.error();
  metrics_.booking_cancelled();
  publish(EventKind::booking_cancelled, *cancelled, by);
  return cancelled;
}

core::Result<core::Booking> Bookings::reissue_links(const core::Booking& booking, const store::Actor& by) const {
  if (auto ok = core::check_reissue(booking); !ok) return ok.error();
  const bool sms = outbox_.sms_consent_at(booking.id).has_value() && !booking.consumer.phone.empty();
  auto messages =
      core::plan_links_notice(!booking.consumer.email.empty(), sms, clock_.now(), calendar_sequence(booking));
  return bookings_.reissue_links(booking.id, by, messages);
}

core::Result<core::Booking> Bookings::complete(const core::Booking& booking, const store::Actor& by) const {
  return finish(booking, core::BookingStatus::completed, by);
}

core::Result<core::Booking> Bookings::mark_no_show(const core::Booking& booking, const store::Actor& by) const {
  return finish(booking, core::BookingStatus::no_show, by);
}

core::Result<core::Booking> Bookings::finish(const core::Booking& booking, core::BookingStatus to,
                                             const store::Actor& by) const {
  if (auto ok = core::check_transition(booking, to, clock_.now()); !ok) return ok.error();
  // Pending reminders of a finished appointment are withdrawn by the store; nothing new is owed.
  auto saved = bookings_.set_booking_status(booking.id, to, "", by);
  if (!saved) return saved.error();
  publish(to == core::BookingStatus::completed ? EventKind::booking_completed : EventKind::booking_no_show, *saved, by);
  return saved;
}

int calendar_sequence(const core::Booking& booking) {
  return static_cast<int>(std::count_if(booking.history.begin(), booking.history.end(),
                                        [](const core::BookingChange& c) { return c.action == "rescheduled"; }));
}

std::vector<core::PlannedMessage> Bookings::plan_for(const core::Booking& booking, core::BookingEvent event,
                                                     core::Interval time, bool sms_consent,
                                                     const core::Id& provider_id) const {
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
  in.now = clock_.now();
  in.policy = outbox_.notification_policy(booking.business_id, booking.service_id).policy;
  return core::plan_messages(in);
}

}  // namespace visitd::service
