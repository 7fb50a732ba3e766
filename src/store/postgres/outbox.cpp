// The outbox: messages planned inside booking transactions, claimed by workers under a
// lease, and their outcomes. The claim is one UPDATE ... WHERE id IN (SELECT ... FOR UPDATE
// SKIP LOCKED LIMIT n) RETURNING at READ COMMITTED: concurrent claimers (threads or
// instances) skip each other's rows instead of waiting, so no row is ever claimed twice.
#include <algorithm>

#include "store/columns.hpp"

#include "security/crypto.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/postgres/rows.hpp"

namespace visitd::store {

namespace postgres {
namespace {

constexpr int kMaxListed = 500;

// A new outbox row for a planned message. Its Message-ID is its own id, fixed now, so every
// retry and any duplicate after a crash carries the same one.
OutboxMessage fresh_message(core::Id id, const core::Id& business_id, const core::Id& booking_id,
                            const core::PlannedMessage& p, core::Instant now) {
  OutboxMessage m;
  m.id = std::move(id);
  m.message_id = m.id;
  m.business_id = business_id;
  m.booking_id = booking_id;
  m.kind = p.kind;
  m.channel = p.channel;
  m.recipient = p.recipient;
  m.offset_minutes = p.offset_minutes;
  m.sequence = p.sequence;
  m.due_at = p.due_at;
  m.created_at = now;
  m.provider_id = p.provider_id;
  m.time_changed = p.time_changed;
  m.provider_changed = p.provider_changed;
  return m;
}

void insert_message(PGconn* db, const OutboxMessage& m) {
  Statement q(db,
              "INSERT INTO outbox (id, business_id, booking_id, kind, channel, recipient, offset_minutes, sequence, "
              "due_at, status, attempts, next_attempt_at, message_id, created_at, updated_at, provider_id, changes) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'planned', 0, ?9, ?10, ?11, ?11, NULLIF(?12, ''), ?13)");
  q.bind(1, m.id)
      .bind(2, m.business_id)
      .bind(3, m.booking_id)
      .bind(4, kind_column(m.kind))
      .bind(5, channel_column(m.channel))
      .bind(6, recipient_column(m.recipient))
      .bind(7, m.offset_minutes)
      .bind(8, m.sequence)
      .bind(9, m.due_at)
      .bind(10, m.message_id)
      .bind(11, m.created_at)
      .bind(12, m.provider_id)
      .bind(13, changes_text(m.time_changed, m.provider_changed))
      .run();
}

}  // namespace

void PostgresStore::withdraw_pending_messages(PGconn* db, const Id& booking_id, std::string_view why) const {
  // 'sending' rows too: a sender that is mid-flight keeps its record (see record_send_outcome),
  // and a dead sender's expired lease can no longer resurrect a reminder for a cancelled booking.
  Statement q(db,
              "UPDATE outbox SET status = 'withdrawn', last_error = ?, updated_at = ? "
              "WHERE booking_id = ? AND status IN ('planned', 'sending')");
  q.bind(1, why).bind(2, now()).bind(3, booking_id).run();
}

void PostgresStore::plan_messages(PGconn* db, const core::Booking& b,
                                  const std::vector<core::PlannedMessage>& messages) const {
  for (const auto& p : messages) insert_message(db, fresh_message(new_id("msg_"), b.business_id, b.id, p, now()));
}

std::vector<OutboxMessage> PostgresStore::claim_due_messages(const std::string& owner, Instant at, core::Seconds lease,
                                                             int limit) {
  return write_locked([&](PGconn* db) {
    Statement q(db, std::string("UPDATE outbox SET status = 'sending', lease_owner = ?1, lease_until = ?2, "
                                "attempts = attempts + 1, updated_at = ?3 WHERE id IN (SELECT id FROM outbox "
                                "WHERE (status = 'planned' AND next_attempt_at <= ?3) "
                                "OR (status = 'sending' AND lease_until < ?3) "
                                "ORDER BY next_attempt_at, id LIMIT ?4 FOR UPDATE SKIP LOCKED) RETURNING ") +
                        kOutboxColumns);
    q.bind(1, owner).bind(2, at + lease).bind(3, at).bind(4, std::clamp(limit, 1, kMaxListed));
    std::vector<OutboxMessage> out;
    while (q.step()) out.push_back(outbox_row(q));
    std::sort(out.begin(), out.end(),
              [](const OutboxMessage& a, const OutboxMessage& b) { return a.next_attempt_at < b.next_attempt_at; });
    return out;
  });
}

Status PostgresStore::record_send_outcome(const Id& message_id, const std::string& owner, const SendOutcome& o) {
  return write([&](PGconn* db) -> Status {
    int changed = 0;
    if (o.status == MessageStatus::sent) {
      // Withdrawn while in flight: it did go out; keep "withdrawn" but record the send.
      Statement q(
          db,
          "UPDATE outbox SET status = CASE status WHEN 'sending' THEN 'sent' ELSE status END, address = ?, "
          "carrier_id = ?, sent_at = ?, last_error = '', error_code = '', lease_owner = NULL, lease_until = NULL, "
          "updated_at = ? WHERE id = ? AND lease_owner = ?");
      q.bind(1, o.address).bind(2, o.carrier_id).bind(3, now()).bind(4, now()).bind(5, message_id).bind(6, owner);
      changed = q.run();
    } else {
      const bool retry = o.status == MessageStatus::planned;
      Statement q(db,
                  "UPDATE outbox SET status = ?1, address = ?2, last_error = ?3, next_attempt_at = "
                  "COALESCE(?4, next_attempt_at), lease_owner = NULL, lease_until = NULL, updated_at = ?5, "
                  "error_code = ?8 WHERE id = ?6 AND lease_owner = ?7 AND status = 'sending'");
      q.bind(1, message_status_column(o.status))
          .bind(2, o.address)
          .bind(3, o.error)
          .bind(4, retry ? o.retry_at : std::optional<Instant>{})
          .bind(5, now())
          .bind(6, message_id)
          .bind(7, owner)
          .bind(8, o.error_code);
      changed = q.run();
    }
    if (changed == 0) return core::Error::make(core::ErrorCode::not_found, "message is not held by this sender");
    return core::ok_status();
  });
}

Status PostgresStore::record_delivery(const std::string& carrier_id, bool delivered, const std::string& error) {
  return write([&](PGconn* db) -> Status {
    if (carrier_id.empty()) return core::Error::make(core::ErrorCode::not_found, "unknown message");
    Statement q(db,
                "UPDATE outbox SET status = ?, last_error = ?, updated_at = ? WHERE carrier_id = ? "
                "AND status IN ('sent', 'delivered', 'failed')");
    q.bind(1, delivered ? "delivered" : "failed").bind(2, error).bind(3, now()).bind(4, carrier_id);
    if (q.run() == 0) return core::Error::make(core::ErrorCode::not_found, "unknown message");
    return core::ok_status();
  });
}

std::vector<OutboxMessage> PostgresStore::booking_messages(const Id& booking_id) {
  return read([&](PGconn* db) {
    Statement q(db, std::string("SELECT ") + kOutboxColumns +
                        " FROM outbox WHERE booking_id = ? ORDER BY created_at, due_at, kind, channel, recipient");
    q.bind(1, booking_id);
    std::vector<OutboxMessage> out;
    while (q.step()) out.push_back(outbox_row(q));
    return out;
  });
}

std::vector<OutboxMessage> PostgresStore::recent_messages(int limit) {
  return read([&](PGconn* db) {
    Statement q(db, std::string("SELECT ") + kOutboxColumns + " FROM outbox ORDER BY updated_at DESC, id LIMIT ?");
    q.bind(1, std::clamp(limit, 1, kMaxListed));
    std::vector<OutboxMessage> out;
    while (q.step()) out.push_back(outbox_row(q));
    return out;
  });
}

Result<OutboxMessage> PostgresStore::resend_message(const Id& booking_id, const Id& message_id, const Actor& by) {
  return write([&](PGconn* db) -> Result<OutboxMessage> {
    Statement q(db, std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE id = ? AND booking_id = ?");
    q.bind(1, message_id).bind(2, booking_id);
    if (!q.step()) return core::Error::make(core::ErrorCode::not_found, "message not found");
    OutboxMessage m = outbox_row(q);
    // A resend is the same message planned again, due now, as a new row with its own Message-ID.
    const core::PlannedMessage again{m.kind,        m.channel,        m.recipient,
                                     now(),         m.offset_minutes, m.sequence,
                                     m.provider_id, m.time_changed,   m.provider_changed};
    const OutboxMessage copy = fresh_message(new_id("msg_"), m.business_id, m.booking_id, again, now());
    insert_message(db, copy);
    audit(db, m.business_id, by, "message.resend", "message:" + m.id, "copy=" + copy.id);
    Statement back(db, std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE id = ?");
    back.bind(1, copy.id);
    back.step();
    return outbox_row(back);
  });
}

}  // namespace postgres
}  // namespace visitd::store
