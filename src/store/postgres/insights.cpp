// InsightStore on PostgreSQL: the bookings starting in a period and their reminders' outcomes,
// read in one transaction (a REPEATABLE READ snapshot).
#include "store/columns.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/postgres/rows.hpp"

namespace visitd::store::postgres {

namespace {

// The filters as SQL; each combination is prepared once per connection.
std::string filters(const InsightQuery& q) {
  std::string sql = "b.business_id = ? AND b.start_at >= ? AND b.start_at < ?";
  if (q.provider_id) sql += " AND b.provider_id = ?";
  if (q.service_id) sql += " AND b.service_id = ?";
  return sql;
}

void bind_filters(Statement& s, const InsightQuery& q) {
  s.bind(1, q.business_id).bind(2, q.range.begin).bind(3, q.range.end);
  int i = 4;
  if (q.provider_id) s.bind(i++, *q.provider_id);
  if (q.service_id) s.bind(i++, *q.service_id);
}

}  // namespace

InsightFacts PostgresStore::insight_facts(const InsightQuery& q) {
  return read([&](PGconn* db) {
    InsightFacts facts;
    Statement b(
        db, "SELECT b.provider_id, b.service_id, b.start_at, b.end_at, b.created_at, b.status FROM bookings b WHERE " +
                filters(q) + " ORDER BY b.start_at, b.id");
    bind_filters(b, q);
    while (b.step()) {
      core::InsightBooking ib;
      ib.provider_id = b.text(0);
      ib.service_id = b.text(1);
      ib.time = {b.instant(2), b.instant(3)};
      ib.created_at = b.instant(4);
      ib.status = status_column(b, 5);  // the column's spelling (no_show), not the wire's
      facts.bookings.push_back(std::move(ib));
    }
    Statement r(db, "SELECT o.channel, o.status, COUNT(*) FROM outbox o JOIN bookings b ON b.id = o.booking_id WHERE " +
                        filters(q) +
                        " AND o.kind = 'reminder' GROUP BY o.channel, o.status ORDER BY o.channel, o.status");
    bind_filters(r, q);
    while (r.step()) {
      core::ReminderTally t;
      t.channel = channel_from_column(r.text(0)).value_or(core::Channel::email);
      t.outcome = reminder_outcome(r.text(1));
      t.count = r.int64(2);
      facts.reminders.push_back(t);
    }
    return facts;
  });
}

}  // namespace visitd::store::postgres
