// Notification settings in the SQLite store: per-business/per-service policy, editable
// templates, SMS consent and opt-outs, and the demo capture.
#include <algorithm>

#include "store/columns.hpp"

#include "store/sqlite/rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace visitd::store::sqlite {
namespace {

constexpr int kMaxCaptured = 500;

// The policy row's routes (and, for a service row, its offsets); nullopt when absent.
std::optional<core::NotificationPolicy> policy_row(sqlite3* db, const Id& business_id, const Id& service_id) {
  Statement q(db,
              "SELECT confirmation, reschedule, cancellation, reminder, reminder_offsets FROM notification_policies "
              "WHERE business_id = ? AND service_id = ?");
  q.bind(1, business_id).bind(2, service_id);
  if (!q.step()) return std::nullopt;
  return notification_policy_row(q);
}

void upsert_policy(sqlite3* db, const Id& business_id, const Id& service_id, const core::NotificationPolicy& p) {
  Statement q(db,
              "INSERT INTO notification_policies (business_id, service_id, confirmation, reschedule, cancellation, "
              "reminder, reminder_offsets) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (business_id, service_id) DO "
              "UPDATE SET confirmation = excluded.confirmation, reschedule = excluded.reschedule, "
              "cancellation = excluded.cancellation, reminder = excluded.reminder, "
              "reminder_offsets = excluded.reminder_offsets");
  q.bind(1, business_id)
      .bind(2, service_id)
      .bind(3, routes_to_column(p.confirmation))
      .bind(4, routes_to_column(p.reschedule))
      .bind(5, routes_to_column(p.cancellation))
      .bind(6, routes_to_column(p.reminder))
      .bind(7, reminder_offsets_text(p.reminder_offsets_minutes))
      .run();
}

}  // namespace

std::optional<Instant> SqliteStore::sms_consent_at(const Id& booking_id) {
  return read([&](sqlite3* db) -> std::optional<Instant> {
    Statement q(db, "SELECT sms_consent_at FROM bookings WHERE id = ?");
    q.bind(1, booking_id);
    if (!q.step()) return std::nullopt;
    return q.optional_instant(0);
  });
}

void SqliteStore::set_sms_opt_out(const std::string& e164, bool opted_out) {
  write([&](sqlite3* db) {
    if (opted_out) {
      Statement q(db, "INSERT INTO sms_opt_outs (phone, opted_out_at) VALUES (?, ?) ON CONFLICT (phone) DO NOTHING");
      q.bind(1, e164).bind(2, now()).run();
    } else {
      Statement q(db, "DELETE FROM sms_opt_outs WHERE phone = ?");
      q.bind(1, e164).run();
    }
    return 0;
  });
}

std::optional<Instant> SqliteStore::sms_opted_out_at(const std::string& e164) {
  return read([&](sqlite3* db) -> std::optional<Instant> {
    Statement q(db, "SELECT opted_out_at FROM sms_opt_outs WHERE phone = ?");
    q.bind(1, e164);
    if (!q.step()) return std::nullopt;
    return q.instant(0);
  });
}

PolicyRecord SqliteStore::notification_policy(const Id& business_id, const std::optional<Id>& service_id) {
  return read([&](sqlite3* db) {
    PolicyRecord rec;
    if (service_id && !service_id->empty()) {
      if (auto own = policy_row(db, business_id, *service_id)) {
        rec.policy = std::move(*own);
        rec.overridden = true;
        return rec;
      }
    }
    if (auto biz = policy_row(db, business_id, "")) rec.policy = std::move(*biz);
    // The business's offsets live with its booking rules (one source for both APIs).
    if (auto b = load_business_by_id(db, business_id)) {
      rec.policy.reminder_offsets_minutes = b->rules.reminder_offsets_minutes;
    }
    return rec;
  });
}

