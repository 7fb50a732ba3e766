#pragma once
// Use cases of a booking's life: find free slots, book, reschedule (time and/or provider),
// cancel, complete, mark a no-show. Each gathers what core needs from the store, lets core
// decide, commits through the store in one transaction (the booking row, its history/audit
// and its planned messages), then counts the metric once and publishes the event.
//
// Refusals are core::Error values: not_found naming `providerId` (not a provider of the
// service), conflict with type "slot-taken"... see each method; a taken slot carries the
// extension member "nearest": up to 5 free slots near the wanted start, each
// {start: instant, end: instant, providerIds: [id]}.
#include <optional>
#include <string>
#include <vector>

#include "core/booking_policy.hpp"
#include "core/reminder_plan.hpp"
#include "core/slot_engine.hpp"
#include "core/staff_policy.hpp"
#include "service/ports.hpp"

namespace visitd::service {

// An Idempotency-Key is 1 to this many printable ASCII characters.
inline constexpr std::size_t kMaxIdempotencyKeyLength = 200;

// invalid naming "Idempotency-Key" unless the key has that shape.
core::Status check_idempotency_key(const std::string& key);

struct BookRequest {
  core::Business business;
  core::Service service;
  std::optional<core::Id> provider_id;  // nullopt = any provider (round robin)
  core::Instant start;
  core::Consumer consumer;
  std::vector<core::Answer> answers;
  // A client's retry key (check_idempotency_key's shape): a request repeating it gets the
  // booking the first one made, as long as its fingerprint matches.
  std::optional<std::string> idempotency_key;
  // What identifies the request's content to its entry point (http: sha256 hex of the
  // body); compared in constant time with the one stored with the key.
  std::string request_fingerprint;
  bool sms_consent = false;  // explicit; stored with its time
};

struct RescheduleRequest {
  core::Booking booking;  // as the caller last read it
  core::Instant new_start;
  std::optional<core::Id> new_provider;  // staff only; nullopt = keep the provider
  core::Actor actor = core::Actor::consumer;
  store::Actor by;
  std::optional<core::StaffScope> scope;  // staff: who acts (core::check_move_scope)
};

class Bookings {
 public:
  // Reads the catalogue, writes bookings with their planned messages (outbox role for SMS
  // consent and the notification policy), counts and publishes.
  Bookings(store::CatalogStore& catalog, store::BookingStore& bookings, store::OutboxStore& outbox,
           store::CalendarStore& calendars, const core::Clock& clock, MetricsSink& metrics, EventSink& events)
      : catalog_(catalog),
        bookings_(bookings),
        outbox_(outbox),
        calendars_(calendars),
        clock_(clock),
        metrics_(metrics),
        events_(events) {}
  explicit Bookings(const Ports& p)
      : Bookings(p.store.catalog, p.store.bookings, p.store.outbox, p.store.calendars, p.clock, p.metrics, p.events) {}

  // Reads: one booking (with answers and history; not_found), a page of a business's
  // bookings.
  [[nodiscard]] core::Result<core::Booking> booking(const core::Id& id) const { return bookings_.booking(id); }
  [[nodiscard]] store::BookingPage list(const store::BookingFilter& f) const { return bookings_.bookings(f); }
  // Staff reads within the caller's scope (core/staff_policy): a booking of the business
  // (not_found otherwise; forbidden when a provider asks for a colleague's), and a page whose
  // provider filter the scope decides (forbidden when a provider asks for a colleague's;
  // invalid naming providerId when the filter names no provider of the business).
  [[nodiscard]] core::Result<core::Booking> staff_booking(const core::StaffScope& scope, const core::Id& business_id,
                                                          const core::Id& booking_id) const;
  [[nodiscard]] core::Result<store::BookingPage> staff_list(const core::StaffScope& scope,
                                                            store::BookingFilter f) const;
  // The booking an earlier request with this Idempotency-Key made (nullopt: the key is new;
  // also for no key). invalid typed "idempotency-key-reused" naming "Idempotency-Key" when
  // that request's fingerprint differs. book() applies this itself; an entry point may ask
  // first to answer a repeat before validating it again (the catalogue may have changed).
  [[nodiscard]] core::Result<std::optional<core::Booking>> replay(const core::Id& business_id,
                                                                  const std::optional<std::string>& key,
                                                                  const std::string& request_fingerprint) const;

