// Bookings: the atomic create/reschedule that guarantees no double booking, status
// transitions with history, and the staff listing. Every decision is core's
// (core/assignment, core/booking_policy); this file re-reads the facts inside the write
// transaction and asks.
#include <algorithm>
#include <utility>

#include "core/assignment.hpp"
#include "core/booking_policy.hpp"
#include "core/link_policy.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/postgres/rows.hpp"
#include "store/text_search.hpp"

namespace visitd::store::postgres {
namespace {

constexpr int kMaxPageSize = 200;

core::Error booking_not_found() { return core::Error::make(core::ErrorCode::not_found, "booking not found"); }
core::Error slot_taken() { return core::Error::make(core::ErrorCode::conflict, "slot is no longer available"); }

// Must run inside the write transaction that then inserts or moves the booking.
// block_start's lower bound (no block is longer than core::kMaxBlockLength) keeps the index
// range to the neighbourhood of `block` instead of every earlier booking of the provider.
bool collides(PGconn* db, const Id& provider_id, Interval block, const Id& except_booking) {
  Statement q(db,
              "SELECT 1 FROM bookings WHERE provider_id = ? AND status = 'confirmed' "
              "AND block_start > ? AND block_start < ? AND block_end > ? AND id <> ? LIMIT 1");
  q.bind(1, provider_id)
      .bind(2, block.begin - core::kMaxBlockLength)
      .bind(3, block.end)
      .bind(4, block.begin)
      .bind(5, except_booking);
  return q.step();
}

int confirmed_of_service_in(PGconn* db, const Id& provider_id, const Id& service_id, Interval day,
                            const Id& except_booking) {
  Statement q(db,
              "SELECT COUNT(*) FROM bookings WHERE provider_id = ? AND service_id = ? AND status = 'confirmed' "
              "AND start_at >= ? AND start_at < ? AND id <> ?");
  q.bind(1, provider_id).bind(2, service_id).bind(3, day.begin).bind(4, day.end).bind(5, except_booking);
  q.step();
  return q.integer(0);
}

// Round robin's view of a provider: bookings that took their time in the window, and the
// latest one's seq as the assignment order (seq grows with every insert; bookings are never
// deleted).
core::ProviderLoad load_of(PGconn* db, const Id& provider_id, Interval window) {
  Statement q(db,
              "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM bookings WHERE provider_id = ? "
              "AND status <> 'cancelled' AND start_at >= ? AND start_at < ?");
  q.bind(1, provider_id).bind(2, window.begin).bind(3, window.end);
  q.step();
  return {q.integer(0), q.int64(1)};
}

// A candidate must still offer the service when the transaction runs: a provider removed
// or unlinked since the slots were computed is skipped.
bool offers_service(PGconn* db, const Id& business_id, const Id& service_id, const Id& provider_id) {
  Statement q(db,
              "SELECT 1 FROM service_providers sp JOIN providers p ON p.id = sp.provider_id "
              "JOIN services s ON s.id = sp.service_id "
              "WHERE sp.service_id = ? AND sp.provider_id = ? AND p.business_id = ? AND s.business_id = ? "
              "AND p.deleted_at IS NULL AND s.deleted_at IS NULL");
  q.bind(1, service_id).bind(2, provider_id).bind(3, business_id).bind(4, business_id);
  return q.step();
}

void append_history(PGconn* db, const Id& booking_id, const core::BookingChange& c) {
  Statement q(db,
              "INSERT INTO booking_history (booking_id, seq, at, action, actor, from_start, from_end, to_start, "
              "to_end, reason) VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM booking_history "
              "WHERE booking_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  q.bind(1, booking_id)
      .bind(2, c.at)
      .bind(3, c.action)
      .bind(4, c.actor)
      .bind(5, c.from.begin)
      .bind(6, c.from.end)
      .bind(7, c.to.begin)
      .bind(8, c.to.end)
      .bind(9, c.reason)
      .run();
}

std::optional<core::Error> check_times(Interval time, Interval block) {
  if (time.empty()) return core::Error::invalid("end", "must be after start");
  if (!block.contains(time)) return core::Error::make(core::ErrorCode::internal, "booking block must contain its time");
  if (block.end - block.begin > core::kMaxBlockLength) {
    return core::Error::invalid("end", "a booking with its buffers may last at most three days");
  }
  return std::nullopt;
}

const char* audit_action(core::BookingStatus to) {
  switch (to) {
    case core::BookingStatus::cancelled:
      return "booking.cancel";
    case core::BookingStatus::completed:
      return "booking.complete";
    case core::BookingStatus::no_show:
      return "booking.no_show";
    case core::BookingStatus::confirmed:
      break;
  }
  return "booking.confirm";
}

// The booking id and request fingerprint stored under an idempotency key.
std::optional<std::pair<Id, std::string>> idempotent_booking_id(PGconn* db, const Id& business_id,
                                                                const std::string& key) {
  Statement q(db, "SELECT id, request_fingerprint FROM bookings WHERE business_id = ? AND idempotency_key = ?");
  q.bind(1, business_id).bind(2, key);
  if (!q.step()) return std::nullopt;
  return std::pair{q.text(0), q.text(1)};
}

// Serializes creators that carry the same Idempotency-Key (key space 2), so the second one
// finds the first one's booking instead of failing on the unique key.
void lock_idempotency_key(PGconn* db, const Id& business_id, const std::string& key) {
  Statement q(db, "SELECT pg_advisory_xact_lock(2, hashtext(?::text || '/' || ?::text))");
  q.bind(1, business_id).bind(2, key);
  q.step();
}

// Locks the booking's row for the rest of the transaction; its current provider.
std::optional<Id> booking_provider_for_update(PGconn* db, const Id& booking_id) {
  Statement q(db, "SELECT provider_id FROM bookings WHERE id = ? FOR UPDATE");
  q.bind(1, booking_id);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

}  // namespace

std::vector<core::Booking> PostgresStore::busy_bookings(const std::vector<Id>& provider_ids, Interval range) {
  // Slot queries run hot: only the columns the slot engine reads, from the covering index
  // bookings_busy (migration 0008) over a range bounded on both sides (see collides()).
  return read([&](PGconn* db) {
    Statement q(db,
                "SELECT id, service_id, start_at, end_at, block_start, block_end FROM bookings "
                "WHERE provider_id = ? AND status = 'confirmed' AND block_start > ? AND block_start < ? "
                "AND block_end > ? ORDER BY block_start");
    std::vector<core::Booking> out;
    for (const auto& provider_id : provider_ids) {
      q.reset();
      q.bind(1, provider_id).bind(2, range.begin - core::kMaxBlockLength).bind(3, range.end).bind(4, range.begin);
      while (q.step()) {
        core::Booking& b = out.emplace_back();
        b.id = q.text(0);
        b.service_id = q.text(1);
        b.provider_id = provider_id;
        b.time = {q.instant(2), q.instant(3)};
        b.block = {q.instant(4), q.instant(5)};
        b.status = core::BookingStatus::confirmed;
      }
    }
    return out;
  });
}

std::map<Id, core::ProviderLoad> PostgresStore::provider_loads(const std::vector<Id>& provider_ids, Interval window) {
  return read([&](PGconn* db) {
    std::map<Id, core::ProviderLoad> out;
    for (const auto& provider_id : provider_ids) out[provider_id] = load_of(db, provider_id, window);
    return out;
  });
}

Result<core::Booking> PostgresStore::create_booking(NewBooking nb, const Actor& by) {
  // READ COMMITTED under the candidates' locks, taken before anything is read: each
  // statement then sees every booking committed before the lock was granted, so the
  // collision check and the per-day count are exact; the exclusion constraint backs the
  // collision check whatever happens.
  return write_locked([&](PGconn* db) -> Result<core::Booking> {
    core::Booking& b = nb.booking;
    if (nb.idempotency_key) lock_idempotency_key(db, b.business_id, *nb.idempotency_key);
    {
      std::vector<Id> ids;
      for (const auto& c : nb.candidates) ids.push_back(c.provider_id);
      lock_providers(db, std::move(ids));
    }
    if (nb.idempotency_key) {
      if (auto existing = idempotent_booking_id(db, b.business_id, *nb.idempotency_key)) {
        // The edge refuses a reused key with another body before calling; this catches the
        // same mistake when both requests raced past that check.
        if (!nb.request_fingerprint.empty() && !existing->second.empty() &&
            existing->second != nb.request_fingerprint) {
          return core::Error::make(core::ErrorCode::conflict,
                                   "Idempotency-Key was already used with a different request");
        }
        return *load_booking(db, existing->first);
      }
    }
    if (auto e = check_times(b.time, b.block)) return *e;

    // Facts about every candidate as they stand now, under the write lock; core picks.
    const Interval window = core::round_robin_window(b.time.begin);
    std::vector<core::CandidateFacts> facts;
    facts.reserve(nb.candidates.size());
    for (const auto& c : nb.candidates) {
      core::CandidateFacts f;
      f.provider_id = c.provider_id;
      f.offers_service = offers_service(db, b.business_id, b.service_id, c.provider_id);
      if (f.offers_service) {
        f.free = !collides(db, c.provider_id, b.block, Id());
        if (nb.max_per_day > 0)
          f.bookings_that_day = confirmed_of_service_in(db, c.provider_id, b.service_id, c.day, Id());
        if (nb.order == core::CandidateOrder::round_robin) f.load = load_of(db, c.provider_id, window);
      }
      facts.push_back(std::move(f));
    }
    auto chosen = core::choose_provider(facts, nb.max_per_day, nb.order);
    if (!chosen) return chosen.error();

    b.id = new_id("bk_");
    b.provider_id = *chosen;
    b.status = core::BookingStatus::confirmed;
    b.cancel_reason.clear();
    b.capability_version = std::max(1, b.capability_version);
    b.created_at = now();
    Statement q(db,
                "INSERT INTO bookings (id, business_id, service_id, provider_id, start_at, end_at, block_start, "
                "block_end, status, consumer_name, consumer_email, consumer_phone, consumer_zone, cancel_reason, "
                "capability_version, idempotency_key, request_fingerprint, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, '', ?, ?, ?, ?)");
    q.bind(1, b.id)
        .bind(2, b.business_id)
        .bind(3, b.service_id)
        .bind(4, b.provider_id)
        .bind(5, b.time.begin)
        .bind(6, b.time.end)
        .bind(7, b.block.begin)
        .bind(8, b.block.end)
        .bind(9, b.consumer.name)
        .bind(10, b.consumer.email)
        .bind(11, b.consumer.phone)
        .bind(12, b.consumer.zone)
        .bind(13, b.capability_version)
        .bind(14, nb.idempotency_key)
        .bind(15, nb.request_fingerprint)
        .bind(16, b.created_at)
        .run();

    Statement answer(db, "INSERT INTO booking_answers (booking_id, position, key, value) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < b.answers.size(); ++i) {
      answer.reset();
      answer.bind(1, b.id).bind(2, static_cast<int>(i)).bind(3, b.answers[i].key).bind(4, b.answers[i].value).run();
    }
    if (nb.sms_consent_at) {
      Statement consent(db, "UPDATE bookings SET sms_consent_at = ? WHERE id = ?");
      consent.bind(1, *nb.sms_consent_at).bind(2, b.id).run();
    }
    append_history(db, b.id, {b.created_at, "created", by.name, b.time, b.time, ""});
    audit(db, b.business_id, by, "booking.create", "booking:" + b.id, "provider=" + b.provider_id);
    plan_messages(db, b, nb.messages);
    return *load_booking(db, b.id);
  });
}

Result<core::Booking> PostgresStore::reschedule_booking(const Reschedule& r, const Actor& by) {
  // As create_booking: READ COMMITTED under the providers' locks, the booking's row locked
  // before its status is read (a racing cancel either commits first and is seen, or waits).
  return write_locked([&](PGconn* db) -> Result<core::Booking> {
    auto current = booking_provider_for_update(db, r.booking_id);
    if (!current) return booking_not_found();
    lock_providers(db, {*current, r.provider_id.value_or(*current)});
    auto b = load_booking(db, r.booking_id);
    if (!b) return booking_not_found();
    if (auto movable = core::check_movable(b->status); !movable) return movable.error();
    if (auto e = check_times(r.time, r.block)) return *e;
    const Id provider_id = r.provider_id.value_or(b->provider_id);
    if (provider_id != b->provider_id && !offers_service(db, b->business_id, b->service_id, provider_id)) {
      return slot_taken();
    }
    if (collides(db, provider_id, r.block, b->id)) return slot_taken();
    if (!core::under_day_limit(confirmed_of_service_in(db, provider_id, b->service_id, r.day, b->id), r.max_per_day)) {
      return slot_taken();
    }

    Statement q(db,
                "UPDATE bookings SET start_at = ?, end_at = ?, block_start = ?, block_end = ?, provider_id = ?, "
                "capability_version = capability_version + 1 WHERE id = ?");
    q.bind(1, r.time.begin)
        .bind(2, r.time.end)
        .bind(3, r.block.begin)
        .bind(4, r.block.end)
        .bind(5, provider_id)
        .bind(6, b->id)
        .run();
    append_history(db, b->id, {now(), "rescheduled", by.name, b->time, r.time, r.reason});
    audit(db, b->business_id, by, "booking.reschedule", "booking:" + b->id);
    withdraw_pending_messages(db, b->id, "replaced by a reschedule");
    plan_messages(db, *b, r.messages);
    return *load_booking(db, b->id);
  });
}

Result<core::Booking> PostgresStore::set_booking_status(const Id& booking_id, core::BookingStatus to,
                                                        const std::string& reason, const Actor& by,
                                                        const std::vector<core::PlannedMessage>& messages) {
  return write([&](PGconn* db) -> Result<core::Booking> {
    auto b = load_booking(db, booking_id);
    if (!b) return booking_not_found();
    // Re-checked under the write lock: two racing cancels cannot both succeed. Time-based
    // rules (cutoffs, "only after start") are core's, checked by the caller.
    if (auto allowed = core::check_status_change(b->status, to); !allowed) return allowed.error();
    // A cancellation revokes every link sent so far (they answer "cancelled" from now on);
    // completing or marking a no-show keeps them.
    Statement q(db,
                "UPDATE bookings SET status = ?, cancel_reason = ?, capability_version = capability_version + ? "
                "WHERE id = ?");
    q.bind(1, status_text(to))
        .bind(2, to == core::BookingStatus::cancelled ? reason : std::string())
        .bind(3, to == core::BookingStatus::cancelled ? 1 : 0)
        .bind(4, b->id)
        .run();
    append_history(db, b->id, {now(), status_text(to), by.name, b->time, b->time, reason});
    audit(db, b->business_id, by, audit_action(to), "booking:" + b->id);
    withdraw_pending_messages(db, b->id, std::string("booking ") + status_text(to));
    plan_messages(db, *b, messages);
    return *load_booking(db, b->id);
  });
}

Result<core::Booking> PostgresStore::reissue_links(const Id& booking_id, const Actor& by,
                                                   const std::vector<core::PlannedMessage>& messages) {
  return write([&](PGconn* db) -> Result<core::Booking> {
    auto b = load_booking(db, booking_id);
    if (!b) return booking_not_found();
    if (auto allowed = core::check_reissue(*b); !allowed) return allowed.error();
    Statement q(db, "UPDATE bookings SET capability_version = capability_version + 1 WHERE id = ?");
    q.bind(1, b->id).run();
    audit(db, b->business_id, by, "booking.links_reissue", "booking:" + b->id);
    plan_messages(db, *b, messages);
    return *load_booking(db, b->id);
  });
}

Result<core::Booking> PostgresStore::booking(const Id& booking_id) {
  return read([&](PGconn* db) -> Result<core::Booking> {
    auto b = load_booking(db, booking_id);
    if (!b) return booking_not_found();
    return *b;
  });
}

BookingPage PostgresStore::bookings(const BookingFilter& f) {
  return read([&](PGconn* db) {
    // Only fixed clauses are appended; every value is a bound parameter.
    std::string where = "WHERE business_id = ?";
    if (f.range) where += " AND start_at < ? AND end_at > ?";
    if (f.provider_id) where += " AND provider_id = ?";
    if (f.status) where += " AND status = ?";
    const std::string contains = like_contains(f.text);
    if (!f.text.empty()) where += kBookingTextFilter;
    auto bind_filter = [&](Statement& q) {
      int i = 1;
      q.bind(i++, f.business_id);
      if (f.range) {
        q.bind(i++, f.range->end);
        q.bind(i++, f.range->begin);
      }
      if (f.provider_id) q.bind(i++, *f.provider_id);
      if (f.status) q.bind(i++, status_text(*f.status));
      if (!f.text.empty())
        for (int k = 0; k < kBookingTextFilterParams; ++k) q.bind(i++, contains);
      return i;
    };

    BookingPage page;
    Statement count(db, "SELECT COUNT(*) FROM bookings " + where);
    bind_filter(count);
    count.step();
    page.total = count.integer(0);

    Statement q(db, std::string(kBookingSelect) + where + " ORDER BY start_at, id LIMIT ? OFFSET ?");
    int next = bind_filter(q);
    q.bind(next, std::clamp(f.limit, 1, kMaxPageSize)).bind(next + 1, std::max(0, f.offset));
    while (q.step()) page.items.push_back(booking_row(q));
    for (auto& b : page.items) load_booking_details(db, b);
    return page;
  });
}

std::optional<IdempotentBooking> PostgresStore::booking_by_idempotency_key(const Id& business_id,
                                                                           const std::string& key) {
  return read([&](PGconn* db) -> std::optional<IdempotentBooking> {
    Statement q(db, "SELECT id, request_fingerprint FROM bookings WHERE business_id = ? AND idempotency_key = ?");
    q.bind(1, business_id).bind(2, key);
    if (!q.step()) return std::nullopt;
    Id id = q.text(0);
    std::string fingerprint = q.text(1);
    auto b = load_booking(db, id);
    if (!b) return std::nullopt;
    return IdempotentBooking{std::move(*b), std::move(fingerprint)};
  });
}

// ---- audit -----------------------------------------------------------------

std::vector<core::AuditEntry> PostgresStore::audit_log(const Id& business_id, int limit, int offset) {
  return read([&](PGconn* db) {
    Statement q(db,
                "SELECT id, business_id, at, actor, action, target, detail FROM audit_log WHERE business_id = ? "
                "ORDER BY seq DESC LIMIT ? OFFSET ?");
    q.bind(1, business_id).bind(2, std::clamp(limit, 1, kMaxPageSize)).bind(3, std::max(0, offset));
    std::vector<core::AuditEntry> out;
    while (q.step()) out.push_back(audit_row(q));
    return out;
  });
}

AuditPage PostgresStore::audit_page(const Id& business_id, const AuditQuery& query) {
  return read([&](PGconn* db) {
    // Unset filters bind NULL and match everything, so one statement serves every query.
    const std::string where =
        " FROM audit_log WHERE business_id = ?1 AND (?2::text IS NULL OR actor = ?2::text) "
        "AND (?3::text IS NULL OR action = ?3::text OR substr(action, 1, length(?3::text) + 1) = ?3::text || '.') "
        "AND (?4::bigint IS NULL OR at >= ?4::bigint) AND (?5::bigint IS NULL OR at < ?5::bigint)";
    auto bind = [&](Statement& q) {
      q.bind(1, business_id).bind(2, query.actor).bind(3, query.action);
      if (query.period)
        q.bind(4, query.period->begin).bind(5, query.period->end);
      else
        q.bind_null(4).bind_null(5);
    };
    AuditPage page;
    Statement count(db, "SELECT count(*)" + where);
    bind(count);
    if (count.step()) page.total = count.int64(0);
    Statement q(db, "SELECT id, business_id, at, actor, action, target, detail" + where +
                        " ORDER BY seq DESC LIMIT ?6 OFFSET ?7");
    bind(q);
    q.bind(6, std::clamp(query.limit, 1, kMaxPageSize)).bind(7, std::max(0, query.offset));
    while (q.step()) page.items.push_back(audit_row(q));
    return page;
  });
}

}  // namespace visitd::store::postgres
