// WebhookStore on SQLite: endpoints, and their deliveries as an outbox of their own. The claim
// is one UPDATE ... WHERE id IN (SELECT ...) RETURNING under the write lock; a delivery whose
// endpoint has an earlier one of the same subject still owed is not claimed, so a subject's
// events reach a receiver in the order they happened.
#include <algorithm>
#include <tuple>

#include "store/sqlite/sqlite_store.hpp"
#include "store/webhook_text.hpp"

namespace visitd::store::sqlite {
namespace {

constexpr int kMaxListed = 500;

constexpr const char* kEndpointColumns =
    "id, business_id, url, event_types, description, secret, enabled, created_at, updated_at";

WebhookEndpoint endpoint_row(Statement& q) {
  WebhookEndpoint e;
  e.id = q.text(0);
  e.business_id = q.text(1);
  e.url = q.text(2);
  e.event_types = split_event_types(q.text(3));
  e.description = q.text(4);
  e.secret = q.text(5);
  e.enabled = q.int64(6) != 0;
  e.created_at = q.instant(7);
  e.updated_at = q.instant(8);
  return e;
}

constexpr const char* kDeliveryColumns =
    "id, endpoint_id, business_id, message_id, event_type, subject, payload, status, attempts, next_attempt_at, "
    "created_at, delivered_at";

WebhookDelivery delivery_row(Statement& q) {
  WebhookDelivery d;
  d.id = q.text(0);
  d.endpoint_id = q.text(1);
  d.business_id = q.text(2);
  d.message_id = q.text(3);
  d.event_type = q.text(4);
  d.subject = q.text(5);
  d.payload = q.text(6);
  d.status = delivery_status_column(q.text(7));
  d.attempts = q.integer(8);
  d.next_attempt_at = q.instant(9);
  d.created_at = q.instant(10);
  d.delivered_at = q.optional_instant(11);
  return d;
}

std::optional<WebhookEndpoint> find_endpoint(sqlite3* db, const Id& business_id, const Id& webhook_id) {
  Statement q(db,
              std::string("SELECT ") + kEndpointColumns + " FROM webhook_endpoints WHERE id = ? AND business_id = ?");
  q.bind(1, webhook_id).bind(2, business_id);
  if (!q.step()) return std::nullopt;
  return endpoint_row(q);
}

core::Error endpoint_not_found() { return core::Error::make(core::ErrorCode::not_found, "webhook not found"); }

void insert_delivery(sqlite3* db, const WebhookDelivery& d) {
  Statement q(db,
              "INSERT INTO webhook_deliveries (id, endpoint_id, business_id, message_id, event_type, subject, payload, "
              "status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)");
  q.bind(1, d.id)
      .bind(2, d.endpoint_id)
      .bind(3, d.business_id)
      .bind(4, d.message_id)
      .bind(5, d.event_type)
      .bind(6, d.subject)
      .bind(7, d.payload)
      .bind(8, d.next_attempt_at)
      .bind(9, d.created_at)
      .run();
}

}  // namespace

Result<WebhookEndpoint> SqliteStore::create_webhook(WebhookEndpoint e, const Actor& by) {
  return write([&](sqlite3* db) -> Result<WebhookEndpoint> {
    e.id = new_id("wh_");
    e.created_at = e.updated_at = now();
    Statement q(db,
                "INSERT INTO webhook_endpoints (id, business_id, url, event_types, description, secret, enabled, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, e.id)
        .bind(2, e.business_id)
        .bind(3, e.url)
        .bind(4, join_event_types(e.event_types))
        .bind(5, e.description)
        .bind(6, e.secret)
        .bind(7, e.enabled)
        .bind(8, e.created_at)
        .bind(9, e.updated_at)
        .run();
    audit(db, e.business_id, by, "webhook.create", "webhook:" + e.id, e.url);
    return e;
  });
}

std::vector<WebhookEndpoint> SqliteStore::webhooks_of(const Id& business_id) {
  return read([&](sqlite3* db) {
    Statement q(db, std::string("SELECT ") + kEndpointColumns +
                        " FROM webhook_endpoints WHERE business_id = ? ORDER BY created_at, id");
    q.bind(1, business_id);
    std::vector<WebhookEndpoint> out;
    while (q.step()) out.push_back(endpoint_row(q));
    return out;
  });
}

Result<WebhookEndpoint> SqliteStore::webhook(const Id& business_id, const Id& webhook_id) {
  return read([&](sqlite3* db) -> Result<WebhookEndpoint> {
    if (auto e = find_endpoint(db, business_id, webhook_id)) return *e;
    return endpoint_not_found();
  });
}

Result<WebhookEndpoint> SqliteStore::update_webhook(const Id& business_id, const Id& webhook_id,
                                                    const WebhookEndpointPatch& patch, const Actor& by) {
  return write([&](sqlite3* db) -> Result<WebhookEndpoint> {
    auto e = find_endpoint(db, business_id, webhook_id);
    if (!e) return endpoint_not_found();
    if (patch.url) e->url = *patch.url;
    if (patch.event_types) e->event_types = *patch.event_types;
    if (patch.description) e->description = *patch.description;
    if (patch.enabled) e->enabled = *patch.enabled;
    e->updated_at = now();
    Statement q(db,
                "UPDATE webhook_endpoints SET url = ?, event_types = ?, description = ?, enabled = ?, updated_at = ? "
                "WHERE id = ?");
    q.bind(1, e->url)
        .bind(2, join_event_types(e->event_types))
        .bind(3, e->description)
        .bind(4, e->enabled)
        .bind(5, e->updated_at)
        .bind(6, e->id)
        .run();
    audit(db, business_id, by, "webhook.update", "webhook:" + e->id, e->enabled ? "enabled" : "disabled");
    return *e;
  });
}

Status SqliteStore::delete_webhook(const Id& business_id, const Id& webhook_id, const Actor& by) {
  return write([&](sqlite3* db) -> Status {
    Statement q(db, "DELETE FROM webhook_endpoints WHERE id = ? AND business_id = ?");
    q.bind(1, webhook_id).bind(2, business_id);
    if (q.run() == 0) return endpoint_not_found();
    audit(db, business_id, by, "webhook.delete", "webhook:" + webhook_id);
    return core::ok_status();
  });
}

int SqliteStore::enqueue_webhook_event(const WebhookEvent& ev, Instant at) {
  return write([&](sqlite3* db) {
    Statement q(db, "SELECT id, event_types FROM webhook_endpoints WHERE business_id = ? AND enabled = 1 ORDER BY id");
    q.bind(1, ev.business_id);
    std::vector<Id> targets;
    while (q.step()) {
      if (subscribes_to(q.text(1), ev.event_type)) targets.push_back(q.text(0));
    }
    const std::string message_id = new_id("msg_");
    for (const auto& endpoint_id : targets) {
      WebhookDelivery d;
      d.id = new_id("whd_");
      d.endpoint_id = endpoint_id;
      d.business_id = ev.business_id;
      d.message_id = message_id;
      d.event_type = ev.event_type;
      d.subject = ev.subject;
      d.payload = ev.payload;
      d.next_attempt_at = at;
      d.created_at = at;
      insert_delivery(db, d);
    }
    return static_cast<int>(targets.size());
  });
}

std::vector<WebhookDelivery> SqliteStore::claim_webhook_deliveries(const std::string& owner, Instant at,
                                                                   core::Seconds lease, int limit) {
  return write([&](sqlite3* db) {
    Statement q(db, std::string("UPDATE webhook_deliveries SET status = 'sending', lease_owner = ?1, lease_until = ?2, "
                                "attempts = attempts + 1 WHERE id IN (SELECT d.id FROM webhook_deliveries d "
                                "JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE e.enabled = 1 AND "
                                "((d.status = 'pending' AND d.next_attempt_at <= ?3) OR "
                                "(d.status = 'sending' AND d.lease_until < ?3)) AND NOT EXISTS (SELECT 1 FROM "
                                "webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id AND p.subject = d.subject "
                                "AND p.seq < d.seq AND p.status IN ('pending', 'sending')) "
                                "ORDER BY d.next_attempt_at, d.seq LIMIT ?4) RETURNING ") +
                        kDeliveryColumns);
    q.bind(1, owner).bind(2, at + lease).bind(3, at).bind(4, std::clamp(limit, 1, kMaxListed));
    std::vector<WebhookDelivery> out;
    while (q.step()) out.push_back(delivery_row(q));
    for (auto& d : out) {
      Statement e(db, "SELECT url, secret FROM webhook_endpoints WHERE id = ?");
      e.bind(1, d.endpoint_id);
      if (e.step()) {
        d.url = e.text(0);
        d.secret = e.text(1);
      }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
    });
    return out;
  });
}

Status SqliteStore::record_webhook_attempt(const Id& delivery_id, const std::string& owner, const WebhookOutcome& o) {
  return write([&](sqlite3* db) -> Status {
    const bool retry = o.status == DeliveryStatus::pending;
    Statement q(db,
                "UPDATE webhook_deliveries SET status = ?1, next_attempt_at = COALESCE(?2, next_attempt_at), "
                "delivered_at = ?3, lease_owner = NULL, lease_until = NULL "
                "WHERE id = ?4 AND lease_owner = ?5 AND status = 'sending'");
    q.bind(1, delivery_status_column_text(o.status))
        .bind(2, retry ? o.retry_at : std::optional<Instant>{})
        .bind(3, o.status == DeliveryStatus::delivered ? std::optional<Instant>{o.attempt.at} : std::nullopt)
        .bind(4, delivery_id)
        .bind(5, owner);
    if (q.run() == 0) return core::Error::make(core::ErrorCode::not_found, "delivery not held by this owner");
    Statement log(db,
                  "INSERT INTO webhook_attempts (delivery_id, attempted_at, response_code, latency_ms, error) "
                  "VALUES (?, ?, ?, ?, ?)");
    log.bind(1, delivery_id)
        .bind(2, o.attempt.at)
        .bind(3, o.attempt.response_code)
        .bind(4, o.attempt.latency_ms)
        .bind(5, o.attempt.error)
        .run();
    return core::ok_status();
  });
}

Result<std::vector<WebhookDelivery>> SqliteStore::webhook_deliveries(const Id& business_id, const Id& webhook_id,
                                                                     int limit) {
  return read([&](sqlite3* db) -> Result<std::vector<WebhookDelivery>> {
    if (!find_endpoint(db, business_id, webhook_id)) return endpoint_not_found();
    Statement q(db, std::string("SELECT ") + kDeliveryColumns +
                        " FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY seq DESC LIMIT ?");
    q.bind(1, webhook_id).bind(2, std::clamp(limit, 1, kMaxListed));
    std::vector<WebhookDelivery> out;
    while (q.step()) out.push_back(delivery_row(q));
    for (auto& d : out) {
      Statement a(db,
                  "SELECT attempted_at, response_code, latency_ms, error FROM webhook_attempts WHERE delivery_id = ? "
                  "ORDER BY seq");
      a.bind(1, d.id);
      while (a.step()) d.log.push_back(WebhookAttempt{a.instant(0), a.integer(1), a.integer(2), a.text(3)});
    }
    return out;
  });
}

Result<WebhookDelivery> SqliteStore::redeliver_webhook(const Id& business_id, const Id& webhook_id,
                                                       const Id& delivery_id, const Actor& by) {
  return write([&](sqlite3* db) -> Result<WebhookDelivery> {
    if (!find_endpoint(db, business_id, webhook_id)) return endpoint_not_found();
    Statement q(
        db, std::string("SELECT ") + kDeliveryColumns + " FROM webhook_deliveries WHERE id = ? AND endpoint_id = ?");
    q.bind(1, delivery_id).bind(2, webhook_id);
    if (!q.step()) return core::Error::make(core::ErrorCode::not_found, "delivery not found");
    WebhookDelivery d = delivery_row(q);
    d.id = new_id("whd_");
    d.status = DeliveryStatus::pending;
    d.attempts = 0;
    d.next_attempt_at = d.created_at = now();
    d.delivered_at.reset();
    insert_delivery(db, d);
    audit(db, business_id, by, "webhook.redeliver", "webhook:" + webhook_id, d.message_id);
    return d;
  });
}

}  // namespace visitd::store::sqlite