  // Free slots of a service in [range), for one provider or every assigned provider.
  // not_found naming providerId when it is not assigned to the service.
  [[nodiscard]] core::Result<std::vector<core::Slot>> find_slots(
      const core::Service& service, const std::optional<core::Id>& provider_id, core::Interval range,
      const std::optional<core::Id>& exclude_booking = std::nullopt) const;

  // Where a booking may move within its own provider's free time in [range). A provider who
  // has since left the service still offers it for their own bookings. policy "the booked
  // service no longer exists" when it was deleted.
  [[nodiscard]] core::Result<std::vector<core::Slot>> slots_to_move(const core::Booking& b, core::Interval range) const;

  // conflict when the slot is not (or no longer) free, with "nearest"; `nearest` (if given)
  // receives the same slots as values. With an Idempotency-Key already used (before or by a
  // racing request), the first booking again, or replay()'s "idempotency-key-reused".
  [[nodiscard]] core::Result<core::Booking> book(const BookRequest& req,
                                                 std::vector<core::Slot>* nearest = nullptr) const;

  // Moves a confirmed booking (same id, history kept). Consumers are held to the cutoff
  // (policy; the detail names the deadline in the consumer's zone); staff may override it
  // and move it to another provider of the service (a provider-role caller only to
  // themselves: forbidden). conflict with "nearest" as for book.
  [[nodiscard]] core::Result<core::Booking> reschedule(const RescheduleRequest& req,
                                                       std::vector<core::Slot>* nearest = nullptr) const;

  // policy when the cutoff passed (consumers) or the booking is final.
  [[nodiscard]] core::Result<core::Booking> cancel(const core::Booking& booking, const std::string& reason,
                                                   core::Actor actor, const store::Actor& by) const;

  // Staff replace a booking's links when one leaked: every link sent so far answers 410
  // link-revoked, and the consumer is sent the new ones (core::plan_links_notice). policy for
  // a cancelled booking (core::check_reissue).
  [[nodiscard]] core::Result<core::Booking> reissue_links(const core::Booking& booking, const store::Actor& by) const;

  // Staff "finish booking": completed / no_show, only once the appointment started (policy).
  [[nodiscard]] core::Result<core::Booking> complete(const core::Booking& booking, const store::Actor& by) const;
  [[nodiscard]] core::Result<core::Booking> mark_no_show(const core::Booking& booking, const store::Actor& by) const;

  // The messages a booking change owes under its service's notification policy (core plans;
  // the store writes them in the change's own transaction). `time` and `provider_id` are the
  // booking's after the change (empty provider = unchanged).
  [[nodiscard]] std::vector<core::PlannedMessage> plan_for(const core::Booking& booking, core::BookingEvent event,
                                                           core::Interval time, bool sms_consent,
                                                           const core::Id& provider_id = {}) const;

 private:
  core::Result<core::Booking> book_new(const BookRequest& req, std::vector<core::Slot>* nearest) const;
  core::Result<core::Booking> finish(const core::Booking& booking, core::BookingStatus to,
                                     const store::Actor& by) const;
  void publish(EventKind kind, const core::Booking& b, const store::Actor& by,
               const std::optional<core::Booking>& before = std::nullopt) const;
  // The providers a search covers (one asked for, or the service's), with schedules.
  std::vector<core::Provider> providers_for(const core::Service& service,
                                            const std::optional<core::Id>& provider_id) const;
  // Slots of these providers starting in `range`, from their busy bookings around it.
  std::vector<core::Slot> slots_of(const core::Service& service, const std::vector<core::Provider>& providers,
                                   core::Interval range, const std::optional<core::Id>& exclude_booking) const;
  void fill_nearest(const core::Service& service, const std::optional<core::Id>& provider_id, core::Instant wanted,
                    const std::optional<core::Id>& exclude, std::vector<core::Slot>& out) const;

  store::CatalogStore& catalog_;
  store::BookingStore& bookings_;
  store::OutboxStore& outbox_;
  store::CalendarStore& calendars_;  // busy times of external calendars (issue I)
  const core::Clock& clock_;
  MetricsSink& metrics_;
  EventSink& events_;
};

// iCalendar SEQUENCE of a booking: raised on every reschedule.
int calendar_sequence(const core::Booking& booking);

}  // namespace visitd::service
