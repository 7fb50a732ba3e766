#pragma once
// Store role: bookings. The atomic create and reschedule that guarantee no double booking,
// status changes with history, listing, idempotency, and the facts slot search reads.
// Decisions are core's (core/assignment.hpp, core/booking_policy.hpp): the store re-reads
// the facts inside its write transaction and asks core.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assignment.hpp"
#include "core/reminder_plan.hpp"
#include "store/actor.hpp"

namespace visitd::store {

struct BookingFilter {
  Id business_id;
  std::optional<Interval> range;  // bookings whose time overlaps it
  std::optional<Id> provider_id;
  std::optional<core::BookingStatus> status;
  // Words a staff member searches by (k-polish): a booking matches when the consumer's name,
  // email or phone or one of the answers (the reason for the visit) contains it, ignoring
  // ASCII case; empty = no text filter.
  std::string text;
  int limit = 50;  // 1..200
  int offset = 0;
};

struct BookingPage {
  std::vector<core::Booking> items;  // by start, then id
  int total = 0;                     // matching rows, ignoring limit/offset
};

// A provider who could take a new booking.
struct BookingCandidate {
  Id provider_id;
  Interval day;  // the provider-local day containing the start, for max_per_day
};

// A booking to insert atomically. Inside one write transaction the store re-reads, for
// each candidate, whether it still offers the service, whether its padded block is free,
// its bookings of the service that day and (for round robin) its load; core::choose_provider
// picks the provider.
struct NewBooking {
  core::Booking booking;  // id/created_at/provider_id/history filled by the store
  std::vector<BookingCandidate> candidates;
  // as_given: the caller's order (one chosen provider, or staff's pick). round_robin: "any
  // provider", fairest first by core::round_robin_order over loads read in the transaction.
  core::CandidateOrder order = core::CandidateOrder::as_given;
  int max_per_day = 0;  // of this service per provider per day; 0 = unlimited
  // Scoped to the business. When a booking with this key exists, create_booking returns
  // it unchanged instead of inserting (checked inside the same transaction).
  std::optional<std::string> idempotency_key;
  std::string request_fingerprint;             // sha256 of the request body, kept with the key
  std::vector<core::PlannedMessage> messages;  // outbox rows written in the same transaction
  std::optional<Instant> sms_consent_at;       // the consumer agreed to SMS at this time
};

// A move of an existing confirmed booking; the same collision rules, ignoring itself.
struct Reschedule {
  Id booking_id;
  Interval time;
  Interval block;
  Interval day;  // provider-local day of the new start
  int max_per_day = 0;
  std::string reason;
  std::optional<Id> provider_id = {};  // staff may move it to another provider of the service
  // Pending messages of the booking are withdrawn and these written, in the same transaction.
  std::vector<core::PlannedMessage> messages = {};
};

struct IdempotentBooking {
  core::Booking booking;
  std::string request_fingerprint;  // a repeat with another body is refused by the edge
};

class BookingStore {
 public:
  virtual ~BookingStore() = default;

  // Confirmed bookings of these providers whose block overlaps `range`, by block start. Only
  // what slot search reads is filled: id, service_id, provider_id, time, block, status (no
  // consumer, answers or history).
  virtual std::vector<core::Booking> busy_bookings(const std::vector<Id>& provider_ids, Interval range) = 0;
  // Round robin's view: per provider, bookings that took their time (not cancelled) starting
  // in `window`, and the assignment order of the latest (see core::ProviderLoad).
  virtual std::map<Id, core::ProviderLoad> provider_loads(const std::vector<Id>& provider_ids, Interval window) = 0;
  // conflict when no candidate is free at commit time (core::choose_provider's errors);
  // invalid "end" for an empty time or a block longer than core::kMaxBlockLength. With an idempotency key already used:
  // the first booking unchanged, or conflict when its request fingerprint differs.
  virtual Result<core::Booking> create_booking(NewBooking nb, const Actor& by) = 0;
  // policy error when the booking is no longer confirmed (core::check_movable); conflict
  // when the new block collides or the day limit is reached; not_found.
  virtual Result<core::Booking> reschedule_booking(const Reschedule& r, const Actor& by) = 0;
  // Checked by core::check_status_change against the status read in the transaction (two
  // racing cancels cannot both succeed); time rules are the caller's (core::check_transition).
  // `messages` are written after the booking's pending messages are withdrawn, in the same
  // transaction (a cancellation's notice; nothing for completed/no-show).
  virtual Result<core::Booking> set_booking_status(const Id& booking_id, core::BookingStatus to,
                                                   const std::string& reason, const Actor& by,
                                                   const std::vector<core::PlannedMessage>& messages = {}) = 0;
  // Raises the booking's capability version, so every link issued before answers 410
  // link-revoked, and writes `messages` (the notice carrying the new links), in one
  // transaction with an audit record ("booking.links_reissue"). core::check_reissue's policy
  // error for a cancelled booking (read in the transaction); not_found.
  virtual Result<core::Booking> reissue_links(const Id& booking_id, const Actor& by,
                                              const std::vector<core::PlannedMessage>& messages) = 0;
  virtual Result<core::Booking> booking(const Id& booking_id) = 0;  // with answers and history; not_found
  virtual BookingPage bookings(const BookingFilter& f) = 0;

  virtual std::optional<IdempotentBooking> booking_by_idempotency_key(const Id& business_id,
                                                                      const std::string& key) = 0;
};

}  // namespace visitd::store