Status SqliteStore::put_notification_policy(const Id& business_id, const std::optional<Id>& service_id,
                                            const std::optional<core::NotificationPolicy>& policy, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    const bool for_service = service_id && !service_id->empty();
    if (for_service) {
      if (!load_service(db, business_id, *service_id))
        return core::Error::make(core::ErrorCode::not_found, "service not found");
      if (policy) {
        upsert_policy(db, business_id, *service_id, *policy);
      } else {
        Statement q(db, "DELETE FROM notification_policies WHERE business_id = ? AND service_id = ?");
        q.bind(1, business_id).bind(2, *service_id).run();
      }
      audit(db, business_id, by, "notification_policy.update", "service:" + *service_id);
      return core::ok_status();
    }
    if (!policy) return core::Error::invalid("policy", "is required");
    upsert_policy(db, business_id, "", *policy);
    Statement q(db, "UPDATE businesses SET reminder_offsets = ? WHERE id = ?");
    q.bind(1, reminder_offsets_text(policy->reminder_offsets_minutes)).bind(2, business_id);
    if (q.run() == 0) return core::Error::make(core::ErrorCode::not_found, "business not found");
    audit(db, business_id, by, "notification_policy.update", "business:" + business_id);
    return core::ok_status();
  });
}

std::optional<MessageTemplate> SqliteStore::message_template(const Id& business_id, core::MessageKind kind,
                                                             core::Channel channel) {
  return read([&](sqlite3* db) -> std::optional<MessageTemplate> {
    Statement q(db,
                "SELECT kind, channel, subject, text_body, html_body FROM message_templates "
                "WHERE business_id = ? AND kind = ? AND channel = ?");
    q.bind(1, business_id).bind(2, kind_column(kind)).bind(3, channel_column(channel));
    if (!q.step()) return std::nullopt;
    return template_row(q);
  });
}

std::vector<MessageTemplate> SqliteStore::message_templates(const Id& business_id) {
  return read([&](sqlite3* db) {
    Statement q(db,
                "SELECT kind, channel, subject, text_body, html_body FROM message_templates WHERE business_id = ? "
                "ORDER BY kind, channel");
    q.bind(1, business_id);
    std::vector<MessageTemplate> out;
    while (q.step()) out.push_back(template_row(q));
    return out;
  });
}

Status SqliteStore::put_message_template(const Id& business_id, const MessageTemplate& t, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    Statement q(db,
                "INSERT INTO message_templates (business_id, kind, channel, subject, text_body, html_body) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (business_id, kind, channel) DO UPDATE SET "
                "subject = excluded.subject, text_body = excluded.text_body, html_body = excluded.html_body");
    q.bind(1, business_id)
        .bind(2, kind_column(t.kind))
        .bind(3, channel_column(t.channel))
        .bind(4, t.subject)
        .bind(5, t.text_body)
        .bind(6, t.html_body)
        .run();
    audit(db, business_id, by, "message_template.update",
          std::string("template:") + kind_column(t.kind) + "/" + channel_column(t.channel));
    return core::ok_status();
  });
}

Status SqliteStore::delete_message_template(const Id& business_id, core::MessageKind kind, core::Channel channel,
                                            const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    Statement q(db, "DELETE FROM message_templates WHERE business_id = ? AND kind = ? AND channel = ?");
    q.bind(1, business_id).bind(2, kind_column(kind)).bind(3, channel_column(channel));
    if (q.run() == 0) return core::Error::make(core::ErrorCode::not_found, "template not customised");
    audit(db, business_id, by, "message_template.delete",
          std::string("template:") + kind_column(kind) + "/" + channel_column(channel));
    return core::ok_status();
  });
}

void SqliteStore::capture_message(const CapturedMessage& m) {
  write([&](sqlite3* db) {
    Statement q(db,
                "INSERT INTO captured_messages (outbox_id, channel, address, subject, body, captured_at) "
                "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, m.outbox_id)
        .bind(2, channel_column(m.channel))
        .bind(3, m.address)
        .bind(4, m.subject)
        .bind(5, m.body)
        .bind(6, now())
        .run();
    return 0;
  });
}

std::vector<CapturedMessage> SqliteStore::captured_messages(int limit) {
  return read([&](sqlite3* db) {
    Statement q(db,
                "SELECT seq, outbox_id, channel, address, subject, body, captured_at FROM captured_messages "
                "ORDER BY seq DESC LIMIT ?");
    q.bind(1, std::clamp(limit, 1, kMaxCaptured));
    std::vector<CapturedMessage> out;
    while (q.step()) {
      CapturedMessage m;
      m.seq = q.int64(0);
      m.outbox_id = q.text(1);
      m.channel = channel_from_column(q.text(2)).value_or(core::Channel::email);
      m.address = q.text(3);
      m.subject = q.text(4);
      m.body = q.text(5);
      m.captured_at = q.instant(6);
      out.push_back(std::move(m));
    }
    return out;
  });
}

}  // namespace visitd::store::sqlite
